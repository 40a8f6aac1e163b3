package io.plateau.data;

import io.plateau.bar.BarSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The union of stored bars and incoming bars {@code [from, to)}, both sorted by time: what the store lacks is
 * added, equal bars are counted once, and a bar whose time the store has with other values keeps the stored
 * values and becomes a {@link BarConflict}. {@code bars} is null when the caller wrote the incoming bars as they were.
 */
record MergedBars(BarSeries bars, int added, int identical, List<BarConflict> conflicts) {

  static MergedBars merge(BarSeries existing, BarSeries incoming, int from, int to, String contract) {
    if (!existing.isEmpty() && existing.hasAggressorVolume() != incoming.hasAggressorVolume()) {
      throw new io.plateau.util.InputException(incoming.symbol() + (contract == null ? "" : " " + contract)
          + ": the store's bars " + (existing.hasAggressorVolume() ? "have" : "lack")
          + " buy/sell aggressor volume and the incoming bars " + (incoming.hasAggressorVolume() ? "have" : "lack")
          + " it; merging them would drop it, so they are refused");
    }
    BarSeries.Builder out = BarSeries.builder(incoming.instrument(), incoming.interval());
    List<BarConflict> conflicts = new ArrayList<>();
    int added = 0;
    int identical = 0;
    int e = 0;
    int i = from;
    while (e < existing.size() || i < to) {
      long existingTime = e < existing.size() ? existing.startMillis(e) : Long.MAX_VALUE;
      long incomingTime = i < to ? incoming.startMillis(i) : Long.MAX_VALUE;
      if (existingTime < incomingTime) {
        copy(existing, e++, out);
      } else if (incomingTime < existingTime) {
        copy(incoming, i++, out);
        added++;
      } else {
        BarConflict.BarValues stored = values(existing, e);
        BarConflict.BarValues offered = values(incoming, i);
        if (stored.equals(offered)) {
          identical++;
        } else {
          conflicts.add(new BarConflict(incoming.symbol(), contract, incomingTime, i, stored, offered));
        }
        copy(existing, e++, out);
        i++;
      }
    }
    return new MergedBars(out.build(), added, identical, conflicts);
  }

  private static void copy(BarSeries series, int index, BarSeries.Builder out) {
    boolean aggressor = series.hasAggressorVolume();
    out.add(series.startMillis(index), series.openTicks(index), series.highTicks(index), series.lowTicks(index),
        series.closeTicks(index), series.volume(index), aggressor ? series.buyVolume(index) : -1,
        aggressor ? series.sellVolume(index) : -1, series.contract(index));
  }

  private static BarConflict.BarValues values(BarSeries series, int index) {
    boolean aggressor = series.hasAggressorVolume();
    return new BarConflict.BarValues(series.openTicks(index), series.highTicks(index), series.lowTicks(index),
        series.closeTicks(index), series.volume(index), aggressor ? series.buyVolume(index) : -1,
        aggressor ? series.sellVolume(index) : -1, series.contract(index));
  }
}
