package io.plateau.metrics;

import io.plateau.exec.TradeLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Statistics of closed trades, all over each trade's <b>net</b> P&amp;L (after commission and fees), in account
 * currency.
 *
 * <p>A winner has net P&amp;L &gt; 0, a loser &lt; 0; a trade at exactly 0 (a scratch) counts as a trade but as
 * neither. "Gross profit" and "gross loss" follow the TradeStation performance report: the sums of the winners'
 * and the losers' net P&amp;L, so {@code netProfit = grossProfit + grossLoss}. They are not
 * {@link TradeLog#grossPnl(int)}, which is one trade's P&amp;L before costs.
 *
 * <p>Averages and ratios over no trades (or no winners, or no losers) are NaN: "no average win" must not read as
 * an average win of $0. Sums over no trades are 0.
 *
 * @param tradeCount closed trades
 * @param winningTrades trades with net P&amp;L &gt; 0
 * @param losingTrades trades with net P&amp;L &lt; 0
 * @param netProfit sum of net P&amp;L
 * @param grossProfit sum of the winners' net P&amp;L, ≥ 0
 * @param grossLoss sum of the losers' net P&amp;L, ≤ 0
 * @param profitFactor see {@link #profitFactor(double, double)}
 * @param winRate {@code winningTrades / tradeCount}, a fraction; NaN without trades
 * @param averageWin {@code grossProfit / winningTrades}; NaN without winners
 * @param averageLoss {@code grossLoss / losingTrades}, ≤ 0; NaN without losers
 * @param expectancyPerTrade {@code netProfit / tradeCount}; NaN without trades
 * @param expectancyPerContract {@code netProfit / Σ contracts}; NaN without trades
 * @param largestWin the largest net P&amp;L of a winner; NaN without winners
 * @param largestLoss the most negative net P&amp;L of a loser; NaN without losers
 */
public record TradeStats(
    int tradeCount,
    int winningTrades,
    int losingTrades,
    double netProfit,
    double grossProfit,
    double grossLoss,
    double profitFactor,
    double winRate,
    double averageWin,
    double averageLoss,
    double expectancyPerTrade,
    double expectancyPerContract,
    double largestWin,
    double largestLoss) {

  public TradeStats {
    if (tradeCount < 0 || winningTrades < 0 || losingTrades < 0 || winningTrades + losingTrades > tradeCount) {
      throw new IllegalArgumentException("trade counts must be >= 0 with winners + losers <= trades, was "
          + winningTrades + " + " + losingTrades + " of " + tradeCount);
    }
    if (grossProfit < 0 || grossLoss > 0) {
      throw new IllegalArgumentException("grossProfit must be >= 0 and grossLoss <= 0, was " + grossProfit
          + " and " + grossLoss);
    }
  }

  /** The statistics of every trade in {@code log}. */
  public static TradeStats of(TradeLog log) {
    return of(log, trade -> true);
  }

  /**
   * Per alpha model, in model order, keyed by the model's label ({@code labels.get(model)}); only models with
   * trades.
   */
  public static Map<String, TradeStats> byModel(TradeLog log, List<String> labels) {
    Map<String, TradeStats> byModel = new LinkedHashMap<>();
    for (int model = 0; model < labels.size(); model++) {
      int m = model;
      TradeStats stats = of(log, trade -> log.model(trade) == m);
      if (stats.tradeCount() > 0) {
        byModel.put(labels.get(model), stats);
      }
    }
    return byModel;
  }

  /** Per entry number (1: the entry that opened the position), ascending; only numbers with trades. */
  public static Map<Integer, TradeStats> byEntryNumber(TradeLog log) {
    int largest = 0;
    for (int i = 0; i < log.size(); i++) {
      largest = Math.max(largest, log.entryNumber(i));
    }
    Map<Integer, TradeStats> byEntry = new LinkedHashMap<>();
    for (int k = 1; k <= largest; k++) {
      int number = k;
      TradeStats stats = of(log, trade -> log.entryNumber(trade) == number);
      if (stats.tradeCount() > 0) {
        byEntry.put(k, stats);
      }
    }
    return byEntry;
  }

  /** The statistics of the trades of {@code log} whose index {@code include} accepts. */
  public static TradeStats of(TradeLog log, IntPredicate include) {
    double[] net = log.netPnlUnsafe();
    int n = 0;
    int winners = 0;
    int losers = 0;
    long contracts = 0;
    double grossProfit = 0;
    double grossLoss = 0;
    double largestWin = Double.NaN;
    double largestLoss = Double.NaN;
    for (int i = 0; i < log.size(); i++) {
      if (!include.test(i)) {
        continue;
      }
      n++;
      double pnl = net[i];
      contracts += log.contracts(i);
      if (pnl > 0) {
        winners++;
        grossProfit += pnl;
        largestWin = winners == 1 ? pnl : Math.max(largestWin, pnl);
      } else if (pnl < 0) {
        losers++;
        grossLoss += pnl;
        largestLoss = losers == 1 ? pnl : Math.min(largestLoss, pnl);
      }
    }
    // Summing winners and losers apart and adding at the end keeps netProfit = grossProfit + grossLoss exact.
    double netProfit = grossProfit + grossLoss;
    return new TradeStats(n, winners, losers, netProfit, grossProfit, grossLoss,
        profitFactor(grossProfit, grossLoss),
        ratio(winners, n),
        ratio(grossProfit, winners),
        ratio(grossLoss, losers),
        ratio(netProfit, n),
        ratio(netProfit, contracts),
        largestWin,
        largestLoss);
  }

  /**
   * The profit factor, {@code grossProfit / |grossLoss|}. Without losses it is +Infinity when there is a profit
   * (every trade won: the ratio grows without bound as losses shrink) and NaN when there is none (no trades, or
   * only scratches). How JSON carries the infinity: see {@link PerformanceSummary}.
   *
   * @param grossProfit sum of the winners' net P&amp;L, ≥ 0
   * @param grossLoss sum of the losers' net P&amp;L, ≤ 0
   */
  public static double profitFactor(double grossProfit, double grossLoss) {
    if (grossLoss < 0) {
      return grossProfit / -grossLoss;
    }
    return grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
  }

  private static double ratio(double sum, long count) {
    return count == 0 ? Double.NaN : sum / count;
  }
}
