package io.plateau.robust;

import io.plateau.metrics.Drawdown;
import io.plateau.util.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Monte Carlo simulation of a strategy's closed trades: many alternative orderings or resamples of the same
 * trades, each run from the starting account, giving the distribution of the maximum drawdown, the final equity
 * and the probability of ruin.
 *
 * <p>A backtest shows one path through its trades; the drawdown a trader will live through depends on the order in
 * which the same wins and losses arrive. Resampling the trades (the trade-level bootstrap of Efron &amp; Tibshirani,
 * "An Introduction to the Bootstrap", Chapman &amp; Hall, 1993; applied to trading systems by Vince, "The
 * Mathematics of Money Management", Wiley, 1992, and Pardo, "The Evaluation and Optimization of Trading
 * Strategies", 2nd ed., Wiley, 2008, ch. 11) turns that one drawdown into a distribution, and the 95th percentile
 * of it, not the backtest's own drawdown, is what an account should be sized for.
 *
 * <h2>Modes</h2>
 * <ul>
 *   <li>{@link Mode#RESHUFFLE RESHUFFLE}: a uniformly random permutation of the trades (Fisher–Yates). Every run
 *       ends at the same equity, the one after the trades in their original order, exactly; only the path and so
 *       the drawdown differ. Answers "how bad could the drawdown of these very trades have been?"
 *   <li>{@link Mode#BOOTSTRAP BOOTSTRAP}: as many trades as there are, drawn uniformly with replacement. The final
 *       equity varies too, with mean {@code start + N·mean(trade)}. Answers "how might another sample of trades
 *       from the same distribution turn out?"
 * </ul>
 * Both treat trades as independent: streaks that come from market regimes are broken up, which understates the
 * drawdowns of a strategy whose losses cluster.
 *
 * <h2>Each run</h2>
 * The equity starts at {@code startingEquity} and adds each trade's net P&amp;L as it closes: this is closed-trade
 * equity, so open-trade excursions are not seen and drawdowns come out smaller than on mark-to-market equity.
 * The maximum drawdown, in currency and as a fraction of the running peak, is {@link Drawdown#of} of that path
 * (the peak starts at the starting equity). A run is ruined when its equity after some trade is at or below
 * {@code ruinEquity}; the run is not stopped there (the path statistics stay those of the whole sequence), it
 * only counts as ruined. Equity may go below 0, and a fractional drawdown above 1.
 *
 * <h2>Randomness</h2>
 * Run {@code r} draws from the {@code r}-th {@link SplittableRandom#split() split} of
 * {@code new SplittableRandom(seed)}, so each run's stream depends only on the seed and its index: the runs can be
 * handed to threads (splitting on one thread first, in order) without changing the result, and the same seed
 * always gives the same result.
 *
 * <p>Cost: {@code O(runs · trades)} time, four arrays of {@code runs} doubles and two of {@code trades}; 1,000 runs
 * of 500 trades take about 10 ms on one core.
 */
public final class TradeMonteCarlo {

  /** How a run draws its trades. */
  public enum Mode {
    /** A random permutation of all the trades: same final equity, different path. */
    RESHUFFLE,
    /** As many trades as there are, drawn with replacement. */
    BOOTSTRAP
  }

  /**
   * Runs when none are asked for: the 95th percentile's rank is then off by about 0.7 percentage points
   * ({@code √(0.95·0.05/1000)}).
   */
  public static final int DEFAULT_RUNS = 1_000;

  /** The percentiles a report shows for the drawdown and final equity distributions. */
  public static final List<Double> REPORTED_PERCENTILES = List.of(5.0, 50.0, 95.0, 99.0);

  private TradeMonteCarlo() {}

  /**
   * What to simulate.
   *
   * @param mode how each run draws its trades
   * @param runs the number of runs, &gt; 0 (default {@value TradeMonteCarlo#DEFAULT_RUNS})
   * @param seed the seed of the whole simulation (derive it from the study's seed and a stable id)
   * @param startingEquity the account at the start of every run, in currency, &gt; 0
   * @param ruinEquity the equity at or below which a run counts as ruined, in currency, finite and below
   *     {@code startingEquity} (0 = the account is wiped out; half the start = a 50 % loss ends the strategy)
   */
  public record Settings(Mode mode, int runs, long seed, double startingEquity, double ruinEquity) {

    public Settings {
      Checks.notNull(mode, "mode");
      Checks.positive(runs, "runs");
      Checks.positive(startingEquity, "startingEquity");
      if (!Double.isFinite(ruinEquity) || ruinEquity >= startingEquity) {
        throw new IllegalArgumentException("ruinEquity must be a finite number below startingEquity "
            + startingEquity + ", was " + ruinEquity);
      }
    }

    /** {@value TradeMonteCarlo#DEFAULT_RUNS} runs, ruin when the account is wiped out (equity ≤ 0). */
    public static Settings of(Mode mode, long seed, double startingEquity) {
      return new Settings(mode, DEFAULT_RUNS, seed, startingEquity, 0);
    }

    public Settings withRuns(int runs) {
      return new Settings(mode, runs, seed, startingEquity, ruinEquity);
    }

    public Settings withRuinEquity(double ruinEquity) {
      return new Settings(mode, runs, seed, startingEquity, ruinEquity);
    }
  }

  /**
   * The outcome of a simulation: per-run statistics, each array sorted ascending (ready for histograms and
   * percentiles) and independently of the others, so index {@code i} of two arrays need not be the same run.
   * The constructor and the accessors copy the arrays.
   *
   * @param settings what was simulated
   * @param tradesPerRun the trades in every run (the number of trades given)
   * @param maxDrawdowns each run's maximum drawdown in currency, ≥ 0
   * @param maxDrawdownFractions each run's maximum drawdown as a fraction of its running peak, ≥ 0
   * @param finalEquities each run's equity after its last trade
   * @param lowestEquities each run's lowest equity, the starting equity included
   */
  public record Result(Settings settings, int tradesPerRun, double[] maxDrawdowns, double[] maxDrawdownFractions,
      double[] finalEquities, double[] lowestEquities) {

    public Result {
      Checks.notNull(settings, "settings");
      Checks.positive(tradesPerRun, "tradesPerRun");
      maxDrawdowns = sortedCopy(maxDrawdowns, settings.runs(), "maxDrawdowns");
      maxDrawdownFractions = sortedCopy(maxDrawdownFractions, settings.runs(), "maxDrawdownFractions");
      finalEquities = sortedCopy(finalEquities, settings.runs(), "finalEquities");
      lowestEquities = sortedCopy(lowestEquities, settings.runs(), "lowestEquities");
    }

    /** Each run's maximum drawdown in currency, ascending; a copy. */
    @Override
    public double[] maxDrawdowns() {
      return maxDrawdowns.clone();
    }

    /** Each run's maximum drawdown as a fraction of its running peak, ascending; a copy. */
    @Override
    public double[] maxDrawdownFractions() {
      return maxDrawdownFractions.clone();
    }

    /** Each run's final equity, ascending; a copy. */
    @Override
    public double[] finalEquities() {
      return finalEquities.clone();
    }

    /** Each run's lowest equity (the start included), ascending; a copy. */
    @Override
    public double[] lowestEquities() {
      return lowestEquities.clone();
    }

    /**
     * The {@code percent} percentile of the maximum drawdown in currency: 95 gives the drawdown that 95 % of runs
     * stay within.
     *
     * @param percent in [0, 100]; see {@link #percentile} for the interpolation
     */
    public double maxDrawdownPercentile(double percent) {
      return percentile(maxDrawdowns, percent);
    }

    /** The {@code percent} percentile of the maximum drawdown as a fraction of the peak (0.25 = 25 %). */
    public double maxDrawdownFractionPercentile(double percent) {
      return percentile(maxDrawdownFractions, percent);
    }

    /** The {@code percent} percentile of the final equity: 5 gives the final equity that 95 % of runs beat. */
    public double finalEquityPercentile(double percent) {
      return percentile(finalEquities, percent);
    }

    /** The 95th percentile of the maximum drawdown in currency, the drawdown to size an account for. */
    public double maxDrawdown95() {
      return maxDrawdownPercentile(95);
    }

    /** The share of runs ruined at the settings' {@link Settings#ruinEquity() ruin equity}, in [0, 1]. */
    public double probabilityOfRuin() {
      return probabilityOfRuin(settings.ruinEquity());
    }

    /**
     * The share of runs whose equity ever fell to or below {@code ruinEquity}, in [0, 1]: the same paths judged
     * at another ruin level, for a curve of ruin against account loss. 1 at or above the starting equity.
     *
     * @param ruinEquity in currency, finite
     */
    public double probabilityOfRuin(double ruinEquity) {
      if (!Double.isFinite(ruinEquity)) {
        throw new IllegalArgumentException("ruinEquity must be a finite number, was " + ruinEquity);
      }
      // Runs with lowest equity ≤ level: the index of the first lowest equity above it.
      int low = 0;
      int high = lowestEquities.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (lowestEquities[mid] <= ruinEquity) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return (double) low / lowestEquities.length;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Result that
          && settings.equals(that.settings)
          && tradesPerRun == that.tradesPerRun
          && Arrays.equals(maxDrawdowns, that.maxDrawdowns)
          && Arrays.equals(maxDrawdownFractions, that.maxDrawdownFractions)
          && Arrays.equals(finalEquities, that.finalEquities)
          && Arrays.equals(lowestEquities, that.lowestEquities);
    }

    @Override
    public int hashCode() {
      int hash = settings.hashCode() * 31 + tradesPerRun;
      hash = hash * 31 + Arrays.hashCode(maxDrawdowns);
      hash = hash * 31 + Arrays.hashCode(maxDrawdownFractions);
      hash = hash * 31 + Arrays.hashCode(finalEquities);
      return hash * 31 + Arrays.hashCode(lowestEquities);
    }

    @Override
    public String toString() {
      return "Result[" + settings + ", tradesPerRun=" + tradesPerRun + ", maxDrawdown95=" + maxDrawdown95()
          + ", medianFinalEquity=" + finalEquityPercentile(50) + ", probabilityOfRuin=" + probabilityOfRuin() + "]";
    }

    private static double[] sortedCopy(double[] values, int runs, String name) {
      Checks.notNull(values, name);
      if (values.length != runs) {
        throw new IllegalArgumentException(name + " must hold one value per run (" + runs + "), had "
            + values.length);
      }
      double[] copy = values.clone();
      Arrays.sort(copy);
      return copy;
    }
  }

  /**
   * Simulates {@code settings.runs()} runs of the trades.
   *
   * @param tradeNetPnl each closed trade's net P&amp;L in currency (e.g. {@code TradeLog.netPnl(i)}), in the order
   *     they closed; at least one, all finite; not modified
   * @param settings what to simulate
   * @throws IllegalArgumentException when there are no trades or a trade's P&amp;L is not finite: a strategy without
   *     trades has no drawdown distribution to report, and a NaN trade would poison every run
   */
  public static Result simulate(double[] tradeNetPnl, Settings settings) {
    Checks.notNull(tradeNetPnl, "tradeNetPnl");
    Checks.notNull(settings, "settings");
    int n = tradeNetPnl.length;
    if (n == 0) {
      throw new IllegalArgumentException("tradeNetPnl must hold at least one trade, was empty");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(tradeNetPnl[i])) {
        throw new IllegalArgumentException("tradeNetPnl[" + i + "] must be a finite number, was " + tradeNetPnl[i]);
      }
    }
    double[] trades = tradeNetPnl.clone();
    double start = settings.startingEquity();
    boolean reshuffle = settings.mode() == Mode.RESHUFFLE;
    // Summed in the original order once, so every reshuffled run reports the same final equity to the last bit
    // instead of a spread of rounding differences.
    double originalFinal = start;
    for (double trade : trades) {
      originalFinal += trade;
    }

    int runs = settings.runs();
    double[] maxDrawdowns = new double[runs];
    double[] maxDrawdownFractions = new double[runs];
    double[] finalEquities = new double[runs];
    double[] lowestEquities = new double[runs];
    double[] drawn = new double[n];
    double[] path = new double[n];
    SplittableRandom master = new SplittableRandom(settings.seed());
    for (int r = 0; r < runs; r++) {
      SplittableRandom random = master.split();
      if (reshuffle) {
        // Fisher–Yates from the original order each run, so run r depends on its own stream only.
        System.arraycopy(trades, 0, drawn, 0, n);
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          double swap = drawn[i];
          drawn[i] = drawn[j];
          drawn[j] = swap;
        }
      } else {
        for (int i = 0; i < n; i++) {
          drawn[i] = trades[random.nextInt(n)];
        }
      }
      double equity = start;
      double lowest = start;
      for (int i = 0; i < n; i++) {
        equity += drawn[i];
        path[i] = equity;
        lowest = Math.min(lowest, equity);
      }
      Drawdown drawdown = Drawdown.of(start, path);
      maxDrawdowns[r] = drawdown.maxDrawdown();
      maxDrawdownFractions[r] = drawdown.maxDrawdownFraction();
      finalEquities[r] = reshuffle ? originalFinal : equity;
      lowestEquities[r] = lowest;
    }
    return new Result(settings, n, maxDrawdowns, maxDrawdownFractions, finalEquities, lowestEquities);
  }

  /**
   * The {@code percent} percentile of ascending {@code sorted} values by linear interpolation between the closest
   * ranks (Hyndman &amp; Fan 1996, definition 7; NumPy's and Excel's PERCENTILE.INC default): with
   * {@code h = (n − 1)·percent/100}, {@code x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])}. 0 gives the minimum, 100 the
   * maximum.
   *
   * @param sorted ascending values, at least one
   * @param percent in [0, 100]
   */
  static double percentile(double[] sorted, double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in [0, 100], was " + percent);
    }
    double h = (sorted.length - 1) * percent / 100;
    int below = (int) Math.floor(h);
    if (below >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
  }
}
