package io.plateau.robust;

import io.plateau.metrics.Drawdown;
import io.plateau.metrics.Ratios;
import io.plateau.metrics.TradeStats;
import java.io.Serializable;

/**
 * A parameter set's performance over one span of trading dates (an in-sample or out-of-sample window), from its
 * continuous simulation's daily mark-to-market equity and its trades: what the optimizer ranks and the walk-forward
 * summary aggregates.
 *
 * @param netProfit equity change over the span, in currency (open positions marked at each date's close)
 * @param annualizedProfit {@code netProfit × 252 / tradingDays}
 * @param sharpe annualized Sharpe ratio of the span's daily returns ({@link Ratios#sharpe}); NaN under 2 days or
 *     with no variation
 * @param maxDrawdown largest fall of the span's daily equity from its running peak (the equity before the span
 *     counting as the first peak), in currency, ≥ 0
 * @param returnToDrawdown {@code annualizedProfit / maxDrawdown}; NaN when there is no drawdown
 * @param profitFactor gross profit over gross loss of the trades that exited in the span ({@link
 *     TradeStats#profitFactor})
 * @param winRate share of the span's trades with a positive net P&amp;L; NaN without trades
 * @param expectancy mean net P&amp;L per trade of the span, in currency; NaN without trades
 * @param trades trades that exited in the span
 * @param tradingDays trading dates in the span
 */
public record SpanMetrics(double netProfit, double annualizedProfit, double sharpe, double maxDrawdown,
    double returnToDrawdown, double profitFactor, double winRate, double expectancy, int trades, int tradingDays)
    implements Serializable {

  /**
   * The metrics of dates {@code [from, to)} of a simulation.
   *
   * @param equity end-of-date equity, one per date of the simulation
   * @param startingCapital the equity before the simulation's first date
   * @param tradeNetPnl each trade's net P&amp;L (may be longer than {@code tradeExitIndex}: only its first entries count)
   * @param tradeExitIndex each trade's exit date as an index into {@code equity}
   */
  public static SpanMetrics of(double[] equity, double startingCapital, int from, int to, double[] tradeNetPnl,
      int[] tradeExitIndex) {
    double before = from == 0 ? startingCapital : equity[from - 1];
    int days = to - from;
    double[] span = new double[days];
    double[] returns = new double[days];
    double previous = before;
    for (int d = 0; d < days; d++) {
      span[d] = equity[from + d];
      returns[d] = previous > 0 ? (span[d] - previous) / previous : Double.NaN;
      previous = span[d];
    }
    double net = days == 0 ? 0 : span[days - 1] - before;
    double annualized = days == 0 ? 0 : net * Ratios.TRADING_DAYS_PER_YEAR / days;
    double drawdown = Drawdown.of(before, span).maxDrawdown();
    double grossProfit = 0;
    double grossLoss = 0;
    int trades = 0;
    int winners = 0;
    for (int t = 0; t < tradeExitIndex.length; t++) {
      if (tradeExitIndex[t] >= from && tradeExitIndex[t] < to) {
        trades++;
        if (tradeNetPnl[t] > 0) {
          winners++;
          grossProfit += tradeNetPnl[t];
        } else {
          grossLoss += tradeNetPnl[t];
        }
      }
    }
    return new SpanMetrics(net, annualized, Ratios.sharpe(returns, 0), drawdown,
        drawdown > 0 ? annualized / drawdown : Double.NaN, TradeStats.profitFactor(grossProfit, grossLoss),
        trades == 0 ? Double.NaN : (double) winners / trades,
        trades == 0 ? Double.NaN : (grossProfit + grossLoss) / trades, trades, days);
  }
}
