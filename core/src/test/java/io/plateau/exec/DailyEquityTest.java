package io.plateau.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailyEquityTest {

  private static final int JAN_2 = (int) LocalDate.of(2024, 1, 2).toEpochDay();

  @Test
  void dailyPnlAndReturnsStartFromTheStartingCapital() {
    DailyEquity equity = DailyEquity.builder(10_000)
        .add(JAN_2, 10_100)      // +100 on 10,000 = +1 %
        .add(JAN_2 + 1, 9_898)   // −202 on 10,100 = −2 %
        .add(JAN_2 + 2, 9_898)   // flat
        .build();
    assertEquals(3, equity.size());
    assertEquals(10_000, equity.startingCapital());
    assertEquals(9_898, equity.endingEquity());
    assertEquals(LocalDate.of(2024, 1, 3), equity.date(1));
    assertArrayEquals(new float[] {100f, -202f, 0f}, equity.dailyPnl());
    double[] returns = equity.dailyReturns();
    assertEquals(0.01, returns[0], 1e-15);
    assertEquals(-0.02, returns[1], 1e-15);
    assertEquals(0.0, returns[2]);
  }

  @Test
  void emptyCurveEndsWhereItStarted() {
    DailyEquity equity = DailyEquity.builder(5_000).build();
    assertEquals(0, equity.size());
    assertEquals(5_000, equity.endingEquity());
    assertEquals(0, equity.dailyPnl().length);
    assertEquals(0, equity.dailyReturns().length);
  }

  @Test
  void aDayStartingWithNoEquityHasNoReturn() {
    DailyEquity equity = DailyEquity.builder(1_000).add(JAN_2, -200).add(JAN_2 + 1, 300).build();
    double[] returns = equity.dailyReturns();
    assertEquals(-1.2, returns[0], 1e-15, "losing more than the account is a real -120 %");
    assertTrue(Double.isNaN(returns[1]), "a return on -200 of equity means nothing");
    assertArrayEquals(new float[] {-1200f, 500f}, equity.dailyPnl());
  }

  @Test
  void builderGrowsAndCanBuildTwice() {
    DailyEquity.Builder builder = DailyEquity.builder(1);
    for (int i = 0; i < 1000; i++) {
      builder.add(JAN_2 + i, 1 + i);
    }
    DailyEquity first = builder.build();
    builder.add(JAN_2 + 1000, 5);
    assertEquals(1000, first.size());
    assertEquals(1001, builder.build().size());
    assertEquals(1000.0, first.endingEquity());
  }

  @Test
  void rejectsDatesOutOfOrderAndNonFiniteEquity() {
    DailyEquity.Builder builder = DailyEquity.builder(1_000).add(JAN_2, 1_000);
    assertEquals("epochDay must be after the previous trading date 2024-01-02, was 2024-01-02",
        assertThrows(IllegalArgumentException.class, () -> builder.add(JAN_2, 1_000)).getMessage());
    assertEquals("equity on 2024-01-03 must be a finite number, was NaN",
        assertThrows(IllegalArgumentException.class, () -> builder.add(JAN_2 + 1, Double.NaN)).getMessage());
    assertEquals("startingCapital must be a finite number > 0, was 0.0",
        assertThrows(IllegalArgumentException.class, () -> DailyEquity.builder(0)).getMessage());
  }
}
