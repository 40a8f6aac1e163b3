package io.plateau.robust;

import io.plateau.metrics.Ratios;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk-forward matrix (TradeStation's "cluster analysis"): the same trials judged under several walk-forward
 * schemes, one cell per pair of in-sample and out-of-sample lengths, each with its walk-forward summary and a
 * pass/fail verdict, and the best cell.
 *
 * <p>A cell passes when its stitched out-of-sample profit is positive, its walk-forward efficiency is at least 50%,
 * at least half of its out-of-sample windows are profitable, no window earns more than half of the total, and the
 * stitched out-of-sample drawdown is at most 40% of the account: the defaults of TradeStation's Walk-Forward
 * Optimizer (after Pardo, "The Evaluation and Optimization of Trading Strategies", 2008). A matrix where many
 * neighbouring cells pass says the strategy does not depend on one lucky choice of window lengths. The best cell is
 * the passing cell with the highest annualized out-of-sample profit (annualized so that cells whose windows cover
 * different spans compare fairly); when none passes, the highest of all, marked as failing.
 *
 * @param cells the cells, in the study's order (in-sample lengths outer, out-of-sample lengths inner)
 * @param best the index of the best cell, -1 for an empty matrix
 */
public record WalkForwardMatrix(List<Cell> cells, int best) {

  /** The least walk-forward efficiency of a passing cell. */
  public static final double MIN_EFFICIENCY = 0.5;
  /** The least share of profitable out-of-sample windows of a passing cell. */
  public static final double MIN_PROFITABLE_WINDOWS = 0.5;
  /** The largest share of the total out-of-sample profit one window of a passing cell may earn. */
  public static final double MAX_WINDOW_SHARE = 0.5;
  /** The largest stitched out-of-sample drawdown of a passing cell, as a fraction of the account. */
  public static final double MAX_DRAWDOWN_OF_ACCOUNT = 0.4;

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
     * account of {@code capital}.
     */
    public static Cell of(WalkForwardScheme scheme, List<SpanMetrics> inSample, List<SpanMetrics> outOfSample,
        double stitchedMaxDrawdown, double capital) {
      WalkForwardSummary summary = WalkForwardSummary.of(inSample, outOfSample, stitchedMaxDrawdown);
      long days = outOfSample.stream().mapToLong(SpanMetrics::tradingDays).sum();
      double annualized = days == 0 ? Double.NaN
          : summary.outOfSampleNetProfit() * Ratios.TRADING_DAYS_PER_YEAR / days;
      List<String> failures = new ArrayList<>();
      if (!(summary.outOfSampleNetProfit() > 0)) {
        failures.add("out-of-sample profit is not positive");
      }
      if (!(summary.efficiency() >= MIN_EFFICIENCY)) {
        failures.add("walk-forward efficiency below " + percent(MIN_EFFICIENCY));
      }
      if (!(summary.profitableWindowShare() >= MIN_PROFITABLE_WINDOWS)) {
        failures.add("fewer than " + percent(MIN_PROFITABLE_WINDOWS) + " of the windows profitable");
      }
      if (!(summary.largestWindowShare() <= MAX_WINDOW_SHARE)) {
        failures.add("one window earns more than " + percent(MAX_WINDOW_SHARE) + " of the profit");
      }
      if (!(stitchedMaxDrawdown <= MAX_DRAWDOWN_OF_ACCOUNT * capital)) {
        failures.add("drawdown above " + percent(MAX_DRAWDOWN_OF_ACCOUNT) + " of the account");
      }
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

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }
}
