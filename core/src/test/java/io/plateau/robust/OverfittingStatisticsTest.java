package io.plateau.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OverfittingStatisticsTest {

  /** {@code trials} series of {@code periods} Gaussian returns (sd 1%), trial 0 with a drift of {@code drift}. */
  private static double[][] returns(int trials, int periods, double drift, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] matrix = new double[trials][periods];
    for (double[] trial : matrix) {
      for (int p = 0; p < periods; p++) {
        // Box-Muller: two uniforms to one standard normal.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        trial[p] = 0.01 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      }
    }
    for (int p = 0; p < periods; p++) {
      matrix[0][p] += drift;
    }
    return matrix;
  }

  @Test
  void theParallelCscvEqualsTheSingleThreadedOneBitForBit() {
    double[][] matrix = returns(40, 512, 0, 3);
    OverfittingStatistics statistics = OverfittingStatistics.of(matrix, 16, BacktestOverfitting.Metric.SHARPE);
    assertEquals(BacktestOverfitting.of(matrix, 16, BacktestOverfitting.Metric.SHARPE).result(),
        statistics.overfitting());
    assertEquals(12_870, statistics.overfitting().combinations());
  }

  @Test
  void theBestTrialIsDeflatedByTheNumberAndSpreadOfTrials() {
    double[][] matrix = returns(50, 1_000, 0.002, 7);
    OverfittingStatistics statistics = OverfittingStatistics.of(matrix, 8, BacktestOverfitting.Metric.SHARPE);
    assertEquals(0, statistics.best().trial(), "the drifting trial");
    double[] sharpes = Arrays.stream(matrix).mapToDouble(t -> SharpeInference.Moments.of(t).sharpe()).toArray();
    double variance = SharpeInference.trialSharpeVariance(sharpes);
    assertEquals(variance, statistics.best().trialSharpeVariance(), 0);
    assertEquals(SharpeInference.deflated(matrix[0], 50, variance), statistics.best().deflatedSharpe(), 0);
    assertEquals(SharpeInference.probabilistic(matrix[0], 0), statistics.best().probabilisticSharpe(), 0);
    assertTrue(statistics.best().deflatedSharpe() < statistics.best().probabilisticSharpe(), statistics.toString());
    assertEquals(statistics.best().sharpe() * Math.sqrt(252), statistics.best().sharpeAnnualized(), 1e-12);
    assertTrue(statistics.overfitting().pbo() < 0.1, "a real edge is not overfit: " + statistics.overfitting().pbo());

    double[][] moreTrials = returns(400, 1_000, 0.002, 7);
    OverfittingStatistics more = OverfittingStatistics.of(moreTrials, 8, BacktestOverfitting.Metric.SHARPE);
    assertEquals(0, more.best().trial());
    assertTrue(more.best().minBacktestLengthYears() > statistics.best().minBacktestLengthYears(), "more trials need more years");
  }

  @Test
  void noTrialWithADefinedSharpeRatioHasNoBestTrial() {
    double[][] flat = new double[3][20];
    OverfittingStatistics statistics = OverfittingStatistics.of(flat, 4, BacktestOverfitting.Metric.SHARPE);
    assertEquals(-1, statistics.best().trial());
    assertEquals(Double.NaN, statistics.best().deflatedSharpe());
  }
}
