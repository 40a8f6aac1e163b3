package io.plateau.data.ingest;

import io.plateau.util.InputException;

/**
 * Which moment of a bar a vendor's time stamp names. Plateau stores the start, so an end-stamped 1-minute bar
 * stamped 09:31 is stored as starting at 09:30. Daily bars are dated by their trading date and trades by their
 * own time, so neither is affected.
 */
public enum BarStamp {
  /** The time stamp is the bar's first moment (Databento, generic files by default). */
  START,
  /** The time stamp is the bar's close (TradeStation, NinjaTrader by default). */
  END;

  /** The command-line name: {@code start} or {@code end}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses {@code start} or {@code end}; {@code what} names the option for the error. */
  public static BarStamp parse(String text, String what) {
    for (BarStamp stamp : values()) {
      if (stamp.configName().equals(text.trim())) {
        return stamp;
      }
    }
    throw new InputException(what + ": bad bar time convention '" + text + "'; expected start or end");
  }
}
