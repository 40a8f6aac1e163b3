package io.plateau.robust;

import io.plateau.robust.BacktestOverfitting.Metric;
import io.plateau.robust.BacktestOverfitting.Result;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark (never run by the tests): the CSCV of the routine case, S = 16 (12,870 combinations) over
 * N = 10,000 trials of T = 2,500 periods of seeded noise, on one thread. Prints the time to prepare the block sums
 * and to evaluate every combination, for the Sharpe and the total metric, after a warm-up on a few hundred
 * combinations so the JIT has compiled the hot loop.
 *
 * <p>Run after {@code mvn -pl core test-compile}, the matrix alone being 200 MB: {@code java -Xmx2g
 * -cp core/target/classes:core/target/test-classes io.plateau.robust.BacktestOverfittingBench}.
 */
public final class BacktestOverfittingBench {

  private BacktestOverfittingBench() {}

  public static void main(String[] args) {
    int trials = 10_000;
    int periods = 2_500;
    int partitions = 16;
    SplittableRandom random = new SplittableRandom(2_326_253);
    double[][] returns = new double[trials][periods];
    for (double[] trial : returns) {
      for (int t = 0; t < periods; t++) {
        // The cost does not depend on the values' distribution: a uniform draw is enough.
        trial[t] = random.nextDouble(-0.02, 0.02);
      }
    }
    for (Metric metric : Metric.values()) {
      long start = System.nanoTime();
      BacktestOverfitting study = BacktestOverfitting.of(returns, partitions, metric);
      long prepared = System.nanoTime();
      study.evaluate(0, 300); // warm-up
      long warm = System.nanoTime();
      Result result = study.result();
      long done = System.nanoTime();
      double seconds = (done - warm) / 1e9;
      System.out.printf(Locale.ROOT,
          "%s: S=%d T=%,d N=%,d: prepare %.2f s, %,d combinations in %.2f s (%.1f ns per trial and combination);"
              + " pbo %.4f%n",
          metric, partitions, periods, trials, (prepared - start) / 1e9, result.combinations(), seconds,
          seconds * 1e9 / ((double) result.combinations() * trials), result.pbo());
    }
  }
}
