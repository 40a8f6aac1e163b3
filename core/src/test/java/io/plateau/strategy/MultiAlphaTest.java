package io.plateau.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.exec.AddPolicy;
import io.plateau.exec.CostModel;
import io.plateau.exec.RiskRules;
import io.plateau.exec.SimulationResult;
import io.plateau.exec.Simulator;
import io.plateau.exec.Sizing;
import io.plateau.exec.TradeLog;
import io.plateau.indicator.IndicatorCache;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.InputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The multi-alpha structure on hand-built daily MES bars with two sma-cross models: {@code a} (fast 1, slow 3) and
 * {@code b} (fast 2, slow 3), both long only. Prices are ticks; no slippage, MES costs ($0.62 a side).
 */
class MultiAlphaTest {

  private static final String TWO_TRENDS = "multi-alpha[a=sma-cross,b=sma-cross]";
  private static final long FIRST_DAY = Instant.parse("2024-01-01T23:00:00Z").toEpochMilli();

  /**
   * Bar 4's close crosses a's fast SMA (110) above its slow one (avg 100, 90, 110 = 100): a buys at bar 5's open,
   * 110. Bar 5 closes at 108: a holds (108 > avg 90, 110, 108 = 102.67) and b's fast SMA (avg 110, 108 = 109)
   * crosses above its slow one (102.67; at bar 4 they were equal at 100, at bar 3 below): b wants to buy while the
   * position is 2 ticks under water. Bar 6 opens at 108 and closes at 112 (a: 112 > 110, b: 110 = 110, no cross).
   * Bar 7's close of 100 crosses both below (a: 100 < 106.67; b: avg 112, 100 = 106 < 106.67): both sell at bar
   * 8's open, 100.
   */
  private static BarSeries addAgainstTheLoss() {
    int[][] openClose = {{100, 100}, {100, 100}, {100, 100}, {90, 90}, {110, 110}, {110, 108}, {108, 112},
        {100, 100}, {100, 100}, {100, 100}};
    BarSeries.Builder builder = BarSeries.builder(InstrumentCatalog.builtIn().get("MES"), BarInterval.DAILY);
    for (int i = 0; i < openClose.length; i++) {
      int open = openClose[i][0];
      int close = openClose[i][1];
      builder.add(FIRST_DAY + i * 86_400_000L, open, Math.max(open, close), Math.min(open, close), close, 100, -1,
          -1, null);
    }
    return builder.build();
  }

  private static Map<String, String> twoTrends(String... more) {
    Map<String, String> params = new HashMap<>(Map.of("a_fast", "1", "a_slow", "3", "b_fast", "2", "b_slow", "3"));
    for (int i = 0; i < more.length; i += 2) {
      params.put(more[i], more[i + 1]);
    }
    return params;
  }

  private static SimulationResult simulate(BarSeries bars, Map<String, String> params, AddPolicy riskAdds,
      double dailyLossLimit, double capital) {
    StrategyDefinition definition = Strategies.get(TWO_TRENDS);
    Strategy kernel = definition.compile(definition.spec(params), bars, new IndicatorCache(bars));
    CostModel costs = CostModel.of(bars.instrument()).withSlippageTicks(0);
    return new Simulator(bars, costs, new Sizing.Fixed(1), new RiskRules(10, 20, riskAdds, dailyLossLimit), capital)
        .run(kernel);
  }

  /** Each closed trade as "model entry-number contracts entry-price exit-price exit-bar". */
  private static List<String> trades(SimulationResult result, BarSeries bars) {
    List<String> rows = new ArrayList<>();
    TradeLog log = result.trades();
    for (int t = 0; t < log.size(); t++) {
      rows.add(log.model(t) + " #" + log.entryNumber(t) + " x" + log.contracts(t) + " " + log.entryPrice(t) + " "
          + log.exitPrice(t) + " bar " + bars.indexAtOrAfter(log.exitTimeMillis(t)));
    }
    return rows;
  }

  @Test
  void pyramidRefusesAnAddWhileThePositionIsLosingAndAverageDownTakesIt() {
    BarSeries bars = addAgainstTheLoss();
    // Ticks of 0.25 points: 110 ticks = 27.50. a (model 0) enters 1 contract (a random-value model's minimum).
    assertEquals(List.of("0 #1 x1 27.5 25.0 bar 8"),
        trades(simulate(bars, twoTrends(), AddPolicy.ALSO_AGAINST, 0, 25_000), bars),
        "pyramid (the default): b's signal at bar 5 is refused, the position being 2 ticks down at 108");
    assertEquals(List.of("0 #1 x1 27.5 25.0 bar 8", "1 #2 x1 27.0 25.0 bar 8"),
        trades(simulate(bars, twoTrends("add_policy", "average-down"), AddPolicy.ALSO_AGAINST, 0, 25_000), bars),
        "average-down: b adds its second entry at bar 6's open, 108 ticks = 27.00; exits close model by model");
    assertEquals(List.of("0 #1 x1 27.5 25.0 bar 8"),
        trades(simulate(bars, twoTrends("add_policy", "average-down"), AddPolicy.ONLY_IN_PROFIT, 0, 25_000), bars),
        "the account's risk rules still refuse what the strategy allows");
  }

  @Test
  void theDailyLossLimitFlattensEveryModelAtTheClose() {
    BarSeries bars = addAgainstTheLoss();
    // $500 and 1.5%: bar 7 starts at 500 + (112 - 110) + (112 - 108) = 6 ticks = $507.50 and closes at 100, down
    // (10 + 8) ticks = $22.50, beyond 1.5% of 507.50 = $7.61: flat at bar 7's close instead of bar 8's open.
    assertEquals(List.of("1 #2 x1 27.0 25.0 bar 7", "0 #1 x1 27.5 25.0 bar 7"),
        trades(simulate(bars, twoTrends("add_policy", "average-down"), AddPolicy.ALSO_AGAINST, 0.015, 500), bars));
  }

  @Test
  void aContractsPatternFixesEachEntrysContracts() {
    BarSeries bars = addAgainstTheLoss();
    assertEquals(List.of("0 #1 x4 27.5 25.0 bar 8", "1 #2 x1 27.0 25.0 bar 8"),
        trades(simulate(bars, twoTrends("add_policy", "average-down", "contracts_per_entry", "4-1"),
            AddPolicy.ALSO_AGAINST, 0, 25_000), bars));
    assertEquals(List.of("0 #1 x4 27.5 25.0 bar 8"),
        trades(simulate(bars, twoTrends("add_policy", "average-down", "contracts_per_entry", "4"),
            AddPolicy.ALSO_AGAINST, 0, 25_000), bars), "a pattern of one number allows one entry");
    assertEquals(List.of("0 #1 x4 27.5 25.0 bar 8", "1 #2 x2 27.0 25.0 bar 8"),
        trades(simulate(bars, twoTrends("add_policy", "average-down", "contracts_per_entry", "4-3",
            "max_contracts", "6"), AddPolicy.ALSO_AGAINST, 0, 25_000), bars), "C6: the add is cut to 6 - 4 = 2");
  }

  /** Closed entries of model {@code model} as the position's first, net {@code perContract} dollars each. */
  private static void record(TradeLog log, int model, double... perContract) {
    for (double net : perContract) {
      log.add(0, 1, 1, 2, 100, 100, 2 * net + 2.48, 2.48, 0, 0, 0, model, 1);
    }
  }

  /** The first order of {@code composition} on {@link #addAgainstTheLoss()} (bar 4), {@code closed} its record. */
  private static String firstOrder(String composition, Map<String, String> params, ClosedTrades closed) {
    BarSeries bars = addAgainstTheLoss();
    StrategyDefinition definition = Strategies.get(composition);
    Strategy kernel = definition.compile(definition.spec(params), bars, new IndicatorCache(bars));
    return RecordingOrders.decisions(kernel, bars.size() - 1, closed).get(0);
  }

  @Test
  void sizingFollowsTheModelsRecordWithinItsRange() {
    Map<String, String> twoToEight = twoTrends("a_min_contracts", "2", "a_max_contracts", "8", "max_contracts", "10");
    assertEquals("4 buy 2", firstOrder(TWO_TRENDS, twoToEight, new TradeLog()), "no record yet: the minimum");

    // Five steady winners, $10 ± $1 per contract (sample sd 1): t = 10 / (1 / √5) = 22.4, 2Φ(t) − 1 = 1: the
    // maximum.
    TradeLog good = new TradeLog();
    record(good, 0, 9, 11, 10, 9, 11);
    assertEquals("4 buy 8", firstOrder(TWO_TRENDS, twoToEight, good));

    // Mixed: +30, −20, +25, −15, +10: mean 6, sample sd 22.75, t = 6 / (22.75 / √5) = 0.590, Φ = 0.7223,
    // s = 0.4447: 2 + round(0.4447 × 6) = 2 + 3 = 5 (checked with scipy.stats.norm).
    TradeLog mixed = new TradeLog();
    record(mixed, 0, 30, -20, 25, -15, 10);
    assertEquals("4 buy 5", firstOrder(TWO_TRENDS, twoToEight, mixed));

    // The same model turning bad: its last five (lookback 5) lose, so it is back to its minimum.
    TradeLog turned = new TradeLog();
    record(turned, 0, 9, 11, 10, 9, 11, -5, -8, -3, -6, -4);
    assertEquals("4 buy 2", firstOrder(TWO_TRENDS, twoTrends("a_min_contracts", "2", "a_max_contracts", "8",
        "max_contracts", "10", "lookback", "5"), turned));
    assertEquals("4 buy 6", firstOrder(TWO_TRENDS, twoToEight, turned), "over all ten (lookback 20) the mean is "
        + "2.4, sd 8.14: t = 2.4 / (8.14 / √10) = 0.932, s = 0.649: 2 + round(3.89) = 6");

    // Four winners are below min_history 5: still the minimum. Another model's record does not count for a.
    TradeLog young = new TradeLog();
    record(young, 0, 9, 11, 10, 9);
    record(young, 1, 9, 11, 10, 9, 11);
    assertEquals("4 buy 2", firstOrder(TWO_TRENDS, twoToEight, young));
  }

  @Test
  void theEntryNumbersRecordCapsAModelsGoodRecord() {
    // a's five winners were all second entries; first entries (of model b) lost: a's first entry gets its minimum.
    TradeLog log = new TradeLog();
    for (double net : new double[] {9, 11, 10, 9, 11}) {
      log.add(0, 1, 1, 1, 100, 100, net + 1.24, 1.24, 0, 0, 0, 0, 2);
    }
    record(log, 1, -5, -8, -3, -6, -4);
    assertEquals("4 buy 2", firstOrder(TWO_TRENDS, twoTrends("a_min_contracts", "2", "a_max_contracts", "8"), log));
  }

  @Test
  void whenTwoModelsSignalTogetherTheBetterRecordWins() {
    // Bar 3 at 90 then 110: a crosses at bar 4; so does a second a-like model c (fast 1, slow 2: 110 > 100).
    String twins = "multi-alpha[a=sma-cross,c=sma-cross]";
    Map<String, String> params = Map.of("a_fast", "1", "a_slow", "3", "c_fast", "1", "c_slow", "2");
    assertEquals("4 buy 1", firstOrder(twins, params, new TradeLog()), "no records: the first model, a");
    TradeLog cEarned = new TradeLog();
    record(cEarned, 1, 9, 11, 10, 9, 11);
    assertEquals("4 model 1 buy 3", firstOrder(twins, params, cEarned));
  }

  @Test
  void compositionsNameTheirModelsAndPrefixTheirParameters() {
    StrategyDefinition defaults = Strategies.get(MultiAlpha.NAME);
    List<String> names = defaults.parameters().stream().map(Param::name).toList();
    assertTrue(names.containsAll(List.of("max_entries", "max_contracts", "add_policy", "contracts_per_entry",
        "orb_min_contracts", "orb_range_minutes", "vwap_band_sigma", "delta_lookback")), names.toString());
    StrategySpec spec = defaults.spec(Map.of());
    assertEquals("6", spec.text("max_entries"));
    assertEquals("6", spec.text("max_contracts"));
    assertEquals("pyramid", spec.text("add_policy"));
    assertEquals(List.of("1", "3", "2", "6"), List.of(spec.text("orb_min_contracts"), spec.text("orb_max_contracts"),
        spec.text("vwap_min_contracts"), spec.text("vwap_max_contracts")), "random value 1-3, cyclic value 2-6");

    StrategyDefinition spaced = Strategies.get("multi-alpha[ trend=sma-cross, fade=bollinger-reversion]");
    assertEquals("multi-alpha[trend=sma-cross,fade=bollinger-reversion]", spaced.name());
    assertEquals("trend: fast must be below slow",
        assertThrows(InputException.class, () -> spaced.spec(Map.of("trend_fast", "300"))).getMessage()
            .replaceAll(" \\(.*", "").replaceFirst("^[^:]*: ", ""));
  }

  @Test
  void badCompositionsAndParametersAreRefusedSayingWhy() {
    assertEquals("strategy 'multi-alpha[a=sma-cross,a=orb]': the label 'a' repeats",
        assertThrows(InputException.class, () -> Strategies.get("multi-alpha[a=sma-cross,a=orb]")).getMessage());
    assertTrue(assertThrows(InputException.class, () -> Strategies.get("multi-alpha[a=sma]")).getMessage()
        .startsWith("unknown strategy 'sma'; known: sma-cross,"));
    assertTrue(assertThrows(InputException.class, () -> Strategies.get("multi-alpha[A=orb]")).getMessage()
        .contains("model 'A=orb' is not label=strategy; expected multi-alpha[label=strategy,...]"));
    assertEquals("strategy 'multi-alpha[m=multi-alpha]': a model cannot be a multi-alpha strategy itself",
        assertThrows(InputException.class, () -> Strategies.get("multi-alpha[m=multi-alpha]")).getMessage());
    StrategyDefinition definition = Strategies.get(TWO_TRENDS);
    assertTrue(assertThrows(InputException.class, () -> definition.spec(Map.of("contracts_per_entry", "1-0-2")))
        .getMessage().contains("contracts_per_entry=1-0-2 must be adaptive or contracts per entry number joined by "
            + "'-', e.g. 1-2-3-4"));
    assertTrue(assertThrows(InputException.class, () -> definition.spec(Map.of("a_max_contracts", "0",
        "b_max_contracts", "0"))).getMessage().contains("every model is off (max_contracts 0); switch one on"));
    assertTrue(assertThrows(InputException.class, () -> definition.spec(Map.of("a_min_contracts", "4")))
        .getMessage().contains("a_min_contracts must not exceed a_max_contracts"));
  }

  @Test
  void aModelSwitchedOffIsNotCompiledSoItsDataNeedsDoNotApply() {
    // Daily bars have no aggressor volume: delta-divergence refuses them, unless it is switched off.
    BarSeries bars = addAgainstTheLoss();
    StrategyDefinition definition = Strategies.get("multi-alpha[a=sma-cross,delta=delta-divergence]");
    Map<String, String> params = new HashMap<>(Map.of("a_fast", "1", "a_slow", "3"));
    assertThrows(InputException.class,
        () -> definition.compile(definition.spec(params), bars, new IndicatorCache(bars)));
    params.put("delta_max_contracts", "0");
    params.put("delta_min_contracts", "0");
    assertEquals(List.of("a", "delta"),
        definition.compile(definition.spec(params), bars, new IndicatorCache(bars)).models());
    assertEquals("4 buy 1", firstOrder(definition.name(), params, new TradeLog()));
  }

  @Test
  void closedTradesBeforeABarDoNotDependOnLaterBars() {
    LocalDate from = LocalDate.of(2022, 10, 3);
    LocalDate to = LocalDate.of(2022, 10, 21);
    BarSeries original = SyntheticMarket.create(InstrumentCatalog.builtIn(), SyntheticConfig.builtIn(), 5, from, to)
        .generate("MES", from, to);
    BarSeries other = SyntheticMarket.create(InstrumentCatalog.builtIn(), SyntheticConfig.builtIn(), 6, from, to)
        .generate("MES", from, to);
    StrategyDefinition definition = Strategies.get(MultiAlpha.NAME);
    StrategySpec spec = definition.spec(Map.of("add_policy", "average-down", "orb_volume_mult", "0",
        "vwap_band_sigma", "1", "vwap_adx_max", "0", "min_history", "2", "lookback", "4"));
    CostModel costs = CostModel.of(original.instrument());
    RiskRules risk = new RiskRules(6, 10, AddPolicy.ALSO_AGAINST, 0.015);
    int t = original.size() * 2 / 3;
    BarSeries spliced = LookAheadTest.splice(original, other, t);
    TradeLog before = new Simulator(original, costs, new Sizing.Fixed(1), risk, 10_000)
        .run(definition.compile(spec, original, new IndicatorCache(original))).trades();
    TradeLog after = new Simulator(spliced, costs, new Sizing.Fixed(1), risk, 10_000)
        .run(definition.compile(spec, spliced, new IndicatorCache(spliced))).trades();
    long cut = original.startMillis(t);
    List<String> closedBefore = closedUpTo(before, cut);
    assertEquals(closedBefore, closedUpTo(after, cut));
    assertTrue(closedBefore.size() >= 10, "trades compared: " + closedBefore);
    assertTrue(closedBefore.stream().anyMatch(row -> !row.contains(" x1 ")), "some entries sized above 1: "
        + closedBefore);
  }

  private static List<String> closedUpTo(TradeLog log, long cut) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      if (log.exitTimeMillis(i) <= cut) {
        rows.add(log.model(i) + " #" + log.entryNumber(i) + " x" + log.contracts(i) + " " + log.entryTimeMillis(i)
            + " " + log.entryPrice(i) + " " + log.exitPrice(i));
      }
    }
    return rows;
  }
}
