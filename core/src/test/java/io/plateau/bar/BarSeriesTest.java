package io.plateau.bar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BarSeriesTest {

  private static final Instrument MES = InstrumentCatalog.builtIn().get("MES");

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void tradingDatesAndRegularHoursFollowChicagoTimeAcrossSpringForward() {
    BarSeries series = BarSeries.builder(MES, BarInterval.ONE_MINUTE)
        .add(at("2024-03-08T14:30:00Z"), 1, 1, 1, 1, 1, -1, -1, null) // Fri 08:30 CST: regular open
        .add(at("2024-03-08T21:59:00Z"), 1, 1, 1, 1, 1, -1, -1, null) // Fri 15:59 CST
        .add(at("2024-03-10T22:00:00Z"), 1, 1, 1, 1, 1, -1, -1, null) // Sun 17:00 CDT: Monday's session
        .add(at("2024-03-11T13:29:00Z"), 1, 1, 1, 1, 1, -1, -1, null) // Mon 08:29 CDT: overnight
        .add(at("2024-03-11T13:30:00Z"), 1, 1, 1, 1, 1, -1, -1, null) // Mon 08:30 CDT: regular open
        .add(at("2024-03-11T20:15:00Z"), 1, 1, 1, 1, 1, -1, -1, null) // Mon 15:15 CDT: regular session over
        .build();

    assertEquals(LocalDate.of(2024, 3, 8), series.tradingDate(0));
    assertEquals(LocalDate.of(2024, 3, 8), series.tradingDate(1));
    assertEquals(LocalDate.of(2024, 3, 11), series.tradingDate(2));
    assertEquals(LocalDate.of(2024, 3, 11), series.tradingDate(5));
    boolean[] regular = {true, false, false, false, true, false};
    for (int i = 0; i < regular.length; i++) {
      assertEquals(regular[i], series.isRegularHours(i), "bar " + i);
    }
  }

  @Test
  void theBuilderKeepsAggressorVolumeAndContractsOnlyWhenEveryBarHasThem() {
    BarSeries mixed = BarSeries.builder(MES, BarInterval.ONE_MINUTE)
        .add(at("2024-03-11T13:30:00Z"), 4, 5, 3, 4, 10, 6, 4, "MESM24")
        .add(at("2024-03-11T13:31:00Z"), 4, 5, 3, 4, 10, -1, -1, null)
        .build();
    assertFalse(mixed.hasAggressorVolume());
    assertFalse(mixed.hasContracts());
    assertNull(mixed.contract(0));

    BarSeries full = BarSeries.builder(MES, BarInterval.ONE_MINUTE)
        .add(at("2024-03-11T13:30:00Z"), 20_400, 20_401, 20_399, 20_400, 10, 6, 4, "MESM24")
        .build();
    assertTrue(full.hasAggressorVolume());
    assertEquals(6, full.buyVolume(0));
    assertEquals("MESM24", full.contract(0));
    assertEquals(5100.0, full.open(0));
    assertEquals(5100.25, full.high(0));
  }

  @Test
  void barTimesMustIncreaseAndColumnsAgreeInLength() {
    BarSeries.Builder backwards = BarSeries.builder(MES, BarInterval.ONE_MINUTE)
        .add(at("2024-03-11T13:31:00Z"), 1, 1, 1, 1, 1, -1, -1, null)
        .add(at("2024-03-11T13:30:00Z"), 1, 1, 1, 1, 1, -1, -1, null);
    assertThrows(IllegalArgumentException.class, backwards::build);
    assertThrows(IllegalArgumentException.class, () -> BarSeries.ofColumns(MES, BarInterval.ONE_MINUTE,
        new long[2], new int[2], new int[2], new int[2], new int[1], new long[2], null, null, null));
  }

  @Test
  void slicesAndSearchByTime() {
    BarSeries.Builder builder = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    for (int i = 0; i < 10; i++) {
      builder.add(at("2024-03-11T13:30:00Z") + i * 60_000L, i, i, i, i, i, -1, -1, null);
    }
    BarSeries series = builder.build();
    assertEquals(3, series.indexAtOrAfter(at("2024-03-11T13:32:30Z")));
    BarSeries slice = series.slice(2, 5);
    assertEquals(3, slice.size());
    assertEquals(2, slice.openTicks(0));
    assertEquals(0, BarSeries.builder(MES, BarInterval.ONE_MINUTE).build().size(), "an empty series is fine");
  }
}
