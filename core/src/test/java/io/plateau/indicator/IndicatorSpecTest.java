package io.plateau.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.bar.Session;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorSpecTest {

  @Test
  void parsesEveryIndicatorAndPrintsItBack() {
    for (String text : List.of("sma:20", "ema:9", "rsi:14", "tr", "atr:14", "adx:14", "bbands:20:2",
        "bbands:20:2.5", "stddev:20", "vwap:2", "vwap:1:globex", "volavg:20", "highest:20", "lowest:20", "orb:30",
        "cumdelta", "cumdelta:globex")) {
      assertEquals(text, IndicatorSpec.parse(text, "--indicator").toString());
    }
    assertEquals(new IndicatorSpec(IndicatorSpec.Kind.VWAP, 0, 2, Session.REGULAR),
        IndicatorSpec.parse("vwap", "--indicator"));
  }

  @Test
  void outputsAndWarmUp() {
    assertEquals(List.of("bb_middle_20_2", "bb_upper_20_2", "bb_lower_20_2"),
        IndicatorSpec.parse("bbands:20:2", "x").outputs());
    assertEquals(List.of("adx_14", "plus_di_14", "minus_di_14"), IndicatorSpec.parse("adx:14", "x").outputs());
    assertEquals(27, IndicatorSpec.parse("adx:14", "x").unstableBars());
    assertEquals(14, IndicatorSpec.parse("rsi:14", "x").unstableBars());
    assertEquals(19, IndicatorSpec.parse("sma:20", "x").unstableBars());
  }

  @Test
  void badSpecsNameTheOptionAndTheSyntax() {
    InputException unknown = assertThrows(InputException.class, () -> IndicatorSpec.parse("macd:12", "--indicator"));
    assertTrue(unknown.getMessage().contains("--indicator") && unknown.getMessage().contains("bbands:N:K"),
        unknown.getMessage());
    assertThrows(InputException.class, () -> IndicatorSpec.parse("sma", "x"));
    assertThrows(InputException.class, () -> IndicatorSpec.parse("sma:0", "x"));
    assertThrows(InputException.class, () -> IndicatorSpec.parse("sma:x", "x"));
    assertThrows(InputException.class, () -> IndicatorSpec.parse("bbands:20:-1", "x"));
    assertThrows(InputException.class, () -> IndicatorSpec.parse("cumdelta:rth", "x"));
  }

  @Test
  void pricesComeOutInPriceUnitsAndTheCacheComputesOnce() {
    BarSeries.Builder builder = BarSeries.builder(InstrumentCatalog.builtIn().get("M2K"), BarInterval.ONE_MINUTE);
    for (int i = 0; i < 5; i++) {
      builder.add(1_700_000_000_000L + i * 60_000L, 20_000 + i, 20_001 + i, 19_999 + i, 20_000 + i, 10, 5, 5, null);
    }
    IndicatorCache cache = new IndicatorCache(builder.build());
    double[] sma = cache.firstUnsafe(IndicatorSpec.parse("sma:2", "x"));
    assertEquals(2000.05, sma[1], 1e-9, "(20000 + 20001) / 2 ticks of 0.1");
    assertSame(sma, cache.firstUnsafe(IndicatorSpec.parse("sma:2", "x")));
    assertEquals(1, cache.size());
  }
}
