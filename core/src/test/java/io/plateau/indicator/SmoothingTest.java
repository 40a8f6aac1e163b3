package io.plateau.indicator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmoothingTest {

  private static final double NAN = Double.NaN;
  private static final double[] X = {2, 4, 6, 8, 10, 9, 7};

  @Test
  void smaStartsAtItsFirstFullWindow() {
    // (2+4+6)/3 = 4, (4+6+8)/3 = 6, 8, (8+10+9)/3 = 9, (10+9+7)/3 = 8.666...
    assertArrayEquals(new double[] {NAN, NAN, 4, 6, 8, 9, 26.0 / 3}, Smoothing.sma(X, 3), 1e-12);
  }

  @Test
  void emaIsSeededWithTheSmaOfItsFirstWindow() {
    // alpha = 2/(3+1) = 0.5; seed 4 at index 2; then 4 + 0.5(8-4) = 6, 6 + 0.5(10-6) = 8, 8.5, 7.75.
    assertArrayEquals(new double[] {NAN, NAN, 4, 6, 8, 8.5, 7.75}, Smoothing.ema(X, 3), 1e-12);
  }

  @Test
  void wilderSmoothingUsesOneOverN() {
    // alpha = 1/3; seed 4; 4 + (8-4)/3 = 5.333..., + (10-5.333)/3 = 6.888..., + (9-6.888)/3 = 7.592...
    double[] w = Smoothing.wilder(X, 3);
    assertEquals(4, w[2], 1e-12);
    assertEquals(16.0 / 3, w[3], 1e-12);
    assertEquals(62.0 / 9, w[4], 1e-12);
    assertEquals(62.0 / 9 + (9 - 62.0 / 9) / 3, w[5], 1e-12);
  }

  @Test
  void populationStandardDeviation() {
    // Window {2,4,6}: mean 4, deviations -2,0,2: variance 8/3 (divisor n, not n-1).
    double[] sd = Smoothing.stdDev(X, 3);
    assertTrue(Double.isNaN(sd[1]));
    assertEquals(Math.sqrt(8.0 / 3), sd[2], 1e-12);
    // Window {10,9,7}: mean 26/3; squares of deviations 16/9 + 1/9 + 25/9 = 42/9; variance 14/9.
    assertEquals(Math.sqrt(14.0 / 9), sd[6], 1e-12);
    assertArrayEquals(new double[] {NAN, NAN, 0, 0}, Smoothing.stdDev(new double[] {5, 5, 5, 5}, 3), 0,
        "zero variance is 0, not NaN");
  }

  @Test
  void highestAndLowestOverTheWindowIncludingTheCurrentBar() {
    assertArrayEquals(new double[] {NAN, NAN, 6, 8, 10, 10, 10}, Smoothing.highest(X, 3), 0);
    assertArrayEquals(new double[] {NAN, NAN, 2, 4, 6, 8, 7}, Smoothing.lowest(X, 3), 0);
    assertArrayEquals(X, Smoothing.highest(X, 1), 0);
  }

  @Test
  void leadingNansDelayTheWarmUp() {
    double[] withGap = {NAN, NAN, 2, 4, 6, 8};
    assertArrayEquals(new double[] {NAN, NAN, NAN, 3, 5, 7}, Smoothing.sma(withGap, 2), 1e-12);
    // alpha = 2/3, seed (2+4)/2 = 3 at index 3; 3 + 2/3(6-3) = 5; 5 + 2/3(8-5) = 7.
    assertArrayEquals(new double[] {NAN, NAN, NAN, 3, 5, 7}, Smoothing.ema(withGap, 2), 1e-12);
  }

  @Test
  void tooFewValuesGiveOnlyNans() {
    assertArrayEquals(new double[] {NAN, NAN}, Smoothing.ema(new double[] {1, 2}, 3), 0);
    assertArrayEquals(new double[0], Smoothing.sma(new double[0], 3), 0);
  }
}
