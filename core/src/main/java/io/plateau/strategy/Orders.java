package io.plateau.strategy;

/**
 * What a strategy may do at a bar's close: the execution simulator implements it. Orders placed at the close of
 * bar i work on bar i + 1 only (re-issue them to keep them working). Prices are in ticks. A protective stop or
 * target of {@link #NONE} means none; the simulator attaches the stop to the entry when it fills.
 */
public interface Orders {

  /** No price: no protective stop, no target. */
  int NONE = Integer.MIN_VALUE;

  /** +1 long, -1 short, 0 flat. */
  int positionSide();

  /** Contracts held. */
  int positionContracts();

  /** Open entries (scale-ins) of the position. */
  int positionEntries();

  /**
   * Enters (or adds to) a position on {@code side} with an order of {@code type}. {@code stopTicks} is the
   * trigger price of a stop or stop-limit entry, {@code limitTicks} the price of a limit or stop-limit entry
   * (ignored otherwise). The simulator sizes the entry from the protective stop's distance, the add policy and
   * the maximum contracts, and may skip it (the daily loss limit, sizing below one contract).
   */
  void enter(int side, OrderType type, int stopTicks, int limitTicks, int protectiveStopTicks, int targetTicks);

  /** Closes the whole position at the next bar's open. */
  void exitAll();
}
