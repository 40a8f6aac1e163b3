package io.plateau.robust;

import io.plateau.metrics.Ratios;
import java.util.List;

/**
 * The walk-forward matrix (TradeStation's "cluster analysis"): the same trials judged under several walk-forward
 * schemes, one cell per pair of in-sample and out-of-sample lengths, each with its walk-forward summary and a
 * pass/fail verdict, and the best cell.
 *
 * <p>A cell passes when it clears the walk-forward {@link Gates} (by default TradeStation's: positive stitched
 * out-of-sample profit, walk-forward efficiency ≥ 50%, ≥ 50% of the windows profitable, no window above 50% of the
 * profit, stitched drawdown ≤ 40% of the account). A matrix where many
 * neighbouring cells pass says the strategy does not depend on one lucky choice of window lengths. The best cell is
 * the passing cell with the highest annualized out-of-sample profit (annualized so that cells whose windows cover
 * different spans compare fairly); when none passes, the highest of all, marked as failing.
 *
 * @param cells the cells, in the study's order (in-sample lengths outer, out-of-sample lengths inner)
 * @param best the index of the best cell, -1 for an empty matrix
 */
public record WalkForwardMatrix(List<Cell> cells, int best) {

  public WalkForwardMatrix {
    cells = List.copyOf(cells);
  }

  /**
   * One scheme's result.
   *
   * @param scheme the walk-forward scheme
   * @param summary its walk-forward summary
   * @param annualizedOutOfSampleProfit the stitched out-of-sample profit × 252 / its trading days
   * @param failures the pass criteria the cell misses, in words; empty when it passes
   */
  public record Cell(WalkForwardScheme scheme, WalkForwardSummary summary, double annualizedOutOfSampleProfit,
      List<String> failures) {

    public Cell {
      failures = List.copyOf(failures);
    }

    public boolean passes() {
      return failures.isEmpty();
    }

    /**
     * The cell of {@code scheme} whose windows' chosen sets had {@code inSample} and {@code outOfSample} metrics,
     * in window order, and whose stitched out-of-sample equity fell at most {@code stitchedMaxDrawdown}, on an
     * account of {@code capital}, judged by {@code gates}' walk-forward gates.
     */
    public static Cell of(WalkForwardScheme scheme, List<SpanMetrics> inSample, List<SpanMetrics> outOfSample,
        double stitchedMaxDrawdown, double capital, Gates gates) {
      WalkForwardSummary summary = WalkForwardSummary.of(inSample, outOfSample, stitchedMaxDrawdown);
      long days = outOfSample.stream().mapToLong(SpanMetrics::tradingDays).sum();
      double annualized = days == 0 ? Double.NaN
          : summary.outOfSampleNetProfit() * Ratios.TRADING_DAYS_PER_YEAR / days;
      List<String> failures = gates.walkForwardFailures(summary, capital);
      return new Cell(scheme, summary, annualized, failures);
    }
  }

  /** The matrix of {@code cells}, with its best cell. */
  public static WalkForwardMatrix of(List<Cell> cells) {
    int best = -1;
    for (int c = 0; c < cells.size(); c++) {
      if (best < 0 || better(cells.get(c), cells.get(best))) {
        best = c;
      }
    }
    return new WalkForwardMatrix(cells, best);
  }

  /** How many cells pass. */
  public int passing() {
    return (int) cells.stream().filter(Cell::passes).count();
  }

  /** Passing before failing, then the higher annualized out-of-sample profit (NaN last); ties keep the earlier. */
  private static boolean better(Cell a, Cell b) {
    if (a.passes() != b.passes()) {
      return a.passes();
    }
    double x = a.annualizedOutOfSampleProfit();
    double y = b.annualizedOutOfSampleProfit();
    return !Double.isNaN(x) && (Double.isNaN(y) || x > y);
  }
}
