package io.plateau.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SessionScheduleTest {

  private static final SessionSchedule CME = InstrumentCatalog.builtIn().get("ES").sessions();

  @Test
  void theEveningSessionBelongsToTheNextTradingDate() {
    assertEquals(LocalDate.of(2024, 3, 12), CME.tradingDate(LocalDateTime.of(2024, 3, 11, 17, 0)));
    assertEquals(LocalDate.of(2024, 3, 11), CME.tradingDate(LocalDateTime.of(2024, 3, 11, 16, 59)));
    assertEquals(LocalDate.of(2024, 3, 11), CME.tradingDate(LocalDateTime.of(2024, 3, 10, 17, 0)), "Sunday → Monday");
  }

  @Test
  void theOpenFollowsDaylightSavingTimeNotAFixedOffset() {
    // 2024-03-10 CDT begins; Monday 11 March opens Sunday 17:00 CDT = 22:00 UTC, Friday 8 March opened 23:00 UTC.
    assertEquals(Instant.parse("2024-03-10T22:00:00Z"), CME.instantAt(LocalDate.of(2024, 3, 11), -420));
    assertEquals(Instant.parse("2024-03-07T23:00:00Z"), CME.instantAt(LocalDate.of(2024, 3, 8), -420));
    // 2024-11-03 CDT ends: Monday 4 November opens 23:00 UTC.
    assertEquals(Instant.parse("2024-11-03T23:00:00Z"), CME.instantAt(LocalDate.of(2024, 11, 4), -420));
  }

  @Test
  void openRangesFollowTheEraOfTheDate() {
    // 2024: 17:00-16:00, no intraday halt.
    assertArrayEquals(new int[] {-420, 960}, CME.openMinuteRanges(LocalDate.of(2024, 3, 12)));
    // 2016: close 16:00 with the 15:15-15:30 halt.
    assertArrayEquals(new int[] {-420, 915, 930, 960}, CME.openMinuteRanges(LocalDate.of(2016, 3, 8)));
    // 2013: close 16:15 with the halt.
    assertArrayEquals(new int[] {-420, 915, 930, 975}, CME.openMinuteRanges(LocalDate.of(2013, 3, 12)));
    // 2010: close 15:15.
    assertArrayEquals(new int[] {-420, 915}, CME.openMinuteRanges(LocalDate.of(2010, 3, 9)));
  }

  @Test
  void holidaysCloseTheExchangeOrEndTheDayEarly() {
    assertFalse(CME.isTradingDate(LocalDate.of(2024, 3, 29)), "Good Friday 2024");
    assertFalse(CME.isTradingDate(LocalDate.of(2024, 12, 25)));
    assertFalse(CME.isTradingDate(LocalDate.of(2022, 12, 26)), "Christmas on a Sunday is observed Monday");
    assertFalse(CME.isTradingDate(LocalDate.of(2024, 3, 9)), "Saturday");
    assertEquals(LocalTime.of(12, 0), CME.closeOn(LocalDate.of(2024, 11, 28)), "Thanksgiving");
    assertEquals(LocalTime.of(12, 15), CME.closeOn(LocalDate.of(2024, 11, 29)), "day after Thanksgiving");
    assertArrayEquals(new int[] {-420, 720}, CME.openMinuteRanges(LocalDate.of(2024, 11, 28)));
    assertEquals(0, CME.openMinuteRanges(LocalDate.of(2024, 3, 29)).length);
  }

  @Test
  void theWeeklyScheduleKnowsTheHaltsAndWeekends() {
    assertTrue(CME.isScheduled(LocalDateTime.of(2024, 3, 12, 15, 59)));
    assertFalse(CME.isScheduled(LocalDateTime.of(2024, 3, 12, 16, 0)), "daily halt");
    assertFalse(CME.isScheduled(LocalDateTime.of(2016, 3, 8, 15, 20)), "15:15-15:30 halt before 2021-06-28");
    assertTrue(CME.isScheduled(LocalDateTime.of(2021, 6, 28, 15, 20)), "halt removed");
    assertFalse(CME.isScheduled(LocalDateTime.of(2024, 3, 9, 10, 0)), "Saturday");
    assertFalse(CME.isScheduled(LocalDateTime.of(2024, 3, 10, 16, 59)), "Sunday before the open");
    assertTrue(CME.isScheduled(LocalDateTime.of(2024, 3, 10, 17, 0)), "Sunday open");
    assertFalse(CME.isScheduled(LocalDateTime.of(2024, 3, 8, 17, 0)), "Friday evening");
  }

  @Test
  void regularHoursAreTheFuturesRegularSession() {
    assertTrue(CME.isRegularHours(LocalDateTime.of(2024, 3, 12, 8, 30)));
    assertTrue(CME.isRegularHours(LocalDateTime.of(2024, 3, 12, 15, 14)));
    assertFalse(CME.isRegularHours(LocalDateTime.of(2024, 3, 12, 15, 15)));
    assertArrayEquals(new int[] {510, 720}, CME.regularMinuteRange(LocalDate.of(2024, 11, 28)));
  }
}
