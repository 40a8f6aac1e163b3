package io.plateau.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.InputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two mean-reversion strategies on hand-built closes, their decisions recorded bar by bar. */
class MeanReversionStrategiesTest {

  /** Daily MES bars whose closes (in ticks) are given; open = high = low = close. */
  private static BarSeries closes(int... ticks) {
    BarSeries.Builder builder = BarSeries.builder(InstrumentCatalog.builtIn().get("MES"), BarInterval.DAILY);
    long day = Instant.parse("2024-01-01T23:00:00Z").toEpochMilli();
    for (int i = 0; i < ticks.length; i++) {
      builder.add(day + i * 86_400_000L, ticks[i], ticks[i], ticks[i], ticks[i], 100, -1, -1, null);
    }
    return builder.build();
  }

  private static List<String> decisions(String strategy, Map<String, String> params, BarSeries bars) {
    StrategyDefinition definition = Strategies.get(strategy);
    Strategy kernel = definition.compile(definition.spec(params), bars, new IndicatorCache(bars));
    return RecordingOrders.decisions(kernel, bars.size() - 1);
  }

  @Test
  void bollingerBuysBelowTheLowerBandAndExitsAtTheMiddle() {
    // Window 3, k 1. Bars 0-2 at 100 (σ 0). Bar 3 drops to 94: window {100,100,94}, mean 98, σ = √8 ≈ 2.83, lower
    // ≈ 95.17 → buy. Bar 4 at 97: window {100,94,97} mean 97 → close at the middle → exit.
    List<String> log = decisions(BollingerReversion.NAME, Map.of("window", "3", "k", "1"),
        closes(100, 100, 100, 94, 97, 97));
    assertEquals(List.of("3 buy", "4 exit"), log);
    // Long-only ignores the upper band: a spike up to 106 (mean 102, σ ≈ 2.83, upper ≈ 104.8) is no short.
    assertEquals(List.of(), decisions(BollingerReversion.NAME, Map.of("window", "3", "k", "1", "direction", "long"),
        closes(100, 100, 100, 106, 103)));
    assertEquals(List.of("3 sell", "4 exit"), decisions(BollingerReversion.NAME, Map.of("window", "3", "k", "1"),
        closes(100, 100, 100, 106, 102, 102)));
  }

  @Test
  void rsiReversionTradesExtremesOnlyWithoutAStrongTrend() {
    // Closes alternate 100/104, then fall to 92 and recover. RSI(2) by hand: changes +4, -4, +4, ...; seed at bar 2
    // from gains (4, 0) and losses (0, 4): 50; bar 3: gain 2 + (4-2)/2 = 3, loss 1: 75; bar 4: 37.5; bar 5: 68.75;
    // bar 6: 34.38; bar 7: 17.19; bar 8: 8.59; bar 9: 54.30; bar 10: 77.15. ADX(2) (checked against ta4j in
    // IndicatorsAgainstTa4jTest): 38.10, 35.71, 35.60, 34.47, 50.70, 67.11, 37.76, 46.01 for bars 3..10.
    BarSeries bars = closes(100, 104, 100, 104, 100, 104, 100, 96, 92, 96, 100, 104);
    // adx_max 60: short at 3 (75 > 70), out at 4 (37.5 <= 50); long at 7 (17.19 < 30), out at 9 (54.3 >= 50);
    // short at 10 (77.15 > 70).
    assertEquals(List.of("3 sell", "4 exit", "7 buy", "9 exit", "10 sell"),
        decisions(RsiReversion.NAME, Map.of("period", "2", "adx_period", "2", "adx_max", "60"), bars));
    // adx_max 40 filters the trending stretch (ADX 50.7 at bar 7, 46.0 at bar 10).
    assertEquals(List.of("3 sell", "4 exit"),
        decisions(RsiReversion.NAME, Map.of("period", "2", "adx_period", "2", "adx_max", "40"), bars));
  }

  @Test
  void constraintsAreCheckedWithClearMessages() {
    InputException inverted = assertThrows(InputException.class,
        () -> Strategies.get(RsiReversion.NAME).spec(Map.of("lower", "80", "upper", "70")));
    assertTrue(inverted.getMessage().contains("lower must be below upper"), inverted.getMessage());
    InputException unknown = assertThrows(InputException.class,
        () -> Strategies.get(BollingerReversion.NAME).spec(Map.of("widow", "20")));
    assertTrue(unknown.getMessage().contains("unknown parameter 'widow'"), unknown.getMessage());
    InputException range = assertThrows(InputException.class,
        () -> Strategies.get(BollingerReversion.NAME).spec(Map.of("k", "50")));
    assertTrue(range.getMessage().contains("k=50"), range.getMessage());
  }
}
