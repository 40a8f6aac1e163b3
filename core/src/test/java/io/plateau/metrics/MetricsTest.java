package io.plateau.metrics;

import io.plateau.exec.TradeLog;
import io.plateau.exec.DailyEquity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private static final int JAN_2 = (int) LocalDate.of(2024, 1, 2).toEpochDay();

  /** DrawdownTest's curve on the trading dates 2024-01-02 … 05, 08, 09 (8 calendar days). */
  static DailyEquity sixDays() {
    return DailyEquity.builder(100_000)
        .add(JAN_2, 101_000)
        .add(JAN_2 + 1, 98_980)
        .add(JAN_2 + 2, 100_464.7)
        .add(JAN_2 + 3, 102_473.994)
        .add(JAN_2 + 6, 101_449.25406)
        .add(JAN_2 + 7, 101_956.5003303)
        .build();
  }

  /** TradeStatsTest's trades: net +300, −100, +50, −150, 0 with 1, 2, 1, 3, 1 contracts. */
  static TradeLog fiveTrades() {
    TradeLog log = new TradeLog();
    double[] net = {300, -100, 50, -150, 0};
    int[] contracts = {1, 2, 1, 3, 1};
    for (int i = 0; i < net.length; i++) {
      log.add(0, 1, 1, contracts[i], 100, 100, net[i] + 5, 5, 0, 0, 0, 0, 1);
    }
    return log;
  }

  /**
   * Golden values: trade figures as in TradeStatsTest, drawdown as in DrawdownTest, Sharpe and Sortino as in
   * RatiosTest (the same daily returns), and
   * CAGR = (101,956.5003303 / 100,000)^(365.2425 / 8) − 1 = 142.2065 % (numpy: 1.4220650056928772),
   * MAR = 1.4220650056928772 / 0.02 = 71.1033, arithmetic return = 0.02 / 6 · 252 = 84 %, time in market
   * 300 / 1,200 bars = 25 %.
   */
  @Test
  void summarizesTradesAndEquity() {
    PerformanceSummary s = Metrics.summarize(fiveTrades(), sixDays(), 300, 1_200);
    assertEquals(5, s.tradeCount());
    assertEquals(2, s.winningTrades());
    assertEquals(2, s.losingTrades());
    assertEquals(100, s.netProfit());
    assertEquals(350, s.grossProfit());
    assertEquals(-250, s.grossLoss());
    assertEquals(1.4, s.profitFactor());
    assertEquals(40, s.winRatePercent(), 1e-12);
    assertEquals(175, s.averageWin());
    assertEquals(-125, s.averageLoss());
    assertEquals(20, s.expectancyPerTrade());
    assertEquals(12.5, s.expectancyPerContract());
    assertEquals(300, s.largestWin());
    assertEquals(-150, s.largestLoss());
    assertEquals(100_000, s.startingCapital());
    assertEquals(101_956.5003303, s.endingEquity());
    assertEquals(6, s.tradingDays());
    assertEquals(2_020, s.maxDrawdown(), 1e-9);
    assertEquals(2, s.maxDrawdownPercent(), 1e-10);
    assertEquals(3, s.longestDrawdownDays());
    assertEquals(142.20650056928772, s.cagrPercent(), 1e-9);
    assertEquals(84, s.annualizedReturnPercent(), 1e-9);
    assertEquals(3.4396200248709103, s.sharpe(), 1e-9);
    assertEquals(5.796550698475776, s.sortino(), 1e-9);
    assertEquals(71.10325028464386, s.mar(), 1e-7);
    assertEquals(0, s.riskFreeDaily());
    assertEquals(25, s.timeInMarketPercent());
    assertEquals(List.of(
        new PeriodProfit("Last 12 months", 100_000, s.endingEquity() - 100_000, (s.endingEquity() - 100_000) / 1_000),
        new PeriodProfit("2024", 100_000, s.endingEquity() - 100_000, (s.endingEquity() - 100_000) / 1_000)),
        s.periods());
  }

  @Test
  void riskFreeReturnReachesSharpeAndSortino() {
    PerformanceSummary s = Metrics.summarize(fiveTrades(), sixDays(), 300, 1_200, 0.0001);
    assertEquals(3.336431424124784, s.sharpe(), 1e-9);
    assertEquals(5.589108415491986, s.sortino(), 1e-9);
    assertEquals(0.0001, s.riskFreeDaily());
  }

  @Test
  void nothingTradedNoDaysEverythingDefined() {
    PerformanceSummary s = Metrics.summarize(new TradeLog(), DailyEquity.builder(10_000).build(), 0, 0);
    assertEquals(0, s.tradeCount());
    assertEquals(0, s.netProfit());
    assertEquals(10_000, s.endingEquity());
    assertEquals(0, s.maxDrawdown());
    assertEquals(0, s.longestDrawdownDays());
    for (double undefined : new double[] {s.profitFactor(), s.winRatePercent(), s.averageWin(), s.averageLoss(),
        s.expectancyPerTrade(), s.expectancyPerContract(), s.largestWin(), s.largestLoss(), s.cagrPercent(),
        s.annualizedReturnPercent(), s.sharpe(), s.sortino(), s.mar(), s.timeInMarketPercent()}) {
      assertTrue(Double.isNaN(undefined));
    }
    assertEquals(List.of(), s.periods());
  }

  @Test
  void flatEquityHasNoRatiosButADefinedCagrAndDrawdown() {
    DailyEquity flat = DailyEquity.builder(10_000).add(JAN_2, 10_000).add(JAN_2 + 1, 10_000).build();
    PerformanceSummary s = Metrics.summarize(new TradeLog(), flat, 0, 2_760);
    assertEquals(0, s.cagrPercent());
    assertEquals(0, s.annualizedReturnPercent());
    assertEquals(0, s.maxDrawdownPercent());
    assertEquals(0, s.timeInMarketPercent());
    assertTrue(Double.isNaN(s.sharpe()));
    assertTrue(Double.isNaN(s.sortino()));
    assertTrue(Double.isNaN(s.mar()), "no drawdown: MAR undefined");
  }

  @Test
  void oneDayOneWinningTrade() {
    TradeLog log = new TradeLog();
    log.add(0, 1, -1, 1, 100, 90, 50, 1.25, 0, 0, 60, 0, 1);
    DailyEquity oneDay = DailyEquity.builder(10_000).add(JAN_2, 10_048.75).build();
    PerformanceSummary s = Metrics.summarize(log, oneDay, 10, 1_380);
    assertEquals(48.75, s.netProfit());
    assertEquals(Double.POSITIVE_INFINITY, s.profitFactor());
    assertEquals(100, s.winRatePercent());
    assertEquals(0, s.maxDrawdown());
    assertTrue(Double.isNaN(s.sharpe()), "one return has no deviation");
    // One day is 1 / 365.2425 of a year: 1.004875^365.2425 − 1, compounding a single day's gain.
    assertEquals(100 * (Math.pow(1.004875, 365.2425) - 1), s.cagrPercent(), 1e-9);
    assertEquals(100 * 0.004875 * 252, s.annualizedReturnPercent(), 1e-9);
  }

  @Test
  void timeInMarketIsAShareOfBars() {
    assertEquals(0.25, Metrics.timeInMarketFraction(25, 100));
    assertTrue(Double.isNaN(Metrics.timeInMarketFraction(0, 0)));
    assertEquals("barsInMarket must be in [0, totalBars 10], was 11",
        assertThrows(IllegalArgumentException.class, () -> Metrics.timeInMarketFraction(11, 10)).getMessage());
    assertEquals("riskFreeDaily must be a finite number, was NaN", assertThrows(IllegalArgumentException.class,
        () -> Metrics.summarize(new TradeLog(), sixDays(), 0, 0, Double.NaN)).getMessage());
  }
}
