package io.plateau.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReturnsTest {

  @Test
  void cagrCompoundsOverCalendarYears() {
    // 10,000 → 12,100 in two years: 1.21^(1/2) − 1 = 10 % a year (not the 10.5 % of 21 % / 2).
    assertEquals(0.10, Returns.cagr(10_000, 12_100, 2), 1e-15);
    // 10,000 → 8,100 in two years: 0.81^(1/2) − 1 = −10 %.
    assertEquals(-0.10, Returns.cagr(10_000, 8_100, 2), 1e-15);
    assertEquals(0.0, Returns.cagr(10_000, 10_000, 3));
  }

  @Test
  void cagrOfALostAccountIsMinusOneAndUndefinedWithoutTime() {
    assertEquals(-1.0, Returns.cagr(10_000, 0, 2));
    assertEquals(-1.0, Returns.cagr(10_000, -2_500, 2), "losing more than the account is still -100 %");
    assertTrue(Double.isNaN(Returns.cagr(10_000, 11_000, 0)));
    assertTrue(Double.isNaN(Returns.cagr(0, 11_000, 1)));
    assertTrue(Double.isNaN(Returns.cagr(10_000, Double.NaN, 1)));
  }

  @Test
  void calendarYearsCountBothEndDates() {
    int jan2 = (int) LocalDate.of(2024, 1, 2).toEpochDay();
    assertEquals(1 / 365.2425, Returns.calendarYears(jan2, jan2), 1e-15);
    // 2024-01-02 … 2024-01-09 is 8 calendar days.
    assertEquals(8 / 365.2425, Returns.calendarYears(jan2, jan2 + 7), 1e-15);
    // 400 Gregorian years are exactly 146,097 days.
    int y2000 = (int) LocalDate.of(2000, 1, 1).toEpochDay();
    int y2400 = (int) LocalDate.of(2400, 1, 1).toEpochDay();
    assertEquals(400.0, Returns.calendarYears(y2000, y2400 - 1), 1e-12);
    assertEquals("lastEpochDay must be >= firstEpochDay 10, was 9",
        assertThrows(IllegalArgumentException.class, () -> Returns.calendarYears(10, 9)).getMessage());
  }

  @Test
  void arithmeticReturnIsMeanDailyTimes252() {
    // mean(+1 %, −2 %, +1.5 %, +2 %, −1 %, +0.5 %) = 0.02 / 6; × 252 = 0.84.
    assertEquals(0.84, Returns.annualizedArithmetic(new double[] {0.01, -0.02, 0.015, 0.02, -0.01, 0.005}),
        1e-12);
    assertEquals(0.0, Returns.annualizedArithmetic(new double[] {0, 0}));
    assertTrue(Double.isNaN(Returns.annualizedArithmetic(new double[0])));
  }
}
