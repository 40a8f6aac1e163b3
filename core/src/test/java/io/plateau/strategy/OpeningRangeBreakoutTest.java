package io.plateau.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.exec.RiskRules;
import io.plateau.exec.SimulationResult;
import io.plateau.util.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code orb} on hand-built MES 1-minute sessions of Tuesday 2024-03-12 (regular open 08:30 CT = 09:30 ET), run
 * through the simulator with MES costs: 1 tick of slippage on stops and market exits, targets need a 1-tick
 * trade-through, one contract. Prices are in ticks (20,000 = 5,000.00).
 *
 * <p>The standard opening range (bars 0-29, 08:30-08:59): high 20,040, low 20,000, range 40 ticks, midpoint
 * 20,020, volume 100 a bar. With the defaults (offset 1, limit 2) the buy stop is 20,041 with limit 20,043, the hard
 * stop 20,020 and the 1 × range target 20,041 + 40 = 20,081. Volume filter: the last bar's volume must exceed
 * 1.5 × the mean of the 20 bars before it (100 → more than 150).
 */
class OpeningRangeBreakoutTest extends IntradaySessionTest {

  OpeningRangeBreakoutTest() {
    super(OpeningRangeBreakout.NAME);
  }


  /** The 30 range bars: 20,020 ± 10 ticks, bar 5 reaching the high 20,040 and bar 10 the low 20,000. */
  private static List<int[]> openingRange() {
    List<int[]> rows = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      rows.add(bar(20_020, k == 5 ? 20_040 : 20_030, k == 10 ? 20_000 : 20_010, 20_020, 100));
    }
    return rows;
  }

  private static int[] bar(int open, int high, int low, int close, int volume) {
    return new int[] {open, high, low, close, volume};
  }

  private static int[] flat(int price, int volume) {
    return bar(price, price, price, price, volume);
  }

  /** Row k of day d starts k minutes after 08:30 CT, d days after Tuesday (day 1: Wednesday's trading date). */
  private static BarSeries sessions(List<List<int[]>> days) {
    return sessions(days, (builder, start, r) -> builder.add(start, r[0], r[1], r[2], r[3], r[4], -1, -1, null));
  }

  /** Row k starts k minutes after 08:30 CT. */
  private static BarSeries session(List<int[]> rows) {
    return sessions(List.of(rows));
  }

  /** The range, a quiet bar 30, then {@code more}. */
  private static List<int[]> rows(int[]... more) {
    List<int[]> rows = openingRange();
    rows.add(bar(20_020, 20_030, 20_010, 20_020, 100));
    rows.addAll(List.of(more));
    return rows;
  }

  /** The range, a quiet bar 30, then {@code more}. */
  private static BarSeries session(int[]... more) {
    return session(rows(more));
  }

  // Bar 31 closes at 20,038 on 300 (> 150): the order is armed for bar 32.
  private static final int[] ARMING = bar(20_020, 20_039, 20_018, 20_038, 300);
  private static final int[] BREAKOUT = bar(20_038, 20_050, 20_037, 20_048, 400);

  @Test
  void aBreakoutOnVolumeFillsTheBuyStopLimitWithTheStopAtTheMidpointAndExitsAtTheRangeTarget() {
    BarSeries bars = session(ARMING, BREAKOUT, bar(20_048, 20_070, 20_046, 20_068, 200),
        bar(20_068, 20_085, 20_066, 20_080, 200), flat(20_080, 100));
    assertEquals(List.of("31 buy STOP_LIMIT 20041 20043 stop 20020 target 20081"), decisions(bars, Map.of()),
        "one order, at the close of the volume bar; the stop at the midpoint (20000 + 20040) / 2");
    SimulationResult result = run(bars, Map.of());
    assertEquals(1, result.trades().size());
    // Bar 32 opens below the stop and trades through it: filled at the stop + 1 tick of slippage, within the limit.
    assertEquals(bars.startMillis(32), result.trades().entryTimeMillis(0));
    assertEquals(price(20_042), result.trades().entryPrice(0));
    // Bar 34's high 20,085 trades through the target 20,081: out at the target, no slippage.
    assertEquals(bars.startMillis(34), result.trades().exitTimeMillis(0));
    assertEquals(price(20_081), result.trades().exitPrice(0));
    assertEquals(39 * 1.25 - 2 * 0.62, result.trades().netPnl(0), 1e-9);
  }

  @Test
  void theLimitOffsetCapsTheFillAndTheStopFractionMovesTheHardStop() {
    BarSeries bars = session(ARMING, BREAKOUT, bar(20_048, 20_050, 20_025, 20_030, 100), flat(20_030, 100));
    // Limit 0: the fill is the stop itself. stop_fraction 0.25: 20,040 - 10 = 20,030, reached by bar 33's low.
    SimulationResult result = run(bars, Map.of("limit_offset_ticks", "0", "stop_fraction", "0.25"));
    assertEquals(price(20_041), result.trades().entryPrice(0));
    assertEquals(bars.startMillis(33), result.trades().exitTimeMillis(0));
    assertEquals(price(20_029), result.trades().exitPrice(0), "the hard stop 20,030 less a tick of slippage");
  }

  @Test
  void aBreakoutOnLowVolumeIsNotTaken() {
    // The bar before the breakout closes at 20,038 on 150: not more than 1.5 × 100.
    BarSeries bars = session(bar(20_020, 20_039, 20_018, 20_038, 150), bar(20_038, 20_050, 20_037, 20_048, 150),
        bar(20_048, 20_085, 20_046, 20_080, 150), flat(20_080, 100));
    assertEquals(List.of(), decisions(bars, Map.of()));
    assertEquals(0, run(bars, Map.of()).trades().size());
    // Without the filter the same session trades.
    assertEquals(1, run(bars, Map.of("volume_mult", "0")).trades().size());
  }

  @Test
  void aGapThroughTheLimitDoesNotFill() {
    // Armed at bar 31 (stop 20,041, limit 20,043); bar 32 opens at 20,050 and never trades back to 20,042.
    BarSeries bars = session(ARMING, bar(20_050, 20_055, 20_046, 20_052, 400), flat(20_052, 100),
        bar(20_052, 20_090, 20_050, 20_088, 100), flat(20_088, 100));
    assertEquals(0, run(bars, Map.of()).trades().size());
    // Above the trigger the buy stop is not placed again (no chasing): bar 34's run-up to 20,090 buys nothing,
    // even with the volume filter off.
    assertEquals(0, run(bars, Map.of("volume_mult", "0", "direction", "long")).trades().size());
  }

  @Test
  void aPositionStillOpenAtTheRegularCloseIsClosedAtTheNextOpen() {
    List<int[]> rows = openingRange();
    rows.add(bar(20_020, 20_030, 20_010, 20_020, 100));
    rows.add(ARMING);
    rows.add(BREAKOUT);
    while (rows.size() < REGULAR_CLOSE_BAR) {
      rows.add(flat(20_060, 100));
    }
    rows.add(flat(20_062, 50)); // 15:15 CT: Globex only
    rows.add(flat(20_063, 50));
    BarSeries bars = session(rows);
    assertTrue(bars.isRegularHours(REGULAR_CLOSE_BAR - 1) && !bars.isRegularHours(REGULAR_CLOSE_BAR));
    SimulationResult result = run(bars, Map.of());
    assertEquals(1, result.trades().size());
    // Neither the stop 20,020 nor the target 20,081 is reached; the 15:14 bar ends the regular session: the exit
    // ordered at its close fills at the 15:15 open less a tick.
    assertEquals(bars.startMillis(REGULAR_CLOSE_BAR), result.trades().exitTimeMillis(0));
    assertEquals(price(20_061), result.trades().exitPrice(0));
  }

  @Test
  void maxTradesPerDayHoldsAfterAStoppedOutFirstTrade() {
    // Trade 1 fills at 20,042 on bar 32 and bar 33 stops it at 20,020 (out at 20,019). Bar 34 closes inside the
    // range on 500 (mean of bars 14-33: (17 × 100 + 300 + 400 + 200) / 20 = 130, × 1.5 = 195); bar 35 breaks out
    // again.
    BarSeries later = session(ARMING, BREAKOUT, bar(20_040, 20_041, 20_015, 20_025, 200),
        bar(20_025, 20_036, 20_024, 20_035, 500), bar(20_035, 20_050, 20_034, 20_049, 500), flat(20_049, 100));
    SimulationResult one = run(later, Map.of());
    assertEquals(1, one.trades().size());
    assertEquals(price(20_019), one.trades().exitPrice(0));
    SimulationResult two = run(later, Map.of("max_trades_per_day", "2"));
    assertEquals(2, two.trades().size());
    assertEquals(later.startMillis(35), two.trades().entryTimeMillis(1));
    assertEquals(price(20_042), two.trades().entryPrice(1));

    // Stopped out on its own entry bar: the strategy never sees the position, yet the trade counts.
    BarSeries sameBar = session(ARMING, bar(20_038, 20_045, 20_015, 20_025, 400),
        bar(20_025, 20_036, 20_024, 20_035, 500), bar(20_035, 20_050, 20_034, 20_049, 500), flat(20_049, 100));
    SimulationResult once = run(sameBar, Map.of());
    assertEquals(1, once.trades().size());
    assertEquals(sameBar.startMillis(32), once.trades().exitTimeMillis(0));
    assertEquals(price(20_019), once.trades().exitPrice(0));
    assertEquals(2, run(sameBar, Map.of("max_trades_per_day", "2")).trades().size());
  }

  @Test
  void theDailyLossLimitFlattensAtTheTrippingCloseRefusesTheNextBreakoutAndTradingResumesTheNextSession() {
    // Tuesday: the standard long fills at 20,042 on bar 32 (stop 20,020, target 20,081), then falls back into the
    // range without reaching the stop. Bar 33 closes at 20,031: 11 ticks down, -$13.75, short of the $15 limit.
    // Bar 34 closes at 20,029: 13 ticks down, -$16.25 <= -$15: flat at that close less a tick, 20,028.
    // Bar 35 reaches the stop (only the run without the limit still holds the long). Bar 36 closes inside the
    // range on 600 > 1.5 × 125, the mean of bars 16-35 being (14 × 100 + 100 + 300 + 400 + 3 × 100) / 20 = 125, and
    // bar 37 breaks out again: a second setup, allowed by max_trades_per_day 2.
    List<int[]> tuesday = rows(ARMING, BREAKOUT, bar(20_048, 20_049, 20_030, 20_031, 100),
        bar(20_031, 20_033, 20_028, 20_029, 100), bar(20_029, 20_030, 20_016, 20_022, 100),
        bar(20_022, 20_036, 20_021, 20_035, 600), bar(20_035, 20_050, 20_034, 20_049, 400), flat(20_049, 100));
    // Wednesday: the first test's winner again, from 20,042 to the target 20,081.
    List<int[]> wednesday = rows(ARMING, BREAKOUT, bar(20_048, 20_070, 20_046, 20_068, 200),
        bar(20_068, 20_085, 20_066, 20_080, 200), flat(20_080, 100));
    BarSeries bars = sessions(List.of(tuesday, wednesday));
    int day2 = tuesday.size();
    Map<String, String> params = Map.of("max_trades_per_day", "2");

    SimulationResult result = run(bars, params, LOSS_LIMIT, SMALL_ACCOUNT);
    assertEquals(2, result.trades().size(), "one trade a day: the limit's, then Wednesday's");
    assertEquals(bars.startMillis(32), result.trades().entryTimeMillis(0));
    assertEquals(price(20_042), result.trades().entryPrice(0));
    // The log stamps a fill at a bar's close with that bar's start time.
    assertEquals(bars.startMillis(34), result.trades().exitTimeMillis(0));
    assertEquals(price(20_028), result.trades().exitPrice(0));
    assertEquals(-14 * 1.25 - 2 * 0.62, result.trades().netPnl(0), 1e-9);
    assertEquals(SMALL_ACCOUNT - 14 * 1.25 - 2 * 0.62, result.equity().equity(0), 1e-9, "Tuesday's close");
    // Bar 37's breakout is not taken; Wednesday trades again.
    assertEquals(bars.startMillis(day2 + 32), result.trades().entryTimeMillis(1));
    assertEquals(price(20_042), result.trades().entryPrice(1));
    assertEquals(bars.startMillis(day2 + 34), result.trades().exitTimeMillis(1));
    assertEquals(price(20_081), result.trades().exitPrice(1));
    assertEquals(39 * 1.25 - 2 * 0.62, result.trades().netPnl(1), 1e-9);

    // Without the limit the long rides to its stop on bar 35 (20,020 less a tick) and bar 37's breakout buys.
    SimulationResult unlimited = run(bars, params, RiskRules.singleEntry(1), SMALL_ACCOUNT);
    assertEquals(3, unlimited.trades().size());
    assertEquals(bars.startMillis(35), unlimited.trades().exitTimeMillis(0));
    assertEquals(price(20_019), unlimited.trades().exitPrice(0));
    assertEquals(bars.startMillis(37), unlimited.trades().entryTimeMillis(1));
    assertEquals(price(20_042), unlimited.trades().entryPrice(1));
  }

  @Test
  void theRoundNumberTargetIsTheNextMultipleBeyondTheLimit() {
    // 25 points = 100 ticks: the next multiple above the limit 20,043 is 20,100 (5,025.00).
    BarSeries bars = session(ARMING, BREAKOUT, bar(20_048, 20_095, 20_046, 20_090, 200),
        bar(20_090, 20_101, 20_088, 20_099, 200), flat(20_099, 100));
    Map<String, String> params = Map.of("target", "round_number");
    assertEquals(List.of("31 buy STOP_LIMIT 20041 20043 stop 20020 target 20100"), decisions(bars, params));
    SimulationResult result = run(bars, params);
    assertEquals(price(20_042), result.trades().entryPrice(0));
    assertEquals(bars.startMillis(34), result.trades().exitTimeMillis(0));
    assertEquals(price(20_100), result.trades().exitPrice(0));
    // 5-point round numbers (20 ticks): 20,060.
    assertEquals(List.of("31 buy STOP_LIMIT 20041 20043 stop 20020 target 20060"),
        decisions(bars, Map.of("target", "round_number", "round_points", "5")));
  }

  @Test
  void theVwapBandTargetIsTheSessionsUpperOneSigmaBand() {
    // One-price bars (typical price = price): 6 bars at 20,000 and 24 at 20,040 on 100 each, then bar 30 at
    // 20,040 on 300 arms the order. Weights: 600 at 20,000, 2,700 at 20,040, so w = 2/11 at the low:
    // VWAP = 20,040 - 40w = 20,032.73, σ = 40 √(w(1 - w)) = 40 √18 / 11 = 15.43,
    // upper band = 20,040 + 40 (3√2 - 2) / 11 = 20,048.155 → 20,048 (toward the entry).
    List<int[]> rows = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      rows.add(flat(k < 6 ? 20_000 : 20_040, 100));
    }
    rows.add(flat(20_040, 300));
    rows.add(bar(20_040, 20_046, 20_040, 20_045, 300));
    rows.add(bar(20_045, 20_050, 20_044, 20_049, 200));
    rows.add(flat(20_049, 100));
    BarSeries bars = session(rows);
    double band = 20_040 + 40 * (3 * Math.sqrt(2) - 2) / 11;
    assertEquals(20_048, (int) Math.floor(band));
    Map<String, String> params = Map.of("target", "vwap_band");
    assertEquals(List.of("30 buy STOP_LIMIT 20041 20043 stop 20020 target 20048"), decisions(bars, params));
    SimulationResult result = run(bars, params);
    assertEquals(price(20_042), result.trades().entryPrice(0));
    assertEquals(bars.startMillis(32), result.trades().exitTimeMillis(0));
    assertEquals(price(20_048), result.trades().exitPrice(0));
    // The standard session's band sits inside the range: no reward beyond the limit, no order.
    assertEquals(List.of(), decisions(session(ARMING, BREAKOUT, flat(20_048, 100)), params));
  }

  @Test
  void shortsMirrorTheLongs() {
    // Bar 31 closes at 20,002 on 300: the sell stop 19,999 (limit 19,997) is nearer than the buy stop.
    BarSeries bars = session(bar(20_020, 20_022, 20_001, 20_002, 300), bar(20_002, 20_003, 19_990, 19_992, 400),
        bar(19_992, 19_994, 19_950, 19_955, 200), flat(19_955, 100));
    assertEquals(List.of("31 sell STOP_LIMIT 19999 19997 stop 20020 target 19959"), decisions(bars, Map.of()));
    assertEquals(List.of("31 buy STOP_LIMIT 20041 20043 stop 20020 target 20081"),
        decisions(bars, Map.of("direction", "long")), "long only: the buy side, however far");
    assertEquals(0, run(bars, Map.of("direction", "long")).trades().size());
    SimulationResult result = run(bars, Map.of());
    assertEquals(price(19_998), result.trades().entryPrice(0));
    assertEquals(price(19_959), result.trades().exitPrice(0));
  }

  @Test
  void changingBarsAfterADecisionNeverChangesTheOrdersUpToIt() {
    BarSeries original = session(ARMING, BREAKOUT, bar(20_048, 20_070, 20_046, 20_068, 200), flat(20_068, 100));
    BarSeries changed = session(ARMING, bar(19_990, 19_995, 19_950, 19_960, 5_000), flat(19_960, 9_000),
        flat(19_900, 9_000));
    for (Map<String, String> params : List.of(Map.<String, String>of(), Map.of("target", "vwap_band"),
        Map.of("target", "round_number", "volume_mult", "0"))) {
      List<String> before = RecordingOrders.decisions(compile(original, params), 31);
      assertEquals(before, RecordingOrders.decisions(compile(changed, params), 31), params.toString());
    }
    assertEquals(List.of("31 buy STOP_LIMIT 20041 20043 stop 20020 target 20081"),
        RecordingOrders.decisions(compile(original, Map.of()), 31));
  }

  @Test
  void refusesDailyBarsAndBadParameters() {
    BarSeries daily = BarSeries.builder(MES, BarInterval.DAILY)
        .add(TUESDAY_0830_CDT, 20_000, 20_010, 19_990, 20_005, 100, -1, -1, null).build();
    InputException intraday = assertThrows(InputException.class, () -> compile(daily, Map.of()));
    assertTrue(intraday.getMessage().contains("intraday"), intraday.getMessage());
    InputException offset = assertThrows(InputException.class,
        () -> Strategies.get(OpeningRangeBreakout.NAME).spec(Map.of("limit_offset_ticks", "-1")));
    assertTrue(offset.getMessage().contains("limit_offset_ticks=-1"), offset.getMessage());
  }
}
