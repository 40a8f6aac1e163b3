package io.plateau.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.plateau.util.Checks;
import java.util.List;

/**
 * The performance of one simulation: trade statistics over the closed trades, account statistics over the daily
 * mark-to-market equity, and the period analysis. Built by {@link Metrics#summarize}; every field is defined in
 * the class that computes it ({@link TradeStats}, {@link Drawdown}, {@link Returns}, {@link Ratios},
 * {@link PeriodAnalysis}), whose fractions appear here as percentages ({@code ...Percent}: 12.5 = 12.5 %).
 * Money is in account currency.
 *
 * <p><b>JSON.</b> Properties are snake_case ({@code max_drawdown_percent}). A statistic that is undefined is NaN
 * (no trades, no losing day, zero variance, ...) and the profit factor of a strategy without losses is
 * +Infinity. JSON has no such numbers, so they are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} (Jackson's default, {@code JsonWriteFeature.WRITE_NAN_AS_STRINGS}; a mapper must not turn
 * it off) and Jackson reads them back into doubles. Other readers: Python's {@code float("Infinity")} and
 * pandas accept them; JavaScript needs {@code Number(x)}. Strings rather than {@code null} keep "undefined"
 * (NaN) apart from "unbounded" (Infinity) and the value round-trips exactly.
 *
 * @param tradeCount closed trades
 * @param winningTrades trades with net P&amp;L &gt; 0
 * @param losingTrades trades with net P&amp;L &lt; 0
 * @param netProfit sum of the closed trades' net P&amp;L (a position still open at the end is in
 *     {@code endingEquity} only)
 * @param grossProfit sum of the winners' net P&amp;L
 * @param grossLoss sum of the losers' net P&amp;L, ≤ 0
 * @param profitFactor {@code grossProfit / |grossLoss|}, +Infinity without losses, NaN without trades
 * @param winRatePercent winners as a percentage of trades
 * @param averageWin mean net P&amp;L of the winners
 * @param averageLoss mean net P&amp;L of the losers, ≤ 0
 * @param expectancyPerTrade mean net P&amp;L per trade
 * @param expectancyPerContract net profit per contract traded
 * @param largestWin best trade's net P&amp;L
 * @param largestLoss worst trade's net P&amp;L
 * @param startingCapital equity before the first trading date
 * @param endingEquity equity after the last trading date, open positions marked
 * @param tradingDays trading dates in the equity curve
 * @param maxDrawdown largest fall of the daily equity from its running peak, in currency
 * @param maxDrawdownPercent largest fall of the daily equity as a percentage of its running peak
 * @param maxBarDrawdown largest fall of equity marked at every bar's close from its running peak (intraday dips
 *     included), in currency; NaN when the simulation did not report it
 * @param longestDrawdownDays most trading days from a peak to its recovery (or to the end)
 * @param cagrPercent compound annual growth rate over calendar time
 * @param annualizedReturnPercent mean daily return × 252, not compounded
 * @param sharpe annualized Sharpe ratio of daily returns over {@code riskFreeDaily}
 * @param sortino annualized Sortino ratio of daily returns with target {@code riskFreeDaily}
 * @param mar CAGR / maximum drawdown, both as fractions
 * @param riskFreeDaily the risk-free return per trading day used by Sharpe and Sortino, a fraction
 * @param timeInMarketPercent bars with a position open as a percentage of all bars simulated
 * @param periods last 12 months, then each calendar year newest first
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PerformanceSummary(
    int tradeCount,
    int winningTrades,
    int losingTrades,
    double netProfit,
    double grossProfit,
    double grossLoss,
    double profitFactor,
    double winRatePercent,
    double averageWin,
    double averageLoss,
    double expectancyPerTrade,
    double expectancyPerContract,
    double largestWin,
    double largestLoss,
    double startingCapital,
    double endingEquity,
    int tradingDays,
    double maxDrawdown,
    double maxDrawdownPercent,
    double maxBarDrawdown,
    int longestDrawdownDays,
    double cagrPercent,
    double annualizedReturnPercent,
    double sharpe,
    double sortino,
    double mar,
    double riskFreeDaily,
    double timeInMarketPercent,
    List<PeriodProfit> periods) {

  public PerformanceSummary {
    Checks.nonNegative(tradeCount, "tradeCount");
    Checks.nonNegative(tradingDays, "tradingDays");
    Checks.nonNegative(longestDrawdownDays, "longestDrawdownDays");
    periods = List.copyOf(Checks.notNull(periods, "periods"));
  }
}
