package io.plateau.exec;

/** Whether a position may grow with further entries (scale in) while it is losing. */
public enum AddPolicy {
  /** Add only while the position shows an open profit at the decision price: never average down (seed 001). */
  ONLY_IN_PROFIT,
  /** Add whether the position is winning or losing. */
  ALSO_AGAINST
}
