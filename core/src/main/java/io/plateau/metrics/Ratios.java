package io.plateau.metrics;

import io.plateau.exec.DailyEquity;
/**
 * Risk-adjusted return ratios over daily returns, annualized with √252 (trading days per year).
 *
 * <p>Undefined ratios are NaN, never 0 and never infinite: fewer than two returns, a zero deviation, or a NaN
 * return (a day that started with equity ≤ 0, see {@link DailyEquity#dailyReturns()}). A zero deviation gives
 * NaN even when the mean is positive, because a curve that never varies over a handful of days would otherwise
 * get an infinite ratio and top every ranking of an optimizer.
 */
public final class Ratios {

  /** Trading days per year, the annualization convention of US futures and equities. */
  public static final int TRADING_DAYS_PER_YEAR = 252;

  private static final double ANNUALIZE = Math.sqrt(TRADING_DAYS_PER_YEAR);

  private Ratios() {}

  /**
   * The annualized ex-post Sharpe ratio (Sharpe, "Mutual Fund Performance", J. Business 1966; "The Sharpe
   * Ratio", J. Portfolio Management 1994): with excess returns {@code d_t = r_t − rf},
   * <pre>
   *   Sharpe = mean(d) / s(d) · √252,   s(d) = √( Σ (d_t − mean(d))² / (T − 1) )
   * </pre>
   * the sample standard deviation, as in Sharpe (1994). NaN when {@code T < 2} or {@code s(d) = 0}.
   *
   * @param dailyReturns simple daily returns as fractions (0.01 = 1 %)
   * @param riskFreeDaily the risk-free return per trading day as a fraction (0 for futures, whose margin earns
   *     interest apart from the trading P&amp;L)
   */
  public static double sharpe(double[] dailyReturns, double riskFreeDaily) {
    int n = dailyReturns.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean(dailyReturns) - riskFreeDaily;
    // Two passes: a one-pass sum of squares loses everything to cancellation when returns are small and alike.
    double sumSquares = 0;
    for (double r : dailyReturns) {
      double deviation = r - riskFreeDaily - mean;
      sumSquares += deviation * deviation;
    }
    double deviation = Math.sqrt(sumSquares / (n - 1));
    return deviation > 0 ? mean / deviation * ANNUALIZE : Double.NaN;
  }

  /**
   * The annualized Sortino ratio (Sortino &amp; Price, "Performance Measurement in a Downside Risk Framework",
   * J. Investing 1994), with the minimum acceptable return {@code T = riskFreeDaily}:
   * <pre>
   *   Sortino = (mean(r) − T) / DD · √252,   DD = √( Σ_all t min(r_t − T, 0)² / N )
   * </pre>
   * The downside deviation sums over <b>all</b> N days, the days above target adding 0, and divides by N, not by
   * the number of losing days (Sortino &amp; Price's target semideviation; Rollinger &amp; Hoffman, "Sortino: A
   * 'Sharper' Ratio", Red Rock Capital 2013, show why dividing by the losing days alone overstates the risk).
   * NaN when {@code N < 2} (kept equal to Sharpe's minimum so the two are defined on the same curves) or
   * {@code DD = 0} (no day below target).
   *
   * @param dailyReturns simple daily returns as fractions
   * @param riskFreeDaily the target return per trading day as a fraction
   */
  public static double sortino(double[] dailyReturns, double riskFreeDaily) {
    int n = dailyReturns.length;
    if (n < 2) {
      return Double.NaN;
    }
    double sumSquares = 0;
    for (double r : dailyReturns) {
      double shortfall = Math.min(r - riskFreeDaily, 0);
      sumSquares += shortfall * shortfall;
    }
    double downside = Math.sqrt(sumSquares / n);
    return downside > 0 ? (mean(dailyReturns) - riskFreeDaily) / downside * ANNUALIZE : Double.NaN;
  }

  /**
   * The MAR ratio, as Managed Account Reports published it for CTAs: compound annual growth rate over the
   * maximum drawdown, {@code MAR = CAGR / maxDrawdownFraction}, both as fractions of the whole history (unlike
   * the Calmar ratio, which uses the last 36 months). NaN when the drawdown is 0 or either input is NaN.
   *
   * @param cagr as from {@link Returns#cagr}, a fraction
   * @param maxDrawdownFraction as from {@link Drawdown#maxDrawdownFraction()}, a fraction
   */
  public static double mar(double cagr, double maxDrawdownFraction) {
    return maxDrawdownFraction > 0 ? cagr / maxDrawdownFraction : Double.NaN;
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
