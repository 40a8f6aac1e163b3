package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.instrument.ExchangeClock;
import io.plateau.instrument.SessionSchedule;

/**
 * Which bars end a session, from the instrument's schedule and each bar's own time only (no look at later bars):
 * intraday strategies exit at the next open after such a bar.
 */
final class SessionEnds {

  private SessionEnds() {}

  /**
   * Per bar: whether it is a regular-hours bar reaching the regular close of its trading date (clipped by an early
   * close).
   */
  static boolean[] regular(BarSeries bars) {
    return ends(bars, true);
  }

  /** Per bar: whether it reaches the close of its trading date (the schedule's close or an earlier holiday close). */
  static boolean[] tradingDate(BarSeries bars) {
    return ends(bars, false);
  }

  private static boolean[] ends(BarSeries bars, boolean regularHours) {
    SessionSchedule schedule = bars.instrument().sessions();
    ExchangeClock clock = new ExchangeClock(schedule.timeZone());
    int barMinutes = bars.interval().minutes();
    boolean[] ends = new boolean[bars.size()];
    int day = Integer.MIN_VALUE;
    int closeMinute = 0;
    for (int i = 0; i < ends.length; i++) {
      if (regularHours && !bars.isRegularHours(i)) {
        continue;
      }
      if (bars.tradingDay(i) != day) {
        day = bars.tradingDay(i);
        closeMinute = regularHours ? schedule.regularMinuteRange(bars.tradingDate(i))[1]
            : SessionSchedule.minuteOfDay(schedule.closeOn(bars.tradingDate(i)));
      }
      // Bars of the evening before the trading date are on an earlier calendar day: never its close. Regular-hours
      // bars are always on the trading date itself.
      ends[i] = (regularHours || clock.localEpochDay(bars.startMillis(i)) == day)
          && clock.localMinuteOfDay(bars.startMillis(i)) + barMinutes >= closeMinute;
    }
    return ends;
  }
}
