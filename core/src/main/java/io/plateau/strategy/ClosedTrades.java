package io.plateau.strategy;

/**
 * The entries a simulation has closed so far, as a strategy may read them at a bar's close (a multi-alpha strategy
 * sizes each model's next entry from its record). Read only; index 0 is the first entry closed.
 */
public interface ClosedTrades {

  int size();

  /** Net P&L of closed entry {@code i} after commission and fees, in currency. */
  double netPnl(int i);

  int contracts(int i);

  /** The alpha model that opened closed entry {@code i}. */
  int model(int i);

  /** Closed entry {@code i}'s place among its position's open entries when it opened: 1 opened the position. */
  int entryNumber(int i);
}
