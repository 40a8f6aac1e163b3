package io.plateau.robust;

import io.plateau.metrics.Ratios;
import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The overfitting statistics of a T × N matrix of per-period returns of N trials (the parameter sets of a study, or
 * trials a user brings): the probability of backtest overfitting by CSCV ({@link BacktestOverfitting}), and the
 * probabilistic and deflated Sharpe ratios of the trial with the best full-sample Sharpe ratio ({@link BestTrial}).
 *
 * @param overfitting the CSCV result
 * @param best the best trial's Sharpe statistics
 */
public record OverfittingStatistics(BacktestOverfitting.Result overfitting, BestTrial best) {

  /** Combinations per parallel task: small enough to spread over the cores, big enough to be worth a task. */
  private static final int COMBINATIONS_PER_TASK = 256;

  /**
   * The trial with the highest full-sample per-period Sharpe ratio, deflated by the number of trials and the
   * variance of their Sharpe ratios ({@link SharpeInference}), with the track record and backtest lengths that many
   * trials call for.
   *
   * @param trial its index (lower index on ties; undefined ratios rank last), -1 when no trial's ratio is defined
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
  public record BestTrial(int trial, double sharpe, double sharpeAnnualized, double trialSharpeVariance,
      double expectedMaxSharpe, double probabilisticSharpe, double deflatedSharpe, double minTrackRecordLength,
      double minBacktestLengthYears) implements Serializable {

    /** The best trial of {@code returnsByTrial} ({@code [trial][period]}). */
    public static BestTrial of(double[][] returnsByTrial) {
      int trials = returnsByTrial.length;
      double[] sharpes = new double[trials];
      int best = -1;
      for (int t = 0; t < trials; t++) {
        sharpes[t] = SharpeInference.Moments.of(returnsByTrial[t]).sharpe();
        if (!Double.isNaN(sharpes[t]) && (best < 0 || sharpes[t] > sharpes[best])) {
          best = t;
        }
      }
      double variance = SharpeInference.trialSharpeVariance(sharpes);
      if (best < 0) {
        return new BestTrial(-1, Double.NaN, Double.NaN, variance, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);
      }
      SharpeInference.Moments moments = SharpeInference.Moments.of(returnsByTrial[best]);
      double annualized = moments.sharpe() * Math.sqrt(Ratios.TRADING_DAYS_PER_YEAR);
      return new BestTrial(best, moments.sharpe(), annualized, variance,
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
    return new OverfittingStatistics(BacktestOverfitting.merge(partials), BestTrial.of(returnsByTrial));
  }
}
