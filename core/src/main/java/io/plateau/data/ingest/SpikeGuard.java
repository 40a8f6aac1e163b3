package io.plateau.data.ingest;

/**
 * The spike limit of one contract: a multiple of its average true range over the last bars.
 *
 * <p>True range is {@code max(high - low, |high - previous close|, |low - previous close|)} in ticks, its average
 * the plain mean of the last {@code bars} values (not Wilder's smoothing: a window that forgets a gap after
 * {@code bars} bars is easier to reason about here). Until {@code bars} bars have been seen the limit is infinite:
 * the warm-up checks nothing. The average is floored at one tick so that a run of flat bars does not make every
 * one-tick move a spike.
 */
final class SpikeGuard {

  private final double multiple;
  private final long[] trueRanges;
  private int count;
  private int next;
  private long sum;

  SpikeGuard(double multiple, int bars) {
    this.multiple = multiple;
    this.trueRanges = new long[bars];
  }

  /** Adds the true range of the bar just accepted. */
  void push(long trueRangeTicks) {
    sum += trueRangeTicks - trueRanges[next];
    trueRanges[next] = trueRangeTicks;
    next = next + 1 == trueRanges.length ? 0 : next + 1;
    if (count < trueRanges.length) {
      count++;
    }
  }

  double averageTrueRangeTicks() {
    return Math.max(1.0, (double) sum / trueRanges.length);
  }

  /** How many ticks a price may move from its reference before it is suspect; infinite during the warm-up. */
  double limitTicks() {
    return count < trueRanges.length ? Double.POSITIVE_INFINITY : multiple * averageTrueRangeTicks();
  }

  double multiple() {
    return multiple;
  }

  static long trueRange(int high, int low, int previousClose) {
    return Math.max((long) high - low, Math.max(Math.abs((long) high - previousClose),
        Math.abs((long) low - previousClose)));
  }
}
