package io.plateau.indicator;

import io.plateau.bar.BarSeries;
import io.plateau.bar.Session;
import io.plateau.instrument.ExchangeClock;
import io.plateau.instrument.SessionSchedule;
import io.plateau.util.Checks;

/**
 * Indicators anchored to the trading session: VWAP with bands, the opening range and cumulative delta. Values
 * are in ticks like the series' prices. A {@link Session#REGULAR} indicator starts afresh at each regular-hours
 * open and is NaN outside regular hours; a {@link Session#GLOBEX} one starts at each trading date's first bar.
 */
public final class SessionIndicators {

  private SessionIndicators() {}

  /**
   * Session VWAP with volume-weighted standard-deviation bands, {@code [vwap, upper, lower]}: typical price
   * p = (H + L + C) / 3, VWAP = Σpv / Σv, σ² = Σv·p² / Σv − VWAP² (volume-weighted population variance),
   * bands VWAP ± k·σ; sums reset at the session start. Available from the session's first bar with volume.
   */
  public static double[][] vwap(BarSeries series, Session session, double bandK) {
    Checks.nonNegative(bandK, "bandK");
    int n = series.size();
    double[] vwap = Smoothing.nans(n);
    double[] upper = Smoothing.nans(n);
    double[] lower = Smoothing.nans(n);
    SessionCursor cursor = new SessionCursor(series, session);
    double anchor = 0;
    double volume = 0;
    double weighted = 0;
    double weightedSquares = 0;
    for (int i = 0; i < n; i++) {
      if (!cursor.inSession(i)) {
        continue;
      }
      double typical = (series.highTicks(i) + series.lowTicks(i) + series.closeTicks(i)) / 3.0;
      if (cursor.startsSession(i)) {
        // Sums are kept relative to the session's first typical price: small numbers, no cancellation in σ².
        anchor = typical;
        volume = 0;
        weighted = 0;
        weightedSquares = 0;
      }
      double v = series.volume(i);
      double d = typical - anchor;
      volume += v;
      weighted += v * d;
      weightedSquares += v * d * d;
      if (volume > 0) {
        double mean = weighted / volume;
        double sigma = Math.sqrt(Math.max(0, weightedSquares / volume - mean * mean));
        vwap[i] = anchor + mean;
        upper[i] = vwap[i] + bandK * sigma;
        lower[i] = vwap[i] - bandK * sigma;
      }
    }
    return new double[][] {vwap, upper, lower};
  }

  /**
   * The opening range, {@code [high, low]}: the highest high and lowest low of the regular session's first
   * {@code minutes} minutes (08:30 CT onwards for CME). Known once the range's last bar has closed, so available
   * from that bar to the end of regular hours; NaN before and outside.
   */
  public static double[][] openingRange(BarSeries series, int minutes) {
    Checks.positive(minutes, "minutes");
    int n = series.size();
    double[] high = Smoothing.nans(n);
    double[] low = Smoothing.nans(n);
    SessionSchedule schedule = series.instrument().sessions();
    int open = SessionSchedule.minuteOfDay(schedule.regularOpen());
    int rangeEnd = open + minutes;
    int barMinutes = series.interval().isDaily() ? 0 : series.interval().minutes();
    ExchangeClock clock = new ExchangeClock(schedule.timeZone());
    SessionCursor cursor = new SessionCursor(series, Session.REGULAR);
    double rangeHigh = Double.NaN;
    double rangeLow = Double.NaN;
    for (int i = 0; i < n; i++) {
      if (!cursor.inSession(i)) {
        continue;
      }
      if (cursor.startsSession(i)) {
        rangeHigh = Double.NEGATIVE_INFINITY;
        rangeLow = Double.POSITIVE_INFINITY;
      }
      int minute = clock.localMinuteOfDay(series.startMillis(i));
      if (minute < rangeEnd) {
        rangeHigh = Math.max(rangeHigh, series.highTicks(i));
        rangeLow = Math.min(rangeLow, series.lowTicks(i));
      }
      if (minute + barMinutes >= rangeEnd && rangeHigh >= rangeLow) {
        high[i] = rangeHigh;
        low[i] = rangeLow;
      }
    }
    return new double[][] {high, low};
  }

  /**
   * Cumulative delta: Σ(buy-aggressor volume − sell-aggressor volume) since the session start. All NaN when the
   * series has no aggressor volume.
   */
  public static double[] cumulativeDelta(BarSeries series, Session session) {
    int n = series.size();
    double[] out = Smoothing.nans(n);
    if (!series.hasAggressorVolume()) {
      return out;
    }
    SessionCursor cursor = new SessionCursor(series, session);
    double delta = 0;
    for (int i = 0; i < n; i++) {
      if (!cursor.inSession(i)) {
        continue;
      }
      if (cursor.startsSession(i)) {
        delta = 0;
      }
      delta += series.buyVolume(i) - series.sellVolume(i);
      out[i] = delta;
    }
    return out;
  }

  /** Which bars belong to a session and which of them start one. */
  private static final class SessionCursor {
    private final BarSeries series;
    private final Session session;

    SessionCursor(BarSeries series, Session session) {
      this.series = series;
      this.session = session;
    }

    boolean inSession(int i) {
      return session == Session.GLOBEX || series.isRegularHours(i);
    }

    /** The first in-session bar of its trading date (bars are time-ordered, sessions never overlap dates). */
    boolean startsSession(int i) {
      int previous = i - 1;
      while (previous >= 0 && !inSession(previous)) {
        previous--;
      }
      return previous < 0 || series.tradingDay(previous) != series.tradingDay(i);
    }
  }
}
