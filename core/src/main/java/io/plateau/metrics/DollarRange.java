package io.plateau.metrics;

import io.plateau.bar.BarSeries;
import java.time.LocalDate;

/**
 * A market's dollar range (seed 003, "Analyzing Dollar Range"): its average true range over the last N daily
 * sessions, in points, times the contract's dollar value per point. It normalizes how much a contract moves in a
 * day across markets whose prices and point values differ (the seed: an E-mini S&amp;P ATR of about 18 points at $50
 * a point is $900, more than an E-mini Nasdaq ATR of about 42 at $20, $840), and against a given risk per trade it
 * says how many days' moves one stop is worth.
 *
 * <p>"Average" is the seed's: the mean of the true ranges of the last N sessions ("they will average the range of
 * the past 100 days"), not Wilder's smoothing. A session's true range is the largest of its high − low and the
 * distances of its high and its low from the previous session's close (an overnight gap counts); so N sessions need
 * N + 1 daily bars.
 *
 * @param symbol the market
 * @param sessions N, the sessions averaged
 * @param lastDate the trading date of the last session
 * @param averageTrueRange the mean true range, in points
 * @param pointValue dollars per point of one contract (the instrument's multiplier)
 * @param dollarRange {@code averageTrueRange × pointValue}
 * @param riskPerTrade the dollars a trade risks
 * @param rangeToRisk {@code dollarRange / riskPerTrade}
 */
public record DollarRange(String symbol, int sessions, LocalDate lastDate, double averageTrueRange,
    double pointValue, double dollarRange, double riskPerTrade, double rangeToRisk) {

  /** The dollar range of the last {@code sessions} sessions of the daily bars {@code daily}. */
  public static DollarRange of(BarSeries daily, int sessions, double riskPerTrade) {
    if (sessions < 1) {
      throw new IllegalArgumentException("sessions must be >= 1, was " + sessions);
    }
    if (!(riskPerTrade > 0)) {
      throw new IllegalArgumentException("riskPerTrade must be > 0, was " + riskPerTrade);
    }
    int n = daily.size();
    if (n < sessions + 1) {
      throw new IllegalArgumentException(daily.symbol() + ": " + sessions + " sessions need " + (sessions + 1)
          + " daily bars (the first for its close), there are " + n);
    }
    double sum = 0;
    for (int i = n - sessions; i < n; i++) {
      double previousClose = daily.close(i - 1);
      sum += Math.max(daily.high(i) - daily.low(i),
          Math.max(Math.abs(daily.high(i) - previousClose), Math.abs(daily.low(i) - previousClose)));
    }
    double atr = sum / sessions;
    double pointValue = daily.instrument().multiplier();
    double dollars = atr * pointValue;
    return new DollarRange(daily.symbol(), sessions, daily.tradingDate(n - 1), atr, pointValue, dollars,
        riskPerTrade, dollars / riskPerTrade);
  }
}
