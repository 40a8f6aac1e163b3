package io.plateau.metrics;

import io.plateau.exec.DailyEquity;
import io.plateau.exec.SimulationResult;
import io.plateau.exec.TradeLog;
/** Summarizes a simulation: its closed trades and daily equity into a {@link PerformanceSummary}. */
public final class Metrics {

  private Metrics() {}

  /** {@link #summarize(TradeLog, DailyEquity, long, long, double)} with a risk-free return of 0. */
  public static PerformanceSummary summarize(TradeLog trades, DailyEquity equity, long barsInMarket,
      long totalBars) {
    return summarize(trades, equity, barsInMarket, totalBars, 0);
  }

  /**
   * The performance summary of one simulation.
   *
   * @param trades the closed trades
   * @param equity the daily mark-to-market equity
   * @param barsInMarket bars during which a position was open
   * @param totalBars bars simulated, ≥ {@code barsInMarket}
   * @param riskFreeDaily the risk-free return per trading day for Sharpe and Sortino, a finite fraction (an
   *     annual rate {@code a} is about {@code a / 252})
   */
  public static PerformanceSummary summarize(TradeLog trades, DailyEquity equity, long barsInMarket,
      long totalBars, double riskFreeDaily) {
    return summarize(trades, equity, barsInMarket, totalBars, riskFreeDaily, Double.NaN);
  }

  /** The summary of a simulation, its bar-level drawdown included; risk-free rate 0. */
  public static PerformanceSummary summarize(SimulationResult result) {
    return summarize(result.trades(), result.equity(), result.barsInMarket(), result.totalBars(), 0,
        result.maxBarDrawdown());
  }

  private static PerformanceSummary summarize(TradeLog trades, DailyEquity equity, long barsInMarket,
      long totalBars, double riskFreeDaily, double maxBarDrawdown) {
    if (!Double.isFinite(riskFreeDaily)) {
      throw new IllegalArgumentException("riskFreeDaily must be a finite number, was " + riskFreeDaily);
    }
    double timeInMarket = timeInMarketFraction(barsInMarket, totalBars);
    TradeStats stats = TradeStats.of(trades);
    int days = equity.size();
    double[] returns = equity.dailyReturns();
    Drawdown drawdown = Drawdown.of(equity.startingCapital(), equity.equityUnsafe());
    double cagr = days == 0
        ? Double.NaN
        : Returns.cagr(equity.startingCapital(), equity.endingEquity(),
            Returns.calendarYears(equity.epochDay(0), equity.epochDay(days - 1)));
    return new PerformanceSummary(
        stats.tradeCount(),
        stats.winningTrades(),
        stats.losingTrades(),
        stats.netProfit(),
        stats.grossProfit(),
        stats.grossLoss(),
        stats.profitFactor(),
        100 * stats.winRate(),
        stats.averageWin(),
        stats.averageLoss(),
        stats.expectancyPerTrade(),
        stats.expectancyPerContract(),
        stats.largestWin(),
        stats.largestLoss(),
        equity.startingCapital(),
        equity.endingEquity(),
        days,
        drawdown.maxDrawdown(),
        100 * drawdown.maxDrawdownFraction(),
        maxBarDrawdown,
        drawdown.longestDrawdownDays(),
        100 * cagr,
        100 * Returns.annualizedArithmetic(returns),
        Ratios.sharpe(returns, riskFreeDaily),
        Ratios.sortino(returns, riskFreeDaily),
        Ratios.mar(cagr, drawdown.maxDrawdownFraction()),
        riskFreeDaily,
        100 * timeInMarket,
        PeriodAnalysis.of(equity));
  }

  /**
   * The share of bars with a position open, {@code barsInMarket / totalBars}, a fraction; NaN when no bar was
   * simulated. Counting bars rather than days measures exposure of intraday strategies, which are flat every
   * night yet "in the market" on most days.
   */
  public static double timeInMarketFraction(long barsInMarket, long totalBars) {
    if (barsInMarket < 0 || barsInMarket > totalBars) {
      throw new IllegalArgumentException("barsInMarket must be in [0, totalBars " + totalBars + "], was "
          + barsInMarket);
    }
    return totalBars == 0 ? Double.NaN : (double) barsInMarket / totalBars;
  }
}
