package io.plateau.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.exec.CostModel;
import io.plateau.exec.RiskRules;
import io.plateau.exec.SimulationResult;
import io.plateau.util.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code delta-divergence} on hand-built MES 1-minute regular sessions of Tuesday 2024-03-12 (from 08:30 CT), with
 * buy/sell aggressor volume, run through the simulator with MES costs ($0.62 a side, 1 tick of slippage on market
 * and stop fills, targets need a 1-tick trade-through), one contract. Prices in ticks (20,000 = 5,000.00).
 *
 * <p>The base (bars 0-19): high 20,004, low 19,996, close 20,000, 50 bought and 50 sold, except bar 10 with 150
 * bought: cumulative delta 0 on bars 0-9 and 100 from bar 10 on. Bar 20 is the first with a full 20-bar window.
 */
class DeltaDivergenceTest extends IntradaySessionTest {

  DeltaDivergenceTest() {
    super(DeltaDivergence.NAME);
  }

  private static final double FEES_ROUND_TURN = 2 * 0.62;

  /** open, high, low, close, buy-aggressor volume, sell-aggressor volume. */
  private static int[] bar(int open, int high, int low, int close, int buy, int sell) {
    return new int[] {open, high, low, close, buy, sell};
  }

  private static int[] flat(int price) {
    return bar(price, price, price, price, 50, 50);
  }

  private static List<int[]> base() {
    List<int[]> rows = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      rows.add(bar(20_000, 20_004, 19_996, 20_000, k == 10 ? 150 : 50, 50));
    }
    return rows;
  }

  /**
   * Row k of day d starts k minutes after 08:30 CT, d days after Tuesday (day 1: Wednesday's trading date);
   * volume = buy + sell, or no aggressor side at all.
   */
  private static BarSeries sessions(List<List<int[]>> days, boolean aggressor) {
    return sessions(days, (builder, start, r) -> builder.add(start, r[0], r[1], r[2], r[3], r[4] + r[5],
        aggressor ? r[4] : -1, aggressor ? r[5] : -1, null));
  }

  /** Row k starts k minutes after 08:30 CT; volume = buy + sell, or no aggressor side at all. */
  private static BarSeries session(List<int[]> rows, boolean aggressor) {
    return sessions(List.of(rows), aggressor);
  }

  /** The base, then {@code more}. */
  private static List<int[]> rows(int[]... more) {
    List<int[]> rows = base();
    rows.addAll(List.of(more));
    return rows;
  }

  /** The base, then {@code more}. */
  private static BarSeries session(int[]... more) {
    return session(rows(more), true);
  }

  // Bar 20: a new 20-bar high (20,010 > 20,004) on net selling: cumulative delta 80, below the window's 100.
  private static final int[] NEW_HIGH_UNCONFIRMED = bar(20_000, 20_010, 19_999, 20_008, 40, 60);

  @Test
  void aNewHighWithoutANewDeltaHighSellsAtTheNextOpenAndExitsAtTheTarget() {
    BarSeries bars = session(NEW_HIGH_UNCONFIRMED, bar(20_008, 20_010, 20_004, 20_005, 50, 50),
        bar(20_005, 20_006, 19_998, 20_000, 50, 50), flat(20_000));
    assertEquals(List.of("20 sell stop 20013 target 20000"), decisions(bars, Map.of()),
        "target 8 ticks below and stop 5 above the signal close 20,008");
    SimulationResult result = run(bars, Map.of());
    assertEquals(1, result.trades().size());
    assertEquals(-1, result.trades().side(0));
    // Market at bar 21's open 20,008, a tick of slippage against the sale.
    assertEquals(bars.startMillis(21), result.trades().entryTimeMillis(0));
    assertEquals(price(20_007), result.trades().entryPrice(0));
    // Bar 22's low 19,998 trades through the target 20,000 by a tick or more: out at the target.
    assertEquals(bars.startMillis(22), result.trades().exitTimeMillis(0));
    assertEquals(price(20_000), result.trades().exitPrice(0));
    assertEquals(7 * 1.25 - FEES_ROUND_TURN, result.trades().netPnl(0), 1e-9);
    // Without slippage the fill is the signal close: exactly the seed's 8-tick winner.
    SimulationResult frictionless = run(bars, Map.of(), CostModel.of(MES).withSlippageTicks(0));
    assertEquals(price(20_008), frictionless.trades().entryPrice(0));
    assertEquals(8 * 1.25 - FEES_ROUND_TURN, frictionless.trades().netPnl(0), 1e-9);
  }

  @Test
  void aNewHighConfirmedByDeltaIsNotFaded() {
    // Bar 20 buys 100 and sells 40: cumulative delta 160, a new high above 100.
    BarSeries bars = session(bar(20_000, 20_010, 19_999, 20_008, 100, 40),
        bar(20_008, 20_010, 20_004, 20_005, 50, 50), bar(20_005, 20_006, 19_998, 20_000, 50, 50), flat(20_000));
    assertEquals(List.of(), decisions(bars, Map.of()));
    assertEquals(0, run(bars, Map.of()).trades().size());
    // Delta equal to the window's high does not make a new high: that is a divergence.
    assertEquals(List.of("20 sell stop 20013 target 20000"),
        decisions(session(bar(20_000, 20_010, 19_999, 20_008, 50, 50), flat(20_008)), Map.of()));
  }

  @Test
  void aNewLowWithoutANewDeltaLowBuysTheMirror() {
    // Bar 20: low 19,990 below 19,996; cumulative delta 80, above the window's lowest 0.
    BarSeries bars = session(bar(20_000, 20_001, 19_990, 19_992, 40, 60),
        bar(19_992, 19_996, 19_991, 19_995, 50, 50), bar(19_995, 20_001, 19_994, 20_000, 50, 50), flat(20_000));
    assertEquals(List.of("20 buy stop 19987 target 20000"), decisions(bars, Map.of()));
    SimulationResult result = run(bars, Map.of());
    assertEquals(1, result.trades().size());
    assertEquals(1, result.trades().side(0));
    assertEquals(price(19_993), result.trades().entryPrice(0));
    assertEquals(bars.startMillis(22), result.trades().exitTimeMillis(0));
    assertEquals(price(20_000), result.trades().exitPrice(0));
    assertEquals(7 * 1.25 - FEES_ROUND_TURN, result.trades().netPnl(0), 1e-9);
    assertEquals(List.of(), decisions(bars, Map.of("direction", "short")));
    assertEquals(List.of("20 sell stop 20013 target 20000"),
        decisions(session(NEW_HIGH_UNCONFIRMED, flat(20_008)), Map.of("direction", "short")));
    assertEquals(List.of(), decisions(session(NEW_HIGH_UNCONFIRMED, flat(20_008)), Map.of("direction", "long")));
  }

  @Test
  void theHardStopLosesFiveTicksPlusCosts() {
    // Bar 21 reaches 20,014 past the stop 20,013 (and its heavy buying confirms the new high: no new signal).
    BarSeries bars = session(NEW_HIGH_UNCONFIRMED, bar(20_008, 20_014, 20_006, 20_012, 200, 0), flat(20_012));
    SimulationResult result = run(bars, Map.of());
    assertEquals(1, result.trades().size());
    assertEquals(bars.startMillis(21), result.trades().exitTimeMillis(0));
    // In at 20,008 - 1, out at the stop + 1: 5 ticks of stop distance and 2 of slippage, plus fees.
    assertEquals(price(20_007), result.trades().entryPrice(0));
    assertEquals(price(20_014), result.trades().exitPrice(0));
    assertEquals(-(5 + 2) * 1.25 - FEES_ROUND_TURN, result.trades().netPnl(0), 1e-9);
    SimulationResult frictionless = run(bars, Map.of(), CostModel.of(MES).withSlippageTicks(0));
    assertEquals(price(20_013), frictionless.trades().exitPrice(0));
    assertEquals(-5 * 1.25 - FEES_ROUND_TURN, frictionless.trades().netPnl(0), 1e-9);
  }

  @Test
  void barsWithoutAggressorVolumeAreRefused() {
    List<int[]> rows = base();
    rows.add(NEW_HIGH_UNCONFIRMED);
    BarSeries bars = session(rows, false);
    InputException error = assertThrows(InputException.class, () -> compile(bars, Map.of()));
    assertTrue(error.getMessage().contains("MES") && error.getMessage().contains("aggressor volume")
        && error.getMessage().contains("ingest trades"), error.getMessage());
  }

  @Test
  void aPositionStillOpenAtTheRegularCloseIsClosedAtTheNextOpen() {
    List<int[]> rows = base();
    rows.add(NEW_HIGH_UNCONFIRMED);
    while (rows.size() < REGULAR_CLOSE_BAR) {
      rows.add(flat(20_006));
    }
    rows.add(flat(20_005)); // 15:15 CT: Globex only
    rows.add(flat(20_004));
    BarSeries bars = session(rows, true);
    assertTrue(bars.isRegularHours(REGULAR_CLOSE_BAR - 1) && !bars.isRegularHours(REGULAR_CLOSE_BAR));
    assertEquals(List.of("20 sell stop 20013 target 20000", (REGULAR_CLOSE_BAR - 1) + " exit"),
        decisions(bars, Map.of()));
    SimulationResult result = run(bars, Map.of());
    assertEquals(1, result.trades().size());
    // Sold at bar 21's open 20,006 less a tick. Neither target 20,000 nor stop 20,013 is reached; the 15:14 bar
    // ends regular hours: bought back at the 15:15 open plus a tick.
    assertEquals(price(20_005), result.trades().entryPrice(0));
    assertEquals(bars.startMillis(REGULAR_CLOSE_BAR), result.trades().exitTimeMillis(0));
    assertEquals(price(20_006), result.trades().exitPrice(0));
  }

  @Test
  void maxTradesPerDayCapsTheEntries() {
    // Each bar stops the previous short out and makes a new high on net selling (delta 80, 60, 40, 20, 0):
    // a new signal every bar, each placed while flat.
    BarSeries bars = session(NEW_HIGH_UNCONFIRMED, bar(20_008, 20_014, 20_006, 20_012, 40, 60),
        bar(20_012, 20_018, 20_010, 20_016, 40, 60), bar(20_016, 20_022, 20_014, 20_020, 40, 60),
        bar(20_020, 20_026, 20_018, 20_024, 40, 60), flat(20_024));
    SimulationResult three = run(bars, Map.of());
    assertEquals(3, three.trades().size(), "the default 3 a day");
    assertEquals(bars.startMillis(23), three.trades().entryTimeMillis(2));
    assertEquals(price(20_015), three.trades().entryPrice(2));
    assertEquals(price(20_022), three.trades().exitPrice(2), "stop 20,021 plus a tick");
    assertEquals(1, run(bars, Map.of("max_trades_per_day", "1")).trades().size());
    assertEquals(5, run(bars, Map.of("max_trades_per_day", "10")).trades().size());
  }

  @Test
  void theDailyLossLimitFlattensAtTheTrippingCloseRefusesTheNextDivergenceAndTradingResumesTheNextSession() {
    // The seed's 5-tick stop would end any loss before a close 12 ticks away: stop_ticks 20 (20,028) lets the
    // limit act first.
    Map<String, String> params = Map.of("stop_ticks", "20");
    // Tuesday: bar 20's short fills at 20,007 on bar 21, which closes at 20,017: 10 ticks against, -$12.50, short
    // of the $15 limit. Bar 22 closes at 20,020: 13 ticks against, -$16.25 <= -$15: bought back at that close plus a
    // tick, 20,021. Bar 23 reaches the stop (only the run without the limit still holds the short) on heavy buying:
    // cumulative delta 80 + 200 = 280 confirms its new high, no signal. Bar 25 makes a new high (20,031 > 20,029)
    // on net selling, delta 260 <= the window's 280: a second divergence, stop 20,048, target 20,020.
    List<int[]> tuesday = rows(NEW_HIGH_UNCONFIRMED, bar(20_008, 20_018, 20_006, 20_017, 50, 50),
        bar(20_017, 20_021, 20_016, 20_020, 50, 50), bar(20_020, 20_029, 20_019, 20_027, 200, 0), flat(20_027),
        bar(20_027, 20_031, 20_026, 20_028, 40, 60), bar(20_028, 20_029, 20_024, 20_025, 50, 50), flat(20_025));
    // Wednesday: the first test's winner again, 20,007 to the target 20,000 (cumulative delta restarts at 0).
    List<int[]> wednesday = rows(NEW_HIGH_UNCONFIRMED, bar(20_008, 20_010, 20_004, 20_005, 50, 50),
        bar(20_005, 20_006, 19_998, 20_000, 50, 50), flat(20_000));
    BarSeries bars = sessions(List.of(tuesday, wednesday), true);
    int day2 = tuesday.size();
    assertEquals(List.of("20 sell stop 20028 target 20000"), decisions(session(tuesday, true), params));

    SimulationResult result = run(bars, params, CostModel.of(MES), LOSS_LIMIT, SMALL_ACCOUNT);
    assertEquals(2, result.trades().size(), "one trade a day: the limit's, then Wednesday's");
    assertEquals(-1, result.trades().side(0));
    assertEquals(bars.startMillis(21), result.trades().entryTimeMillis(0));
    assertEquals(price(20_007), result.trades().entryPrice(0));
    // The log stamps a fill at a bar's close with that bar's start time.
    assertEquals(bars.startMillis(22), result.trades().exitTimeMillis(0));
    assertEquals(price(20_021), result.trades().exitPrice(0));
    assertEquals(-14 * 1.25 - FEES_ROUND_TURN, result.trades().netPnl(0), 1e-9);
    assertEquals(SMALL_ACCOUNT - 14 * 1.25 - FEES_ROUND_TURN, result.equity().equity(0), 1e-9, "Tuesday's close");
    // Bar 25's divergence is not taken; Wednesday trades again.
    assertEquals(bars.startMillis(day2 + 21), result.trades().entryTimeMillis(1));
    assertEquals(price(20_007), result.trades().entryPrice(1));
    assertEquals(bars.startMillis(day2 + 22), result.trades().exitTimeMillis(1));
    assertEquals(price(20_000), result.trades().exitPrice(1));
    assertEquals(7 * 1.25 - FEES_ROUND_TURN, result.trades().netPnl(1), 1e-9);

    // Without the limit the short rides to its stop on bar 23 (20,028 plus a tick) and bar 25's divergence sells at
    // bar 26's open 20,028 less a tick.
    SimulationResult unlimited = run(bars, params, CostModel.of(MES), RiskRules.singleEntry(1), SMALL_ACCOUNT);
    assertEquals(3, unlimited.trades().size());
    assertEquals(bars.startMillis(23), unlimited.trades().exitTimeMillis(0));
    assertEquals(price(20_029), unlimited.trades().exitPrice(0));
    assertEquals(bars.startMillis(26), unlimited.trades().entryTimeMillis(1));
    assertEquals(price(20_027), unlimited.trades().entryPrice(1));
  }

  @Test
  void changingBarsAfterADecisionNeverChangesTheOrdersUpToIt() {
    BarSeries original = session(NEW_HIGH_UNCONFIRMED, bar(20_008, 20_010, 20_004, 20_005, 50, 50), flat(20_000));
    BarSeries changed = session(NEW_HIGH_UNCONFIRMED, bar(20_030, 20_060, 20_030, 20_050, 900, 0), flat(20_070));
    assertEquals(List.of("20 sell stop 20013 target 20000"), RecordingOrders.decisions(compile(original, Map.of()),
        20));
    assertEquals(RecordingOrders.decisions(compile(original, Map.of()), 20),
        RecordingOrders.decisions(compile(changed, Map.of()), 20));
  }

  @Test
  void refusesDailyBarsAndBadParameters() {
    BarSeries daily = BarSeries.builder(MES, BarInterval.DAILY)
        .add(TUESDAY_0830_CDT, 20_000, 20_010, 19_990, 20_005, 100, 60, 40, null).build();
    InputException intraday = assertThrows(InputException.class, () -> compile(daily, Map.of()));
    assertTrue(intraday.getMessage().contains("intraday"), intraday.getMessage());
    InputException lookback = assertThrows(InputException.class,
        () -> Strategies.get(DeltaDivergence.NAME).spec(Map.of("lookback", "1")));
    assertTrue(lookback.getMessage().contains("lookback=1"), lookback.getMessage());
  }
}
