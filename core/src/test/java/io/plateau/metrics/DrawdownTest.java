package io.plateau.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrawdownTest {

  /**
   * Six days from 100,000 with returns +1 %, −2 %, +1.5 %, +2 %, −1 %, +0.5 % (the curve of RatiosTest):
   * <pre>
   *   day  equity          peak        below peak
   *   -1   100,000         100,000     start
   *    0   101,000         101,000     0          new peak (index 0)
   *    1    98,980         101,000     2,020      = 2.0 % of 101,000   ← max in $ and %
   *    2   100,464.7       101,000       535.3
   *    3   102,473.994     102,473.994 0          back above: peak 0 → 3, a 3-day drawdown
   *    4   101,449.25406   102,473.994 1,024.74   = 1.0 %
   *    5   101,956.50033   102,473.994   517.49   still under water at the end: 5 − 3 = 2 days
   * </pre>
   */
  @Test
  void sixDayCurve() {
    double[] equity = {101_000, 98_980, 100_464.7, 102_473.994, 101_449.25406, 101_956.5003303};
    Drawdown drawdown = Drawdown.of(100_000, equity);
    assertEquals(2_020, drawdown.maxDrawdown(), 1e-9);
    assertEquals(0.02, drawdown.maxDrawdownFraction(), 1e-12);
    assertEquals(3, drawdown.longestDrawdownDays());
  }

  @Test
  void aDrawdownThatNeverRecoversLastsUntilTheEndCountingFromTheStart() {
    // Peak is the start (index −1); the curve is under water on all three days: 2 − (−1) = 3 days.
    Drawdown drawdown = Drawdown.of(1_000, new double[] {900, 950, 800});
    assertEquals(200, drawdown.maxDrawdown());
    assertEquals(0.2, drawdown.maxDrawdownFraction(), 1e-15);
    assertEquals(3, drawdown.longestDrawdownDays());
  }

  @Test
  void largestInCurrencyAndLargestInPercentMayBeDifferentFalls() {
    // 5,000 → 4,600 is −400 (8 %); later 10,000 → 9,500 is −500 (5 %).
    Drawdown drawdown = Drawdown.of(5_000, new double[] {4_600, 10_000, 9_500, 10_000});
    assertEquals(500, drawdown.maxDrawdown());
    assertEquals(0.08, drawdown.maxDrawdownFraction(), 1e-15);
    assertEquals(2, drawdown.longestDrawdownDays(), "start → day 1 and day 1 → day 3 both span 2 days");
  }

  @Test
  void reachingThePeakAgainEndsTheDrawdown() {
    Drawdown drawdown = Drawdown.of(100, new double[] {90, 100, 100, 99});
    assertEquals(2, drawdown.longestDrawdownDays(), "start → day 1 = 2; day 2 → end = 1");
  }

  @Test
  void risingFlatOneDayAndEmptyCurvesHaveNoDrawdown() {
    for (double[] curve : new double[][] {{101, 102, 103}, {100, 100, 100}, {100}, {}}) {
      Drawdown drawdown = Drawdown.of(100, curve);
      assertEquals(new Drawdown(0, 0, 0), drawdown);
    }
  }

  @Test
  void oneLosingDayIsAOneDayDrawdown() {
    assertEquals(new Drawdown(10, 0.1, 1), Drawdown.of(100, new double[] {90}));
  }

  @Test
  void percentIsUndefinedForACurveStartingAtZero() {
    // Cumulative P&L of trades: 0 → 300 → 100; the fall is $200 but "% of a $0 start" is undefined.
    Drawdown drawdown = Drawdown.of(0, new double[] {300, 100});
    assertEquals(200, drawdown.maxDrawdown());
    assertTrue(Double.isNaN(drawdown.maxDrawdownFraction()));
    assertEquals(1, drawdown.longestDrawdownDays());
  }

  @Test
  void rejectsNonFiniteInput() {
    assertEquals("startEquity must be a finite number, was NaN",
        assertThrows(IllegalArgumentException.class, () -> Drawdown.of(Double.NaN, new double[0])).getMessage());
    assertEquals("equity[1] must be a finite number, was Infinity", assertThrows(IllegalArgumentException.class,
        () -> Drawdown.of(1, new double[] {1, Double.POSITIVE_INFINITY})).getMessage());
    assertEquals("maxDrawdown must be a finite number >= 0, was -1.0",
        assertThrows(IllegalArgumentException.class, () -> new Drawdown(-1, 0, 0)).getMessage());
  }
}
