package io.plateau.bar;

/** Which part of the trading day a daily bar or a filter covers. */
public enum Session {
  /** Regular trading hours only (CME equity index futures: 08:30-15:15 CT by default). */
  REGULAR,
  /** The whole electronic trading day, evening open to close. */
  GLOBEX
}
