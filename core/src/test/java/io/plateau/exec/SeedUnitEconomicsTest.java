package io.plateau.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.strategy.OrderType;
import io.plateau.strategy.Orders;
import io.plateau.strategy.Strategy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's unit economics, computed by the simulator from fills: 20 MES trades, 12 winners of 8 ticks and 8 losers
 * of 5 ticks at $1.25 a tick, $1.20 round-turn fees, no slippage: gross profit $120.00, gross loss $50.00,
 * commissions $24.00, net $46.00.
 */
class SeedUnitEconomicsTest {

  private static final Instrument MES = InstrumentCatalog.builtIn().get("MES");
  private static final long TUESDAY_0830_CDT = Instant.parse("2024-03-12T13:30:00Z").toEpochMilli();
  private static final int TRADES = 20;
  private static final int WINNERS = 12;

  @Test
  void twentyTradesOfTheSeedGiveItsGrossProfitLossCommissionsAndNet() {
    // Per trade three one-minute bars: the entry decided at the close of the first, filled at the second's open
    // (4,000.00 = 16,000 ticks), the exit decided at the second's close, filled at the third's open: 8 ticks up
    // for the first 12 trades, 5 ticks down for the other 8.
    BarSeries.Builder builder = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    int entry = 16_000;
    for (int t = 0; t < TRADES; t++) {
      int exit = t < WINNERS ? entry + 8 : entry - 5;
      long start = TUESDAY_0830_CDT + t * 3 * 60_000L;
      builder.add(start, entry, entry, entry, entry, 100, -1, -1, null);
      builder.add(start + 60_000, entry, entry, entry, entry, 100, -1, -1, null);
      builder.add(start + 120_000, exit, exit, exit, exit, 100, -1, -1, null);
    }
    Strategy alternate = new Strategy() {
      @Override
      public void onBarClose(int bar, Orders orders) {
        if (bar % 3 == 0) {
          orders.enter(1, OrderType.MARKET, Orders.NONE, Orders.NONE, Orders.NONE, Orders.NONE);
        } else if (bar % 3 == 1) {
          orders.exitAll();
        }
      }

      @Override
      public int warmUpBars() {
        return 0;
      }

      @Override
      public boolean flatAtSessionEnd() {
        return false;
      }
    };
    CostModel seedCosts = new CostModel(0.60, 0, 0, 1);
    SimulationResult result = new Simulator(builder.build(), seedCosts, new Sizing.Fixed(1),
        RiskRules.singleEntry(1), 10_000).run(alternate);

    TradeLog trades = result.trades();
    assertEquals(TRADES, trades.size());
    double grossProfit = 0;
    double grossLoss = 0;
    double commissions = 0;
    double net = 0;
    int winners = 0;
    for (int t = 0; t < trades.size(); t++) {
      if (trades.grossPnl(t) > 0) {
        grossProfit += trades.grossPnl(t);
        winners++;
      } else {
        grossLoss += trades.grossPnl(t);
      }
      commissions += trades.commissionAndFees(t);
      net += trades.netPnl(t);
    }
    assertEquals(WINNERS, winners);
    assertEquals(120.00, grossProfit, 1e-9);
    assertEquals(-50.00, grossLoss, 1e-9);
    assertEquals(24.00, commissions, 1e-9);
    assertEquals(46.00, net, 1e-9);
    assertEquals(10_046.00, result.equity().endingEquity(), 1e-9);
  }
}
