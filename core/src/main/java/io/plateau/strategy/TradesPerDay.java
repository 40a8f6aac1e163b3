package io.plateau.strategy;

/**
 * The entries an intraday strategy made on the current trading date, for its {@code max_trades_per_day}: counted
 * from zero on each new date, and again when a run starts over at an earlier bar (a kernel reused from bar 0).
 */
final class TradesPerDay {

  private int lastBar = -1;
  private int day = Integer.MIN_VALUE;
  private int count;

  /** Moves to bar {@code bar} of trading date {@code tradingDay}; true when the count started again. */
  boolean at(int bar, int tradingDay) {
    boolean newDay = bar <= lastBar || tradingDay != day;
    if (newDay) {
      day = tradingDay;
      count = 0;
    }
    lastBar = bar;
    return newDay;
  }

  /** Counts an entry. */
  void add() {
    count++;
  }

  /** Whether {@code max} entries were counted today. */
  boolean reached(int max) {
    return count >= max;
  }
}
