package io.plateau.strategy;

/**
 * What a strategy may do at a bar's close: the execution simulator implements it. Orders placed at the close of
 * bar i work on bar i + 1 only (re-issue them to keep them working). Prices are in ticks. A protective stop or
 * target of {@link #NONE} means none; the simulator attaches the stop to the entry when it fills.
 *
 * <p>A position may be built by several alpha models (a multi-alpha strategy): each entry carries the number of
 * the model that opened it, and a model can close its own entries. A strategy of one model uses model 0.
 */
public interface Orders {

  /** No price: no protective stop, no target. */
  int NONE = Integer.MIN_VALUE;

  /** Contracts of an entry the simulator sizes with the study's sizing rule. */
  int SIZED_BY_SIMULATOR = 0;

  /** {@code side} when it is +1 (long) or -1 (short), the sides an entry may take; else an exception. */
  static int checkSide(int side) {
    if (side != 1 && side != -1) {
      throw new IllegalArgumentException("side must be +1 or -1, was " + side);
    }
    return side;
  }

  /** +1 long, -1 short, 0 flat. */
  int positionSide();

  /** Contracts held. */
  int positionContracts();

  /** Open entries (scale-ins) of the position. */
  int positionEntries();

  /** The model that opened open entry {@code entry}, in {@code [0, positionEntries())}. */
  int entryModel(int entry);

  int entryContracts(int entry);

  /** Open entry {@code entry}'s fill price in ticks. */
  int entryPriceTicks(int entry);

  /** The entries closed so far, up to and including this bar. */
  ClosedTrades closedTrades();

  /**
   * Enters (or adds to) a position for model 0, sized by the simulator: {@link #enter(int, OrderType, int, int,
   * int, int, int, int)} with {@link #SIZED_BY_SIMULATOR} contracts.
   */
  default void enter(int side, OrderType type, int stopTicks, int limitTicks, int protectiveStopTicks,
      int targetTicks) {
    enter(side, type, stopTicks, limitTicks, protectiveStopTicks, targetTicks, 0, SIZED_BY_SIMULATOR);
  }

  /**
   * Enters (or adds to) a position on {@code side} with an order of {@code type}, for alpha model {@code model}.
   * {@code stopTicks} is the trigger price of a stop or stop-limit entry, {@code limitTicks} the price of a limit
   * or stop-limit entry (ignored otherwise). With {@link #SIZED_BY_SIMULATOR} contracts the simulator sizes the
   * entry from the protective stop's distance; otherwise it takes {@code contracts}. Either way the risk rules cap
   * it (the add policy, the maximum entries and contracts) and may skip it (the daily loss limit). One entry order
   * works per bar: a second call replaces the first.
   */
  void enter(int side, OrderType type, int stopTicks, int limitTicks, int protectiveStopTicks, int targetTicks,
      int model, int contracts);

  /** Closes the whole position at the next bar's open. */
  void exitAll();

  /** Closes the entries of {@code model} at the next bar's open. */
  void exitModel(int model);
}
