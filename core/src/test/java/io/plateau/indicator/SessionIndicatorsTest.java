package io.plateau.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.bar.Session;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionIndicatorsTest {

  private static final Instrument MES = InstrumentCatalog.builtIn().get("MES");

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  /** Two overnight bars, then the first four regular-hours minutes of 2024-03-12 (08:30 CDT = 13:30Z). */
  private static BarSeries day() {
    return BarSeries.builder(MES, BarInterval.ONE_MINUTE)
        .add(at("2024-03-12T13:28:00Z"), 100, 101, 99, 100, 50, 30, 20, null)
        .add(at("2024-03-12T13:29:00Z"), 100, 102, 100, 101, 40, 10, 30, null)
        // typical prices (in ticks): (104+100+102)/3 = 102, (106+102+105)/3 = 104.333.., (105+99+99)/3 = 101
        .add(at("2024-03-12T13:30:00Z"), 101, 104, 100, 102, 10, 7, 3, null)
        .add(at("2024-03-12T13:31:00Z"), 102, 106, 102, 105, 30, 20, 10, null)
        .add(at("2024-03-12T13:32:00Z"), 105, 105, 99, 99, 20, 5, 15, null)
        .add(at("2024-03-12T13:33:00Z"), 99, 100, 98, 99, 10, 5, 5, null)
        .build();
  }

  @Test
  void regularSessionVwapAndVolumeWeightedBands() {
    double[][] vwap = SessionIndicators.vwap(day(), Session.REGULAR, 2);
    assertTrue(Double.isNaN(vwap[0][1]), "overnight bars have no regular-session VWAP");
    assertEquals(102, vwap[0][2], 1e-12);
    assertEquals(102, vwap[1][2], 1e-12, "one bar: no dispersion");
    // After three bars: volumes 10, 30, 20; typical 102, 313/3, 101.
    double p1 = 102;
    double p2 = 313.0 / 3;
    double p3 = 101;
    double mean = (10 * p1 + 30 * p2 + 20 * p3) / 60;
    double variance = (10 * p1 * p1 + 30 * p2 * p2 + 20 * p3 * p3) / 60 - mean * mean;
    assertEquals(mean, vwap[0][4], 1e-9);
    assertEquals(mean + 2 * Math.sqrt(variance), vwap[1][4], 1e-9);
    assertEquals(mean - 2 * Math.sqrt(variance), vwap[2][4], 1e-9);
  }

  @Test
  void globexVwapStartsAtTheTradingDatesFirstBar() {
    double[][] vwap = SessionIndicators.vwap(day(), Session.GLOBEX, 1);
    assertEquals(100, vwap[0][0], 1e-12);
    // (50 * 100 + 40 * 101) / 90
    assertEquals((50 * 100 + 40 * 101) / 90.0, vwap[0][1], 1e-12);
  }

  @Test
  void openingRangeIsKnownWhenItsLastBarCloses() {
    double[][] range = SessionIndicators.openingRange(day(), 2);
    assertTrue(Double.isNaN(range[0][2]), "the first minute of a 2-minute range is not the range yet");
    assertEquals(106, range[0][3]);
    assertEquals(100, range[1][3]);
    assertEquals(106, range[0][5], 0, "later bars keep the range");
    assertEquals(100, range[1][5], 0);
    assertTrue(Double.isNaN(range[0][0]), "no opening range overnight");
  }

  @Test
  void cumulativeDeltaResetsEachSession() {
    double[] regular = SessionIndicators.cumulativeDelta(day(), Session.REGULAR);
    assertTrue(Double.isNaN(regular[1]));
    assertEquals(4, regular[2], 0);
    assertEquals(14, regular[3], 0);
    assertEquals(4, regular[4], 0);
    double[] globex = SessionIndicators.cumulativeDelta(day(), Session.GLOBEX);
    assertEquals(10, globex[0], 0);
    assertEquals(-10, globex[1], 0);
    assertEquals(-6, globex[2], 0);
  }

  @Test
  void cumulativeDeltaIsUnavailableWithoutAggressorVolume() {
    BarSeries plain = BarSeries.builder(MES, BarInterval.ONE_MINUTE)
        .add(at("2024-03-12T13:30:00Z"), 101, 104, 100, 102, 10, -1, -1, null).build();
    assertTrue(Double.isNaN(SessionIndicators.cumulativeDelta(plain, Session.REGULAR)[0]));
  }
}
