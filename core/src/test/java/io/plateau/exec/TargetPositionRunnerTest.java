package io.plateau.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.strategy.SmaCross;
import io.plateau.strategy.Strategies;
import io.plateau.strategy.StrategyDefinition;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fast path gives exactly what the general simulator gives, for the strategies it serves. */
class TargetPositionRunnerTest {

  @Test
  void smaCrossTargetsMatchTheSimulatorTradeForTradeAndDayForDay() {
    LocalDate from = LocalDate.of(2023, 1, 2);
    LocalDate to = LocalDate.of(2023, 2, 28);
    BarSeries bars = SyntheticMarket.create(InstrumentCatalog.builtIn(), SyntheticConfig.builtIn(), 9, from, to)
        .generate("M2K", from, to);
    IndicatorCache cache = new IndicatorCache(bars);
    CostModel costs = CostModel.of(bars.instrument());
    StrategyDefinition definition = Strategies.get(SmaCross.NAME);
    byte[] targets = new byte[bars.size()];
    int compared = 0;
    for (String direction : new String[] {"long", "short", "both"}) {
      for (int[] pair : new int[][] {{5, 30}, {20, 120}, {60, 240}}) {
        SimulationResult general = new Simulator(bars, costs, new Sizing.Fixed(2), RiskRules.singleEntry(2), 50_000)
            .run(definition.compile(definition.spec(Map.of("fast", "" + pair[0], "slow", "" + pair[1],
                "direction", direction)), bars, cache));
        SmaCross.targets(cache.firstUnsafe(IndicatorSpec.parse("sma:" + pair[0], "x")),
            cache.firstUnsafe(IndicatorSpec.parse("sma:" + pair[1], "x")), pair[1], direction, targets);
        TargetPositionRunner runner = new TargetPositionRunner(bars, costs, 2, 50_000);
        SimulationResult fast = runner.run(targets);
        String what = direction + " " + pair[0] + "/" + pair[1];
        assertEquals(general.trades().size(), fast.trades().size(), what);
        for (int t = 0; t < general.trades().size(); t++) {
          assertEquals(general.trades().entryTimeMillis(t), fast.trades().entryTimeMillis(t), what + " trade " + t);
          assertEquals(general.trades().exitTimeMillis(t), fast.trades().exitTimeMillis(t), what + " trade " + t);
          assertEquals(general.trades().netPnl(t), fast.trades().netPnl(t), 1e-9, what + " trade " + t);
          assertEquals(general.trades().mae(t), fast.trades().mae(t), 1e-9, what + " trade " + t);
          assertEquals(general.trades().mfe(t), fast.trades().mfe(t), 1e-9, what + " trade " + t);
        }
        assertArrayEquals(general.equity().equityUnsafe(), fast.equity().equityUnsafe(), 1e-6, what);
        assertEquals(general.barsInMarket(), fast.barsInMarket(), what);
        assertEquals(general.maxBarDrawdown(), fast.maxBarDrawdown(), 1e-6, what);
        double[] figures = new double[3];
        runner.netProfitAndDrawdown(targets, figures);
        assertEquals(fast.equity().endingEquity() - 50_000, figures[0], 1e-6, what);
        assertEquals(fast.trades().size(), (int) figures[2], what);
        compared += general.trades().size();
      }
    }
    assertTrue(compared > 100, "trades compared: " + compared);
  }
}
