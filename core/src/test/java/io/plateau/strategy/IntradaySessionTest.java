package io.plateau.strategy;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.exec.AddPolicy;
import io.plateau.exec.CostModel;
import io.plateau.exec.RiskRules;
import io.plateau.exec.SimulationResult;
import io.plateau.exec.Simulator;
import io.plateau.exec.Sizing;
import io.plateau.indicator.IndicatorCache;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the session tests of seed 001's intraday strategies share: hand-built MES 1-minute sessions from Tuesday
 * 2024-03-12 08:30 CT, and the strategy under test compiled on them, run through the simulator (MES costs, one
 * contract) or its decisions recorded.
 */
abstract class IntradaySessionTest {

  static final Instrument MES = InstrumentCatalog.builtIn().get("MES");
  static final long TUESDAY_0830_CDT = Instant.parse("2024-03-12T13:30:00Z").toEpochMilli();
  /** 15:15 CT: the first bar after regular hours. */
  static final int REGULAR_CLOSE_BAR = 405;
  static final long DAY_MILLIS = 86_400_000L;
  /**
   * Seed 001's daily loss limit, 1.5%, on a $1,000 account: 1.5% of $1,000 = $15 = 12 MES ticks of $1.25 on one
   * contract, so a close 12 or more ticks against the entry fill flattens the position.
   */
  static final RiskRules LOSS_LIMIT = new RiskRules(1, 1, AddPolicy.ONLY_IN_PROFIT, 0.015);
  static final double SMALL_ACCOUNT = 1_000;

  /** How a test's row ({open, high, low, close, …}, in ticks) becomes a bar starting at {@code startMillis}. */
  @FunctionalInterface
  interface RowLayout {
    void add(BarSeries.Builder builder, long startMillis, int[] row);
  }

  private final String strategy;

  IntradaySessionTest(String strategy) {
    this.strategy = strategy;
  }

  /** Row k of day d starts k minutes after 08:30 CT, d days after Tuesday (day 1: Wednesday's trading date). */
  static BarSeries sessions(List<List<int[]>> days, RowLayout layout) {
    BarSeries.Builder builder = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    for (int d = 0; d < days.size(); d++) {
      List<int[]> rows = days.get(d);
      for (int k = 0; k < rows.size(); k++) {
        layout.add(builder, TUESDAY_0830_CDT + d * DAY_MILLIS + k * 60_000L, rows.get(k));
      }
    }
    return builder.build();
  }

  static double price(int ticks) {
    return ticks * MES.tickSize();
  }

  Strategy compile(BarSeries bars, Map<String, String> params) {
    StrategyDefinition definition = Strategies.get(strategy);
    return definition.compile(definition.spec(params), bars, new IndicatorCache(bars));
  }

  SimulationResult run(BarSeries bars, Map<String, String> params) {
    return run(bars, params, CostModel.of(MES));
  }

  SimulationResult run(BarSeries bars, Map<String, String> params, CostModel costs) {
    return run(bars, params, costs, RiskRules.singleEntry(1), 10_000);
  }

  SimulationResult run(BarSeries bars, Map<String, String> params, RiskRules risk, double startingCapital) {
    return run(bars, params, CostModel.of(MES), risk, startingCapital);
  }

  SimulationResult run(BarSeries bars, Map<String, String> params, CostModel costs, RiskRules risk,
      double startingCapital) {
    return new Simulator(bars, costs, new Sizing.Fixed(1), risk, startingCapital).run(compile(bars, params));
  }

  List<String> decisions(BarSeries bars, Map<String, String> params) {
    return RecordingOrders.decisions(compile(bars, params), bars.size() - 1);
  }
}
