package io.plateau.robust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.robust.BacktestOverfitting.Metric;
import io.plateau.robust.BacktestOverfitting.Partial;
import io.plateau.robust.BacktestOverfitting.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BacktestOverfittingTest {

  /**
   * The hand-worked case: T = 4 periods, N = 3 trials, S = 4 blocks of one period each, TOTAL metric. Trial C is
   * constant, so its total over any two periods is 2.
   * <pre>
   *   period     0   1   2   3
   *   A          2  -1   1   0
   *   B          0   1  -1   3
   *   C          1   1   1   1
   * </pre>
   */
  private static final double[][] HAND = {{2, -1, 1, 0}, {0, 1, -1, 3}, {1, 1, 1, 1}};

  // ---------------------------------------------------------------- hand-worked

  /**
   * ω = rank / 4, λ = ln(ω / (1 − ω)); a rank of 1.5 is a tie for ranks 1 and 2.
   * <pre>
   *   #  IS     IS totals A B C   n*          OOS totals A B C   rank of n*            ω     λ           OOS loss
   *   0  {0,1}   1  1  2          C           1  2  2            1 below, tie B: 2.5   5/8   ln(5/3) > 0  no
   *   1  {0,2}   3 -1  2          A           -1 4  2            1                     1/4   ln(1/3)      yes (-1)
   *   2  {0,3}   2  3  2          B           0  0  2            tie A: 1.5            3/8   ln(3/5)      no (0)
   *   3  {1,2}   0  0  2          C           2  3  2            tie A: 1.5            3/8   ln(3/5)      no
   *   4  {1,3}  -1  4  2          B           3 -1  2            1                     1/4   ln(1/3)      yes (-1)
   *   5  {2,3}   1  2  2          B (tie C)   1  1  2            tie A: 1.5            3/8   ln(3/5)      no
   * </pre>
   * PBO = 5/6 (every λ but the first ≤ 0); P(OOS loss) = 2/6.
   * Degradation over (IS, OOS) of n* = (2,2) (3,-1) (3,0) (2,2) (4,-1) (2,1): x̄ = 8/3, ȳ = 1/2,
   * Sxy = -5, Sxx = 10/3, Syy = 19/2 → slope = -3/2, intercept = 1/2 + 3/2 · 8/3 = 9/2, R² = 25 / (10/3 · 19/2) =
   * 15/19.
   */
  @Test
  void handWorkedTotalsOfThreeTrialsOverFourPeriods() {
    Result r = BacktestOverfitting.of(HAND, 4, Metric.TOTAL).result();

    assertEquals(6, r.combinations());
    assertArrayEquals(new int[] {2, 0, 1, 2, 1, 1}, r.bestTrials());
    assertArrayEquals(new double[] {2, 3, 3, 2, 4, 2}, r.inSampleMetrics());
    assertArrayEquals(new double[] {2, -1, 0, 2, -1, 1}, r.outOfSampleMetrics());
    double[] expected = {Math.log(5.0 / 3), Math.log(1.0 / 3), Math.log(3.0 / 5), Math.log(3.0 / 5),
        Math.log(1.0 / 3), Math.log(3.0 / 5)};
    assertArrayEquals(expected, r.logits(), 1e-15);
    assertEquals(5.0 / 6, r.pbo());
    assertEquals(2.0 / 6, r.probabilityOfOutOfSampleLoss());
    assertEquals(-1.5, r.degradationSlope(), 1e-14);
    assertEquals(4.5, r.degradationIntercept(), 1e-14);
    assertEquals(15.0 / 19, r.degradationRSquared(), 1e-14);
    assertEquals(4, r.partitions());
    assertEquals(4, r.periods());
    assertEquals(3, r.trials());
  }

  @Test
  void combinationsAreNumberedInLexicographicOrderOfTheirInSampleBlocks() {
    BacktestOverfitting four = BacktestOverfitting.of(HAND, 4, Metric.TOTAL);
    int[][] expected = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], four.inSampleBlocks(i), "combination " + i);
    }

    // S = 16: unranking every index agrees with stepping through the subsets in order, and there are C(16, 8).
    BacktestOverfitting sixteen = BacktestOverfitting.of(noise(1, 2, 32, 1, 0), 16, Metric.SHARPE);
    assertEquals(12_870, sixteen.combinations());
    int index = 0;
    for (int mask = (1 << 16) - 1; mask >= 0; mask--) { // block b = bit 15 − b: descending masks = ascending tuples
      if (Integer.bitCount(mask) != 8) {
        continue;
      }
      int[] tuple = new int[8];
      int k = 0;
      for (int b = 0; b < 16; b++) {
        if ((mask & (1 << (15 - b))) != 0) {
          tuple[k++] = b;
        }
      }
      assertArrayEquals(tuple, sixteen.inSampleBlocks(index), "combination " + index);
      index++;
    }
    assertEquals(12_870, index);
    assertThrows(IllegalArgumentException.class, () -> sixteen.inSampleBlocks(12_870));
  }

  // ---------------------------------------------------------------- known properties

  @Test
  void pureNoiseTrialsHavePboNearOneHalf() {
    Result r = BacktestOverfitting.of(noise(20_170_101, 200, 1000, 0.01, 0), 16, Metric.SHARPE).result();

    assertEquals(12_870, r.combinations());
    assertTrue(r.pbo() >= 0.3 && r.pbo() <= 0.7, "pbo " + r.pbo());
  }

  /**
   * One study is one draw: its combinations share their periods, so a noise study's PBO strays far from 0.5 (0.27
   * to 0.64 over seeds 1..12 of the study above). Without skill the rank of n* out-of-sample is uniform on 1..N, so
   * the average over independent studies is 0.5 (N even: no λ = 0) and the logits are symmetric about 0.
   */
  @Test
  void pureNoisePboAveragesOneHalfOverIndependentStudies() {
    int studies = 16;
    double pbo = 0;
    double logit = 0;
    for (int seed = 1; seed <= studies; seed++) {
      Result r = BacktestOverfitting.of(noise(1000 + seed, 100, 500, 1, 0), 16, Metric.SHARPE).result();
      pbo += r.pbo() / studies;
      logit += Arrays.stream(r.logits()).average().orElseThrow() / studies;
    }
    assertEquals(0.5, pbo, 0.1);
    assertEquals(0, logit, 0.75);
  }

  @Test
  void oneDominantTrialHasPboNearZeroAndNoOutOfSampleLoss() {
    double[][] returns = noise(7, 100, 1000, 1, 0);
    Random random = new Random(8);
    for (int t = 0; t < 1000; t++) {
      returns[37][t] = 0.5 + random.nextGaussian();
    }

    Result r = BacktestOverfitting.of(returns, 16, Metric.SHARPE).result();

    assertTrue(r.pbo() < 0.05, "pbo " + r.pbo());
    assertTrue(r.probabilityOfOutOfSampleLoss() < 0.05, "P(OOS loss) " + r.probabilityOfOutOfSampleLoss());
    assertTrue(Arrays.stream(r.bestTrials()).allMatch(n -> n == 37), "n* is always the dominant trial");
    assertTrue(Arrays.stream(r.outOfSampleMetrics()).allMatch(sr -> sr > 0.3), "it keeps its Sharpe ratio");
  }

  /**
   * Each trial earns +μ per period in 8 of the 16 blocks and −μ in the other 8 (a random choice per trial), plus
   * noise: its total is 0, so whatever it earns in-sample it gives back out-of-sample, and the in-sample best is the
   * trial whose good blocks the in-sample half caught, whose out-of-sample half is then mostly bad ones.
   */
  @Test
  void trialsThatRevertAcrossBlocksAreOverfitAndDegradeOutOfSample() {
    int trials = 40;
    int blockRows = 100;
    double[][] returns = new double[trials][16 * blockRows];
    Random random = new Random(11);
    for (int n = 0; n < trials; n++) {
      List<Integer> blocks = new ArrayList<>();
      for (int b = 0; b < 16; b++) {
        blocks.add(b);
      }
      Collections.shuffle(blocks, random);
      for (int k = 0; k < 16; k++) {
        double drift = k < 8 ? 0.2 : -0.2;
        int b = blocks.get(k);
        for (int t = b * blockRows; t < (b + 1) * blockRows; t++) {
          returns[n][t] = drift + random.nextGaussian();
        }
      }
    }

    Result r = BacktestOverfitting.of(returns, 16, Metric.SHARPE).result();

    assertTrue(r.pbo() > 0.5, "pbo " + r.pbo());
    assertTrue(r.degradationSlope() < 0, "slope " + r.degradationSlope());
    assertTrue(r.probabilityOfOutOfSampleLoss() > 0.5, "P(OOS loss) " + r.probabilityOfOutOfSampleLoss());
  }

  // ---------------------------------------------------------------- independent reference

  @Test
  void sharpeMatchesAStraightforwardReferenceLoop() {
    assertMatchesReference(noise(64, 10, 64, 0.01, 0.001), 8, Metric.SHARPE);
  }

  @Test
  void totalMatchesAStraightforwardReferenceLoop() {
    assertMatchesReference(noise(65, 10, 64, 0.01, 0.001), 8, Metric.TOTAL);
  }

  @Test
  void blocksOfUnequalSizeMatchTheReferenceLoop() {
    // 67 = 8 · 8 + 3: blocks of 8 and 9 periods at ⌊b · 67 / 8⌋.
    assertMatchesReference(noise(66, 9, 67, 1, 0), 8, Metric.SHARPE);
    assertMatchesReference(noise(67, 9, 67, 1, 0), 8, Metric.TOTAL);
  }

  /**
   * A trial nearly constant far from its own mean over its first half (1000 plus noise of 10⁻⁶, so only about seven
   * digits of each value vary): the fast path's sums of squared deviations from the trial's mean (about 8·10⁶) would
   * bury the split's (about 3·10⁻¹¹) in rounding, and the exact path must still give the reference's ratio to
   * about nine digits (its block means carry rounding of 10⁻¹³ into gaps of 10⁻⁷).
   */
  @Test
  void aNearlyConstantStretchFarFromTheTrialsMeanKeepsItsExactSharpeRatio() {
    double[][] returns = noise(68, 6, 64, 1, 0);
    Random random = new Random(69);
    for (int t = 0; t < 32; t++) {
      returns[2][t] = 1000 + 1e-6 * random.nextGaussian();
    }
    Result r = BacktestOverfitting.of(returns, 8, Metric.SHARPE).result();

    assertMatchesReference(returns, 8, Metric.SHARPE, 1e-8);
    assertEquals(2, r.bestTrials()[0], "IS = first half: the nearly constant stretch has an enormous ratio");
    assertEquals(1e9, r.inSampleMetrics()[0], 0.5e9);
  }

  // ---------------------------------------------------------------- degenerate input

  @Test
  void aConstantTrialHasNoSharpeRatioAndRanksWorst() {
    double[][] returns = noise(70, 5, 80, 0.01, 0);
    Arrays.fill(returns[1], 0.02); // a positive constant: an infinite ratio if it were allowed one
    Result r = BacktestOverfitting.of(returns, 8, Metric.SHARPE).result();

    assertTrue(Arrays.stream(r.bestTrials()).noneMatch(n -> n == 1), "never n*");
    assertTrue(Arrays.stream(r.inSampleMetrics()).noneMatch(Double::isNaN));
    // The reference loop ranks it worst out-of-sample as well.
    assertMatchesReference(returns, 8, Metric.SHARPE);
  }

  @Test
  void allTrialsConstantTieEverywhere() {
    double[][] returns = {new double[16], new double[16], new double[16]};
    Arrays.fill(returns[1], 0.5);
    Arrays.fill(returns[2], -0.1);
    Result r = BacktestOverfitting.of(returns, 4, Metric.SHARPE).result();

    // Every ratio undefined: n* is trial 0, tied with all three out-of-sample, rank 2 of 3: ω = 1/2, λ = 0 ≤ 0.
    assertArrayEquals(new int[6], r.bestTrials());
    assertArrayEquals(new double[6], r.logits());
    assertEquals(1.0, r.pbo());
    assertTrue(Arrays.stream(r.inSampleMetrics()).allMatch(Double::isNaN));
    assertTrue(Arrays.stream(r.outOfSampleMetrics()).allMatch(Double::isNaN));
    assertTrue(Double.isNaN(r.degradationSlope()));
    assertTrue(Double.isNaN(r.degradationIntercept()));
    assertTrue(Double.isNaN(r.degradationRSquared()));
    assertEquals(0, r.probabilityOfOutOfSampleLoss(), "trial 0 earns exactly 0: no loss");
  }

  /**
   * Trials that stand still for the first half of the history, one at 0 (no trades), one at a constant 0.3, and move
   * afterwards: their deviations from their own means are constant over the first half, so the fast path's
   * variance there is the difference of two rounded equal numbers, noise that must not pass for a tiny variance
   * (it would give 0.3 a ratio in the billions).
   */
  @Test
  void aStretchAtAConstantValueHasNoSharpeRatioThere() {
    double[][] returns = noise(71, 4, 64, 1, 0);
    for (int t = 0; t < 32; t++) {
      returns[2][t] = 0.3;
      returns[3][t] = 0;
    }
    returns[2][40] += 50;
    returns[3][40] += 50;
    Result r = BacktestOverfitting.of(returns, 8, Metric.SHARPE).result();

    // Combination 0 = blocks {0,1,2,3} in-sample: trials 2 and 3 have no ratio there, so another trial is n*.
    assertTrue(r.bestTrials()[0] < 2, "n* " + r.bestTrials()[0]);
    // The last combination = blocks {4,5,6,7} in-sample, {0,1,2,3} out: if 2 or 3 is n* its OOS ratio is NaN.
    int last = r.combinations() - 1;
    assertTrue(r.bestTrials()[last] < 2 || Double.isNaN(r.outOfSampleMetrics()[last]));
    assertMatchesReference(returns, 8, Metric.SHARPE);
  }

  @Test
  void emptyMatricesAreRejected() {
    IllegalArgumentException noTrials =
        assertThrows(IllegalArgumentException.class, () -> BacktestOverfitting.of(new double[0][], 16, Metric.SHARPE));
    assertEquals("trials (returnsByTrial.length) must be >= 2, was 0", noTrials.getMessage());
    IllegalArgumentException noPeriods = assertThrows(IllegalArgumentException.class,
        () -> BacktestOverfitting.of(new double[][] {{}, {}}, 16, Metric.SHARPE));
    assertEquals("partitions must be <= the number of periods (0), was 16", noPeriods.getMessage());
  }

  @Test
  void badArgumentsAreRejectedQuotingTheValue() {
    double[][] ok = noise(72, 3, 20, 1, 0);
    assertMessage("partitions must be an even number >= 2, was 7", () -> BacktestOverfitting.of(ok, 7, Metric.TOTAL));
    assertMessage("partitions must be an even number >= 2, was 0", () -> BacktestOverfitting.of(ok, 0, Metric.TOTAL));
    assertMessage("partitions must be an even number >= 2, was -2",
        () -> BacktestOverfitting.of(ok, -2, Metric.TOTAL));
    assertMessage("partitions must be <= the number of periods (20), was 22",
        () -> BacktestOverfitting.of(ok, 22, Metric.TOTAL));
    assertMessage("partitions must be <= 32, was 34",
        () -> BacktestOverfitting.of(noise(1, 2, 40, 1, 0), 34, Metric.TOTAL));
    assertMessage("trials (returnsByTrial.length) must be >= 2, was 1",
        () -> BacktestOverfitting.of(new double[][] {ok[0]}, 4, Metric.TOTAL));
    assertMessage(
        "every trial must have the same number of periods: returnsByTrial[2] has 19, returnsByTrial[0] has 20",
        () -> BacktestOverfitting.of(new double[][] {ok[0], ok[1], Arrays.copyOf(ok[2], 19)}, 4, Metric.TOTAL));
    assertMessage("returnsByTrial must be given, was null", () -> BacktestOverfitting.of(null, 4, Metric.TOTAL));
    assertMessage("returnsByTrial[1] must be given, was null",
        () -> BacktestOverfitting.of(new double[][] {ok[0], null}, 4, Metric.TOTAL));
    assertMessage("metric must be given, was null", () -> BacktestOverfitting.of(ok, 4, null));

    double[][] withNaN = {ok[0].clone(), ok[1].clone(), ok[2].clone()};
    withNaN[1][13] = Double.NaN;
    assertMessage("returnsByTrial[1][13] (trial 1, period 13) must be finite, was NaN",
        () -> BacktestOverfitting.of(withNaN, 4, Metric.SHARPE));
    double[][] withInfinity = {ok[0].clone(), ok[1].clone(), ok[2].clone()};
    withInfinity[2][0] = Double.NEGATIVE_INFINITY;
    assertMessage("returnsByTrial[2][0] (trial 2, period 0) must be finite, was -Infinity",
        () -> BacktestOverfitting.of(withInfinity, 4, Metric.SHARPE));

    BacktestOverfitting study = BacktestOverfitting.of(ok, 4, Metric.SHARPE);
    assertMessage("range must satisfy 0 <= from <= to <= 6, was [4, 7)", () -> study.evaluate(4, 7));
    assertMessage("range must satisfy 0 <= from <= to <= 6, was [-1, 2)", () -> study.evaluate(-1, 2));
    assertMessage("range must satisfy 0 <= from <= to <= 6, was [3, 2)", () -> study.evaluate(3, 2));
    assertMessage("index must be in [0, 6), was -1", () -> study.inSampleBlocks(-1));
  }

  // ---------------------------------------------------------------- ranges and merge

  @Test
  void rangesMergedInAnyOrderEqualTheWholeRunBitForBit() {
    BacktestOverfitting study = BacktestOverfitting.of(noise(73, 30, 500, 0.01, 0.0002), 12, Metric.SHARPE);
    assertEquals(924, study.combinations());
    Result whole = study.result();

    List<Partial> parts = new ArrayList<>(List.of(study.evaluate(500, 924), study.evaluate(100, 100),
        study.evaluate(0, 100), study.evaluate(101, 500), study.evaluate(100, 101)));
    Result merged = BacktestOverfitting.merge(parts);
    assertEquals(whole, merged);
    assertArrayEquals(whole.logits(), merged.logits()); // equals compares by bits; say so plainly too
    assertEquals(Double.doubleToRawLongBits(whole.degradationSlope()),
        Double.doubleToRawLongBits(merged.degradationSlope()));
    Collections.reverse(parts);
    assertEquals(whole, BacktestOverfitting.merge(parts));

    // One combination evaluated alone is the same as inside the whole run.
    Partial single = study.evaluate(777, 778);
    assertEquals(whole.logits()[777], single.logits()[0]);
    assertEquals(whole.bestTrials()[777], single.bestTrials()[0]);
  }

  @Test
  void mergeRejectsGapsOverlapsAndMixedStudies() {
    BacktestOverfitting study = BacktestOverfitting.of(noise(74, 5, 40, 1, 0), 6, Metric.TOTAL); // 20 combinations
    assertMessage("partials must cover combinations [0, 20) without gap or overlap: expected a range starting at 10,"
        + " was [11, 20)", () -> BacktestOverfitting.merge(List.of(study.evaluate(0, 10), study.evaluate(11, 20))));
    assertMessage("partials must cover combinations [0, 20) without gap or overlap: expected a range starting at 10,"
        + " was [9, 20)", () -> BacktestOverfitting.merge(List.of(study.evaluate(0, 10), study.evaluate(9, 20))));
    assertMessage("partials must cover combinations [0, 20), were [0, 15)",
        () -> BacktestOverfitting.merge(List.of(study.evaluate(0, 15))));
    assertMessage("partials must hold at least one range, was empty", () -> BacktestOverfitting.merge(List.of()));
    BacktestOverfitting other = BacktestOverfitting.of(noise(74, 5, 40, 1, 0), 6, Metric.SHARPE);
    assertMessage("partials must come from one study: SHARPE S=6 T=40 N=5 vs TOTAL S=6 T=40 N=5",
        () -> BacktestOverfitting.merge(List.of(study.evaluate(0, 10), other.evaluate(10, 20))));
  }

  @Test
  void theStudyAndItsPartialsSurviveSerialization() throws Exception {
    BacktestOverfitting study = BacktestOverfitting.of(noise(75, 8, 96, 1, 0), 8, Metric.SHARPE);
    BacktestOverfitting shipped = roundTrip(study);
    Partial part = roundTrip(shipped.evaluate(0, 35));
    assertEquals(study.result(), BacktestOverfitting.merge(List.of(part, shipped.evaluate(35, 70))));
  }

  @Test
  void resultsHandOutCopies() {
    Result r = BacktestOverfitting.of(HAND, 4, Metric.TOTAL).result();
    r.logits()[0] = 99;
    r.bestTrials()[0] = 99;
    assertEquals(Math.log(5.0 / 3), r.logits()[0], 1e-15);
    assertEquals(2, r.bestTrials()[0]);
  }

  // ---------------------------------------------------------------- helpers

  /** {@code trials × periods} i.i.d. normal values with the given deviation and mean, from {@code seed}. */
  private static double[][] noise(long seed, int trials, int periods, double deviation, double mean) {
    Random random = new Random(seed);
    double[][] m = new double[trials][periods];
    for (double[] row : m) {
      for (int t = 0; t < periods; t++) {
        row[t] = mean + deviation * random.nextGaussian();
      }
    }
    return m;
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  private static void assertMatchesReference(double[][] returnsByTrial, int partitions, Metric metric) {
    assertMatchesReference(returnsByTrial, partitions, metric, 1e-12);
  }

  /** Same n*, logits and PBO; IS and OOS metrics of n* within {@code relative} of the reference's. */
  private static void assertMatchesReference(double[][] returnsByTrial, int partitions, Metric metric,
      double relative) {
    Result fast = BacktestOverfitting.of(returnsByTrial, partitions, metric).result();
    Reference slow = reference(returnsByTrial, partitions, metric);
    assertArrayEquals(slow.best, fast.bestTrials(), "n*");
    assertArrayEquals(slow.logits, fast.logits(), 1e-12, "logits");
    assertEquals(slow.pbo, fast.pbo(), "pbo");
    assertEquals(slow.loss, fast.probabilityOfOutOfSampleLoss(), "P(OOS loss)");
    for (int c = 0; c < slow.logits.length; c++) {
      assertRelative(slow.in[c], fast.inSampleMetrics()[c], relative, "IS metric of combination " + c);
      assertRelative(slow.out[c], fast.outOfSampleMetrics()[c], relative, "OOS metric of combination " + c);
    }
  }

  private static void assertRelative(double expected, double actual, double relative, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected NaN, was " + actual);
    } else {
      assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), what);
    }
  }

  private record Reference(int[] best, double[] logits, double[] in, double[] out, double pbo, double loss) {}

  /**
   * CSCV written out the slow way, independently of the class under test: every subset of blocks by bit mask,
   * every metric from the raw periods (two-pass deviation), ranks by sorting. O(C · N · T).
   */
  private static Reference reference(double[][] m, int s, Metric metric) {
    int n = m.length;
    int t = m[0].length;
    List<int[]> subsets = new ArrayList<>();
    for (int mask = (1 << s) - 1; mask >= 0; mask--) {
      if (Integer.bitCount(mask) == s / 2) {
        int[] blocks = new int[s / 2];
        int k = 0;
        for (int b = 0; b < s; b++) {
          if ((mask & (1 << (s - 1 - b))) != 0) {
            blocks[k++] = b;
          }
        }
        subsets.add(blocks);
      }
    }
    int c = subsets.size();
    int[] best = new int[c];
    double[] logits = new double[c];
    double[] in = new double[c];
    double[] out = new double[c];
    int overfit = 0;
    int losses = 0;
    for (int i = 0; i < c; i++) {
      boolean[] inSample = new boolean[t];
      for (int b : subsets.get(i)) {
        for (int row = b * t / s; row < (b + 1) * t / s; row++) {
          inSample[row] = true;
        }
      }
      double[] isMetric = new double[n];
      double[] oosMetric = new double[n];
      double[] oosTotal = new double[n];
      for (int j = 0; j < n; j++) {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int row = 0; row < t; row++) {
          (inSample[row] ? a : b).add(m[j][row]);
        }
        isMetric[j] = metricOf(a, metric);
        oosMetric[j] = metricOf(b, metric);
        oosTotal[j] = b.stream().mapToDouble(Double::doubleValue).sum();
      }
      int star = 0;
      for (int j = 0; j < n; j++) {
        if (isMetric[j] > isMetric[star]) {
          star = j;
        }
      }
      double[] sorted = oosMetric.clone();
      Arrays.sort(sorted);
      int lower = 0;
      while (sorted[lower] < oosMetric[star]) {
        lower++;
      }
      int upper = lower;
      while (upper < n && sorted[upper] == oosMetric[star]) {
        upper++;
      }
      double rank = (lower + 1 + upper) / 2.0; // average of ranks lower+1 … upper
      double omega = rank / (n + 1);
      best[i] = star;
      logits[i] = Math.log(omega / (1 - omega));
      in[i] = isMetric[star] == Double.NEGATIVE_INFINITY ? Double.NaN : isMetric[star];
      out[i] = oosMetric[star] == Double.NEGATIVE_INFINITY ? Double.NaN : oosMetric[star];
      overfit += omega <= 0.5 ? 1 : 0;
      losses += oosTotal[star] < 0 ? 1 : 0;
    }
    return new Reference(best, logits, in, out, (double) overfit / c, (double) losses / c);
  }

  /** SHARPE as documented: −∞ (worst) when all values are equal or there is only one. */
  private static double metricOf(List<Double> values, Metric metric) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    if (metric == Metric.TOTAL) {
      return sum;
    }
    if (values.size() < 2 || values.stream().distinct().count() == 1) {
      return Double.NEGATIVE_INFINITY;
    }
    double mean = sum / values.size();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return mean / Math.sqrt(squares / (values.size() - 1));
  }
}
