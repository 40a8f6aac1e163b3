package io.plateau.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HolidayRuleTest {

  @Test
  void easterMatchesPublishedDates() {
    // Published Gregorian Easter Sundays.
    assertEquals(LocalDate.of(2019, 4, 21), HolidayRule.easterSunday(2019));
    assertEquals(LocalDate.of(2024, 3, 31), HolidayRule.easterSunday(2024));
    assertEquals(LocalDate.of(2025, 4, 20), HolidayRule.easterSunday(2025));
    assertEquals(LocalDate.of(2008, 3, 23), HolidayRule.easterSunday(2008));
    assertEquals(Optional.of(LocalDate.of(2024, 3, 29)), HolidayRule.GOOD_FRIDAY.dateIn(2024));
  }

  @Test
  void fixedHolidaysAreObservedOnTheNearestWeekday() {
    assertEquals(Optional.of(LocalDate.of(2020, 7, 3)), HolidayRule.INDEPENDENCE_DAY.dateIn(2020), "Saturday → Friday");
    assertEquals(Optional.of(LocalDate.of(2021, 7, 5)), HolidayRule.INDEPENDENCE_DAY.dateIn(2021), "Sunday → Monday");
    assertEquals(Optional.empty(), HolidayRule.NEW_YEARS_DAY.dateIn(2022), "Saturday: not moved into December");
    assertEquals(Optional.of(LocalDate.of(2023, 1, 2)), HolidayRule.NEW_YEARS_DAY.dateIn(2023));
    assertEquals(Optional.empty(), HolidayRule.JUNETEENTH.dateIn(2021));
    assertEquals(Optional.of(LocalDate.of(2022, 6, 20)), HolidayRule.JUNETEENTH.dateIn(2022));
  }

  @Test
  void floatingHolidays() {
    assertEquals(Optional.of(LocalDate.of(2024, 1, 15)), HolidayRule.MLK_DAY.dateIn(2024));
    assertEquals(Optional.of(LocalDate.of(2024, 5, 27)), HolidayRule.MEMORIAL_DAY.dateIn(2024));
    assertEquals(Optional.of(LocalDate.of(2024, 11, 28)), HolidayRule.THANKSGIVING.dateIn(2024));
    assertEquals(Optional.of(LocalDate.of(2024, 9, 2)), HolidayRule.LABOR_DAY.dateIn(2024));
  }
}
