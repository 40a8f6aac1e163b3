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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The simulator on hand-built MES minutes (tick $1.25, $0.62 per contract per side, 1 tick slippage, limits need a
 * 1-tick trade-through). Every expected figure is worked out in the comments.
 */
class SimulatorTest {

  private static final Instrument MES = InstrumentCatalog.builtIn().get("MES");
  private static final long TUESDAY_0830_CDT = Instant.parse("2024-03-12T13:30:00Z").toEpochMilli();
  private static final long WEDNESDAY_0830_CDT = Instant.parse("2024-03-13T13:30:00Z").toEpochMilli();
  private static final double COST_ROUND_TURN = 2 * 0.62;

  /** Bars {open, high, low, close} in ticks, one minute apart from {@code start}. */
  private static BarSeries bars(long start, int[]... ohlc) {
    BarSeries.Builder builder = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    for (int i = 0; i < ohlc.length; i++) {
      builder.add(start + i * 60_000L, ohlc[i][0], ohlc[i][1], ohlc[i][2], ohlc[i][3], 100, -1, -1, null);
    }
    return builder.build();
  }

  private static int[] bar(int open, int high, int low, int close) {
    return new int[] {open, high, low, close};
  }

  /** A strategy that does what the test scripted at given bars. */
  private static Strategy scripted(boolean flatAtSessionEnd, Map<Integer, Consumer<Orders>> actions) {
    return new Strategy() {
      @Override
      public void onBarClose(int bar, Orders orders) {
        actions.getOrDefault(bar, o -> { }).accept(orders);
      }

      @Override
      public int warmUpBars() {
        return 0;
      }

      @Override
      public boolean flatAtSessionEnd() {
        return flatAtSessionEnd;
      }
    };
  }

  private static SimulationResult run(BarSeries series, Sizing sizing, RiskRules risk, Strategy strategy) {
    return new Simulator(series, CostModel.of(MES), sizing, risk, 10_000).run(strategy);
  }

  private static Consumer<Orders> buy(int stop, int target) {
    return o -> o.enter(1, OrderType.MARKET, Orders.NONE, Orders.NONE, stop, target);
  }

  @Test
  void aMarketEntryAndExitFillAtTheNextOpensWithSlippageAndCosts() {
    BarSeries series = bars(TUESDAY_0830_CDT,
        bar(20_000, 20_002, 19_998, 20_001), bar(20_002, 20_006, 20_001, 20_005),
        bar(20_005, 20_010, 20_004, 20_009), bar(20_010, 20_011, 20_008, 20_009), bar(20_009, 20_009, 20_009, 20_009));
    Map<Integer, Consumer<Orders>> script = new HashMap<>();
    script.put(0, buy(Orders.NONE, Orders.NONE));
    script.put(2, Orders::exitAll);
    SimulationResult result = run(series, new Sizing.Fixed(1), RiskRules.singleEntry(1), scripted(false, script));
    // Entry: bar 1 opens 20002, +1 tick = 20003. Exit: bar 3 opens 20010, -1 tick = 20009. +6 ticks = $7.50.
    assertEquals(1, result.trades().size());
    assertEquals(20_003 * 0.25, result.trades().entryPrice(0));
    assertEquals(20_009 * 0.25, result.trades().exitPrice(0));
    assertEquals(7.50 - COST_ROUND_TURN, result.trades().netPnl(0), 1e-9);
    assertEquals(10_000 + 7.50 - COST_ROUND_TURN, result.equity().endingEquity(), 1e-9);
    assertEquals(2, result.barsInMarket(), "bars 1 and 2 end with a position");
  }

  @Test
  void aProtectiveStopFillsAtTheStopOrAtTheOpenOnAGap() {
    BarSeries reached = bars(TUESDAY_0830_CDT,
        bar(20_000, 20_001, 19_999, 20_000), bar(20_000, 20_004, 19_999, 20_003),
        bar(20_003, 20_020, 19_990, 19_995), bar(19_995, 19_996, 19_994, 19_995));
    Map<Integer, Consumer<Orders>> script = Map.of(0, buy(19_992, 20_015));
    SimulationResult result = run(reached, new Sizing.Fixed(1), RiskRules.singleEntry(1), scripted(false, script));
    // Entry 20001 (open 20000 + 1). Bar 2 reaches both target 20015 and stop 19992: the stop first, 19991 (-1 tick).
    assertEquals(19_991 * 0.25, result.trades().exitPrice(0));
    assertEquals(-10 * 1.25 - COST_ROUND_TURN, result.trades().netPnl(0), 1e-9);
    // Marked every bar: bar 1 closes 2 ticks up ($10,002.50, the peak), bar 2 ends at $9,986.26: $16.24 down.
    // The daily curve sees only the day's end, $13.74 below the starting capital.
    assertEquals(2 * 1.25 + 10 * 1.25 + COST_ROUND_TURN, result.maxBarDrawdown(), 1e-9);
    assertEquals(16.24, io.plateau.metrics.Metrics.summarize(result).maxBarDrawdown(), 1e-9);

    BarSeries gap = bars(TUESDAY_0830_CDT,
        bar(20_000, 20_001, 19_999, 20_000), bar(20_000, 20_004, 19_999, 20_003),
        bar(19_980, 19_985, 19_975, 19_982), bar(19_982, 19_983, 19_981, 19_982));
    SimulationResult gapped = run(gap, new Sizing.Fixed(1), RiskRules.singleEntry(1), scripted(false, script));
    // Bar 2 opens at 19980, through the stop: filled at the open less a tick, 19979.
    assertEquals(19_979 * 0.25, gapped.trades().exitPrice(0));
  }

  @Test
  void theEntryBarItselfCanStopOutAndTargetsNeedATradeThrough() {
    BarSeries series = bars(TUESDAY_0830_CDT,
        bar(20_000, 20_001, 19_999, 20_000), bar(20_000, 20_003, 19_994, 19_996), bar(19_996, 19_997, 19_995, 19_996));
    SimulationResult stopped = run(series, new Sizing.Fixed(1), RiskRules.singleEntry(1),
        scripted(false, Map.of(0, buy(19_995, Orders.NONE))));
    // Entry 20001 at bar 1's open; the same bar's low 19994 reaches the stop 19995: out at 19994.
    assertEquals(1, stopped.trades().size());
    assertEquals(19_994 * 0.25, stopped.trades().exitPrice(0));

    BarSeries touch = bars(TUESDAY_0830_CDT,
        bar(20_000, 20_001, 19_999, 20_000), bar(20_000, 20_002, 19_999, 20_001),
        bar(20_001, 20_005, 20_000, 20_004), bar(20_004, 20_007, 20_003, 20_006), bar(20_006, 20_006, 20_006, 20_006));
    SimulationResult target = run(touch, new Sizing.Fixed(1), RiskRules.singleEntry(1),
        scripted(false, Map.of(0, buy(Orders.NONE, 20_005))));
    // Bar 2 touches the target 20005 (no fill); bar 3's high 20007 trades through: filled at 20005, no slippage.
    assertEquals(1, target.trades().size());
    assertEquals(touch.startMillis(3), target.trades().exitTimeMillis(0));
    assertEquals(20_005 * 0.25, target.trades().exitPrice(0));
  }

  @Test
  void intradayStrategiesAreFlatAtTheSessionEndAndEquityIsMarkedPerTradingDate() {
    BarSeries.Builder builder = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    // Tuesday's last minute 15:59 CDT (20:59Z), then Tuesday 17:00 CDT opens Wednesday's trading date.
    builder.add(Instant.parse("2024-03-12T20:57:00Z").toEpochMilli(), 20_000, 20_001, 19_999, 20_000, 10, -1, -1, null);
    builder.add(Instant.parse("2024-03-12T20:58:00Z").toEpochMilli(), 20_000, 20_003, 19_999, 20_002, 10, -1, -1, null);
    builder.add(Instant.parse("2024-03-12T20:59:00Z").toEpochMilli(), 20_002, 20_006, 20_001, 20_005, 10, -1, -1, null);
    builder.add(Instant.parse("2024-03-12T22:00:00Z").toEpochMilli(), 20_010, 20_012, 20_009, 20_011, 10, -1, -1, null);
    SimulationResult result = run(builder.build(), new Sizing.Fixed(2), RiskRules.singleEntry(2),
        scripted(true, Map.of(0, buy(Orders.NONE, Orders.NONE))));
    // Entry 20001 x 2 at bar 1; flat at bar 2's close 20005 less a tick = 20004: +3 ticks x 2 = $7.50.
    assertEquals(1, result.trades().size());
    assertEquals(20_004 * 0.25, result.trades().exitPrice(0));
    assertEquals(2, result.equity().size(), "one mark per trading date");
    double afterTuesday = 10_000 + 7.50 - 2 * COST_ROUND_TURN;
    assertEquals(afterTuesday, result.equity().equity(0), 1e-9);
    assertEquals(afterTuesday, result.equity().equity(1), 1e-9, "flat overnight: the gap up earns nothing");
  }

  @Test
  void theDailyLossLimitFlattensAtTheCloseAndDisablesEntriesForTheSession() {
    BarSeries.Builder builder = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    long t = TUESDAY_0830_CDT;
    builder.add(t, 20_000, 20_001, 19_999, 20_000, 10, -1, -1, null);
    builder.add(t + 60_000, 20_000, 20_001, 19_980, 19_985, 10, -1, -1, null);
    builder.add(t + 120_000, 19_985, 19_990, 19_984, 19_989, 10, -1, -1, null);
    builder.add(t + 180_000, 19_989, 19_990, 19_988, 19_989, 10, -1, -1, null);
    builder.add(WEDNESDAY_0830_CDT, 19_990, 19_992, 19_989, 19_991, 10, -1, -1, null);
    builder.add(WEDNESDAY_0830_CDT + 60_000, 19_991, 19_993, 19_990, 19_992, 10, -1, -1, null);
    builder.add(WEDNESDAY_0830_CDT + 120_000, 19_992, 19_992, 19_992, 19_992, 10, -1, -1, null);
    Map<Integer, Consumer<Orders>> script = new HashMap<>();
    script.put(0, buy(Orders.NONE, Orders.NONE));
    script.put(2, buy(Orders.NONE, Orders.NONE)); // refused: locked out for the rest of Tuesday
    script.put(4, buy(Orders.NONE, Orders.NONE)); // Wednesday: allowed again
    script.put(5, Orders::exitAll);
    RiskRules limit = new RiskRules(1, 10, AddPolicy.ALSO_AGAINST, 0.015);
    SimulationResult result = run(builder.build(), new Sizing.Fixed(10), limit, scripted(false, script));
    // 10 contracts from 20001; bar 1 closes at 19985: -16 ticks x 10 x $1.25 = -$200 <= -1.5% of $10,000 (-$150).
    // Flat at that close less a tick: 19984.
    assertEquals(2, result.trades().size());
    assertEquals(19_984 * 0.25, result.trades().exitPrice(0));
    assertEquals(-17 * 10 * 1.25 - 10 * COST_ROUND_TURN, result.trades().netPnl(0), 1e-9);
    assertEquals(WEDNESDAY_0830_CDT + 60_000, result.trades().entryTimeMillis(1), "re-enabled the next session");
  }

  @Test
  void aLossRealizedByAStopTripsTheDailyLimitToo() {
    BarSeries series = bars(TUESDAY_0830_CDT,
        bar(20_000, 20_001, 19_999, 20_000), bar(20_000, 20_001, 19_980, 19_990), bar(19_990, 19_996, 19_989, 19_995),
        bar(19_995, 20_010, 19_995, 20_010), bar(20_010, 20_010, 20_010, 20_010));
    Map<Integer, Consumer<Orders>> script = new HashMap<>();
    script.put(0, buy(19_988, Orders.NONE));
    script.put(1, buy(19_980, Orders.NONE)); // refused: the stop's loss locked the session out at bar 1's close
    RiskRules limit = new RiskRules(1, 10, AddPolicy.ALSO_AGAINST, 0.015);
    SimulationResult result = run(series, new Sizing.Fixed(10), limit, scripted(false, script));
    // 10 contracts from 20001, stopped at 19988 less a tick, 19987, on bar 1: -14 ticks x 10 x $1.25 = -$175
    // (-$187.40 with costs), past -1.5% of $10,000 = -$150 although flat at the close.
    assertEquals(1, result.trades().size());
    assertEquals(-14 * 10 * 1.25 - 10 * COST_ROUND_TURN, result.trades().netPnl(0), 1e-9);
  }

  @Test
  void fixedFractionalSizingRisksAShareOfEquityOverTheStopDistance() {
    BarSeries series = bars(TUESDAY_0830_CDT,
        bar(20_000, 20_001, 19_999, 20_000), bar(20_000, 20_004, 19_999, 20_003), bar(20_003, 20_004, 20_002, 20_003));
    // Entry 20001, stop 19993: 8 ticks x $1.25 = $10 a contract; 1% of $10,000 = $100 -> 10 contracts (max 20).
    SimulationResult result = run(series, new Sizing.FixedFractional(0.01, 0, false),
        RiskRules.singleEntry(20), scripted(false, Map.of(0, buy(19_993, Orders.NONE), 1, Orders::exitAll)));
    assertEquals(10, result.trades().contracts(0));
    // Capped by the risk rules' maximum contracts.
    SimulationResult capped = run(series, new Sizing.FixedFractional(0.01, 0, false),
        RiskRules.singleEntry(4), scripted(false, Map.of(0, buy(19_993, Orders.NONE), 1, Orders::exitAll)));
    assertEquals(4, capped.trades().contracts(0));
    // No stop, no defined risk: skipped.
    SimulationResult skipped = run(series, new Sizing.FixedFractional(0.01, 0, false),
        RiskRules.singleEntry(4), scripted(false, Map.of(0, buy(Orders.NONE, Orders.NONE))));
    assertEquals(0, skipped.trades().size());
  }

  @Test
  void stopAndStopLimitEntries() {
    BarSeries series = bars(TUESDAY_0830_CDT,
        bar(20_000, 20_001, 19_999, 20_000), bar(20_000, 20_006, 19_999, 20_005), bar(20_005, 20_006, 20_004, 20_005));
    SimulationResult stop = run(series, new Sizing.Fixed(1), RiskRules.singleEntry(1), scripted(false,
        Map.of(0, o -> o.enter(1, OrderType.STOP, 20_004, Orders.NONE, Orders.NONE, Orders.NONE), 1, Orders::exitAll)));
    assertEquals(20_005 * 0.25, stop.trades().entryPrice(0), "buy stop 20004 reached: +1 tick");
    SimulationResult stopLimit = run(series, new Sizing.Fixed(1), RiskRules.singleEntry(1), scripted(false,
        Map.of(0, o -> o.enter(1, OrderType.STOP_LIMIT, 20_004, 20_004, Orders.NONE, Orders.NONE),
            1, Orders::exitAll)));
    assertEquals(20_004 * 0.25, stopLimit.trades().entryPrice(0), "the limit caps the slippage");
    assertEquals(0, stopLimit.trades().slippageCost(0) - 1.25, 1e-9, "only the exit's tick of slippage");
  }
}
