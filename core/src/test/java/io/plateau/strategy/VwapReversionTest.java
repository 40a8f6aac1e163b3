package io.plateau.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.exec.RiskRules;
import io.plateau.exec.SimulationResult;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import io.plateau.util.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code vwap-reversion} on hand-built MES 1-minute sessions of Tuesday 2024-03-12 (regular open 08:30 CT), run
 * through the simulator with MES costs: 1 tick of slippage on stops and market orders, targets need a 1-tick
 * trade-through, one contract. Prices are in ticks (20,000 = 5,000.00).
 *
 * <p>The range-bound base (bars 0-39): bars alternating between 20,000 ± 4 (even) and 20,010 ± 4 (odd), closes at
 * the level, 100 contracts a bar of which 60 buy-aggressor (imbalance +0.2). Typical prices alternate 20,000 and
 * 20,010: after bar 39 VWAP = 20,005, σ = 5, the 2σ band 20,015 (the odd bars' highs, 20,014, stay under it).
 * ADX(14) stays low (up and down moves alternate).
 *
 * <p>The shooting star, bar 40: O 20,010 H 20,024 L 20,008 C 20,011, 100 contracts split 50/50 (imbalance 0 &lt;
 * 0.2). Its typical price 20,014.33 moves the sums: VWAP = 20,005 + 100 × 9.333 / 4,100 = 20,005.228,
 * σ² = (4,000 × 25 + 100 × 9.333²) / 4,100 − 0.228² = 26.463, σ = 5.144, upper band 20,015.52: the high touches it,
 * the close is back inside, the upper wick is 13 of a 16-tick range. The short's stop: 20,024 + 2 = 20,026; its
 * target: the VWAP rounded toward the entry, 20,006.
 */
class VwapReversionTest extends IntradaySessionTest {

  VwapReversionTest() {
    super(VwapReversion.NAME);
  }

  private static final int SIGNAL = 40;

  /** {open, high, low, close, volume, buy, sell}. */
  private static int[] bar(int open, int high, int low, int close, int volume, int buy, int sell) {
    return new int[] {open, high, low, close, volume, buy, sell};
  }

  private static int[] flat(int price) {
    return bar(price, price, price, price, 100, 50, 50);
  }

  private static List<int[]> base() {
    List<int[]> rows = new ArrayList<>();
    for (int k = 0; k < SIGNAL; k++) {
      int level = k % 2 == 0 ? 20_000 : 20_010;
      rows.add(bar(level, level + 4, level - 4, level, 100, 60, 40));
    }
    return rows;
  }

  private static final int[] SHOOTING_STAR = bar(20_010, 20_024, 20_008, 20_011, 100, 50, 50);

  /**
   * Row k of day d starts k minutes after 08:30 CT, d days after Tuesday (day 1: Wednesday's trading date);
   * {@code aggressor} false drops the buy/sell split.
   */
  private static BarSeries sessions(List<List<int[]>> days, boolean aggressor) {
    return sessions(days, (builder, start, r) -> builder.add(start, r[0], r[1], r[2], r[3], r[4],
        aggressor ? r[5] : -1, aggressor ? r[6] : -1, null));
  }

  /** Row k starts k minutes after 08:30 CT; {@code aggressor} false drops the buy/sell split. */
  private static BarSeries session(List<int[]> rows, boolean aggressor) {
    return sessions(List.of(rows), aggressor);
  }

  /** The base, the signal bar, then {@code more}. */
  private static List<int[]> rows(int[] signal, int[]... more) {
    List<int[]> rows = base();
    rows.add(signal);
    rows.addAll(List.of(more));
    return rows;
  }

  /** The base, the signal bar, then {@code more}. */
  private static BarSeries session(int[] signal, int[]... more) {
    return session(rows(signal, more), true);
  }

  private static final int[] DRIFT_DOWN = bar(20_011, 20_012, 20_007, 20_008, 100, 40, 60);
  private static final int[] TO_TARGET = bar(20_008, 20_009, 20_004, 20_005, 100, 40, 60);

  @Test
  void theFixtureIsRangeBoundAndTheShootingStarTouchesTheUpperBand() {
    BarSeries bars = session(SHOOTING_STAR, DRIFT_DOWN);
    IndicatorCache cache = new IndicatorCache(bars);
    double[][] vwap = cache.valuesUnsafe(IndicatorSpec.parse("vwap:2", "test"));
    assertEquals(price(20_005), vwap[0][SIGNAL - 1], 1e-9);
    assertEquals(price(20_015), vwap[1][SIGNAL - 1], 1e-9);
    double mean = 20_005 + 100 * (28.0 / 3) / 4_100; // the star's typical price is 20,014.33 = 20,005 + 28/3
    double variance = (4_000 * 25 + 100 * (28.0 / 3) * (28.0 / 3)) / 4_100 - (mean - 20_005) * (mean - 20_005);
    assertEquals(price(20_005) + 0.25 * 100 * 28.0 / 3 / 4_100, vwap[0][SIGNAL], 1e-9);
    assertEquals(0.25 * (mean + 2 * Math.sqrt(variance)), vwap[1][SIGNAL], 1e-9);
    assertEquals(20_006, (int) Math.ceil(mean));
    double adx = cache.firstUnsafe(IndicatorSpec.parse("adx:14", "test"))[SIGNAL];
    assertTrue(adx < 25, "ADX at the signal: " + adx);
  }

  @Test
  void aShootingStarAtTheUpperBandOnFadingBuyingShortsAtTheNextOpenAndExitsAtTheVwap() {
    BarSeries bars = session(SHOOTING_STAR, DRIFT_DOWN, TO_TARGET, flat(20_005));
    assertEquals(List.of("40 sell stop 20026 target 20006"), decisions(bars, Map.of()),
        "one market order at the star's close: stop 2 ticks above its high, target the VWAP");
    SimulationResult result = run(bars, Map.of());
    assertEquals(1, result.trades().size());
    // Market sell at bar 41's open 20,011 less a tick of slippage.
    assertEquals(bars.startMillis(41), result.trades().entryTimeMillis(0));
    assertEquals(price(20_010), result.trades().entryPrice(0));
    // Bar 41's low 20,007 does not trade through 20,006; bar 42's 20,004 does: out at the target, no slippage.
    assertEquals(bars.startMillis(42), result.trades().exitTimeMillis(0));
    assertEquals(price(20_006), result.trades().exitPrice(0));
    assertEquals(4 * 1.25 - 2 * 0.62, result.trades().netPnl(0), 1e-9);
  }

  @Test
  void theHardStopSitsTheOffsetBeyondTheReversalBarsHigh() {
    BarSeries bars = session(SHOOTING_STAR, bar(20_011, 20_027, 20_010, 20_020, 100, 70, 30), flat(20_020));
    SimulationResult result = run(bars, Map.of());
    assertEquals(bars.startMillis(41), result.trades().exitTimeMillis(0));
    assertEquals(price(20_027), result.trades().exitPrice(0), "the stop 20,026 plus a tick of slippage");
    assertEquals(List.of("40 sell stop 20029 target 20006"),
        decisions(bars, Map.of("stop_ticks_beyond", "5")).subList(0, 1));
  }

  /**
   * The shooting star mirrored around 20,005: O 20,000 H 20,002 L 19,986 C 19,999, 70 bought and 30 sold. Its
   * typical price 19,995.67 = 20,005 - 28/3 mirrors the star's, so VWAP = 20,005 - 100 × 9.333 / 4,100 = 20,004.772
   * with the same σ 5.144: the lower band is 19,994.48. The low touches it, the close is back inside, the lower
   * wick min(O, C) - L = 13 of a 16-tick range. The down move's imbalance (sell - buy) / volume = -0.4 is below the
   * base's -0.2: selling fades. The long's stop: 19,986 - 2 = 19,984; its target: the VWAP rounded toward the
   * entry (down), 20,004.
   */
  private static final int[] HAMMER = bar(20_000, 20_002, 19_986, 19_999, 100, 70, 30);
  private static final int[] DRIFT_UP = bar(19_999, 20_003, 19_998, 20_002, 100, 60, 40);

  @Test
  void aHammerAtTheLowerBandOnFadingSellingBuysAtTheNextOpenWithTheStopBelowItsLowAndTargetsTheVwap() {
    BarSeries bars = session(HAMMER, DRIFT_UP, bar(20_002, 20_006, 20_001, 20_005, 100, 60, 40), flat(20_005));
    double[][] vwap = new IndicatorCache(bars).valuesUnsafe(IndicatorSpec.parse("vwap:2", "test"));
    double mean = 20_005 - 100 * (28.0 / 3) / 4_100;
    double variance = (4_000 * 25 + 100 * (28.0 / 3) * (28.0 / 3)) / 4_100 - (20_005 - mean) * (20_005 - mean);
    assertEquals(0.25 * mean, vwap[0][SIGNAL], 1e-9);
    assertEquals(0.25 * (mean - 2 * Math.sqrt(variance)), vwap[2][SIGNAL], 1e-9);
    assertTrue(19_986 <= mean - 2 * Math.sqrt(variance) && 19_999 > mean - 2 * Math.sqrt(variance));
    assertEquals(20_004, (int) Math.floor(mean));

    assertEquals(List.of("40 buy stop 19984 target 20004"), decisions(bars, Map.of()),
        "one market order at the hammer's close: stop 2 ticks below its low, target the VWAP");
    assertEquals(List.of(), decisions(bars, Map.of("direction", "short")));
    SimulationResult result = run(bars, Map.of());
    assertEquals(1, result.trades().size());
    assertEquals(1, result.trades().side(0));
    // Market buy at bar 41's open 19,999 plus a tick of slippage.
    assertEquals(bars.startMillis(41), result.trades().entryTimeMillis(0));
    assertEquals(price(20_000), result.trades().entryPrice(0));
    // Bar 41's high 20,003 does not trade through 20,004; bar 42's 20,006 does: out at the target, no slippage.
    assertEquals(bars.startMillis(42), result.trades().exitTimeMillis(0));
    assertEquals(price(20_004), result.trades().exitPrice(0));
    assertEquals(4 * 1.25 - 2 * 0.62, result.trades().netPnl(0), 1e-9);

    // Bar 41 falls through the stop instead: sold at 19,984 less a tick, 17 ticks under the entry. (Its close
    // 19,990 is below the lower band, not back inside: no new signal.)
    BarSeries stopped = session(HAMMER, bar(19_999, 20_000, 19_983, 19_990, 100, 30, 70), flat(19_990));
    SimulationResult loss = run(stopped, Map.of());
    assertEquals(1, loss.trades().size());
    assertEquals(price(20_000), loss.trades().entryPrice(0));
    assertEquals(stopped.startMillis(41), loss.trades().exitTimeMillis(0));
    assertEquals(price(19_983), loss.trades().exitPrice(0));
    assertEquals(-17 * 1.25 - 2 * 0.62, loss.trades().netPnl(0), 1e-9);
  }

  @Test
  void maxTradesPerDayRefusesASecondSetupOnceTheCapIsReached() {
    // Trade 1: the star's short, 20,010 to the target 20,006 on bar 42. Bar 43 is a second star on net selling.
    // Typical prices from 20,005: the base's ±5, then 28/3 (star), 4 (bar 41), 1 (bar 42), 28/3 (bar 43):
    // VWAP = 20,005 + 100 × 23.667 / 4,400 = 20,005.538, σ² = (4,000 × 25 + 100 × 191.22) / 4,400 - 0.538² = 26.784,
    // upper band 20,005.538 + 2 × 5.175 = 20,015.89: the high 20,024 touches it, the close 20,011 is back inside.
    // Its imbalance -0.4 is below the mean of bars 38-42, (0.2 + 0.2 + 0 - 0.2 - 0.2) / 5 = 0. Stop 20,026,
    // target 20,006.
    int[] secondStar = bar(20_010, 20_024, 20_008, 20_011, 100, 30, 70);
    BarSeries bars = session(SHOOTING_STAR, DRIFT_DOWN, TO_TARGET, secondStar, DRIFT_DOWN, TO_TARGET, flat(20_005));
    SimulationResult one = run(bars, Map.of("max_trades_per_day", "1"));
    assertEquals(1, one.trades().size(), "the second star is refused: one order today already");
    assertEquals(bars.startMillis(42), one.trades().exitTimeMillis(0));
    assertEquals(price(20_006), one.trades().exitPrice(0));
    // The default cap, 2: the same star sells at bar 44's open 20,011 less a tick and covers at 20,006 on bar 45.
    SimulationResult two = run(bars, Map.of());
    assertEquals(2, two.trades().size());
    assertEquals(bars.startMillis(44), two.trades().entryTimeMillis(1));
    assertEquals(price(20_010), two.trades().entryPrice(1));
    assertEquals(bars.startMillis(45), two.trades().exitTimeMillis(1));
    assertEquals(price(20_006), two.trades().exitPrice(1));
  }

  @Test
  void theDailyLossLimitFlattensAtTheTrippingCloseRefusesTheNextStarAndTradingResumesTheNextSession() {
    // Tuesday: the star's short fills at 20,010 on bar 41 (stop 20,026, target 20,006), and price climbs without
    // reaching the stop. Bar 41 closes at 20,020: 10 ticks against, -$12.50, short of the $15 limit. Bar 42 closes
    // at 20,023: 13 ticks against, -$16.25 <= -$15: bought back at that close plus a tick, 20,024.
    // Bar 43 reaches the stop (only the run without the limit still holds the short); its close 20,021 is above the
    // upper band (20,018.93): no signal. Bar 44 is another star: typical prices from 20,005 are the base's ±5, then
    // 28/3, 12, 17, 53/3, 55/3: VWAP 20,006.652, σ 6.742, upper band 20,020.14; H 20,036 touches it, C 20,018 is
    // back inside, the wick 15 of 20, imbalance -0.4 below the mean of bars 39-43 (0.2 + 0 + 0 + 0 + 0) / 5.
    List<int[]> tuesday = rows(SHOOTING_STAR, bar(20_011, 20_021, 20_010, 20_020, 100, 50, 50),
        bar(20_020, 20_024, 20_019, 20_023, 100, 50, 50), bar(20_023, 20_027, 20_020, 20_021, 100, 50, 50),
        bar(20_021, 20_036, 20_016, 20_018, 100, 30, 70), bar(20_018, 20_019, 20_012, 20_013, 100, 50, 50),
        flat(20_013));
    // Wednesday: the standard winner, 20,010 to the VWAP 20,006.
    List<int[]> wednesday = rows(SHOOTING_STAR, DRIFT_DOWN, TO_TARGET, flat(20_005));
    BarSeries bars = sessions(List.of(tuesday, wednesday), true);
    int day2 = tuesday.size();

    SimulationResult result = run(bars, Map.of(), LOSS_LIMIT, SMALL_ACCOUNT);
    assertEquals(2, result.trades().size(), "one trade a day: the limit's, then Wednesday's");
    assertEquals(-1, result.trades().side(0));
    assertEquals(bars.startMillis(41), result.trades().entryTimeMillis(0));
    assertEquals(price(20_010), result.trades().entryPrice(0));
    // The log stamps a fill at a bar's close with that bar's start time.
    assertEquals(bars.startMillis(42), result.trades().exitTimeMillis(0));
    assertEquals(price(20_024), result.trades().exitPrice(0));
    assertEquals(-14 * 1.25 - 2 * 0.62, result.trades().netPnl(0), 1e-9);
    assertEquals(SMALL_ACCOUNT - 14 * 1.25 - 2 * 0.62, result.equity().equity(0), 1e-9, "Tuesday's close");
    // Bar 44's star is not taken; Wednesday trades again.
    assertEquals(bars.startMillis(day2 + 41), result.trades().entryTimeMillis(1));
    assertEquals(price(20_010), result.trades().entryPrice(1));
    assertEquals(bars.startMillis(day2 + 42), result.trades().exitTimeMillis(1));
    assertEquals(price(20_006), result.trades().exitPrice(1));
    assertEquals(4 * 1.25 - 2 * 0.62, result.trades().netPnl(1), 1e-9);

    // Without the limit the short rides to its stop on bar 43 (20,026 plus a tick) and bar 44's star sells at bar
    // 45's open 20,018 less a tick.
    SimulationResult unlimited = run(bars, Map.of(), RiskRules.singleEntry(1), SMALL_ACCOUNT);
    assertEquals(3, unlimited.trades().size());
    assertEquals(bars.startMillis(43), unlimited.trades().exitTimeMillis(0));
    assertEquals(price(20_027), unlimited.trades().exitPrice(0));
    assertEquals(bars.startMillis(45), unlimited.trades().entryTimeMillis(1));
    assertEquals(price(20_017), unlimited.trades().entryPrice(1));
  }

  @Test
  void noEntryWithoutAReversalCandle() {
    // Touches the band and closes inside it, but a bearish body: upper wick 20,024 - 20,020 = 4 of 16 (0.25).
    BarSeries bars = session(bar(20_020, 20_024, 20_008, 20_012, 100, 50, 50), DRIFT_DOWN, TO_TARGET,
        flat(20_005));
    assertEquals(List.of(), decisions(bars, Map.of()));
    assertEquals(0, run(bars, Map.of()).trades().size());
    // The candle filter is what refused it: a 0.25 wick ratio accepts the same bar.
    assertEquals(1, run(bars, Map.of("wick_ratio", "0.25")).trades().size());
    // A pin bar that closes back above the band is not back inside: no entry either.
    assertEquals(List.of(), decisions(session(bar(20_010, 20_040, 20_008, 20_018, 100, 50, 50), flat(20_018)),
        Map.of()));
  }

  @Test
  void noEntryWhenAggressiveBuyingDoesNotFade() {
    // Imbalance 0.6, and 0.2 (equal to the mean of the 5 bars before, not smaller): no entry.
    assertEquals(List.of(), decisions(session(bar(20_010, 20_024, 20_008, 20_011, 100, 80, 20), DRIFT_DOWN),
        Map.of()));
    assertEquals(List.of(), decisions(session(bar(20_010, 20_024, 20_008, 20_011, 100, 60, 40), DRIFT_DOWN),
        Map.of()));
    // Selling aggression on the star (imbalance -0.4) fades the up move.
    assertEquals(1, decisions(session(bar(20_010, 20_024, 20_008, 20_011, 100, 30, 70), DRIFT_DOWN), Map.of())
        .size());
  }

  @Test
  void noEntryWhileAdxIsAboveTheMaximum() {
    BarSeries bars = session(SHOOTING_STAR, DRIFT_DOWN, TO_TARGET, flat(20_005));
    double adx = new IndicatorCache(bars).firstUnsafe(IndicatorSpec.parse("adx:14", "test"))[SIGNAL];
    assertTrue(adx > 1, "ADX at the signal: " + adx);
    assertEquals(List.of(), decisions(bars, Map.of("adx_max", Double.toString(adx - 0.5))));
    assertEquals(0, run(bars, Map.of("adx_max", Double.toString(adx - 0.5))).trades().size());
    assertEquals(1, run(bars, Map.of("adx_max", Double.toString(adx + 0.5))).trades().size());
    assertEquals(1, run(bars, Map.of("adx_max", "0")).trades().size(), "0 turns the trend filter off");
  }

  @Test
  void barsWithoutAggressorVolumeAreRefusedUnlessNotRequired() {
    List<int[]> rows = base();
    rows.add(SHOOTING_STAR);
    rows.add(DRIFT_DOWN);
    rows.add(TO_TARGET);
    BarSeries bars = session(rows, false);
    InputException refused = assertThrows(InputException.class, () -> compile(bars, Map.of()));
    assertTrue(refused.getMessage().contains("aggressor") && refused.getMessage().contains("require_aggressor=false"),
        refused.getMessage());
    // Without the requirement the fading filter is skipped: the same star trades.
    assertEquals(List.of("40 sell stop 20026 target 20006"), decisions(bars, Map.of("require_aggressor", "false")));
  }

  @Test
  void aPositionStillOpenAtTheRegularCloseIsClosedAtTheNextOpen() {
    List<int[]> rows = base();
    rows.add(SHOOTING_STAR);
    while (rows.size() < REGULAR_CLOSE_BAR) {
      rows.add(flat(20_012)); // between the target 20,006 and the stop 20,026
    }
    rows.add(flat(20_012)); // 15:15 CT: Globex only
    rows.add(flat(20_012));
    BarSeries bars = session(rows, true);
    assertTrue(bars.isRegularHours(REGULAR_CLOSE_BAR - 1) && !bars.isRegularHours(REGULAR_CLOSE_BAR));
    SimulationResult result = run(bars, Map.of());
    assertEquals(1, result.trades().size());
    assertEquals(price(20_011), result.trades().entryPrice(0));
    // The 15:14 bar ends the regular session: the exit ordered at its close buys at the 15:15 open plus a tick.
    assertEquals(bars.startMillis(REGULAR_CLOSE_BAR), result.trades().exitTimeMillis(0));
    assertEquals(price(20_013), result.trades().exitPrice(0));
    assertEquals(List.of("40 sell stop 20026 target 20006", (REGULAR_CLOSE_BAR - 1) + " exit"),
        decisions(bars, Map.of()));
  }

  @Test
  void changingBarsAfterADecisionNeverChangesTheOrdersUpToIt() {
    BarSeries original = session(SHOOTING_STAR, DRIFT_DOWN, TO_TARGET, flat(20_005));
    BarSeries changed = session(SHOOTING_STAR, bar(20_030, 20_060, 20_030, 20_055, 9_000, 9_000, 0),
        flat(20_060), flat(20_070));
    for (Map<String, String> params : List.of(Map.<String, String>of(), Map.of("adx_max", "0", "band_sigma", "1"))) {
      assertEquals(RecordingOrders.decisions(compile(original, params), SIGNAL),
          RecordingOrders.decisions(compile(changed, params), SIGNAL), params.toString());
    }
  }

  @Test
  void refusesDailyBarsAndBadParameters() {
    BarSeries daily = BarSeries.builder(MES, BarInterval.DAILY)
        .add(TUESDAY_0830_CDT, 20_000, 20_010, 19_990, 20_005, 100, 60, 40, null).build();
    InputException intraday = assertThrows(InputException.class, () -> compile(daily, Map.of()));
    assertTrue(intraday.getMessage().contains("intraday"), intraday.getMessage());
    InputException wick = assertThrows(InputException.class,
        () -> Strategies.get(VwapReversion.NAME).spec(Map.of("wick_ratio", "2")));
    assertTrue(wick.getMessage().contains("wick_ratio=2"), wick.getMessage());
  }
}
