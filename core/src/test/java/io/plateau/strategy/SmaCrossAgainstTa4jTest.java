package io.plateau.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.exec.CostModel;
import io.plateau.exec.RiskRules;
import io.plateau.exec.SimulationResult;
import io.plateau.exec.Simulator;
import io.plateau.exec.Sizing;
import io.plateau.exec.TradeLog;
import io.plateau.indicator.IndicatorCache;
import io.plateau.instrument.InstrumentCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Long-only {@code sma-cross} with next-open fills and no costs makes exactly the trades ta4j 0.16 makes with its
 * crossed-up / crossed-down rules and {@code TradeOnNextOpenModel}, on synthetic MES minutes (quarter ticks are
 * exact in binary, so both libraries compute bit-identical averages and see the same crossings).
 */
class SmaCrossAgainstTa4jTest {

  private static BarSeries bars;
  private static BaseBarSeries reference;

  @BeforeAll
  static void series() {
    LocalDate from = LocalDate.of(2022, 10, 3);
    LocalDate to = LocalDate.of(2022, 10, 21);
    bars = SyntheticMarket.create(InstrumentCatalog.builtIn(), SyntheticConfig.builtIn(), 5, from, to)
        .generate("MES", from, to);
    reference = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum::valueOf).build();
    for (int i = 0; i < bars.size(); i++) {
      reference.addBar(Duration.ofMinutes(1),
          Instant.ofEpochMilli(bars.startMillis(i)).plusSeconds(60).atZone(ZoneOffset.UTC),
          DoubleNum.valueOf(bars.open(i)), DoubleNum.valueOf(bars.high(i)), DoubleNum.valueOf(bars.low(i)),
          DoubleNum.valueOf(bars.close(i)), DoubleNum.valueOf(bars.volume(i)));
    }
  }

  /** (entry bar, entry price, exit bar, exit price) of each closed trade. */
  private record Trade(int entryBar, double entryPrice, int exitBar, double exitPrice) {}

  private static List<Trade> ours(int fast, int slow) {
    StrategyDefinition definition = Strategies.get(SmaCross.NAME);
    StrategySpec spec = definition.spec(Map.of("fast", "" + fast, "slow", "" + slow, "direction", "long"));
    Strategy strategy = definition.compile(spec, bars, new IndicatorCache(bars));
    SimulationResult result = new Simulator(bars, CostModel.free(), new Sizing.Fixed(1), RiskRules.singleEntry(1),
        100_000).run(strategy);
    TradeLog log = result.trades();
    List<Trade> trades = new ArrayList<>();
    for (int t = 0; t < log.size(); t++) {
      trades.add(new Trade(bars.indexAtOrAfter(log.entryTimeMillis(t)), log.entryPrice(t),
          bars.indexAtOrAfter(log.exitTimeMillis(t)), log.exitPrice(t)));
    }
    return trades;
  }

  private static List<Trade> theirs(int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(reference);
    SMAIndicator fastSma = new SMAIndicator(close, fast);
    SMAIndicator slowSma = new SMAIndicator(close, slow);
    BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fastSma, slowSma),
        new CrossedDownIndicatorRule(fastSma, slowSma));
    // Our averages exist from bar slow - 1, so the first crossing we can see is at bar slow.
    strategy.setUnstableBars(slow);
    TradingRecord record = new BarSeriesManager(reference, new TradeOnNextOpenModel()).run(strategy);
    List<Trade> trades = new ArrayList<>();
    for (Position position : record.getPositions()) {
      if (position.isClosed()) {
        trades.add(new Trade(position.getEntry().getIndex(), position.getEntry().getPricePerAsset().doubleValue(),
            position.getExit().getIndex(), position.getExit().getPricePerAsset().doubleValue()));
      }
    }
    return trades;
  }

  @Test
  void sameTradesAsTa4jForSeveralWindowPairs() {
    int compared = 0;
    for (int[] pair : new int[][] {{5, 20}, {10, 50}, {20, 100}, {50, 200}}) {
      List<Trade> ours = ours(pair[0], pair[1]);
      List<Trade> theirs = theirs(pair[0], pair[1]);
      assertTrue(theirs.size() > 10, "enough trades to compare for " + pair[0] + "/" + pair[1]);
      assertEquals(theirs, ours, "fast " + pair[0] + " slow " + pair[1]);
      compared += ours.size();
    }
    assertTrue(compared > 100, "compared " + compared + " trades");
  }
}
