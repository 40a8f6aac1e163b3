package io.plateau.exec;

/** When a market order decided on a bar's close fills. */
public enum FillTiming {
  /** At the next bar's open (the default: the close is only known once the bar is over). */
  NEXT_OPEN,
  /**
   * At the deciding bar's own close, as many platforms' "this bar on close" mode does: optimistic, for comparisons.
   * Stop, limit and stop-limit entries still work on the next bar.
   */
  SAME_CLOSE
}
