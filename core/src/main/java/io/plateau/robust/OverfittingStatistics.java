package io.plateau.robust;

import io.plateau.metrics.Ratios;
import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The overfitting statistics of a T × N matrix of per-period returns of N trials (the parameter sets of a study, or
 * trials a user brings): the probability of backtest overfitting by CSCV ({@link BacktestOverfitting}), and the
 * probabilistic and deflated Sharpe ratios of the trial with the best full-sample Sharpe ratio ({@link TrialSharpe}).
 *
 * @param overfitting the CSCV result
 * @param best the best trial's Sharpe statistics
 */
public record OverfittingStatistics(BacktestOverfitting.Result overfitting, TrialSharpe best) {

  /** Combinations per parallel task: small enough to spread over the cores, big enough to be worth a task. */
  private static final int COMBINATIONS_PER_TASK = 256;

  /**
   * One trial's full-sample Sharpe ratio, deflated by the number of trials and the variance of their Sharpe ratios
   * ({@link SharpeInference}), with the track record and backtest lengths that many trials call for.
   *
   * @param trial its index, -1 when no trial was chosen (see {@link #best})
   * @param sharpe its per-period Sharpe ratio
   * @param sharpeAnnualized the same × √252
   * @param trialSharpeVariance the sample variance of the trials' per-period Sharpe ratios
   * @param expectedMaxSharpe the per-period Sharpe ratio the best of this many skill-less trials would show
   * @param probabilisticSharpe PSR(0): the probability that its true Sharpe ratio is positive
   * @param deflatedSharpe DSR: its PSR against {@code expectedMaxSharpe}
   * @param minTrackRecordLength the periods of track record PSR(0) needs to reach 95%
   * @param minBacktestLengthYears the years of backtest needed before this many trials of its annualized Sharpe
   *     ratio stop being expected from luck alone; infinite when that ratio is not positive
   */
  public record TrialSharpe(int trial, double sharpe, double sharpeAnnualized, double trialSharpeVariance,
      double expectedMaxSharpe, double probabilisticSharpe, double deflatedSharpe, double minTrackRecordLength,
      double minBacktestLengthYears) implements Serializable {

    /**
     * The trial of {@code returnsByTrial} ({@code [trial][period]}) with the highest Sharpe ratio (lower index on
     * ties; undefined ratios rank last).
     */
    public static TrialSharpe best(double[][] returnsByTrial) {
      double[] sharpes = sharpes(returnsByTrial);
      int best = -1;
      for (int t = 0; t < sharpes.length; t++) {
        if (!Double.isNaN(sharpes[t]) && (best < 0 || sharpes[t] > sharpes[best])) {
          best = t;
        }
      }
      return of(returnsByTrial, best, sharpes);
    }

    /** Trial {@code trial} of {@code returnsByTrial}, deflated by all of them. */
    public static TrialSharpe of(double[][] returnsByTrial, int trial) {
      return of(returnsByTrial, trial, sharpes(returnsByTrial));
    }

    private static double[] sharpes(double[][] returnsByTrial) {
      double[] sharpes = new double[returnsByTrial.length];
      for (int t = 0; t < sharpes.length; t++) {
        sharpes[t] = SharpeInference.Moments.of(returnsByTrial[t]).sharpe();
      }
      return sharpes;
    }

    private static TrialSharpe of(double[][] returnsByTrial, int trial, double[] sharpes) {
      double variance = SharpeInference.trialSharpeVariance(sharpes);
      if (trial < 0 || Double.isNaN(sharpes[trial])) {
        return new TrialSharpe(trial, Double.NaN, Double.NaN, variance, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);
      }
      int trials = returnsByTrial.length;
      SharpeInference.Moments moments = SharpeInference.Moments.of(returnsByTrial[trial]);
      double annualized = moments.sharpe() * Math.sqrt(Ratios.TRADING_DAYS_PER_YEAR);
      return new TrialSharpe(trial, moments.sharpe(), annualized, variance,
          SharpeInference.expectedMaxSharpe(trials, variance), SharpeInference.probabilistic(moments, 0),
          SharpeInference.deflated(moments, trials, variance),
          SharpeInference.minTrackRecordLength(moments, 0, SharpeInference.DEFAULT_CONFIDENCE),
          annualized > 0 ? SharpeInference.minBacktestLengthYears(trials, annualized) : Double.POSITIVE_INFINITY);
    }
  }

  /**
   * The statistics of {@code returnsByTrial} ({@code [trial][period]}), CSCV over {@code partitions} blocks, its
   * combinations evaluated on all cores.
   */
  public static OverfittingStatistics of(double[][] returnsByTrial, int partitions,
      BacktestOverfitting.Metric metric) {
    BacktestOverfitting cscv = BacktestOverfitting.of(returnsByTrial, partitions, metric);
    int combinations = cscv.combinations();
    List<BacktestOverfitting.Partial> partials = IntStream.range(0,
            (combinations + COMBINATIONS_PER_TASK - 1) / COMBINATIONS_PER_TASK).parallel()
        .mapToObj(task -> cscv.evaluate(task * COMBINATIONS_PER_TASK,
            Math.min(combinations, (task + 1) * COMBINATIONS_PER_TASK)))
        .toList();
    return new OverfittingStatistics(BacktestOverfitting.merge(partials), TrialSharpe.best(returnsByTrial));
  }
}
