package io.plateau.jobs.optimize;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.AccumulatorV2;
import org.apache.spark.util.LongAccumulator;

/**
 * The console progress of the block stage, one line per finished block: blocks done of the total, bar-evaluations
 * per second, an ETA and the best in-sample objective so far; and one per failed task attempt, with Spark's reason.
 * Fed by two accumulators the tasks add to; Spark's own progress bar is off.
 */
final class Progress extends SparkListener {

  /** What tasks report as they go. */
  record Counters(LongAccumulator barEvaluations, Max bestObjective) implements Serializable {

    static Counters register(SparkContext context) {
      LongAccumulator evaluations = context.longAccumulator("bar-evaluations");
      Max best = new Max();
      context.register(best, "best in-sample objective");
      return new Counters(evaluations, best);
    }
  }

  private final String label;
  private final int total;
  private final Counters counters;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private int done;

  /** @param label what the blocks belong to, e.g. an adaptive search's "batch 2/5 ", or empty */
  Progress(String label, int total, int alreadyDone, Counters counters, PrintStream out) {
    this.label = label;
    this.total = total;
    this.done = alreadyDone;
    this.counters = counters;
    this.out = out;
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.reason() instanceof TaskFailedReason failed) {
      // A lost executor, a failed write: Spark retries the block (its marker makes a finished one a no-op).
      String reason = failed.toErrorString().lines().findFirst().orElse("");
      out.printf(Locale.ROOT, "  %sblock task %d, attempt %d, failed: %s%n", label, taskEnd.taskInfo().index(),
          taskEnd.taskInfo().attemptNumber(), reason.length() > 200 ? reason.substring(0, 200) + "..." : reason);
      return;
    }
    if (!"Success".equals(taskEnd.reason().toString())) {
      return;
    }
    done++;
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long evaluations = counters.barEvaluations().value();
    double rate = evaluations / Math.max(seconds, 1e-3);
    int left = total - done;
    double eta = done == 0 ? Double.NaN : seconds / done * left;
    out.printf(Locale.ROOT, "  %sblocks %d/%d  %,.1f M bar-evaluations/s  ETA %s  best in-sample objective %s%n",
        label, done, total, rate / 1e6, Double.isNaN(eta) ? "?" : String.format(Locale.ROOT, "%.0f s", eta),
        Double.isNaN(counters.bestObjective().value()) ? "-"
            : String.format(Locale.ROOT, "%,.2f", counters.bestObjective().value()));
  }

  /** The largest value added (NaN when none). */
  static final class Max extends AccumulatorV2<Double, Double> {
    private double max = Double.NaN;

    @Override
    public boolean isZero() {
      return Double.isNaN(max);
    }

    @Override
    public AccumulatorV2<Double, Double> copy() {
      Max copy = new Max();
      copy.max = max;
      return copy;
    }

    @Override
    public void reset() {
      max = Double.NaN;
    }

    @Override
    public void add(Double value) {
      if (!value.isNaN() && (Double.isNaN(max) || value > max)) {
        max = value;
      }
    }

    @Override
    public void merge(AccumulatorV2<Double, Double> other) {
      add(other.value());
    }

    @Override
    public Double value() {
      return max;
    }
  }
}
