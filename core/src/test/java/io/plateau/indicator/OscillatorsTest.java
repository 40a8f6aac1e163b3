package io.plateau.indicator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OscillatorsTest {

  private static final double NAN = Double.NaN;

  @Test
  void rsiSeedsWithTheMeanOfTheFirstNChangesThenSmoothsLikeWilder() {
    double[] close = {10, 11, 10, 12, 12, 9};
    // changes: +1, -1, +2, 0, -3. n = 2: seed from changes 1..2: gain 0.5, loss 0.5 -> RSI 50 at index 2.
    // index 3: gain 0.5 + (2 - 0.5)/2 = 1.25, loss 0.5 + (0 - 0.5)/2 = 0.25 -> 100 * 1.25/1.5 = 83.33...
    // index 4: gain 0.625, loss 0.125 -> 83.33...; index 5: gain 0.3125, loss 0.125 + (3 - 0.125)/2 = 1.5625.
    double[] rsi = Oscillators.rsi(close, 2);
    assertTrue(Double.isNaN(rsi[1]));
    assertEquals(50, rsi[2], 1e-12);
    assertEquals(250.0 / 3, rsi[3], 1e-12);
    assertEquals(250.0 / 3, rsi[4], 1e-12);
    assertEquals(100 * 0.3125 / (0.3125 + 1.5625), rsi[5], 1e-12);
  }

  @Test
  void rsiIsHundredWithoutLossesAndZeroWithoutChange() {
    assertEquals(100, Oscillators.rsi(new double[] {1, 2, 3, 4}, 2)[3], 0);
    assertEquals(0, Oscillators.rsi(new double[] {5, 5, 5, 5}, 2)[3], 0);
  }

  @Test
  void trueRangeTakesTheGapFromThePreviousClose() {
    double[] high = {10, 12, 11};
    double[] low = {8, 11, 7};
    double[] close = {9, 11.5, 8};
    // index 1: max(1, |12-9|, |11-9|) = 3; index 2: max(4, |11-11.5|, |7-11.5|) = 4.5.
    assertArrayEquals(new double[] {NAN, 3, 4.5}, Oscillators.trueRange(high, low, close), 0);
    // ATR(2): mean of TR[1..2] = 3.75 at index 2.
    assertArrayEquals(new double[] {NAN, NAN, 3.75}, Oscillators.atr(high, low, close, 2), 1e-12);
  }

  @Test
  void adxWarmUpAndHandComputedDirectionalIndicators() {
    double[] high = {10, 11, 12, 11, 13};
    double[] low = {9, 10, 10, 9, 11};
    double[] close = {9.5, 10.5, 11, 10, 12.5};
    // n = 2. +DM: i1 up 1 vs down -1 -> 1; i2 up 1 vs 0 -> 1; i3 up -1, down 1 -> -DM 1; i4 up 2 vs -2 -> 2.
    // TR: i1 max(1, 1.5, 0.5) = 1.5; i2 max(2, 1.5, 0.5) = 2; i3 max(2, 0, 2) = 2; i4 max(2, 3, 1) = 3.
    // Seed sums over i = 1: +DM 1, -DM 0, TR 1.5. i2: +DM 1 - 0.5 + 1 = 1.5, -DM 0, TR 1.5 - 0.75 + 2 = 2.75
    //   +DI = 100 * 1.5/2.75, -DI 0, DX 100. i3: +DM 0.75, -DM 1, TR 3.375: +DI 22.22.., -DI 29.62.., DX 14.28..
    //   ADX at i3 (= 2n - 1) = mean(100, 14.2857...) = 57.142857...
    double[][] adx = Oscillators.adx(high, low, close, 2);
    assertTrue(Double.isNaN(adx[1][1]) && Double.isNaN(adx[0][2]));
    assertEquals(100 * 1.5 / 2.75, adx[1][2], 1e-12);
    assertEquals(0, adx[2][2], 0);
    double plus = 100 * 0.75 / 3.375;
    double minus = 100 * 1 / 3.375;
    assertEquals(plus, adx[1][3], 1e-12);
    assertEquals(minus, adx[2][3], 1e-12);
    double dx3 = 100 * Math.abs(plus - minus) / (plus + minus);
    assertEquals((100 + dx3) / 2, adx[0][3], 1e-12);
  }

  @Test
  void anOutsideBarWithEqualUpAndDownMovesCountsNeitherDirection() {
    // In ticks: high +14, low -14 (M2K 1584.8 -> 1586.2, 1582.3 -> 1580.9). Wilder: neither move exceeds the other.
    double[] high = {15848, 15862};
    double[] low = {15823, 15809};
    double[] close = {15835, 15836};
    double[][] adx = Oscillators.adx(high, low, close, 1);
    assertEquals(0, adx[1][1], 0);
    assertEquals(0, adx[2][1], 0);
  }
}
