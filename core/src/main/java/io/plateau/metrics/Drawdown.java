package io.plateau.metrics;

import io.plateau.exec.DailyEquity;
/**
 * The worst decline of an equity curve from a running peak, in currency and as a share of that peak, and the
 * longest time spent below a peak.
 *
 * <p>The running peak starts at the equity before the first point (the starting capital), so a loss on the
 * first day is already a drawdown. With peak {@code P_i = max(start, e_0, …, e_i)}:
 * <pre>
 *   maxDrawdown         = max_i (P_i − e_i)                      currency, ≥ 0
 *   maxDrawdownFraction = max_i (P_i − e_i) / P_i                 0.25 = 25 % below the peak
 *   longestDrawdownDays = the most points from a peak to the first point back at or above it,
 *                         or to the last point when the curve never gets back there
 * </pre>
 * The two maxima are taken separately, so they may come from different declines (a $500 fall from $10,000 is
 * the larger in currency, a $400 fall from $5,000 the larger in percent). Durations count points of the curve,
 * that is trading days for daily equity: a peak on day 3, two days under water and day 6 back at the peak is a
 * 3-day drawdown; the starting capital counts as the point before day 0. A percentage of a peak ≤ 0 means
 * nothing, so the fraction is NaN when {@code start ≤ 0} (a cumulative P&amp;L curve from 0, say); every later
 * peak is at least {@code start}, so with {@code start > 0} it is always defined.
 *
 * <p>This is the peak-to-trough drawdown of Magdon-Ismail &amp; Atiya, "Maximum drawdown", Risk (2004), on
 * mark-to-market equity; trade-by-trade drawdowns (closed trades only) come out smaller.
 *
 * @param maxDrawdown the largest fall from a running peak, in currency, ≥ 0 (0 for an empty or rising curve)
 * @param maxDrawdownFraction the largest fall relative to its running peak, in [0, ∞), NaN when the start was ≤ 0
 * @param longestDrawdownDays the longest peak-to-recovery span in points, ≥ 0
 */
public record Drawdown(double maxDrawdown, double maxDrawdownFraction, int longestDrawdownDays) {

  public Drawdown {
    if (!(maxDrawdown >= 0) || Double.isInfinite(maxDrawdown)) {
      throw new IllegalArgumentException("maxDrawdown must be a finite number >= 0, was " + maxDrawdown);
    }
    if (maxDrawdownFraction < 0) {
      throw new IllegalArgumentException("maxDrawdownFraction must be >= 0 or NaN, was " + maxDrawdownFraction);
    }
    if (longestDrawdownDays < 0) {
      throw new IllegalArgumentException("longestDrawdownDays must be >= 0, was " + longestDrawdownDays);
    }
  }

  /**
   * The drawdown of {@code equity} starting from {@code startEquity}. An empty curve has no drawdown: (0, 0, 0).
   *
   * @param startEquity the equity before {@code equity[0]}: the first running peak
   * @param equity the curve, e.g. {@link DailyEquity#equityUnsafe()}; not modified
   * @throws IllegalArgumentException when {@code startEquity} or a point of the curve is not finite
   */
  public static Drawdown of(double startEquity, double[] equity) {
    if (!Double.isFinite(startEquity)) {
      throw new IllegalArgumentException("startEquity must be a finite number, was " + startEquity);
    }
    double peak = startEquity;
    int peakIndex = -1;
    double maxDrawdown = 0;
    double maxFraction = startEquity > 0 ? 0 : Double.NaN;
    int longest = 0;
    for (int i = 0; i < equity.length; i++) {
      double e = equity[i];
      if (!Double.isFinite(e)) {
        throw new IllegalArgumentException("equity[" + i + "] must be a finite number, was " + e);
      }
      if (e >= peak) {
        // Consecutive peaks (i = peakIndex + 1) had no day under water in between: no drawdown to measure.
        if (i - peakIndex > 1) {
          longest = Math.max(longest, i - peakIndex);
        }
        peak = e;
        peakIndex = i;
      } else {
        double fall = peak - e;
        maxDrawdown = Math.max(maxDrawdown, fall);
        // With start ≤ 0 this stays NaN: Math.max propagates it.
        maxFraction = Math.max(maxFraction, fall / peak);
      }
    }
    int last = equity.length - 1;
    if (last > peakIndex) {
      longest = Math.max(longest, last - peakIndex);
    }
    return new Drawdown(maxDrawdown, maxFraction, longest);
  }
}
