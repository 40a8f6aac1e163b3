package io.plateau.data.ingest;

import io.plateau.instrument.TickGrid;
import java.time.Instant;

/**
 * Aggregates the trades of one contract into 1-minute bars stamped at their start, with buy and sell aggressor
 * volume, after checking each trade against the ones before it.
 *
 * <ul>
 *   <li>Order: within a minute the file's order is the trade sequence (first trade = open, last = close); a trade
 *       whose minute is before the bar being built cannot be added and is {@link RejectReason#OUT_OF_ORDER}.
 *   <li>Spikes: a trade more than the spike limit ({@link SpikeGuard}, over the true ranges of the finished bars)
 *       from the last accepted trade is suspect; the next good trade confirms it (within the limit of it) or shows
 *       it to be a bad print, which is rejected, as in {@link BarSink}.
 *   <li>Aggressor side: a trade's own side when it has one; otherwise the tick rule — the direction of the last
 *       price change among accepted trades (up: buyer, down: seller). Trades before the first price change of a
 *       contract have no direction yet: their volume counts in the bar's volume but in neither buy nor sell.
 * </ul>
 */
final class TradeSink extends ContractSink {

  private static final long NONE = Long.MIN_VALUE;

  private long barMinute = NONE;
  private int barOpen;
  private int barHigh;
  private int barLow;
  private int barClose;
  private long barVolume;
  private long barBuy;
  private long barSell;
  private int barFile;
  private long barLine;
  private long latestMinute = NONE;

  private boolean hasLastPrice;
  private int lastPrice;
  private int direction;

  private long pendingMinute;
  private int pendingPrice;
  private long pendingSize;
  private int pendingSide;
  private double pendingLimit;

  TradeSink(Tally tally, SpikeGuard guard, TickGrid grid, String contract) {
    super(tally, guard, grid, contract);
  }

  void add(long millis, int price, long size, int side, int file, long lineNumber, LineReader line) {
    long minute = Math.floorDiv(millis, FieldParser.MILLIS_PER_MINUTE);
    if (minute < latestMinute) {
      tally.reject(file, lineNumber, RejectReason.OUT_OF_ORDER, "trade at " + Instant.ofEpochMilli(millis)
          + " belongs to a minute before the one being built, "
          + Instant.ofEpochMilli(latestMinute * FieldParser.MILLIS_PER_MINUTE), line.lineText());
      return;
    }
    latestMinute = minute;
    if (pending) {
      decidePending(price, true);
    }
    double limit = guard.limitTicks();
    if (hasLastPrice && Math.abs((long) price - lastPrice) > limit) {
      pendingMinute = minute;
      pendingPrice = price;
      pendingSize = size;
      pendingSide = side;
      pendingLimit = limit;
      holdLine(line, file, lineNumber);
      return;
    }
    apply(minute, price, size, side, file, lineNumber);
  }

  private void decidePending(int nextPrice, boolean hasNext) {
    pending = false;
    long fromNext = Math.abs((long) nextPrice - pendingPrice);
    if (hasNext && fromNext <= pendingLimit) {
      apply(pendingMinute, pendingPrice, pendingSize, pendingSide, pendingFile, pendingLine);
      return;
    }
    String confirmation = hasNext
        ? " and " + fromNext + " ticks from the next trade " + price(nextPrice)
        : " and no later trade confirms the move";
    tally.reject(pendingFile, pendingLine, RejectReason.SPIKE, "price " + price(pendingPrice) + " is "
        + Math.abs((long) pendingPrice - lastPrice) + " ticks from the previous trade " + price(lastPrice)
        + confirmation + "; the limit is " + limitText(pendingLimit), pendingText());
  }

  private void apply(long minute, int price, long size, int side, int file, long lineNumber) {
    if (minute != barMinute) {
      closeBar();
      barMinute = minute;
      barOpen = price;
      barHigh = price;
      barLow = price;
      barVolume = 0;
      barBuy = 0;
      barSell = 0;
      barFile = file;
      barLine = lineNumber;
    } else {
      barHigh = Math.max(barHigh, price);
      barLow = Math.min(barLow, price);
    }
    barClose = price;
    barVolume += size;
    if (hasLastPrice && price != lastPrice) {
      direction = price > lastPrice ? 1 : -1;
    }
    hasLastPrice = true;
    lastPrice = price;
    int sign = side != 0 ? side : direction;
    if (sign > 0) {
      barBuy += size;
    } else if (sign < 0) {
      barSell += size;
    }
    tally.accepted(file);
  }

  private void closeBar() {
    if (barMinute == NONE) {
      return;
    }
    Columns b = bars;
    int n = b.size;
    guard.push(n == 0 ? (long) barHigh - barLow : SpikeGuard.trueRange(barHigh, barLow, b.closeTicks[n - 1]));
    b.add(barMinute * FieldParser.MILLIS_PER_MINUTE, barOpen, barHigh, barLow, barClose, barVolume, barBuy, barSell,
        barFile, barLine);
    tally.barProduced(barFile);
  }

  @Override
  void finish() {
    if (pending) {
      decidePending(0, false);
    }
    closeBar();
    barMinute = NONE;
  }
}
