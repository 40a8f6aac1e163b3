package io.plateau.indicator;

import io.plateau.bar.BarSeries;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Indicator values of one series, each computed once and then shared by every parameter set and thread that
 * asks for it: a grid of 10,000 moving-average pairs over one series needs only the distinct windows.
 * The returned arrays are shared: never modify them.
 */
public final class IndicatorCache {

  private final BarSeries series;
  private final Map<IndicatorSpec, double[][]> values = new ConcurrentHashMap<>();

  public IndicatorCache(BarSeries series) {
    this.series = series;
  }

  public BarSeries series() {
    return series;
  }

  /** All outputs of {@code spec}, computed on first use; shared arrays, do not modify. */
  public double[][] valuesUnsafe(IndicatorSpec spec) {
    return values.computeIfAbsent(spec, s -> s.compute(series));
  }

  /** The first output of {@code spec} (the indicator itself, or the middle band); shared, do not modify. */
  public double[] firstUnsafe(IndicatorSpec spec) {
    return valuesUnsafe(spec)[0];
  }

  /** How many distinct indicators have been computed so far. */
  public int size() {
    return values.size();
  }
}
