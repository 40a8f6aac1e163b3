package io.plateau.strategy;

/**
 * Crossings of two series, as ta4j's {@code CrossIndicator} defines them: {@code a} crosses above {@code b} at bar
 * i when a > b at i and, looking back past bars where they are equal, a < b at the last bar where they differed.
 * Bars before {@code firstValid} (indicator warm-up) are never looked at.
 */
final class Crosses {

  private Crosses() {}

  static boolean crossedAbove(double[] a, double[] b, int i, int firstValid) {
    if (i <= firstValid || !(a[i] > b[i])) {
      return false;
    }
    int j = i - 1;
    while (j > firstValid && a[j] == b[j]) {
      j--;
    }
    return a[j] < b[j];
  }
}
