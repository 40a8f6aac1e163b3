package io.plateau.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.strategy.SmaCross;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The blocked grid gives, set for set, the figures of the per-set fast path (itself held equal to the simulator). */
class SmaCrossGridTest {

  @Test
  void blockedEvaluationMatchesThePerSetPath() {
    LocalDate from = LocalDate.of(2023, 1, 2);
    LocalDate to = LocalDate.of(2023, 1, 31);
    BarSeries bars = SyntheticMarket.create(InstrumentCatalog.builtIn(), SyntheticConfig.builtIn(), 21, from, to)
        .generate("MES", from, to);
    assertGridMatchesThePerSetPath(bars);
  }

  /** Flat stretches make the averages exactly equal, before and after the first crossing: "no side" and "no cross". */
  @Test
  void equalAveragesNeitherCrossNorTrade() {
    BarSeries.Builder builder = BarSeries.builder(InstrumentCatalog.builtIn().get("MES"), BarInterval.ONE_MINUTE);
    long start = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
    int price = 20_000;
    for (int i = 0; i < 12_000; i++) {
      int phase = (i / 700) % 4;
      price += phase == 1 ? 1 : phase == 3 ? -1 : 0;
      builder.add(start + i * 60_000L, price, price + 1, price - 1, price, 10, -1, -1, null);
    }
    assertGridMatchesThePerSetPath(builder.build());
  }

  private static void assertGridMatchesThePerSetPath(BarSeries bars) {
    IndicatorCache cache = new IndicatorCache(bars);
    // Slow windows beyond one block (1,024 bars) too, so that sets start inside later blocks.
    int[][] sets = {{3, 10}, {5, 60}, {20, 200}, {50, 1500}, {100, 3000}, {7, 8}};
    int[] fastWindows = new int[sets.length];
    int[] slowWindows = new int[sets.length];
    for (int s = 0; s < sets.length; s++) {
      fastWindows[s] = sets[s][0];
      slowWindows[s] = sets[s][1];
    }
    CostModel costs = CostModel.of(bars.instrument());
    SmaCrossGrid grid = new SmaCrossGrid(bars, costs, 3, 40_000);
    int days = grid.dayEndsUnsafe().length;
    for (String direction : new String[] {"long", "short", "both"}) {
      SmaCrossGrid.Output out = new SmaCrossGrid.Output(sets.length, days);
      grid.evaluate(fastWindows, slowWindows, !direction.equals("short"), !direction.equals("long"), out);
      TargetPositionRunner runner = new TargetPositionRunner(bars, costs, 3, 40_000);
      byte[] targets = new byte[bars.size()];
      double[] expected = new double[3];
      for (int s = 0; s < sets.length; s++) {
        // The per-set path takes the averages from the indicator cache: the grid's own averages must match them.
        double[] fast = cache.firstUnsafe(IndicatorSpec.parse("sma:" + sets[s][0], "x"));
        double[] slow = cache.firstUnsafe(IndicatorSpec.parse("sma:" + sets[s][1], "x"));
        SmaCross.targets(fast, slow, sets[s][1], direction, targets);
        runner.netProfitAndDrawdown(targets, expected);
        String what = direction + " " + sets[s][0] + "/" + sets[s][1];
        assertEquals(expected[0], out.netProfit[s], 1e-6, what + " net profit");
        assertEquals(expected[1], out.maxDrawdown[s], 1e-6, what + " drawdown");
        assertEquals(expected[2], out.trades[s], 0, what + " trades");
        // The detail: trades and daily equity as the runner (held equal to the simulator) reports them.
        SimulationResult full = runner.run(targets);
        assertEquals(days, full.equity().size(), what + " days");
        for (int d = 0; d < days; d++) {
          assertEquals(full.equity().equity(d), out.dayEquity[s][d], 1e-6, what + " equity on day " + d);
        }
        assertEquals(full.trades().size(), out.trades[s], what + " trade count");
        int[] endOfDay = grid.dayEndsUnsafe();
        for (int t = 0; t < full.trades().size(); t++) {
          assertEquals(full.trades().netPnl(t), out.tradeNetPnl(s, t), 1e-6, what + " trade " + t);
          int exitBar = bars.indexAtOrAfter(full.trades().exitTimeMillis(t));
          int day = out.tradeExitDay(s, t);
          assertTrue(endOfDay[day] >= exitBar && (day == 0 || endOfDay[day - 1] < exitBar), what + " exit day");
        }
      }
    }
  }
}
