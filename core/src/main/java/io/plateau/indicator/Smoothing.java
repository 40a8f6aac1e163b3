package io.plateau.indicator;

import io.plateau.util.Checks;
import java.util.Arrays;

/**
 * The moving averages and rolling statistics the indicators are built from, over primitive arrays.
 *
 * <p>Convention: TA-Lib's (also R TTR's). A value that is not available yet is {@link Double#NaN}, never 0:
 * an n-bar window has its first value at index {@code n - 1}; an EMA is seeded with the SMA of its first n
 * inputs; Wilder smoothing ({@code avg += (x - avg) / n}) likewise. Inputs may start with NaN (an earlier
 * indicator's warm-up): the output then starts that many bars later. Rolling sums are updated by adding and
 * subtracting, which is exact for integer-valued inputs such as prices in ticks (the core's unit), so no drift
 * accumulates over millions of bars.
 */
public final class Smoothing {

  private Smoothing() {}

  /** Simple moving average of {@code n} values; first value at index {@code n - 1} (after leading NaNs). */
  public static double[] sma(double[] x, int n) {
    Checks.positive(n, "n");
    double[] out = nans(x.length);
    int start = firstValid(x);
    double sum = 0;
    for (int i = start; i < x.length; i++) {
      sum += x[i];
      if (i - start >= n) {
        sum -= x[i - n];
      }
      if (i - start >= n - 1) {
        out[i] = sum / n;
      }
    }
    return out;
  }

  /**
   * Exponential moving average with {@code alpha = 2 / (n + 1)}, seeded with the SMA of the first {@code n}
   * values (TA-Lib, TTR); first value at index {@code n - 1}.
   */
  public static double[] ema(double[] x, int n) {
    return exponential(x, n, 2.0 / (n + 1));
  }

  /**
   * Wilder's smoothing, an EMA with {@code alpha = 1 / n} seeded with the SMA of the first {@code n} values
   * (TA-Lib's RSI and ATR); first value at index {@code n - 1}.
   */
  public static double[] wilder(double[] x, int n) {
    return exponential(x, n, 1.0 / n);
  }

  private static double[] exponential(double[] x, int n, double alpha) {
    Checks.positive(n, "n");
    double[] out = nans(x.length);
    int start = firstValid(x);
    if (x.length - start < n) {
      return out;
    }
    double sum = 0;
    for (int i = start; i < start + n; i++) {
      sum += x[i];
    }
    double average = sum / n;
    out[start + n - 1] = average;
    for (int i = start + n; i < x.length; i++) {
      average += alpha * (x[i] - average);
      out[i] = average;
    }
    return out;
  }

  /**
   * Population standard deviation of the last {@code n} values (divisor n, as Bollinger, TA-Lib and TTR's
   * {@code runSD(sample = FALSE)} use); first value at index {@code n - 1}.
   */
  public static double[] stdDev(double[] x, int n) {
    Checks.positive(n, "n");
    double[] out = nans(x.length);
    int start = firstValid(x);
    if (x.length - start < n) {
      return out;
    }
    // Shift by the first value so that the sums stay small (no cancellation between sum of squares and square of sum).
    double anchor = x[start];
    double sum = 0;
    double sumSquares = 0;
    for (int i = start; i < x.length; i++) {
      double d = x[i] - anchor;
      sum += d;
      sumSquares += d * d;
      if (i - start >= n) {
        double old = x[i - n] - anchor;
        sum -= old;
        sumSquares -= old * old;
      }
      if (i - start >= n - 1) {
        double mean = sum / n;
        out[i] = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
      }
    }
    return out;
  }

  /** The highest of the last {@code n} values including the current one; first value at index {@code n - 1}. */
  public static double[] highest(double[] x, int n) {
    return extreme(x, n, true);
  }

  /** The lowest of the last {@code n} values including the current one; first value at index {@code n - 1}. */
  public static double[] lowest(double[] x, int n) {
    return extreme(x, n, false);
  }

  /** Sliding-window extreme with a monotonic deque of indices: O(1) amortized per value. */
  private static double[] extreme(double[] x, int n, boolean highest) {
    Checks.positive(n, "n");
    double[] out = nans(x.length);
    int start = firstValid(x);
    int[] deque = new int[Math.max(1, Math.min(n, x.length) + 1)];
    int head = 0;
    int tail = 0;
    int capacity = deque.length;
    for (int i = start; i < x.length; i++) {
      while (tail != head) {
        int last = deque[(tail - 1 + capacity) % capacity];
        boolean dominated = highest ? x[last] <= x[i] : x[last] >= x[i];
        if (!dominated) {
          break;
        }
        tail = (tail - 1 + capacity) % capacity;
      }
      deque[tail] = i;
      tail = (tail + 1) % capacity;
      if (deque[head] <= i - n) {
        head = (head + 1) % capacity;
      }
      if (i - start >= n - 1) {
        out[i] = x[deque[head]];
      }
    }
    return out;
  }

  /** Index of the first non-NaN value ({@code x.length} when there is none). */
  static int firstValid(double[] x) {
    int i = 0;
    while (i < x.length && Double.isNaN(x[i])) {
      i++;
    }
    return i;
  }

  static double[] nans(int length) {
    double[] out = new double[length];
    Arrays.fill(out, Double.NaN);
    return out;
  }
}
