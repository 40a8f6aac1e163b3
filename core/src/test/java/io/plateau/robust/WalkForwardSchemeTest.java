package io.plateau.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardSchemeTest {

  /** Weekdays from {@code from} to {@code to}, as epoch days. */
  private static int[] weekdays(LocalDate from, LocalDate to) {
    return from.datesUntil(to.plusDays(1))
        .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
        .mapToInt(d -> (int) d.toEpochDay()).toArray();
  }

  private static Period months(int n) {
    return new Period(n, Period.Unit.MONTHS);
  }

  private static Period days(int n) {
    return new Period(n, Period.Unit.DAYS);
  }

  @Test
  void rollingMonthsStepByTheOutOfSampleLengthAndDropTheIncompleteLastWindow() {
    // 2021-01-01 is a Friday; the data ends on Friday 2021-12-31. The next trading date is Monday 2022-01-03.
    int[] dates = weekdays(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
    int next = (int) LocalDate.of(2022, 1, 3).toEpochDay();
    List<Window> windows = new WalkForwardScheme(false, months(6), months(2), days(0)).cut(dates, next);
    // In-sample starts 1/1, 3/1, 5/1; window 3 would need out-of-sample through 2022-02: left out.
    assertEquals(3, windows.size());
    Window first = windows.get(0);
    assertEquals(LocalDate.of(2021, 1, 1), first.inSampleStart());
    assertEquals(LocalDate.of(2021, 6, 30), first.inSampleEnd());
    assertEquals(LocalDate.of(2021, 7, 1), first.outOfSampleStart());
    assertEquals(LocalDate.of(2021, 8, 31), first.outOfSampleEnd());
    Window last = windows.get(2);
    assertEquals(LocalDate.of(2021, 5, 3), last.inSampleStart(), "May 1 is a Saturday: the next trading date");
    assertEquals(LocalDate.of(2021, 11, 1), last.outOfSampleStart());
    assertEquals(LocalDate.of(2021, 12, 31), last.outOfSampleEnd(), "complete: it ends where the data ends");
    for (int k = 1; k < windows.size(); k++) {
      int previousEnd = Arrays.binarySearch(dates, (int) windows.get(k - 1).outOfSampleEnd().toEpochDay());
      assertEquals(LocalDate.ofEpochDay(dates[previousEnd + 1]), windows.get(k).outOfSampleStart(),
          "out-of-sample spans tile the study");
    }
  }

  @Test
  void anchoredWindowsKeepTheFirstStartAndGrow() {
    int[] dates = weekdays(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
    int next = (int) LocalDate.of(2022, 1, 3).toEpochDay();
    List<Window> windows = new WalkForwardScheme(true, months(6), months(2), days(0)).cut(dates, next);
    assertEquals(3, windows.size());
    assertTrue(windows.stream().allMatch(w -> w.inSampleStart().equals(LocalDate.of(2021, 1, 1))));
    assertEquals(LocalDate.of(2021, 10, 29), windows.get(2).inSampleEnd());
  }

  @Test
  void tradingDayLengthsCountDatesAndTheWarmUpComesFirst() {
    int[] dates = weekdays(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 3, 31));
    int next = (int) LocalDate.of(2021, 4, 1).toEpochDay();
    // 63 weekdays; warm-up 5, in-sample 20, out-of-sample 10: windows at 5, 15, 25, ... while 5+20+10k+10 <= 63.
    List<Window> windows = new WalkForwardScheme(false, days(20), days(10), days(5)).cut(dates, next);
    assertEquals(dates.length, 63);
    assertEquals(3, windows.size());
    assertEquals(LocalDate.ofEpochDay(dates[5]), windows.get(0).inSampleStart());
    assertEquals(LocalDate.ofEpochDay(dates[24]), windows.get(0).inSampleEnd());
    assertEquals(LocalDate.ofEpochDay(dates[25]), windows.get(0).outOfSampleStart());
    assertEquals(LocalDate.ofEpochDay(dates[34]), windows.get(0).outOfSampleEnd());
    assertEquals(LocalDate.ofEpochDay(dates[25]), windows.get(2).inSampleStart());
    assertEquals(LocalDate.ofEpochDay(dates[54]), windows.get(2).outOfSampleEnd());
  }

  @Test
  void lengthsParseInBothSpellings() {
    assertEquals(months(12), Period.parse("12 months", "k"));
    assertEquals(months(1), Period.parse("1m", "k"));
    assertEquals(days(250), Period.parse("250 days", "k"));
    assertEquals(days(5), Period.parse("5d", "k"));
  }
}
