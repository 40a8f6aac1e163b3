package io.plateau.data.ingest;

import io.plateau.instrument.TickGrid;
import java.time.Instant;

/**
 * Checks the bars of one contract against the bars before them and keeps the good ones.
 *
 * <ul>
 *   <li>A bar at or before the last kept bar's time is an exact duplicate of the kept bar at that time (dropped
 *       and counted, not an error), a duplicate with different values ({@link RejectReason#DUPLICATE_CONFLICT}; the
 *       first one read stays), or out of order ({@link RejectReason#OUT_OF_ORDER}).
 *   <li>A spike: with {@code L} the spike limit of {@link SpikeGuard} and {@code C} the previous kept close, a bar
 *       whose high exceeds {@code C + L} or whose low falls below {@code C - L} is suspect. It is rejected when
 *       that same extreme is also more than {@code L} from the next good bar's open (the price came back: a bad
 *       print), and accepted when the next bar opens within {@code L} of it (the market really moved, as after a
 *       weekend gap or a news release). A suspect last bar has nothing to confirm it and is rejected.
 * </ul>
 */
final class BarSink extends ContractSink {

  private double pendingLimit;
  private int pendingReference;

  BarSink(Tally tally, SpikeGuard guard, TickGrid grid, String contract) {
    super(tally, guard, grid, contract);
  }

  void add(long start, int open, int high, int low, int close, long volume, long buy, long sell, int file,
      long lineNumber, LineReader line) {
    Columns b = bars;
    int n = b.size;
    if (n > 0 && start <= b.startMillis[n - 1]) {
      int at = b.indexOf(start);
      if (at < 0) {
        tally.reject(file, lineNumber, RejectReason.OUT_OF_ORDER, "bar at " + Instant.ofEpochMilli(start)
            + " comes after the bar at " + Instant.ofEpochMilli(b.startMillis[n - 1]), line.lineText());
      } else if (b.sameValues(at, open, high, low, close, volume, buy, sell)) {
        tally.duplicate(file);
      } else {
        tally.reject(file, lineNumber, RejectReason.DUPLICATE_CONFLICT, "a bar at " + Instant.ofEpochMilli(start)
            + " with other values was read first, at " + tally.fileName(b.sourceFile[at]) + ":" + b.sourceLine[at],
            line.lineText());
      }
      return;
    }
    if (pending) {
      decidePending(open, true);
      n = b.size;
    }
    double limit = guard.limitTicks();
    if (n > 0) {
      int reference = b.closeTicks[n - 1];
      if (high - reference > limit || reference - low > limit) {
        b.add(start, open, high, low, close, volume, buy, sell, file, lineNumber);
        pendingLimit = limit;
        pendingReference = reference;
        holdLine(line, file, lineNumber);
        return;
      }
    }
    b.add(start, open, high, low, close, volume, buy, sell, file, lineNumber);
    acceptLast(file);
  }

  private void acceptLast(int file) {
    Columns b = bars;
    int i = b.size - 1;
    guard.push(i == 0 ? (long) b.highTicks[i] - b.lowTicks[i]
        : SpikeGuard.trueRange(b.highTicks[i], b.lowTicks[i], b.closeTicks[i - 1]));
    tally.accepted(file);
    tally.barProduced(file);
  }

  /** Accepts or rejects the pending (last) bar given the next good bar's open, if there is one. */
  private void decidePending(int nextOpen, boolean hasNext) {
    pending = false;
    Columns b = bars;
    int i = b.size - 1;
    int high = b.highTicks[i];
    int low = b.lowTicks[i];
    boolean up = high - pendingReference > pendingLimit && (!hasNext || high - nextOpen > pendingLimit);
    boolean down = pendingReference - low > pendingLimit && (!hasNext || nextOpen - low > pendingLimit);
    if (!up && !down) {
      acceptLast(pendingFile);
      return;
    }
    b.removeLast();
    String what = up
        ? "high " + price(high) + " is " + (high - pendingReference) + " ticks above the previous close"
        : "low " + price(low) + " is " + (pendingReference - low) + " ticks below the previous close";
    String confirmation = hasNext
        ? " and " + Math.abs((long) (up ? high : low) - nextOpen) + " ticks from the next open " + price(nextOpen)
        : " and no later bar confirms the move";
    tally.reject(pendingFile, pendingLine, RejectReason.SPIKE,
        what + " " + price(pendingReference) + confirmation + "; the limit is " + limitText(pendingLimit),
        pendingText());
  }

  @Override
  void finish() {
    if (pending) {
      decidePending(0, false);
    }
  }
}
