package io.plateau.metrics;

import io.plateau.exec.TradeLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeStatsTest {

  /** Adds a trade with $5 commission, so its net P&L is {@code netPnl}. */
  private static void trade(TradeLog log, double netPnl, int contracts) {
    log.add(0, 1, 1, contracts, 100, 100, netPnl + 5, 5, 0, 0, 0, 0, 1);
  }

  /**
   * Net P&L +300 (1 lot), −100 (2), +50 (1), −150 (3), 0 (1, a scratch):
   * gross profit 350, gross loss −250, net 100, profit factor 350 / 250 = 1.4, win rate 2 / 5 = 0.4,
   * average win 175, average loss −125, expectancy 100 / 5 = 20 per trade and 100 / 8 = 12.5 per contract.
   */
  @Test
  void mixedTradesWithAScratch() {
    TradeLog log = new TradeLog();
    trade(log, 300, 1);
    trade(log, -100, 2);
    trade(log, 50, 1);
    trade(log, -150, 3);
    trade(log, 0, 1);
    assertEquals(new TradeStats(5, 2, 2, 100, 350, -250, 1.4, 0.4, 175, -125, 20, 12.5, 300, -150),
        TradeStats.of(log));
  }

  @Test
  void splitByModelAndByEntryNumber() {
    TradeLog log = new TradeLog();
    // model 0 "orb": +300 (1 lot, entry 1), -100 (2 lots, entry 2); model 2 "delta": +50 (1, entry 1).
    log.add(0, 1, 1, 1, 100, 100, 305, 5, 0, 0, 0, 0, 1);
    log.add(0, 1, 1, 2, 100, 100, -95, 5, 0, 0, 0, 0, 2);
    log.add(0, 1, 1, 1, 100, 100, 55, 5, 0, 0, 0, 2, 1);
    double nan = Double.NaN;
    Map<String, TradeStats> byModel = TradeStats.byModel(log, List.of("orb", "vwap", "delta"));
    assertEquals(List.of("orb", "delta"), List.copyOf(byModel.keySet()), "a model without trades is left out");
    assertEquals(new TradeStats(2, 1, 1, 200, 300, -100, 3, 0.5, 300, -100, 100, 200 / 3.0, 300, -100),
        byModel.get("orb"));
    assertEquals(new TradeStats(1, 1, 0, 50, 50, 0, Double.POSITIVE_INFINITY, 1, 50, nan, 50, 50, 50, nan),
        byModel.get("delta"));
    Map<Integer, TradeStats> byEntry = TradeStats.byEntryNumber(log);
    assertEquals(List.of(1, 2), List.copyOf(byEntry.keySet()));
    assertEquals(350, byEntry.get(1).netProfit());
    assertEquals(-100, byEntry.get(2).expectancyPerTrade());
    assertEquals(-50, byEntry.get(2).expectancyPerContract());
  }

  @Test
  void noTradesHaveZeroSumsAndUndefinedAverages() {
    double nan = Double.NaN;
    assertEquals(new TradeStats(0, 0, 0, 0, 0, 0, nan, nan, nan, nan, nan, nan, nan, nan),
        TradeStats.of(new TradeLog()));
  }

  @Test
  void oneWinningTradeHasAnInfiniteProfitFactorAndNoLosses() {
    TradeLog log = new TradeLog();
    trade(log, 80, 2);
    double nan = Double.NaN;
    assertEquals(new TradeStats(1, 1, 0, 80, 80, 0, Double.POSITIVE_INFINITY, 1, 80, nan, 80, 40, 80, nan),
        TradeStats.of(log));
  }

  @Test
  void allLosersHaveAZeroProfitFactorAndNoWins() {
    TradeLog log = new TradeLog();
    trade(log, -10, 1);
    trade(log, -30, 1);
    double nan = Double.NaN;
    assertEquals(new TradeStats(2, 0, 2, -40, 0, -40, 0, 0, nan, -20, -20, -20, nan, -30), TradeStats.of(log));
  }

  @Test
  void onlyScratchesHaveNoProfitFactor() {
    TradeLog log = new TradeLog();
    trade(log, 0, 1);
    TradeStats stats = TradeStats.of(log);
    assertTrue(Double.isNaN(stats.profitFactor()));
    assertEquals(0.0, stats.winRate());
    assertEquals(0.0, stats.expectancyPerTrade());
  }

  @Test
  void profitFactorConventions() {
    assertEquals(2.0, TradeStats.profitFactor(200, -100));
    assertEquals(0.0, TradeStats.profitFactor(0, -100));
    assertEquals(Double.POSITIVE_INFINITY, TradeStats.profitFactor(200, 0));
    assertTrue(Double.isNaN(TradeStats.profitFactor(0, 0)));
  }

  @Test
  void rejectsInconsistentCounts() {
    assertEquals("trade counts must be >= 0 with winners + losers <= trades, was 2 + 1 of 2",
        assertThrows(IllegalArgumentException.class,
            () -> new TradeStats(2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).getMessage());
  }
}
