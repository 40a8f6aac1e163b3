package io.plateau.robust;

import io.plateau.metrics.Ratios;
import io.plateau.util.Checks;
import io.plateau.util.NormalDistribution;

/**
 * Significance tests for a Sharpe ratio that account for short samples, non-normal returns and the number of
 * strategies tried before this one was chosen (Bailey &amp; López de Prado): the probabilistic Sharpe ratio, the
 * deflated Sharpe ratio, the minimum track record length and the minimum backtest length.
 *
 * <h2>Probabilistic Sharpe ratio (PSR)</h2>
 * Bailey &amp; López de Prado, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2), 2012: the probability
 * that the true Sharpe ratio exceeds a benchmark {@code SR*}, given the estimate {@code ŜR} from {@code T} returns
 * with skewness {@code γ₃} and kurtosis {@code γ₄}:
 * <pre>
 *   PSR(SR*) = Φ( (ŜR − SR*)·√(T − 1) / √(1 − γ₃·ŜR + (γ₄ − 1)/4 · ŜR²) )
 * </pre>
 * The denominator is the standard error of ŜR under non-normal i.i.d. returns (Mertens 2002, via Lo 2002):
 * negative skewness and fat tails widen it. Everything is <b>per period</b>, in the frequency of the returns: a
 * daily Sharpe ratio is the annualized one of {@link Ratios#sharpe} divided by √252.
 *
 * <h2>Deflated Sharpe ratio (DSR)</h2>
 * Bailey &amp; López de Prado, "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest Overfitting and
 * Non-Normality", Journal of Portfolio Management 40(5), 2014: the PSR against the Sharpe ratio that the best of
 * {@code N} trials would reach by luck alone when every trial's true Sharpe ratio is 0,
 * <pre>
 *   DSR = PSR(SR₀),   SR₀ = √V · ( (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)) )
 * </pre>
 * with {@code V} the variance of the trials' per-period Sharpe ratios and {@code γ} the Euler–Mascheroni constant
 * (the bracket is the expected maximum of {@code N} independent standard normal draws, from extreme value
 * theory). The formula assumes independent trials; the trials of a parameter grid are correlated, so counting them
 * all overstates {@code N}, raises {@code SR₀} and errs on the side of a lower DSR. The paper's threshold for a
 * discovery is DSR ≥ 0.95.
 *
 * <h2>Minimum track record length (MinTRL) and minimum backtest length (MinBTL)</h2>
 * MinTRL (Bailey &amp; López de Prado 2012) is the number of returns needed for PSR(SR*) to reach a confidence
 * {@code c}, that is the {@code T} that solves {@code PSR = c}:
 * <pre>
 *   MinTRL = 1 + (1 − γ₃·ŜR + (γ₄ − 1)/4 · ŜR²) · ( Φ⁻¹(c) / (ŜR − SR*) )²      periods of the returns
 * </pre>
 * MinBTL (Bailey, Borwein, López de Prado &amp; Zhu, "Pseudo-Mathematics and Financial Charlatanism: The Effects of
 * Backtest Overfitting on Out-of-Sample Performance", Notices of the AMS 61(5), 2014) is the number of years of
 * data below which trying {@code N} strategy configurations with no skill is expected to produce one with an
 * in-sample annualized Sharpe ratio of {@code SR}. Without skill, the annualized Sharpe ratio estimated from
 * {@code y} years of i.i.d. normal returns varies with variance about {@code 1/y}, so the best of N is expected at
 * {@code E[max_N]/√y}; solving {@code E[max_N]/√y = SR} for y gives
 * <pre>
 *   MinBTL ≈ ( ((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))) / SR )²   &lt;   2·ln N / SR²      years
 * </pre>
 * The paper's example: 45 trials need about 5 years to keep an annualized SR of 1 from being a fluke.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Sharpe ratio: mean over the <em>sample</em> standard deviation (divisor {@code T − 1}), exactly
 *       {@link Ratios#sharpe}{@code (returns, 0) / √252}, so the PSR and the study's Sharpe never disagree.
 *       Returns are excess returns (for futures, the returns themselves).
 *   <li>Skewness and kurtosis: the <em>population</em> moment ratios {@code γ₃ = m₃ / m₂^{3/2}},
 *       {@code γ₄ = m₄ / m₂²}, {@code m_k = Σ (r − mean)^k / T}, as in the papers' worked examples and SciPy's
 *       {@code scipy.stats.skew(r)} and {@code scipy.stats.kurtosis(r, fisher=False)} (both {@code bias=True}).
 *       γ₄ is the plain kurtosis, 3 for a normal distribution, not the excess. These moments always satisfy
 *       Pearson's inequality {@code γ₄ ≥ 1 + γ₃²}, which keeps the PSR's variance term
 *       {@code 1 − γ₃·SR + (γ₄ − 1)/4·SR² ≥ (1 − γ₃·SR/2)²} non-negative; small-sample-corrected moments need not.
 *   <li>Undefined results are NaN, never 0 or infinite, as in {@link Ratios}: fewer than two returns, returns that
 *       never vary, a NaN return, or a variance term of 0. The one infinity is a MinTRL when ŜR ≤ SR*: no track
 *       record is long enough. Bad arguments (a kurtosis below 1 + skewness², say, which is usually an excess
 *       kurtosis passed by mistake) throw {@link IllegalArgumentException}.
 * </ul>
 */
public final class SharpeInference {

  /** The Euler–Mascheroni constant γ. */
  public static final double EULER_MASCHERONI = 0.5772156649015329;

  /** The confidence of a discovery in Bailey &amp; López de Prado (2012, 2014): PSR or DSR ≥ 0.95. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  private static final double DE_ANNUALIZE = Math.sqrt(Ratios.TRADING_DAYS_PER_YEAR);

  private SharpeInference() {}

  /**
   * What the Sharpe ratio tests need to know about a return series: its length, per-period Sharpe ratio,
   * skewness and kurtosis (see the class comment for the conventions).
   *
   * @param observations the number of returns T, ≥ 0
   * @param sharpe the per-period (not annualized) Sharpe ratio, NaN when undefined
   * @param skewness the population skewness γ₃, NaN when undefined
   * @param kurtosis the population kurtosis γ₄ (3 for a normal distribution, not the excess), NaN when undefined;
   *     at least {@code 1 + skewness²} when both are defined
   */
  public record Moments(int observations, double sharpe, double skewness, double kurtosis) {

    /** Relative slack for Pearson's inequality, for moments that sit on it up to rounding (two-point returns). */
    private static final double PEARSON_SLACK = 1e-9;

    public Moments {
      Checks.nonNegative(observations, "observations");
      if (Double.isInfinite(sharpe) || Double.isInfinite(skewness) || Double.isInfinite(kurtosis)) {
        throw new IllegalArgumentException("moments must be finite numbers or NaN, were sharpe " + sharpe
            + ", skewness " + skewness + ", kurtosis " + kurtosis);
      }
      double pearsonBound = 1 + skewness * skewness;
      if (kurtosis < pearsonBound * (1 - PEARSON_SLACK)) {
        throw new IllegalArgumentException("kurtosis must be >= 1 + skewness² = " + pearsonBound
            + " (the plain kurtosis, 3 for a normal distribution, not the excess), was " + kurtosis
            + " with skewness " + skewness);
      }
    }

    /**
     * The moments of {@code returns}: the per-period Sharpe ratio {@link Ratios#sharpe}{@code (returns, 0) / √252}
     * and the population skewness and kurtosis. All three are NaN for fewer than two returns, returns that never
     * vary, or any NaN return.
     *
     * @param returns per-period excess returns as fractions; not modified
     */
    public static Moments of(double[] returns) {
      Checks.notNull(returns, "returns");
      int n = returns.length;
      double sharpe = Ratios.sharpe(returns, 0) / DE_ANNUALIZE;
      if (n < 2 || Double.isNaN(sharpe)) {
        return new Moments(n, Double.NaN, Double.NaN, Double.NaN);
      }
      double sum = 0;
      for (double r : returns) {
        sum += r;
      }
      double mean = sum / n;
      // Two passes, as in Ratios: central moments from the mean, not from raw power sums that cancel.
      double m2 = 0;
      double m3 = 0;
      double m4 = 0;
      for (double r : returns) {
        double d = r - mean;
        double d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
      }
      m2 /= n;
      m3 /= n;
      m4 /= n;
      return new Moments(n, sharpe, m3 / (m2 * Math.sqrt(m2)), m4 / (m2 * m2));
    }

    /** {@code 1 − γ₃·SR + (γ₄ − 1)/4·SR²}: T times the variance of the Sharpe estimate. */
    double sharpeVarianceTerm() {
      return 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
    }
  }

  /**
   * The probabilistic Sharpe ratio of {@code returns} against a benchmark Sharpe ratio: the probability that their
   * true Sharpe ratio exceeds {@code benchmarkSharpe}. NaN when the moments are undefined.
   *
   * @param returns per-period excess returns as fractions
   * @param benchmarkSharpe SR*, per period like the returns (0 asks "is there any skill?")
   */
  public static double probabilistic(double[] returns, double benchmarkSharpe) {
    return probabilistic(Moments.of(returns), benchmarkSharpe);
  }

  /**
   * The probabilistic Sharpe ratio from the moments of a return series, in [0, 1]; NaN when fewer than two
   * observations, an undefined moment, or a variance term ≤ 0.
   *
   * @param moments the return series' moments
   * @param benchmarkSharpe SR*, per period like the moments' Sharpe ratio, finite
   */
  public static double probabilistic(Moments moments, double benchmarkSharpe) {
    Checks.notNull(moments, "moments");
    requireFinite(benchmarkSharpe, "benchmarkSharpe");
    double varianceTerm = moments.sharpeVarianceTerm();
    if (moments.observations() < 2 || !(varianceTerm > 0)) {
      return Double.NaN;
    }
    double z = (moments.sharpe() - benchmarkSharpe) * Math.sqrt(moments.observations() - 1.0)
        / Math.sqrt(varianceTerm);
    return NormalDistribution.cdf(z);
  }

  /**
   * The deflated Sharpe ratio of {@code returns}, chosen as the best of {@code trials} trials.
   *
   * @see #deflated(Moments, int, double)
   */
  public static double deflated(double[] returns, int trials, double trialSharpeVariance) {
    return deflated(Moments.of(returns), trials, trialSharpeVariance);
  }

  /**
   * The deflated Sharpe ratio: the {@link #probabilistic probabilistic Sharpe ratio} against the
   * {@link #expectedMaxSharpe expected best Sharpe ratio} of {@code trials} trials without skill. With one trial
   * there is no selection and it equals PSR(0). NaN when the PSR is undefined or, for two or more trials, the
   * variance is NaN.
   *
   * @param moments the chosen trial's return moments
   * @param trials N, the number of trials the choice was made from (every parameter set evaluated), ≥ 1
   * @param trialSharpeVariance V, the variance of the trials' per-period Sharpe ratios (see
   *     {@link #trialSharpeVariance}), ≥ 0
   */
  public static double deflated(Moments moments, int trials, double trialSharpeVariance) {
    Checks.notNull(moments, "moments");
    double expectedMax = expectedMaxSharpe(trials, trialSharpeVariance);
    return Double.isNaN(expectedMax) ? Double.NaN : probabilistic(moments, expectedMax);
  }

  /**
   * SR₀, the per-period Sharpe ratio that the best of {@code trials} independent trials is expected to reach when
   * every trial's true Sharpe ratio is 0 and the estimates vary with variance {@code trialSharpeVariance}:
   * {@code √V · ((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)))}. It rises with N, roughly like {@code √(2·ln N)}.
   * One trial has nothing to choose from: SR₀ = 0, whatever the variance.
   *
   * @param trials N ≥ 1
   * @param trialSharpeVariance V ≥ 0 and finite; NaN (too few trials to estimate it) gives NaN for N ≥ 2
   */
  public static double expectedMaxSharpe(int trials, double trialSharpeVariance) {
    Checks.positive(trials, "trials");
    if (!Double.isNaN(trialSharpeVariance)) {
      Checks.nonNegative(trialSharpeVariance, "trialSharpeVariance");
    }
    if (trials == 1) {
      return 0;
    }
    return Math.sqrt(trialSharpeVariance) * expectedMaxStandardNormal(trials);
  }

  /**
   * The sample variance (divisor {@code n − 1}) of the trials' Sharpe ratios, the {@code V} of the deflated Sharpe
   * ratio. Pass per-period Sharpe ratios: annualized ones from {@link Ratios#sharpe} divided by √252, or divide
   * this variance by 252. Undefined (NaN) Sharpe ratios, trials without trades say, are left out; they still
   * count in N. NaN when fewer than two are defined.
   *
   * @param trialSharpes one Sharpe ratio per trial, NaN for undefined; not modified
   * @throws IllegalArgumentException when a Sharpe ratio is infinite
   */
  public static double trialSharpeVariance(double[] trialSharpes) {
    Checks.notNull(trialSharpes, "trialSharpes");
    int defined = 0;
    double sum = 0;
    for (int i = 0; i < trialSharpes.length; i++) {
      double s = trialSharpes[i];
      if (Double.isInfinite(s)) {
        throw new IllegalArgumentException("trialSharpes[" + i + "] must be a finite number or NaN, was " + s);
      }
      if (!Double.isNaN(s)) {
        sum += s;
        defined++;
      }
    }
    if (defined < 2) {
      return Double.NaN;
    }
    double mean = sum / defined;
    double sumSquares = 0;
    for (double s : trialSharpes) {
      if (!Double.isNaN(s)) {
        sumSquares += (s - mean) * (s - mean);
      }
    }
    return sumSquares / (defined - 1);
  }

  /**
   * The minimum track record length of {@code returns}: how many returns it takes for their Sharpe ratio to beat
   * {@code benchmarkSharpe} with probability {@code confidence}.
   *
   * @see #minTrackRecordLength(Moments, double, double)
   */
  public static double minTrackRecordLength(double[] returns, double benchmarkSharpe, double confidence) {
    return minTrackRecordLength(Moments.of(returns), benchmarkSharpe, confidence);
  }

  /**
   * The minimum track record length, in periods of the returns (divide daily periods by 252 for years): the
   * {@code T} at which {@link #probabilistic PSR(SR*)} equals {@code confidence}, keeping the moments' Sharpe ratio,
   * skewness and kurtosis. Not rounded, and independent of the moments' own {@code observations}; a track record at
   * least this long passes. +∞ when the Sharpe ratio does not exceed the benchmark; NaN when a moment is undefined
   * or the variance term is ≤ 0.
   *
   * @param moments the track record's moments
   * @param benchmarkSharpe SR*, per period, finite
   * @param confidence the probability to reach, in [0.5, 1) (e.g. {@link #DEFAULT_CONFIDENCE})
   */
  public static double minTrackRecordLength(Moments moments, double benchmarkSharpe, double confidence) {
    Checks.notNull(moments, "moments");
    requireFinite(benchmarkSharpe, "benchmarkSharpe");
    if (!(confidence >= 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in [0.5, 1), was " + confidence);
    }
    double varianceTerm = moments.sharpeVarianceTerm();
    if (!(varianceTerm > 0)) {
      return Double.NaN;
    }
    double excess = moments.sharpe() - benchmarkSharpe;
    if (!(excess > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    double z = NormalDistribution.inverseCdf(confidence) / excess;
    return 1 + varianceTerm * z * z;
  }

  /**
   * The minimum backtest length in years for {@code trials} configurations (Bailey et al. 2014): with less data,
   * the best of that many configurations without skill is expected to show an in-sample annualized Sharpe ratio of
   * {@code annualSharpe} by luck alone. 0 for one trial.
   *
   * @param trials N ≥ 1, the independent configurations tried
   * @param annualSharpe the in-sample annualized Sharpe ratio to guard, &gt; 0
   */
  public static double minBacktestLengthYears(int trials, double annualSharpe) {
    Checks.positive(trials, "trials");
    Checks.positive(annualSharpe, "annualSharpe");
    if (trials == 1) {
      return 0;
    }
    double ratio = expectedMaxStandardNormal(trials) / annualSharpe;
    return ratio * ratio;
  }

  /**
   * The upper bound {@code 2·ln N / SR²} on {@link #minBacktestLengthYears} (Bailey et al. 2014), in years: simpler,
   * and what the expected maximum of N standard normals tends to as N grows.
   *
   * @param trials N ≥ 1
   * @param annualSharpe the in-sample annualized Sharpe ratio to guard, &gt; 0
   */
  public static double minBacktestLengthBoundYears(int trials, double annualSharpe) {
    Checks.positive(trials, "trials");
    Checks.positive(annualSharpe, "annualSharpe");
    return 2 * Math.log(trials) / (annualSharpe * annualSharpe);
  }

  /** {@code (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))}, the expected maximum of N ≥ 2 standard normal draws. */
  private static double expectedMaxStandardNormal(int trials) {
    return (1 - EULER_MASCHERONI) * NormalDistribution.inverseCdf(1 - 1.0 / trials)
        + EULER_MASCHERONI * NormalDistribution.inverseCdf(1 - 1 / (trials * Math.E));
  }

  private static double requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, was " + value);
    }
    return value;
  }
}
