package io.plateau.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DollarRangeTest {

  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  /** Weekdays at 09:30 ET from Monday 2024-03-04. */
  private static final long MONDAY_0930_ET = Instant.parse("2024-03-04T14:30:00Z").toEpochMilli();

  /** Daily bars {high, low, close} in points, opening at the previous close, one weekday apart. */
  private static BarSeries daily(Instrument instrument, double[]... highLowClose) {
    BarSeries.Builder builder = BarSeries.builder(instrument, BarInterval.DAILY);
    double tick = instrument.tickSize();
    double previous = highLowClose[0][2];
    for (int i = 0; i < highLowClose.length; i++) {
      long day = MONDAY_0930_ET + (i / 5 * 7 + i % 5) * 86_400_000L;
      double[] bar = highLowClose[i];
      builder.add(day, (int) Math.round(Math.min(Math.max(previous, bar[1]), bar[0]) / tick),
          (int) Math.round(bar[0] / tick), (int) Math.round(bar[1] / tick), (int) Math.round(bar[2] / tick), 1_000,
          -1, -1, null);
      previous = bar[2];
    }
    return builder.build();
  }

  /** The seed's figures: an E-mini S&P ATR of 18 points at $50 a point is $900; the Nasdaq's 42 at $20 is $840. */
  @Test
  void theSeedsFiguresComeOut() {
    BarSeries es = daily(CATALOG.get("ES"), new double[] {5_010, 4_990, 5_000}, new double[] {5_009, 4_991, 5_000},
        new double[] {5_009, 4_991, 5_000}, new double[] {5_009, 4_991, 5_000});
    DollarRange range = DollarRange.of(es, 3, 500);
    assertEquals(18, range.averageTrueRange(), 1e-9);
    assertEquals(50, range.pointValue());
    assertEquals(900, range.dollarRange(), 1e-9);
    assertEquals(1.8, range.rangeToRisk(), 1e-12);
    assertEquals(LocalDate.of(2024, 3, 7), range.lastDate());

    BarSeries nq = daily(CATALOG.get("NQ"), new double[] {18_020, 17_980, 18_000},
        new double[] {18_021, 17_979, 18_000});
    DollarRange nasdaq = DollarRange.of(nq, 1, 500);
    assertEquals(42, nasdaq.averageTrueRange(), 1e-9);
    assertEquals(840, nasdaq.dollarRange(), 1e-9);
    assertTrue(range.dollarRange() > nasdaq.dollarRange(), "the S&P moves more dollars than the Nasdaq");
  }

  @Test
  void anOvernightGapIsPartOfTheTrueRange() {
    // Close 5,000, then a session from 5,005 to 5,010: its range is 5 points, its true range 10.
    BarSeries es = daily(CATALOG.get("ES"), new double[] {5_001, 4_999, 5_000}, new double[] {5_010, 5_005, 5_008});
    assertEquals(10, DollarRange.of(es, 1, 500).averageTrueRange(), 1e-9);
    BarSeries m2k = daily(CATALOG.get("M2K"), new double[] {2_051, 2_049, 2_050}, new double[] {2_050, 2_040, 2_045});
    DollarRange micro = DollarRange.of(m2k, 1, 100);
    assertEquals(10, micro.averageTrueRange(), 1e-9);
    assertEquals(50, micro.dollarRange(), 1e-9, "M2K: $5 a point");
  }

  @Test
  void tooFewBarsAndBadArgumentsAreRefused() {
    BarSeries es = daily(CATALOG.get("ES"), new double[] {5_001, 4_999, 5_000}, new double[] {5_010, 5_005, 5_008});
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> DollarRange.of(es, 2, 500));
    assertEquals("ES: 2 sessions need 3 daily bars (the first for its close), there are 2", few.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DollarRange.of(es, 0, 500));
    assertThrows(IllegalArgumentException.class, () -> DollarRange.of(es, 1, 0));
  }
}
