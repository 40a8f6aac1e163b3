package io.plateau.data.synthetic;

import io.plateau.instrument.SessionSchedule;

/**
 * The U-shaped volatility and volume profiles of one session schedule, tabulated per local minute.
 *
 * <p>Tables are indexed by {@code minute + MINUTES_PER_DAY}, where {@code minute} counts from the trading date's
 * local midnight as in {@link SessionSchedule#openMinuteRanges} (negative on the previous evening), so the bar
 * loop indexes them without a modulo. Values depend only on the local time of day: the previous evening repeats
 * the same day's evening.
 */
final class IntradayProfile {

  static final int MINUTES_PER_DAY = 1440;
  /** Table length: minutes from the previous local midnight to the next. */
  static final int TABLE_LENGTH = 2 * MINUTES_PER_DAY;

  /** Relative per-minute volatility (1 = midday regular hours). */
  final double[] volatility;
  /** {@code volatilityVariancePrefix[i]} = sum of {@code volatility[j]²} for {@code j < i}. */
  final double[] volatilityVariancePrefix;
  /** Expected per-minute volume as a share of a full 24-hour day's volume. */
  final double[] volumeShare;
  /** Where regular hours start and end, local minutes after midnight. */
  final int regularOpenMinute;
  final int regularCloseMinute;

  IntradayProfile(SessionSchedule schedule, SyntheticConfig.Profile volatilityShape,
      SyntheticConfig.Profile volumeShape) {
    regularOpenMinute = SessionSchedule.minuteOfDay(schedule.regularOpen());
    regularCloseMinute = SessionSchedule.minuteOfDay(schedule.regularClose());
    double[] volatilityOfDay = shape(volatilityShape, regularOpenMinute, regularCloseMinute);
    double[] volumeOfDay = shape(volumeShape, regularOpenMinute, regularCloseMinute);
    double volumeOfFullDay = 0;
    for (double value : volumeOfDay) {
      volumeOfFullDay += value;
    }
    volatility = new double[TABLE_LENGTH];
    volumeShare = new double[TABLE_LENGTH];
    volatilityVariancePrefix = new double[TABLE_LENGTH + 1];
    for (int i = 0; i < TABLE_LENGTH; i++) {
      volatility[i] = volatilityOfDay[i % MINUTES_PER_DAY];
      volumeShare[i] = volumeOfDay[i % MINUTES_PER_DAY] / volumeOfFullDay;
      volatilityVariancePrefix[i + 1] = volatilityVariancePrefix[i] + volatility[i] * volatility[i];
    }
  }

  /** Sum of squared relative volatility over local minutes {@code [from, to)} (minutes as in the class comment). */
  double varianceBetween(int fromMinute, int toMinute) {
    return volatilityVariancePrefix[clamp(toMinute)] - volatilityVariancePrefix[clamp(fromMinute)];
  }

  /** The table index of {@code minute}, clamped to the table. */
  static int clamp(int minute) {
    return Math.max(0, Math.min(TABLE_LENGTH, minute + MINUTES_PER_DAY));
  }

  /**
   * One day of the profile by local minute of day: 1 at midday regular hours plus exponentially decaying boosts at
   * the regular open and close; outside regular hours the overnight level, rising toward the regular open.
   */
  private static double[] shape(SyntheticConfig.Profile p, int regularOpen, int regularClose) {
    double[] day = new double[MINUTES_PER_DAY];
    for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
      if (minute >= regularOpen && minute < regularClose) {
        double sinceOpen = minute - regularOpen;
        double untilClose = regularClose - 1 - minute;
        day[minute] = 1 + p.openBoost() * Math.exp(-sinceOpen / p.openDecayMinutes())
            + p.closeBoost() * Math.exp(-untilClose / p.closeDecayMinutes());
      } else {
        double untilOpen = Math.floorMod(regularOpen - minute, MINUTES_PER_DAY);
        day[minute] = p.overnight() * (1 + p.premarketBoost() * Math.exp(-untilOpen / p.premarketDecayMinutes()));
      }
    }
    return day;
  }
}
