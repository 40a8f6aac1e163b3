package io.plateau.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.metrics.Ratios;
import io.plateau.robust.SharpeInference.Moments;
import org.junit.jupiter.api.Test;

/**
 * Golden values come from the papers' worked examples and from an independent NumPy/SciPy 1.17.1 computation:
 * <pre>
 *   sr = r.mean() / r.std(ddof=1);  sk = scipy.stats.skew(r);  ku = scipy.stats.kurtosis(r, fisher=False)
 *   psr(b)  = norm.cdf((sr - b) * sqrt(T - 1) / sqrt(1 - sk*sr + (ku - 1)/4 * sr**2))
 *   emax(N, V) = sqrt(V) * ((1 - g) * norm.ppf(1 - 1/N) + g * norm.ppf(1 - 1/(N*e)))
 *   mintrl(b, c) = 1 + (1 - sk*sr + (ku - 1)/4 * sr**2) * (norm.ppf(c) / (sr - b))**2
 * </pre>
 * The series were drawn with {@code numpy.random.default_rng(20240601)} and rounded to 5 decimals.
 */
class SharpeInferenceTest {

  /** 24 normal daily returns, mean 0.2 %, sd 1 %. */
  private static final double[] NORMAL = {0.00848, 0.00669, -0.00443, -0.00978, 0.00055, 0.01403, 0.01534, 0.01108,
      0.00547, 0.018, 0.01433, -0.0002, -0.00862, -0.00165, -0.0022, 0.00888, -0.01699, 9e-05, 0.01871, -0.0072,
      -0.00558, 0.00116, -0.01218, 0.0007};

  /** 40 steady returns with two crashes (days 7 and 29): negative skewness, fat tails. */
  private static final double[] CRASHES = {0.00287, 0.00296, -0.00491, 7e-05, 0.00823, -0.00272, 0.00738, -0.041,
      -0.00842, -0.00216, 0.00824, 0.00695, 0.00444, 0.00021, 0.00387, 0.018, 0.00123, 0.00764, -0.00033, 0.00141,
      0.00818, -0.00443, 0.00106, -0.00188, -0.00387, 0.00441, 0.01292, 0.00477, -5e-05, -0.035, 0.00955, 0.00468,
      -0.00205, 0.00989, 0.01559, -0.01005, 0.00772, 0.00977, 0.00764, 0.01581};

  /** 12 shifted log-normal returns with one 20 % jackpot: positive skewness. */
  private static final double[] JACKPOT = {0.00783, -0.00101, 0.202, 0.00369, 0.02158, 0.03554, 0.0109, -0.00266,
      -0.00255, -0.00034, 0.00295, -0.00207};

  private static final double TOLERANCE = 1e-12;

  // ---------------------------------------------------------------- the papers' examples

  /**
   * Bailey &amp; López de Prado (2014), numerical example: the best of N = 100 trials has an annualized Sharpe
   * ratio of 2.5 over T = 1,250 daily returns with γ₃ = −3 and γ₄ = 10; the trials' annualized Sharpe ratios have
   * variance 1/2. The paper converts at 250 days a year and reports SR₀ ≈ 0.1132 per day and DSR ≈ 0.9004.
   * SciPy with the same inputs: SR₀ = 0.11317200186513214, DSR = 0.9003968344493903.
   */
  @Test
  void deflatedSharpeReproducesThePaperExample() {
    double daysPerYear = 250;
    Moments best = new Moments(1_250, 2.5 / Math.sqrt(daysPerYear), -3, 10);
    double perDayVariance = 0.5 / daysPerYear;

    double sr0 = SharpeInference.expectedMaxSharpe(100, perDayVariance);
    assertEquals(0.1132, sr0, 5e-5, "paper");
    assertEquals(0.11317200186513214, sr0, TOLERANCE);
    double dsr = SharpeInference.deflated(best, 100, perDayVariance);
    assertEquals(0.9004, dsr, 5e-5, "paper");
    assertEquals(0.9003968344493903, dsr, TOLERANCE);
  }

  /**
   * Bailey, Borwein, López de Prado &amp; Zhu (2014): "if only 5 years of data are available, no more than 45
   * independent model configurations should be tried" for an annualized Sharpe ratio of 1. SciPy: the expected
   * maximum of 45 standard normals is 2.2356401777664052, squared 4.998087004443404 years; of 46, 5.036302717997626.
   * The bound 2·ln 45 = 7.613324979540639.
   */
  @Test
  void minBacktestLengthOfFortyFiveTrialsAtSharpeOneIsFiveYears() {
    assertEquals(4.998087004443404, SharpeInference.minBacktestLengthYears(45, 1), TOLERANCE);
    assertTrue(SharpeInference.minBacktestLengthYears(45, 1) < 5);
    assertEquals(5.036302717997626, SharpeInference.minBacktestLengthYears(46, 1), TOLERANCE);
    assertEquals(7.613324979540639, SharpeInference.minBacktestLengthBoundYears(45, 1), TOLERANCE);
    // Twice the Sharpe ratio needs a quarter of the years.
    assertEquals(4.998087004443404 / 4, SharpeInference.minBacktestLengthYears(45, 2), TOLERANCE);
  }

  @Test
  void minBacktestLengthStaysBelowItsBoundAndGrowsWithTrials() {
    double previous = SharpeInference.minBacktestLengthYears(1, 1);
    assertEquals(0, previous, 0, "one trial, nothing to choose from");
    for (int trials = 2; trials <= 100_000; trials = trials < 100 ? trials + 1 : trials * 2) {
      double years = SharpeInference.minBacktestLengthYears(trials, 1.5);
      assertTrue(years > previous, "rises at N = " + trials);
      assertTrue(years < SharpeInference.minBacktestLengthBoundYears(trials, 1.5), "below the bound at N = " + trials);
      previous = years;
    }
  }

  // ---------------------------------------------------------------- SciPy golden values

  @Test
  void momentsMatchScipyPopulationSkewAndKurtosis() {
    assertMoments(NORMAL, 0.2301201983123924, 0.009220633383801134, 2.099049317233183);
    assertMoments(CRASHES, 0.15290179253665587, -2.1407815610608685, 8.908546361883154);
    assertMoments(JACKPOT, 0.3995559571348692, 2.8129261087961415, 9.314607374316957);
  }

  @Test
  void perPeriodSharpeIsTheAnnualizedSharpeOfRatiosDeannualized() {
    assertEquals(Ratios.sharpe(CRASHES, 0) / Math.sqrt(252), Moments.of(CRASHES).sharpe(), 0);
  }

  @Test
  void probabilisticSharpeMatchesScipy() {
    assertEquals(0.8636406004890402, SharpeInference.probabilistic(NORMAL, 0), TOLERANCE);
    assertEquals(0.8046939142175646, SharpeInference.probabilistic(NORMAL, 0.05), TOLERANCE);
    assertEquals(0.7923911281967164, SharpeInference.probabilistic(CRASHES, 0), TOLERANCE);
    assertEquals(0.7082632463226604, SharpeInference.probabilistic(CRASHES, 0.05), TOLERANCE);
    assertEquals(0.9981705741932507, SharpeInference.probabilistic(JACKPOT, 0), TOLERANCE);
    assertEquals(0.9944967616061706, SharpeInference.probabilistic(JACKPOT, 0.05), TOLERANCE);
  }

  /** N = 20 trials whose per-period Sharpe ratios vary with variance 0.002: SR₀ = 0.08500224368431025. */
  @Test
  void deflatedSharpeMatchesScipy() {
    assertEquals(0.08500224368431025, SharpeInference.expectedMaxSharpe(20, 0.002), TOLERANCE);
    assertEquals(0.7554297031815654, SharpeInference.deflated(NORMAL, 20, 0.002), TOLERANCE);
    assertEquals(0.6412517322131146, SharpeInference.deflated(CRASHES, 20, 0.002), TOLERANCE);
    assertEquals(0.9889284588308289, SharpeInference.deflated(JACKPOT, 20, 0.002), TOLERANCE);
  }

  @Test
  void minTrackRecordLengthMatchesScipy() {
    assertEquals(52.726047874175876, SharpeInference.minTrackRecordLength(NORMAL, 0, 0.95), 1e-10);
    assertEquals(125.10176990709593, SharpeInference.minTrackRecordLength(NORMAL, 0.02, 0.99), 1e-10);
    assertEquals(159.95518425764683, SharpeInference.minTrackRecordLength(CRASHES, 0, 0.95), 1e-10);
    assertEquals(421.855469842977, SharpeInference.minTrackRecordLength(CRASHES, 0.02, 0.99), 1e-10);
    assertEquals(4.523755940954685, SharpeInference.minTrackRecordLength(JACKPOT, 0, 0.95), 1e-10);
    assertEquals(8.810956512655675, SharpeInference.minTrackRecordLength(JACKPOT, 0.02, 0.99), 1e-10);
  }

  /** E[max] of N standard normals by the paper's formula, SciPy: N = 2 → 0.5197553442805939, N = 100 → 2.5306…. */
  @Test
  void expectedMaxSharpeScalesWithTheDeviationOfTrials() {
    assertEquals(0.5197553442805939, SharpeInference.expectedMaxSharpe(2, 1), TOLERANCE);
    assertEquals(2.5306028932016846, SharpeInference.expectedMaxSharpe(100, 1), TOLERANCE);
    assertEquals(2.5306028932016846 * 0.1, SharpeInference.expectedMaxSharpe(100, 0.01), TOLERANCE);
    assertEquals(0, SharpeInference.expectedMaxSharpe(100, 0), 0, "identical trials: no luck to select");
  }

  /** numpy: {@code np.var([0.1, 0.05, -0.02, 0.08], ddof=1)} = 0.0027583333333333336. */
  @Test
  void trialSharpeVarianceIsTheSampleVarianceOfTheDefinedSharpes() {
    assertEquals(0.0027583333333333336,
        SharpeInference.trialSharpeVariance(new double[] {0.1, Double.NaN, 0.05, -0.02, 0.08}), TOLERANCE);
    assertTrue(Double.isNaN(SharpeInference.trialSharpeVariance(new double[] {0.1, Double.NaN})));
    assertTrue(Double.isNaN(SharpeInference.trialSharpeVariance(new double[0])));
    IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
        () -> SharpeInference.trialSharpeVariance(new double[] {0.1, Double.POSITIVE_INFINITY}));
    assertEquals("trialSharpes[1] must be a finite number or NaN, was Infinity", infinite.getMessage());
  }

  // ---------------------------------------------------------------- properties

  @Test
  void deflatedSharpeFallsAsTheNumberOfTrialsRises() {
    Moments moments = Moments.of(CRASHES);
    double previous = SharpeInference.deflated(moments, 1, 0.002);
    for (int trials : new int[] {2, 3, 5, 10, 20, 50, 100, 1_000, 10_000, 1_000_000}) {
      double dsr = SharpeInference.deflated(moments, trials, 0.002);
      assertTrue(dsr < previous, "DSR(" + trials + ") = " + dsr + " must be below " + previous);
      previous = dsr;
    }
  }

  @Test
  void oneTrialDeflatesNothing() {
    Moments moments = Moments.of(NORMAL);
    double psr = SharpeInference.probabilistic(moments, 0);
    assertEquals(psr, SharpeInference.deflated(moments, 1, 0.002), 0);
    assertEquals(psr, SharpeInference.deflated(moments, 1, Double.NaN), 0, "one trial has no variance; none needed");
    assertTrue(Double.isNaN(SharpeInference.deflated(moments, 2, Double.NaN)), "two trials need their variance");
  }

  @Test
  void probabilisticSharpeAgainstItsOwnSharpeIsOneHalf() {
    Moments moments = Moments.of(CRASHES);
    assertEquals(0.5, SharpeInference.probabilistic(moments, moments.sharpe()), 1e-15);
  }

  @Test
  void negativeSkewnessAndFatTailsLowerTheProbabilisticSharpeAndPositiveSkewnessRaisesIt() {
    double normal = SharpeInference.probabilistic(new Moments(250, 0.1, 0, 3), 0);
    double fatTails = SharpeInference.probabilistic(new Moments(250, 0.1, 0, 10), 0);
    double crashes = SharpeInference.probabilistic(new Moments(250, 0.1, -2, 10), 0);
    double lottery = SharpeInference.probabilistic(new Moments(250, 0.1, 2, 10), 0);
    assertTrue(crashes < fatTails && fatTails < normal && normal < lottery,
        crashes + " < " + fatTails + " < " + normal + " < " + lottery);
  }

  /** MinTRL solves PSR(SR*) = confidence for T, so a record one period shorter fails and one at MinTRL passes. */
  @Test
  void aTrackRecordOfMinTrackRecordLengthReachesTheConfidence() {
    Moments moments = Moments.of(CRASHES);
    double minTrl = SharpeInference.minTrackRecordLength(moments, 0.02, 0.95);
    int shorter = (int) Math.floor(minTrl);
    int longer = (int) Math.ceil(minTrl);
    double below = SharpeInference.probabilistic(
        new Moments(shorter, moments.sharpe(), moments.skewness(), moments.kurtosis()), 0.02);
    double above = SharpeInference.probabilistic(
        new Moments(longer, moments.sharpe(), moments.skewness(), moments.kurtosis()), 0.02);
    assertTrue(below < 0.95 && above >= 0.95, below + " < 0.95 <= " + above);
    assertEquals(1, SharpeInference.minTrackRecordLength(moments, 0.02, 0.5), 0, "a coin flip needs no record");
  }

  @Test
  void minTrackRecordLengthIsInfiniteWhenTheSharpeDoesNotBeatTheBenchmark() {
    Moments moments = Moments.of(NORMAL);
    assertEquals(Double.POSITIVE_INFINITY, SharpeInference.minTrackRecordLength(moments, moments.sharpe(), 0.95));
    assertEquals(Double.POSITIVE_INFINITY, SharpeInference.minTrackRecordLength(moments, 0.5, 0.95));
  }

  // ---------------------------------------------------------------- degenerate input

  @Test
  void emptyAndSingleReturnsHaveNoMomentsAndNoSharpeTests() {
    for (double[] returns : new double[][] {{}, {0.01}}) {
      Moments moments = Moments.of(returns);
      assertEquals(returns.length, moments.observations());
      assertUndefined(returns, moments);
    }
  }

  @Test
  void zeroVarianceReturnsHaveNoMomentsAndNoSharpeTests() {
    for (double[] returns : new double[][] {{0, 0, 0, 0}, {0.001, 0.001, 0.001}}) {
      assertUndefined(returns, Moments.of(returns));
    }
  }

  @Test
  void aNaNReturnMakesEverythingUndefined() {
    double[] returns = {0.01, Double.NaN, -0.01, 0.02};
    assertUndefined(returns, Moments.of(returns));
  }

  @Test
  void twoPointReturnsSitOnPearsonsBoundAndAreAccepted() {
    // ±1 % alternating: skewness 0, kurtosis exactly 1 = 1 + 0².
    Moments moments = Moments.of(new double[] {0.01, -0.01, 0.01, -0.01});
    assertEquals(0, moments.skewness(), 1e-12);
    assertEquals(1, moments.kurtosis(), 1e-12);
    assertEquals(0.5, SharpeInference.probabilistic(moments, 0), 1e-12, "mean 0: a coin flip");
  }

  // ---------------------------------------------------------------- bad arguments

  @Test
  void anExcessKurtosisIsRejectedWithItsValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Moments(100, 0.1, 0, 0));
    assertEquals("kurtosis must be >= 1 + skewness² = 1.0 (the plain kurtosis, 3 for a normal distribution, not the"
        + " excess), was 0.0 with skewness 0.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Moments(100, 0.1, -3, 9.5), "below 1 + 9");
    assertThrows(IllegalArgumentException.class, () -> new Moments(-1, 0.1, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> new Moments(100, Double.POSITIVE_INFINITY, 0, 3));
  }

  @Test
  void badArgumentsAreRejectedWithTheirValues() {
    Moments moments = Moments.of(NORMAL);
    assertMessage("trials must be > 0, was 0", () -> SharpeInference.deflated(moments, 0, 0.002));
    assertMessage("trialSharpeVariance must be a finite number >= 0, was -0.1",
        () -> SharpeInference.expectedMaxSharpe(10, -0.1));
    assertMessage("benchmarkSharpe must be a finite number, was NaN",
        () -> SharpeInference.probabilistic(moments, Double.NaN));
    assertMessage("confidence must be in [0.5, 1), was 1.0",
        () -> SharpeInference.minTrackRecordLength(moments, 0, 1));
    assertMessage("confidence must be in [0.5, 1), was 0.05",
        () -> SharpeInference.minTrackRecordLength(moments, 0, 0.05));
    assertMessage("annualSharpe must be a finite number > 0, was 0.0",
        () -> SharpeInference.minBacktestLengthYears(45, 0));
    assertMessage("trials must be > 0, was -2", () -> SharpeInference.minBacktestLengthBoundYears(-2, 1));
    assertMessage("returns must be given, was null", () -> SharpeInference.probabilistic((double[]) null, 0));
  }

  // ---------------------------------------------------------------- helpers

  private static void assertMoments(double[] returns, double sharpe, double skewness, double kurtosis) {
    Moments moments = Moments.of(returns);
    assertEquals(returns.length, moments.observations());
    assertEquals(sharpe, moments.sharpe(), TOLERANCE);
    assertEquals(skewness, moments.skewness(), TOLERANCE);
    assertEquals(kurtosis, moments.kurtosis(), TOLERANCE);
  }

  private static void assertUndefined(double[] returns, Moments moments) {
    assertTrue(Double.isNaN(moments.sharpe()) && Double.isNaN(moments.skewness())
        && Double.isNaN(moments.kurtosis()), moments.toString());
    assertTrue(Double.isNaN(SharpeInference.probabilistic(returns, 0)));
    assertTrue(Double.isNaN(SharpeInference.deflated(returns, 10, 0.002)));
    assertTrue(Double.isNaN(SharpeInference.minTrackRecordLength(returns, 0, 0.95)));
  }

  private static void assertMessage(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertEquals(expected, e.getMessage());
  }
}
