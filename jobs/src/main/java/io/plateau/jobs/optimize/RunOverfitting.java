package io.plateau.jobs.optimize;

import io.plateau.robust.BacktestOverfitting;
import io.plateau.robust.OverfittingStatistics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The overfitting statistics of a run's parameter sets for one symbol, on Spark: the T × N matrix of the sets'
 * daily returns on the account (daily P&amp;L over capital, from the first in-sample date to the end) is assembled
 * in one executor task, which prepares the CSCV ({@link BacktestOverfitting}: per-block sums, a few MB however long
 * the history) and measures every set's Sharpe ratio; the prepared CSCV is broadcast and its C(S, S/2)
 * combinations are evaluated in ranges, one task each, and merged on the driver, bit for bit the single-JVM result.
 * The driver never holds the matrix.
 */
final class RunOverfitting {

  /** Combinations per task: C(16, 8) = 12,870 makes about 50 tasks. */
  static final int COMBINATIONS_PER_TASK = 256;

  private RunOverfitting() {}

  /** What the matrix task sends back: the prepared CSCV, and the sets and Sharpe figures DSR needs. */
  private record Prepared(BacktestOverfitting cscv, long[] setIds, OverfittingStatistics.TrialSharpe best,
      OverfittingStatistics.TrialSharpe recommended) implements Serializable {}

  /**
   * A symbol's statistics, with the set id of each trial index, and the Sharpe statistics of the recommended set.
   */
  record SetStatistics(OverfittingStatistics statistics, long[] setIds,
      OverfittingStatistics.TrialSharpe recommended) {}

  /**
   * The statistics of {@code symbol}'s sets in the run at {@code staging}: CSCV over {@code partitions} blocks of
   * the days {@code [firstDay, endDay)} of the run's calendar, Sharpe ratio as the metric, and the deflated Sharpe
   * ratio of set {@code recommendedSet}.
   */
  static SetStatistics compute(SparkSession spark, Path staging, String symbol, int firstDay, int endDay,
      double capital, int partitions, long recommendedSet) {
    List<Prepared> prepared = spark.read().parquet(new Path(staging, "pnl").toString())
        .where(functions.col("symbol").equalTo(symbol)).select("set_id", "daily_pnl")
        .toJavaRDD().coalesce(1).mapPartitions((Iterator<Row> rows) -> {
          // Each row becomes its returns at once, so the task never holds the rows' boxed P&L lists together.
          TreeMap<Long, double[]> bySet = new TreeMap<>();
          while (rows.hasNext()) {
            Row row = rows.next();
            List<Float> pnl = row.getList(1);
            double[] values = new double[endDay - firstDay];
            for (int d = firstDay; d < endDay; d++) {
              values[d - firstDay] = pnl.get(d) / capital;
            }
            bySet.put(row.getLong(0), values);
          }
          long[] ids = bySet.keySet().stream().mapToLong(Long::longValue).toArray();
          double[][] returns = bySet.values().toArray(new double[0][]);
          return List.of(new Prepared(BacktestOverfitting.of(returns, partitions, BacktestOverfitting.Metric.SHARPE),
              ids, OverfittingStatistics.TrialSharpe.best(returns),
              OverfittingStatistics.TrialSharpe.of(returns, Arrays.binarySearch(ids, recommendedSet))))
              .iterator();
        }).collect();
    Prepared matrix = prepared.get(0);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<BacktestOverfitting> shared = context.broadcast(matrix.cscv());
    int combinations = matrix.cscv().combinations();
    List<int[]> ranges = new ArrayList<>();
    for (int from = 0; from < combinations; from += COMBINATIONS_PER_TASK) {
      ranges.add(new int[] {from, Math.min(combinations, from + COMBINATIONS_PER_TASK)});
    }
    context.setJobDescription("plateau optimize: probability of backtest overfitting, " + symbol);
    List<BacktestOverfitting.Partial> partials = context.parallelize(ranges, ranges.size())
        .map(range -> shared.value().evaluate(range[0], range[1])).collect();
    shared.destroy();
    return new SetStatistics(new OverfittingStatistics(BacktestOverfitting.merge(partials), matrix.best()),
        matrix.setIds(), matrix.recommended());
  }
}
