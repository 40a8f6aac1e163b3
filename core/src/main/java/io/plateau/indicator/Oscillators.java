package io.plateau.indicator;

import io.plateau.util.Checks;

/**
 * RSI, true range, ATR and ADX, as J. Welles Wilder defined them (New Concepts in Technical Trading Systems, 1978)
 * and as TA-Lib computes them, warm-up included. Not-yet-available values are NaN.
 */
public final class Oscillators {

  private Oscillators() {}

  /**
   * Wilder's RSI over closes: the average gain and loss of the first {@code n} changes (indices 1..n) seed the
   * averages, then {@code avg += (x - avg) / n}; {@code RSI = 100 - 100 / (1 + avgGain / avgLoss)}. First value at
   * index {@code n}. With no losses RSI is 100; with no change at all it is 0 (TA-Lib and ta4j agree on both).
   */
  public static double[] rsi(double[] close, int n) {
    Checks.positive(n, "n");
    double[] out = Smoothing.nans(close.length);
    if (close.length <= n) {
      return out;
    }
    double gain = 0;
    double loss = 0;
    for (int i = 1; i <= n; i++) {
      double change = close[i] - close[i - 1];
      gain += Math.max(change, 0);
      loss += Math.max(-change, 0);
    }
    gain /= n;
    loss /= n;
    out[n] = rsiOf(gain, loss);
    for (int i = n + 1; i < close.length; i++) {
      double change = close[i] - close[i - 1];
      gain += (Math.max(change, 0) - gain) / n;
      loss += (Math.max(-change, 0) - loss) / n;
      out[i] = rsiOf(gain, loss);
    }
    return out;
  }

  private static double rsiOf(double averageGain, double averageLoss) {
    double total = averageGain + averageLoss;
    return total == 0 ? 0 : 100 * averageGain / total;
  }

  /** True range {@code max(H - L, |H - Cprev|, |L - Cprev|)}; NaN at index 0, which has no previous close. */
  public static double[] trueRange(double[] high, double[] low, double[] close) {
    double[] out = Smoothing.nans(close.length);
    for (int i = 1; i < close.length; i++) {
      out[i] = trueRange(high[i], low[i], close[i - 1]);
    }
    return out;
  }

  static double trueRange(double high, double low, double previousClose) {
    return Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
  }

  /** Average true range: Wilder smoothing of the true range seeded with the mean of TR[1..n]; first value at index n. */
  public static double[] atr(double[] high, double[] low, double[] close, int n) {
    return Smoothing.wilder(trueRange(high, low, close), n);
  }

  /**
   * ADX with +DI and -DI ({@code [adx, plusDi, minusDi]}), TA-Lib's algorithm: +DM = H - Hprev when it exceeds
   * Lprev - L and is positive, else 0 (-DM mirrored); +DM, -DM and TR are Wilder-summed starting from the sum of
   * their first n - 1 values, so ±DI = 100 · sum(±DM) / sum(TR) starts at index n; DX = 100 · |+DI - -DI| /
   * (+DI + -DI) (0 when both are 0); ADX is the mean of the first n DX values, then Wilder-smoothed, first at
   * index 2n - 1.
   */
  public static double[][] adx(double[] high, double[] low, double[] close, int n) {
    Checks.positive(n, "n");
    int length = close.length;
    double[] adx = Smoothing.nans(length);
    double[] plusDi = Smoothing.nans(length);
    double[] minusDi = Smoothing.nans(length);
    if (length <= n) {
      return new double[][] {adx, plusDi, minusDi};
    }
    double plusDm = 0;
    double minusDm = 0;
    double tr = 0;
    for (int i = 1; i < n; i++) {
      plusDm += plusDm(high, low, i);
      minusDm += minusDm(high, low, i);
      tr += trueRange(high[i], low[i], close[i - 1]);
    }
    double dxSum = 0;
    double average = Double.NaN;
    for (int i = n; i < length; i++) {
      plusDm += plusDm(high, low, i) - plusDm / n;
      minusDm += minusDm(high, low, i) - minusDm / n;
      tr += trueRange(high[i], low[i], close[i - 1]) - tr / n;
      double plus = tr == 0 ? 0 : 100 * plusDm / tr;
      double minus = tr == 0 ? 0 : 100 * minusDm / tr;
      plusDi[i] = plus;
      minusDi[i] = minus;
      double dx = plus + minus == 0 ? 0 : 100 * Math.abs(plus - minus) / (plus + minus);
      if (i < 2 * n - 1) {
        dxSum += dx;
      } else if (i == 2 * n - 1) {
        average = (dxSum + dx) / n;
        adx[i] = average;
      } else {
        average += (dx - average) / n;
        adx[i] = average;
      }
    }
    return new double[][] {adx, plusDi, minusDi};
  }

  private static double plusDm(double[] high, double[] low, int i) {
    double up = high[i] - high[i - 1];
    double down = low[i - 1] - low[i];
    return up > down && up > 0 ? up : 0;
  }

  private static double minusDm(double[] high, double[] low, int i) {
    double up = high[i] - high[i - 1];
    double down = low[i - 1] - low[i];
    return down > up && down > 0 ? down : 0;
  }
}
