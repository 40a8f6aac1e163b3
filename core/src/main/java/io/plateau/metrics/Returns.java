package io.plateau.metrics;

/**
 * Annualized returns of an account, as fractions (0.12 = 12 % a year). Two conventions, both reported:
 * <ul>
 *   <li>{@link #cagr}: the compound annual growth rate from the starting capital to the final equity over
 *       calendar time, what the account actually earned per year with profits left in;
 *   <li>{@link #annualizedArithmetic}: the mean daily return × 252, no compounding; the numerator that the
 *       Sharpe ratio annualizes, and additive over strategies, so it suits averaging.
 * </ul>
 * With volatile returns the arithmetic figure exceeds the compound one (by about σ²/2 a year).
 */
public final class Returns {

  /** The mean length of a Gregorian calendar year in days. */
  public static final double DAYS_PER_YEAR = 365.2425;

  private Returns() {}

  /**
   * The compound annual growth rate, {@code (end / start)^(1 / years) − 1}. An account that lost everything or
   * more ({@code end ≤ 0}: futures can lose more than the account) has a CAGR of −1 (−100 %), the loss of
   * all capital, since no real rate compounds to a negative value. NaN when {@code start ≤ 0}, {@code years ≤ 0}
   * or an argument is NaN.
   *
   * @param startEquity the starting capital, in currency
   * @param endEquity the final equity, in currency
   * @param years the calendar time between them, in years (see {@link #calendarYears})
   */
  public static double cagr(double startEquity, double endEquity, double years) {
    if (!(startEquity > 0) || !(years > 0) || Double.isNaN(endEquity)) {
      return Double.NaN;
    }
    if (endEquity <= 0) {
      return -1;
    }
    return Math.pow(endEquity / startEquity, 1 / years) - 1;
  }

  /**
   * The calendar time covered by trading dates {@code firstEpochDay} through {@code lastEpochDay}, both
   * included, in years of {@value #DAYS_PER_YEAR} days: the account is exposed from the start of the first date
   * to the end of the last, so one trading date is 1/365.2425 of a year, not zero.
   */
  public static double calendarYears(int firstEpochDay, int lastEpochDay) {
    if (lastEpochDay < firstEpochDay) {
      throw new IllegalArgumentException("lastEpochDay must be >= firstEpochDay " + firstEpochDay + ", was "
          + lastEpochDay);
    }
    return (lastEpochDay - firstEpochDay + 1) / DAYS_PER_YEAR;
  }

  /**
   * The simple annualized return, {@code mean(r) · 252}, over simple daily returns (fractions). NaN for no
   * returns or when one is NaN.
   */
  public static double annualizedArithmetic(double[] dailyReturns) {
    return dailyReturns.length == 0 ? Double.NaN : Ratios.mean(dailyReturns) * Ratios.TRADING_DAYS_PER_YEAR;
  }
}
