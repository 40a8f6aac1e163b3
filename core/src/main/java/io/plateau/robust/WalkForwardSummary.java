package io.plateau.robust;

import io.plateau.metrics.Ratios;
import java.util.List;

/**
 * A study's walk-forward verdict in four figures, from each window's chosen set: its in-sample metrics and its
 * out-of-sample re-run.
 *
 * @param efficiency walk-forward efficiency (Pardo): the chosen sets' annualized out-of-sample profit over their
 *     annualized in-sample profit, each annualized over all windows together ({@code Σ net × 252 / Σ days}); NaN
 *     when the in-sample profit is not positive
 * @param profitableWindowShare the fraction of windows whose out-of-sample net profit is &gt; 0
 * @param largestWindowShare the largest single window's out-of-sample net profit over the total; NaN when the
 *     total is not positive
 * @param stitchedMaxDrawdown the largest drawdown of the stitched out-of-sample equity, in currency
 * @param outOfSampleNetProfit the stitched curve's total
 * @param windows the number of windows
 */
public record WalkForwardSummary(double efficiency, double profitableWindowShare, double largestWindowShare,
    double stitchedMaxDrawdown, double outOfSampleNetProfit, int windows) {

  /** The summary of windows whose chosen sets had {@code inSample} and {@code outOfSample} metrics, in order. */
  public static WalkForwardSummary of(List<SpanMetrics> inSample, List<SpanMetrics> outOfSample,
      double stitchedMaxDrawdown) {
    if (inSample.size() != outOfSample.size()) {
      throw new IllegalArgumentException("one in-sample and one out-of-sample entry per window");
    }
    double inSampleAnnual = annualized(inSample);
    double outOfSampleAnnual = annualized(outOfSample);
    double total = 0;
    double largest = Double.NEGATIVE_INFINITY;
    int profitable = 0;
    for (SpanMetrics window : outOfSample) {
      total += window.netProfit();
      largest = Math.max(largest, window.netProfit());
      profitable += window.netProfit() > 0 ? 1 : 0;
    }
    int windows = outOfSample.size();
    return new WalkForwardSummary(inSampleAnnual > 0 ? outOfSampleAnnual / inSampleAnnual : Double.NaN,
        windows == 0 ? Double.NaN : (double) profitable / windows, total > 0 ? largest / total : Double.NaN,
        stitchedMaxDrawdown, total, windows);
  }

  /**
   * One window's degradation from in-sample to out-of-sample: the window's own walk-forward efficiency, its
   * annualized out-of-sample profit over its annualized in-sample profit; NaN when the in-sample profit is not
   * positive (a ratio to a loss says nothing).
   */
  public static double windowEfficiency(SpanMetrics inSample, SpanMetrics outOfSample) {
    return annualized(List.of(inSample)) > 0
        ? annualized(List.of(outOfSample)) / annualized(List.of(inSample)) : Double.NaN;
  }

  private static double annualized(List<SpanMetrics> spans) {
    double net = 0;
    long days = 0;
    for (SpanMetrics span : spans) {
      net += span.netProfit();
      days += span.tradingDays();
    }
    return days == 0 ? Double.NaN : net * Ratios.TRADING_DAYS_PER_YEAR / days;
  }
}
