package io.plateau.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.strategy.Strategies;
import io.plateau.strategy.StrategyDefinition;
import io.plateau.util.InputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {

  private static final StrategyDefinition SMA_CROSS = Strategies.get("sma-cross");

  /** fast 5,10,15 × slow 10,20 × direction long,both; atr_stop and atr_period fixed. */
  private static ParameterSpace space(String... constraints) {
    Set<String> names = Set.of("fast", "slow", "direction", "atr_stop", "atr_period");
    return new ParameterSpace(SMA_CROSS, List.of(new Axis("fast", List.of("5", "10", "15")),
        new Axis("slow", List.of("10", "20")), new Axis("direction", List.of("long", "both")),
        new Axis("atr_stop", List.of("0")), new Axis("atr_period", List.of("14"))),
        Arrays.stream(constraints).map(c -> Constraint.parse(c, "strategy.constraints", names)).toList());
  }

  @Test
  void idsAreMixedRadixWithTheFirstAxisMostSignificant() {
    ParameterSpace space = space();
    assertEquals(12, space.size());
    // fast=10 (step 1), slow=20 (step 1), direction=both (step 1): 1·4 + 1·2 + 1 = 7.
    assertEquals(7, space.id(new int[] {1, 1, 1, 0, 0}));
    assertArrayEquals(new int[] {1, 1, 1, 0, 0}, space.steps(7));
    assertEquals(Map.of("fast", "10", "slow", "20", "direction", "both", "atr_stop", "0", "atr_period", "14"),
        space.values(7));
    assertEquals("sma-cross atr_period=14 atr_stop=0 direction=both fast=10 slow=20", space.spec(7).toString());
    assertEquals(List.of("fast", "slow", "direction"), List.copyOf(space.varyingValues(7).keySet()));
    for (long id = 0; id < space.size(); id++) {
      assertEquals(id, space.id(space.steps(id)));
    }
  }

  @Test
  void aSingleRunTakesTheGivenValueThenTheStudysThenTheDefaultOnTheAxisThenTheAxissFirst() {
    // sma-cross defaults: fast 50, slow 200, direction long, atr_stop 0.0, atr_period 14.
    ParameterSpace space = new ParameterSpace(SMA_CROSS, List.of(new Axis("fast", List.of("5", "10", "15")),
        new Axis("slow", List.of("100", "200")), new Axis("direction", List.of("both", "long")),
        new Axis("atr_stop", List.of("2", "0")), new Axis("atr_period", List.of("20"))), List.of());
    Map<String, ParameterSpace.SingleRunValue> chosen = space.singleRun(Map.of("direction", "short"));
    assertEquals(List.of("fast", "slow", "direction", "atr_stop", "atr_period"), List.copyOf(chosen.keySet()));
    assertEquals(new ParameterSpace.SingleRunValue("5", ParameterSpace.Origin.FIRST_OF_AXIS), chosen.get("fast"),
        "the default 50 is not on the axis");
    assertEquals(new ParameterSpace.SingleRunValue("200", ParameterSpace.Origin.DEFAULT), chosen.get("slow"));
    assertEquals(new ParameterSpace.SingleRunValue("short", ParameterSpace.Origin.GIVEN), chosen.get("direction"),
        "a given value wins, even off the axis");
    assertEquals(new ParameterSpace.SingleRunValue("0", ParameterSpace.Origin.DEFAULT), chosen.get("atr_stop"),
        "numbers compare as numbers (default 0.0 is the axis's 0), and the axis's text is taken");
    assertEquals(new ParameterSpace.SingleRunValue("20", ParameterSpace.Origin.STUDY), chosen.get("atr_period"),
        "a one-value axis is the study's choice, not the default 14");
    assertEquals(ParameterSpace.Origin.DEFAULT, space.singleRun(Map.of()).get("direction").origin(),
        "the default long is on the axis, though not first");
    InputException unknown = assertThrows(InputException.class, () -> space.singleRun(Map.of("fastt", "5")));
    assertTrue(unknown.getMessage().contains("'fastt'") && unknown.getMessage().contains("fast"),
        unknown.getMessage());
  }

  @Test
  void constraintsAndTheStrategysOwnRulesFilterTheGridButKeepIds() {
    // sma-cross itself requires fast < slow: fast=10/slow=10 and fast=15/slow=10 are out (4 sets).
    assertEquals(8, space().admittedCount());
    ParameterSpace constrained = space("fast <= 5");
    assertEquals(4, constrained.admittedCount());
    assertArrayEquals(new long[] {0, 1, 2, 3}, constrained.admittedIn(0, 12));
    assertTrue(constrained.admits(3));
    assertFalse(constrained.admits(7), "fast=10 breaks fast <= 5");
    assertEquals(space().spec(3), constrained.spec(3), "constraints do not move ids");
  }

  @Test
  void constraintsNameParametersAndOperatorsOrFail() {
    Set<String> names = Set.of("fast", "slow");
    assertTrue(Constraint.parse("fast < slow", "k", names).holds(Map.of("fast", "5", "slow", "6")));
    assertFalse(Constraint.parse("slow >= 2.5", "k", names).holds(Map.of("slow", "2")));
    InputException unknown = assertThrows(InputException.class, () -> Constraint.parse("fats < slow", "k", names));
    assertTrue(unknown.getMessage().contains("'fats'"), unknown.getMessage());
    InputException syntax = assertThrows(InputException.class, () -> Constraint.parse("fast <> slow", "k", names));
    assertTrue(syntax.getMessage().startsWith("k: constraint 'fast <> slow'"), syntax.getMessage());
  }

  @Test
  void randomSearchDrawsDistinctAdmittedIdsFromItsSeed() {
    ParameterSpace space = space();
    long[] drawn = new Search.Random(5, 42).ids(space);
    assertEquals(5, drawn.length);
    assertEquals(5, Arrays.stream(drawn).distinct().count());
    assertTrue(Arrays.stream(drawn).allMatch(space::admits));
    assertArrayEquals(drawn, new Search.Random(5, 42).ids(space), "same seed, same sets");
    assertFalse(Arrays.equals(drawn, new Search.Random(5, 43).ids(space)), "another seed, other sets");
    assertArrayEquals(space.admittedIn(0, 12), new Search.Random(100, 1).ids(space),
        "asking for more than the grid admits gives the whole admitted grid");
  }
}
