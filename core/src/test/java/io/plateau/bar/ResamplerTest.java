package io.plateau.bar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResamplerTest {

  private static final Instrument ES = InstrumentCatalog.builtIn().get("ES");

  /** Every scheduled minute of {@code date} with open = index, high = index + 2, low = index - 1, close = index + 1. */
  private static BarSeries session(LocalDate date) {
    BarSeries.Builder builder = BarSeries.builder(ES, BarInterval.ONE_MINUTE);
    int[] ranges = ES.sessions().openMinuteRanges(date);
    int k = 0;
    for (int r = 0; r < ranges.length; r += 2) {
      for (int minute = ranges[r]; minute < ranges[r + 1]; minute++, k++) {
        int base = 16_000 + k;
        builder.add(ES.sessions().instantAt(date, minute).toEpochMilli(), base, base + 2, base - 1, base + 1, 1 + k % 3,
            k % 3, 1, "ESH24");
      }
    }
    return builder.build();
  }

  @Test
  void fiveMinuteBarsAggregateFiveOneMinuteBarsOnTheClock() {
    BarSeries oneMinute = session(LocalDate.of(2024, 1, 9));
    BarSeries five = Resampler.toMinutes(oneMinute, 5);

    assertEquals(1380 / 5, five.size());
    // First bar: minutes 0..4 of the day (17:00-17:04 CT on 2024-01-08 = 23:00 UTC in winter).
    assertEquals(Instant.parse("2024-01-08T23:00:00Z").toEpochMilli(), five.startMillis(0));
    assertEquals(16_000, five.openTicks(0));
    assertEquals(16_004 + 2, five.highTicks(0));
    assertEquals(16_000 - 1, five.lowTicks(0));
    assertEquals(16_004 + 1, five.closeTicks(0));
    assertEquals(1 + 2 + 3 + 1 + 2, five.volume(0));
    assertEquals(0 + 1 + 2 + 0 + 1, five.buyVolume(0));
    assertEquals(5, five.sellVolume(0));
    // 08:30 CT starts a bucket: 930 minutes after the 17:00 open.
    int regularOpenBar = 930 / 5;
    assertEquals(Instant.parse("2024-01-09T14:30:00Z").toEpochMilli(), five.startMillis(regularOpenBar));
  }

  @Test
  void barsNeverSpanTwoTradingDatesAndMissingMinutesKeepTheBucketStart() {
    BarSeries twoDays = concat(session(LocalDate.of(2024, 1, 9)), session(LocalDate.of(2024, 1, 10)));
    BarSeries hourly = Resampler.toMinutes(twoDays, 60);
    assertEquals(2 * 23, hourly.size());
    assertEquals(LocalDate.of(2024, 1, 10), hourly.tradingDate(23));
    // Drop the first 7 minutes of the day: the first 15-minute bar still starts at 17:00.
    BarSeries late = Resampler.toMinutes(twoDays.slice(7, twoDays.size()), 15);
    assertEquals(Instant.parse("2024-01-08T23:00:00Z").toEpochMilli(), late.startMillis(0));
    assertEquals(16_007, late.openTicks(0));
  }

  @Test
  void dailyBarsByRegularSessionAndByGlobexDay() {
    BarSeries day = session(LocalDate.of(2024, 7, 9)); // summer: CDT = UTC-5
    BarSeries globex = Resampler.toDaily(day, Session.GLOBEX);
    BarSeries regular = Resampler.toDaily(day, Session.REGULAR);

    assertEquals(1, globex.size());
    assertEquals(Instant.parse("2024-07-08T22:00:00Z").toEpochMilli(), globex.startMillis(0));
    assertEquals(LocalDate.of(2024, 7, 9), globex.tradingDate(0));
    assertEquals(16_000, globex.openTicks(0));
    assertEquals(16_000 + 1379 + 1, globex.closeTicks(0));

    // Regular hours 08:30-15:15 CT are minutes 930 .. 1334 of the trading day (405 bars).
    assertEquals(Instant.parse("2024-07-09T13:30:00Z").toEpochMilli(), regular.startMillis(0));
    assertEquals(16_000 + 930, regular.openTicks(0));
    assertEquals(16_000 + 1334 + 1, regular.closeTicks(0));
    assertEquals(16_000 + 1334 + 2, regular.highTicks(0));
    assertEquals(16_000 + 930 - 1, regular.lowTicks(0));
  }

  @Test
  void dailyBarsAcrossTheFallBackWeekendKeepTheirTradingDates() {
    // 2024-11-03: CDT ends. Friday's session opens 22:00 UTC, Monday's (Sunday evening) 23:00 UTC.
    BarSeries days = concat(session(LocalDate.of(2024, 11, 1)), session(LocalDate.of(2024, 11, 4)));
    BarSeries daily = Resampler.toDaily(days, Session.GLOBEX);
    assertEquals(2, daily.size());
    assertEquals(LocalDate.of(2024, 11, 1), daily.tradingDate(0));
    assertEquals(LocalDate.of(2024, 11, 4), daily.tradingDate(1));
    assertEquals(Instant.parse("2024-10-31T22:00:00Z").toEpochMilli(), daily.startMillis(0));
    assertEquals(Instant.parse("2024-11-03T23:00:00Z").toEpochMilli(), daily.startMillis(1));
  }

  @Test
  void aTargetThatIsNotAMultipleOfTheSourceIsRefused() {
    BarSeries five = Resampler.toMinutes(session(LocalDate.of(2024, 1, 9)), 5);
    assertThrows(IllegalArgumentException.class, () -> Resampler.toMinutes(five, 7));
  }

  private static BarSeries concat(BarSeries first, BarSeries second) {
    BarSeries.Builder builder = BarSeries.builder(first.instrument(), first.interval());
    for (BarSeries part : new BarSeries[] {first, second}) {
      for (int i = 0; i < part.size(); i++) {
        builder.add(part.startMillis(i), part.openTicks(i), part.highTicks(i), part.lowTicks(i), part.closeTicks(i),
            part.volume(i), part.buyVolume(i), part.sellVolume(i), part.contract(i));
      }
    }
    return builder.build();
  }
}
