package io.plateau.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.robust.TradeMonteCarlo.Mode;
import io.plateau.robust.TradeMonteCarlo.Result;
import io.plateau.robust.TradeMonteCarlo.Settings;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TradeMonteCarloTest {

  /** Net P&amp;L in cents-precise dollars, which floating-point addition does not sum exactly in every order. */
  private static final double[] MIXED = {123.45, -67.89, 10.01, -250.5, 88.8, 42.42, -5.55, 310.07, -199.99, 0.1};

  /** Three trades small enough to enumerate: +100, −50, −30 from a $1,000 account. */
  private static final double[] THREE = {100, -50, -30};

  private static final double START = 10_000;

  // ---------------------------------------------------------------- reshuffle

  @Test
  void reshuffleKeepsTheFinalEquityOfEveryRunExactly() {
    double original = START;
    for (double trade : MIXED) {
      original += trade;
    }
    Result result = TradeMonteCarlo.simulate(MIXED, Settings.of(Mode.RESHUFFLE, 7, START));
    for (double finalEquity : result.finalEquities()) {
      assertEquals(original, finalEquity, 0);
    }
    assertTrue(result.maxDrawdownPercentile(0) < result.maxDrawdownPercentile(100), "the paths differ");
  }

  /**
   * The six orders of +100, −50, −30 from $1,000, by hand (path: max drawdown, fraction of its peak):
   * <pre>
   *   +100 −50 −30   1100 1050 1020   80   80/1100
   *   +100 −30 −50   1100 1070 1020   80   80/1100
   *   −50 +100 −30    950 1050 1020   50   50/1000  (the later 30 from 1050 is smaller in both)
   *   −50 −30 +100    950  920 1020   80   80/1000
   *   −30 +100 −50    970 1070 1020   50   50/1070  (bigger than 30/1000)
   *   −30 −50 +100    970  920 1020   80   80/1000
   * </pre>
   * So the drawdown is 80 with probability 4/6 and 50 with 2/6, and the fraction takes four values.
   */
  @Test
  void threeReshuffledTradesFollowTheirSixPermutations() {
    int runs = 6_000;
    Result result = TradeMonteCarlo.simulate(THREE, new Settings(Mode.RESHUFFLE, runs, 42, 1_000, 0));
    double[] drawdowns = result.maxDrawdowns();
    long eighty = Arrays.stream(drawdowns).filter(d -> d == 80).count();
    long fifty = Arrays.stream(drawdowns).filter(d -> d == 50).count();
    assertEquals(runs, eighty + fifty, "no other drawdown is possible");
    // Binomial standard deviation √(2/9 / 6000) ≈ 0.006; allow 5 of them.
    assertEquals(4 / 6.0, eighty / (double) runs, 0.03);
    assertEquals(50, result.maxDrawdownPercentile(0), 0);
    assertEquals(80, result.maxDrawdownPercentile(100), 0);
    assertEquals(50, result.maxDrawdownPercentile(5), 0);
    assertEquals(80, result.maxDrawdown95(), 0);

    double[] fractions = Arrays.stream(result.maxDrawdownFractions()).distinct().toArray();
    assertEquals(Arrays.toString(new double[] {50 / 1070.0, 50 / 1000.0, 80 / 1100.0, 80 / 1000.0}),
        Arrays.toString(fractions));
    assertEquals(1_020, result.finalEquityPercentile(0), 0);
    assertEquals(1_020, result.finalEquityPercentile(100), 0);
    assertEquals(920, result.lowestEquities()[0], 0, "the deepest path goes through 920");
  }

  @Test
  void reshuffledDrawdownsConvergeToTheExactPermutationDistribution() {
    assertConvergesToEnumeration(Mode.RESHUFFLE, new double[] {100, -50, -30, 40, -80}, 20_000);
  }

  // ---------------------------------------------------------------- bootstrap

  @Test
  void bootstrappedDrawdownsConvergeToTheExactDistributionOfAllSequences() {
    assertConvergesToEnumeration(Mode.BOOTSTRAP, THREE, 20_000);
  }

  /** Over the 27 sequences of THREE: the best is +100 three times (no drawdown), the worst −50 three times. */
  @Test
  void threeBootstrappedTradesReachBothExtremes() {
    Result result = TradeMonteCarlo.simulate(THREE, new Settings(Mode.BOOTSTRAP, 5_000, 3, 1_000, 0));
    assertEquals(0, result.maxDrawdownPercentile(0), 0);
    assertEquals(150, result.maxDrawdownPercentile(100), 0);
    assertEquals(850, result.finalEquityPercentile(0), 0);
    assertEquals(1_300, result.finalEquityPercentile(100), 0);
  }

  /**
   * Each bootstrapped final equity is the start plus N draws from the trades, so its mean is
   * {@code start + N·mean} and its standard deviation {@code √N·σ} (σ the trades' population deviation); the mean
   * of R runs is within {@code 4·√N·σ/√R} of it but for a 1-in-15,000 chance.
   */
  @Test
  void bootstrapMeanFinalEquityIsStartPlusTradesTimesTheirMean() {
    SplittableRandom random = new SplittableRandom(2024);
    double[] trades = new double[60];
    for (int i = 0; i < trades.length; i++) {
      trades[i] = Math.round((random.nextDouble() - 0.45) * 800 * 100) / 100.0;
    }
    double mean = Arrays.stream(trades).average().orElseThrow();
    double variance = Arrays.stream(trades).map(t -> (t - mean) * (t - mean)).sum() / trades.length;
    int runs = 4_000;
    Result result = TradeMonteCarlo.simulate(trades, new Settings(Mode.BOOTSTRAP, runs, 11, START, 0));
    double meanFinal = Arrays.stream(result.finalEquities()).average().orElseThrow();
    double tolerance = 4 * Math.sqrt(trades.length * variance / runs);
    assertEquals(START + trades.length * mean, meanFinal, tolerance);
    assertTrue(result.finalEquityPercentile(5) < result.finalEquityPercentile(95), "the final equity varies");
  }

  // ---------------------------------------------------------------- both modes

  @Test
  void onlyWinnersNeverDrawDownOrRuin() {
    double[] winners = {50, 120.5, 0.25, 300};
    for (Mode mode : Mode.values()) {
      Result result = TradeMonteCarlo.simulate(winners, Settings.of(mode, 5, START).withRuinEquity(START - 0.01));
      assertEquals(0, result.maxDrawdownPercentile(100), 0, mode.name());
      assertEquals(0, result.maxDrawdownFractionPercentile(100), 0, mode.name());
      assertEquals(0, result.probabilityOfRuin(), 0, mode.name());
      assertEquals(START, result.lowestEquities()[0], 0, "the lowest point is the start");
    }
  }

  @Test
  void theSameSeedGivesTheSameResultAndAnotherSeedAnother() {
    for (Mode mode : Mode.values()) {
      Settings settings = Settings.of(mode, 99, START);
      Result first = TradeMonteCarlo.simulate(MIXED, settings);
      Result again = TradeMonteCarlo.simulate(MIXED, settings);
      assertEquals(first, again);
      assertEquals(first.hashCode(), again.hashCode());
      Result other = TradeMonteCarlo.simulate(MIXED, new Settings(mode, settings.runs(), 100, START, 0));
      assertFalse(Arrays.equals(first.maxDrawdowns(), other.maxDrawdowns()), mode.name());
      assertNotEquals(first, other);
    }
  }

  /** Run r's stream is the r-th split: the first runs of a longer simulation are the runs of a shorter one. */
  @Test
  void moreRunsExtendTheSameRunsInsteadOfReplacingThem() {
    Settings settings = new Settings(Mode.BOOTSTRAP, 1, 5, START, 0);
    Result one = TradeMonteCarlo.simulate(MIXED, settings);
    Result many = TradeMonteCarlo.simulate(MIXED, settings.withRuns(50));
    double single = one.finalEquities()[0];
    assertTrue(Arrays.stream(many.finalEquities()).anyMatch(e -> e == single));
  }

  @Test
  void probabilityOfRuinRisesWithTheRuinLevel() {
    // A $5,000 account (seed 000's small end) trading a slightly losing, volatile strategy.
    double[] trades = {400, -350, 250, -500, 150, -300, 600, -450, 100, -200, 350, -250};
    Settings settings = new Settings(Mode.BOOTSTRAP, 2_000, 8, 5_000, 0);
    Result result = TradeMonteCarlo.simulate(trades, settings);
    double previous = 0;
    for (double level = 0; level < 5_000; level += 250) {
      double ruin = result.probabilityOfRuin(level);
      assertTrue(ruin >= previous, "ruin at " + level + " = " + ruin + " below " + previous);
      // The ruin level does not change the paths, only how they are judged.
      Result judged = TradeMonteCarlo.simulate(trades, settings.withRuinEquity(level));
      assertEquals(ruin, judged.probabilityOfRuin(), 0);
      assertTrue(Arrays.equals(result.maxDrawdowns(), judged.maxDrawdowns()));
      previous = ruin;
    }
    assertTrue(result.probabilityOfRuin(2_500) < result.probabilityOfRuin(4_750), "a 50 % loss is rarer than 5 %");
    assertEquals(1, result.probabilityOfRuin(5_000), 0, "every run starts at 5,000");
  }

  // ---------------------------------------------------------------- percentiles and the result

  /** numpy: {@code np.percentile([10, 20, 30, 40, 100], [0, 5, 50, 95, 99, 100, 37.5])}. */
  @Test
  void percentilesInterpolateBetweenRanksLikeNumpy() {
    double[] sorted = {10, 20, 30, 40, 100};
    double[] percents = {0, 5, 50, 95, 99, 100, 37.5};
    double[] numpy = {10.0, 12.0, 30.0, 87.99999999999999, 97.6, 100.0, 25.0};
    for (int i = 0; i < percents.length; i++) {
      assertEquals(numpy[i], TradeMonteCarlo.percentile(sorted, percents[i]), 1e-12, "p" + percents[i]);
    }
    assertEquals(7, TradeMonteCarlo.percentile(new double[] {7}, 95), 0, "one run");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TradeMonteCarlo.percentile(sorted, 101));
    assertEquals("percent must be in [0, 100], was 101.0", e.getMessage());
  }

  @Test
  void aResultSortsAndCopiesItsArrays() {
    double[] drawdowns = {40, 10, 100, 30, 20};
    Result result = new Result(new Settings(Mode.RESHUFFLE, 5, 1, 1_000, 0), 3, drawdowns,
        new double[] {0.04, 0.01, 0.1, 0.03, 0.02}, new double[] {900, 1_100, 1_000, 950, 1_050},
        new double[] {900, 1_000, 0, 950, 1_000});
    drawdowns[0] = -1;
    assertEquals("[10.0, 20.0, 30.0, 40.0, 100.0]", Arrays.toString(result.maxDrawdowns()));
    result.maxDrawdowns()[0] = -1;
    assertEquals(10, result.maxDrawdownPercentile(0), 0);
    assertEquals(12, result.maxDrawdownPercentile(5), 1e-12);
    assertEquals(0.2, result.probabilityOfRuin(), 0, "one run of five fell to 0");
    assertEquals(0.4, result.probabilityOfRuin(900), 0);
    for (double percent : TradeMonteCarlo.REPORTED_PERCENTILES) {
      assertTrue(result.finalEquityPercentile(percent) >= 900);
    }
  }

  // ---------------------------------------------------------------- degenerate and bad input

  @Test
  void oneTradeHasOnePossiblePath() {
    for (Mode mode : Mode.values()) {
      Result result = TradeMonteCarlo.simulate(new double[] {-600}, Settings.of(mode, 1, 1_000));
      assertEquals(600, result.maxDrawdownPercentile(0), 0);
      assertEquals(600, result.maxDrawdownPercentile(100), 0);
      assertEquals(0.6, result.maxDrawdownFractionPercentile(50), 1e-15);
      assertEquals(400, result.finalEquityPercentile(50), 0);
      assertEquals(0, result.probabilityOfRuin(), 0);
      assertEquals(1, result.probabilityOfRuin(400), 0);
    }
  }

  @Test
  void noTradesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TradeMonteCarlo.simulate(new double[0], Settings.of(Mode.BOOTSTRAP, 1, START)));
    assertEquals("tradeNetPnl must hold at least one trade, was empty", e.getMessage());
  }

  @Test
  void aTradeThatIsNotANumberIsRejectedWithItsIndex() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TradeMonteCarlo.simulate(new double[] {10, Double.NaN}, Settings.of(Mode.RESHUFFLE, 1, START)));
    assertEquals("tradeNetPnl[1] must be a finite number, was NaN", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TradeMonteCarlo.simulate(
        new double[] {Double.NEGATIVE_INFINITY}, Settings.of(Mode.RESHUFFLE, 1, START)));
  }

  @Test
  void badSettingsAreRejectedWithTheirValues() {
    assertMessage("runs must be > 0, was 0", () -> new Settings(Mode.BOOTSTRAP, 0, 1, START, 0));
    assertMessage("startingEquity must be a finite number > 0, was -5000.0",
        () -> new Settings(Mode.BOOTSTRAP, 10, 1, -5_000, -10_000));
    assertMessage("ruinEquity must be a finite number below startingEquity 10000.0, was 10000.0",
        () -> Settings.of(Mode.BOOTSTRAP, 1, START).withRuinEquity(START));
    assertMessage("ruinEquity must be a finite number below startingEquity 10000.0, was NaN",
        () -> Settings.of(Mode.BOOTSTRAP, 1, START).withRuinEquity(Double.NaN));
    assertMessage("mode must be given, was null", () -> Settings.of(null, 1, START));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Enumerates every sequence a mode can draw (the n! orders, or the nⁿ sequences with replacement), each equally
   * likely, computes its drawdown independently of {@code Drawdown}, and checks the simulated distribution function
   * at every support point within 5 binomial standard deviations, and its extremes exactly.
   */
  private static void assertConvergesToEnumeration(Mode mode, double[] trades, int runs) {
    double start = 1_000;
    TreeMap<Double, Integer> exact = new TreeMap<>();
    int[] sequences = {0};
    enumerate(mode, trades, new double[trades.length], 0, new boolean[trades.length], sequence -> {
      double equity = start;
      double peak = start;
      double drawdown = 0;
      for (double trade : sequence) {
        equity += trade;
        peak = Math.max(peak, equity);
        drawdown = Math.max(drawdown, peak - equity);
      }
      exact.merge(drawdown, 1, Integer::sum);
      sequences[0]++;
    });
    Result result = TradeMonteCarlo.simulate(trades, new Settings(mode, runs, 314, start, 0));
    double[] simulated = result.maxDrawdowns();
    int below = 0;
    for (Map.Entry<Double, Integer> atom : exact.entrySet()) {
      below += atom.getValue();
      double p = below / (double) sequences[0];
      double level = atom.getKey();
      double observed = Arrays.stream(simulated).filter(d -> d <= level + 1e-9).count() / (double) runs;
      assertEquals(p, observed, 5 * Math.sqrt(p * (1 - p) / runs) + 1e-12, mode + ": P(drawdown <= " + level + ")");
    }
    assertEquals(exact.firstKey(), result.maxDrawdownPercentile(0), 1e-9);
    assertEquals(exact.lastKey(), result.maxDrawdownPercentile(100), 1e-9);
  }

  private static void enumerate(Mode mode, double[] trades, double[] sequence, int position, boolean[] used,
      Consumer<double[]> visit) {
    if (position == trades.length) {
      visit.accept(sequence);
      return;
    }
    for (int i = 0; i < trades.length; i++) {
      if (mode == Mode.RESHUFFLE && used[i]) {
        continue;
      }
      used[i] = true;
      sequence[position] = trades[i];
      enumerate(mode, trades, sequence, position + 1, used, visit);
      used[i] = false;
    }
  }

  private static void assertMessage(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertEquals(expected, e.getMessage());
  }
}
