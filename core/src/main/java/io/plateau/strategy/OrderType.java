package io.plateau.strategy;

/** How an entry order fills (see {@code io.plateau.exec.Fills} for the exact rules). */
public enum OrderType {
  /** At the next bar's open, with slippage. */
  MARKET,
  /** At a price beyond the market (buy above, sell below), or the open when the bar gaps through it. */
  STOP,
  /** At a price better than the market, only when price trades through it. */
  LIMIT,
  /** Triggers at a stop price, then fills no worse than its limit price. */
  STOP_LIMIT
}
