package io.plateau.bar;

import io.plateau.instrument.FuturesContract;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.SessionSchedule;
import io.plateau.util.InputException;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * When a continuous series moves from one contract to the next.
 *
 * <p>{@code calendar:N} rolls N trading days before the expiring contract's last trading date: the next contract
 * is used from that trading date on. The default, N = 6, is CME's customary roll for equity index futures:
 * the Thursday of the week before the third-Friday expiry, eight calendar days earlier (expiry 2014-12-19 →
 * roll 2014-12-11). {@code volume} rolls on the trading date after the first day on which the next contract
 * traded more volume than the current one.
 */
public sealed interface RollRule extends Serializable {

  /** CME's customary roll for quarterly equity index futures (see the class comment). */
  RollRule DEFAULT = new Calendar(6);

  /** Roll {@code tradingDaysBeforeExpiry} trading days before the last trading date. */
  record Calendar(int tradingDaysBeforeExpiry) implements RollRule {
    public Calendar {
      if (tradingDaysBeforeExpiry < 0 || tradingDaysBeforeExpiry > 60) {
        throw new IllegalArgumentException(
            "tradingDaysBeforeExpiry must be within 0..60, was " + tradingDaysBeforeExpiry);
      }
    }

    /** The first trading date on which the contract after {@code expiring} is the one in use. */
    public LocalDate rollDate(FuturesContract expiring, Instrument instrument) {
      SessionSchedule sessions = instrument.sessions();
      LocalDate day = expiring.lastTradingDate(instrument);
      int stepsBack = tradingDaysBeforeExpiry;
      while (stepsBack > 0) {
        day = day.minusDays(1);
        if (sessions.isTradingDate(day)) {
          stepsBack--;
        }
      }
      return day;
    }

    /** The contract in use on {@code tradingDate} under this rule. */
    public FuturesContract contractOn(LocalDate tradingDate, Instrument instrument) {
      FuturesContract front = FuturesContract.frontOn(instrument, tradingDate);
      return tradingDate.isBefore(rollDate(front, instrument)) ? front : front.next(instrument);
    }

    @Override
    public String toString() {
      return "calendar:" + tradingDaysBeforeExpiry;
    }
  }

  /** Roll after the first day the next contract out-trades the current one. */
  record VolumeCrossover() implements RollRule {
    @Override
    public String toString() {
      return "volume";
    }
  }

  /** Parses {@code calendar:N} or {@code volume}; {@code what} names the option or key for the error. */
  static RollRule parse(String text, String what) {
    String value = text.trim();
    if (value.equals("volume")) {
      return new VolumeCrossover();
    }
    if (value.startsWith("calendar:")) {
      try {
        return new Calendar(Integer.parseInt(value.substring("calendar:".length())));
      } catch (IllegalArgumentException e) {
        // NumberFormatException is an IllegalArgumentException: both mean a bad N.
      }
    }
    throw new InputException(what + ": bad roll rule '" + text
        + "'; expected calendar:N (N trading days before expiry, 0..60; CME's customary roll is calendar:6) or volume");
  }
}
