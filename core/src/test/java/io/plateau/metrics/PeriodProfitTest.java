package io.plateau.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeriodProfitTest {

  @Test
  void returnIsOnTheEquityAtThePeriodStart() {
    assertEquals(new PeriodProfit("2019", 8_000, 2_000, 25.0), PeriodProfit.of("2019", 8_000, 10_000));
  }

  @Test
  void returnIsUndefinedOnNoEquity() {
    PeriodProfit row = PeriodProfit.of("2020", -500, 100);
    assertEquals(600, row.netProfit());
    assertTrue(Double.isNaN(row.returnPercent()));
  }

  @Test
  void periodMustBeNamed() {
    assertEquals("period must be a non-empty text, was ' '",
        assertThrows(IllegalArgumentException.class, () -> new PeriodProfit(" ", 1, 0, 0)).getMessage());
  }
}
