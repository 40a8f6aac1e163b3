package io.plateau.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticConfigTest {

  private static final String BUILT_IN_TEXT = builtInText();

  private static String builtInText() {
    try (InputStream in = SyntheticConfig.class.getResourceAsStream("/io/plateau/data/synthetic/synthetic.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputException parseError(String yaml) {
    return assertThrows(InputException.class, () -> SyntheticConfig.parse(yaml, "test.yaml"));
  }

  @Test
  void builtInConfigurationIsPackagedAndComplete() {
    SyntheticConfig config = SyntheticConfig.builtIn();
    assertEquals(LocalDate.of(1990, 1, 2), config.startDate());
    assertEquals(List.of("ES", "NQ", "RTY", "YM"), List.copyOf(config.families().keySet()));
    assertEquals(List.of(LocalTime.of(7, 30), LocalTime.of(13, 0)), config.market().jumps().eventTimes());
    assertEquals(900_000, config.volume().perDayOf("MES"));
    assertEquals(config.volume().otherPerDay(), config.volume().perDayOf("CL"), "unlisted symbols");
    assertTrue(config.market().garchOmega() > 0);
  }

  @Test
  void aUserFileLoadsLikeTheBuiltInOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("my-synthetic.yaml");
    Files.writeString(file, BUILT_IN_TEXT.replace("annual_vol: 0.17", "annual_vol: 0.25"));
    assertEquals(0.25, SyntheticConfig.load(file).market().annualVol());
  }

  @Test
  void unknownKeysAreErrorsNamingTheKeyPath() {
    InputException top = parseError(BUILT_IN_TEXT + "\nsurprise: 1\n");
    assertTrue(top.getMessage().startsWith("test.yaml: surprise: unknown key"), top.getMessage());
    InputException nested = parseError(BUILT_IN_TEXT.replace("    alpha: 0.03", "    alpha: 0.03\n    gamma: 0.1"));
    assertTrue(nested.getMessage().contains("market.garch.gamma: unknown key"), nested.getMessage());
    InputException family = parseError(BUILT_IN_TEXT.replace("    market_beta: 1.0\n", "    market_beta: 1.0\n    colour: red\n"));
    assertTrue(family.getMessage().contains("families.ES.colour: unknown key"), family.getMessage());
  }

  @Test
  void missingAndMistypedValuesNameTheKeyAndValue() {
    InputException missing = parseError(BUILT_IN_TEXT.replace("  after_halt: 0.05", ""));
    assertTrue(missing.getMessage().contains("gaps.after_halt: missing"), missing.getMessage());
    InputException text = parseError(BUILT_IN_TEXT.replace("per_year: 4", "per_year: often"));
    assertTrue(text.getMessage().contains("market.jumps.per_year: bad value 'often'; expected a number"),
        text.getMessage());
    InputException date = parseError(BUILT_IN_TEXT.replace("start_date: 1990-01-02", "start_date: 1990-13-02"));
    assertTrue(date.getMessage().contains("start_date: bad value '1990-13-02'"), date.getMessage());
  }

  @Test
  void outOfRangeValuesAreErrorsNamingTheKey() {
    InputException share = parseError(BUILT_IN_TEXT.replace("at_open_share: 0.3", "at_open_share: 1.5"));
    assertTrue(share.getMessage().contains("market.jumps: at_open_share must be within 0..1, was 1.5"),
        share.getMessage());
    InputException explosive = parseError(BUILT_IN_TEXT.replace("beta: 0.90", "beta: 0.99"));
    assertTrue(explosive.getMessage().contains("market.garch"), explosive.getMessage());
    InputException level = parseError(BUILT_IN_TEXT.replace("2000-03-24: 1530", "2000-03-24: -1"));
    assertTrue(level.getMessage().contains("families.ES: levels.2000-03-24 must be a finite number > 0, was -1.0"),
        level.getMessage());
  }

  @Test
  void familyLevelsInterpolateLogLinearly() {
    SyntheticConfig.Family family = new SyntheticConfig.Family(1, 0.03,
        new TreeMap<>(Map.of(LocalDate.of(2000, 1, 1), 100.0, LocalDate.of(2000, 1, 3), 400.0)));
    assertEquals(100, family.levelOn(LocalDate.of(1999, 1, 1)), 1e-9, "before the first level");
    assertEquals(200, family.levelOn(LocalDate.of(2000, 1, 2)), 1e-9, "geometric midpoint");
    assertEquals(400, family.levelOn(LocalDate.of(2030, 1, 1)), 1e-9, "after the last level");
  }

  @Test
  void aFamilyThatCannotMoveIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig.Family(
        0, 0, new TreeMap<>(Map.of(LocalDate.of(2000, 1, 1), 100.0))));
    assertTrue(error.getMessage().contains("cannot both be 0"), error.getMessage());
  }
}
