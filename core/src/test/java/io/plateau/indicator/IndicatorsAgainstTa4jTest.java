package io.plateau.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.instrument.InstrumentCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Our indicators against ta4j (org.ta4j:ta4j-core 0.16), an independent implementation, on synthetic MES
 * minutes.
 *
 * <p>MES, not M2K: with 0.1 ticks ta4j's double prices turn an exact tie between the up and the down move of an
 * outside bar (1586.2 - 1584.8 vs 1582.3 - 1580.9) into 1.4000000000000909 vs 1.3999999999998636, and counts
 * a +DM that Wilder's rule (and our exact ticks) treat as a tie; quarter ticks are exact in binary, so both
 * libraries see the same ties. {@code OscillatorsTest} pins the tie rule.
 *
 * <p>Conventions differ only in warm-up, which is why values are compared where they must agree: ta4j's SMA
 * and standard deviation use partial windows before bar n - 1 (we give NaN), so they are compared from n - 1;
 * ta4j seeds EMA and Wilder averages with the first value instead of the SMA of the first n, a difference that
 * decays as (1 - alpha)^i, so those are compared after {@link #CONVERGED} bars, where it is far below 1e-9.
 */
class IndicatorsAgainstTa4jTest {

  private static final double TOLERANCE = 1e-9;
  private static final int CONVERGED = 2_000;

  private static BarSeries bars;
  private static BaseBarSeries reference;

  @BeforeAll
  static void series() {
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    LocalDate from = LocalDate.of(2023, 3, 1);
    LocalDate to = LocalDate.of(2023, 3, 10);
    bars = SyntheticMarket.create(catalog, SyntheticConfig.builtIn(), 11, from, to).generate("MES", from, to);
    reference = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum::valueOf).build();
    for (int i = 0; i < bars.size(); i++) {
      reference.addBar(Duration.ofMinutes(1),
          Instant.ofEpochMilli(bars.startMillis(i)).plusSeconds(60).atZone(ZoneOffset.UTC),
          DoubleNum.valueOf(bars.open(i)), DoubleNum.valueOf(bars.high(i)), DoubleNum.valueOf(bars.low(i)),
          DoubleNum.valueOf(bars.close(i)), DoubleNum.valueOf(bars.volume(i)));
    }
    assertTrue(bars.size() > 5 * CONVERGED, "enough bars to compare after convergence: " + bars.size());
  }

  private static double[] ours(String spec, int output) {
    return IndicatorSpec.parse(spec, "test").compute(bars)[output];
  }

  private static void assertAgree(double[] ours, Indicator<Num> theirs, int from) {
    for (int i = 0; i < from; i++) {
      assertTrue(Double.isNaN(ours[i]) || from == CONVERGED, "bar " + i + " is before the warm-up: NaN expected");
    }
    for (int i = from; i < ours.length; i++) {
      double expected = theirs.getValue(i).doubleValue();
      assertEquals(expected, ours[i], TOLERANCE * Math.max(1, Math.abs(expected)), "bar " + i);
    }
  }

  @Test
  void smaMatchesFromItsFirstFullWindow() {
    ClosePriceIndicator close = new ClosePriceIndicator(reference);
    for (int n : new int[] {2, 20, 200}) {
      assertAgree(ours("sma:" + n, 0), new SMAIndicator(close, n), n - 1);
    }
  }

  @Test
  void emaRsiAndAtrMatchOnceTheSeedHasDecayed() {
    ClosePriceIndicator close = new ClosePriceIndicator(reference);
    for (int n : new int[] {5, 14, 50}) {
      assertAgree(ours("ema:" + n, 0), new EMAIndicator(close, n), CONVERGED);
      assertAgree(ours("rsi:" + n, 0), new RSIIndicator(close, n), CONVERGED);
      assertAgree(ours("atr:" + n, 0), new ATRIndicator(reference, n), CONVERGED);
    }
  }

  @Test
  void adxAndDirectionalIndicatorsMatchOnceTheSeedHasDecayed() {
    for (int n : new int[] {7, 14}) {
      assertAgree(ours("adx:" + n, 0), new ADXIndicator(reference, n), CONVERGED);
      assertAgree(ours("adx:" + n, 1), new PlusDIIndicator(reference, n), CONVERGED);
      assertAgree(ours("adx:" + n, 2), new MinusDIIndicator(reference, n), CONVERGED);
    }
  }

  @Test
  void bollingerBandsAndStandardDeviationMatchWithPopulationSigma() {
    ClosePriceIndicator close = new ClosePriceIndicator(reference);
    int n = 20;
    BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, n));
    StandardDeviationIndicator sigma = new StandardDeviationIndicator(close, n);
    Num k = DoubleNum.valueOf(2);
    assertAgree(ours("bbands:20:2", 0), middle, n - 1);
    assertAgree(ours("bbands:20:2", 1), new BollingerBandsUpperIndicator(middle, sigma, k), n - 1);
    assertAgree(ours("bbands:20:2", 2), new BollingerBandsLowerIndicator(middle, sigma, k), n - 1);
    assertAgree(ours("stddev:20", 0), sigma, n - 1);
  }

  @Test
  void theComparisonWouldCatchAWrongWindow() {
    // Guards the test itself: an SMA of another window must not pass as the same.
    IntFunction<double[]> sma = n -> ours("sma:" + n, 0);
    double[] twenty = sma.apply(20);
    double[] twentyOne = sma.apply(21);
    int differences = 0;
    for (int i = 20; i < twenty.length; i++) {
      if (Math.abs(twenty[i] - twentyOne[i]) > TOLERANCE * Math.abs(twenty[i])) {
        differences++;
      }
    }
    assertTrue(differences > twenty.length / 2, "windows 20 and 21 differ on most bars: " + differences);
  }
}
