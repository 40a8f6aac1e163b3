package io.plateau.metrics;

import io.plateau.exec.DailyEquity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The mark-to-market period analysis of seed 000 (a TradeStation-style table): net profit over the last 12
 * months, then per calendar year, newest first.
 *
 * <pre>
 *   Period          Net Profit   Return
 *   Last 12 months   $8,016.75    ...
 *   2019             $5,097.75    ...
 *   2018             $8,097.75    ...
 * </pre>
 * A trading date belongs to the calendar year of its date (a CME date that opened at 17:00 CT on 31 December
 * is the 1 January date, so it counts in the new year). A year's profit runs from the equity after the last
 * trading date of the year before (the starting capital for the first year) to the equity after its own last
 * trading date; the first and the last year are usually partial. The last 12 months run from the equity after
 * the last trading date on or before the same day one year before the last date (the starting capital when the
 * history is shorter) to the final equity.
 */
public final class PeriodAnalysis {

  /** The label of the trailing-year row. */
  public static final String LAST_12_MONTHS = "Last 12 months";

  private PeriodAnalysis() {}

  /** The period rows of {@code equity}: none for an empty curve, else the last 12 months and every year. */
  public static List<PeriodProfit> of(DailyEquity equity) {
    int n = equity.size();
    List<PeriodProfit> rows = new ArrayList<>();
    if (n == 0) {
      return rows;
    }
    int[] days = equity.epochDaysUnsafe();
    double[] values = equity.equityUnsafe();

    long yearAgo = LocalDate.ofEpochDay(days[n - 1]).minusYears(1).toEpochDay();
    double trailingStart = equity.startingCapital();
    for (int i = 0; i < n && days[i] <= yearAgo; i++) {
      trailingStart = values[i];
    }
    rows.add(PeriodProfit.of(LAST_12_MONTHS, trailingStart, values[n - 1]));

    // Walk back from the end: each year ends at its last date and starts where the year before ended.
    int end = n - 1;
    while (end >= 0) {
      int year = LocalDate.ofEpochDay(days[end]).getYear();
      long yearStart = LocalDate.of(year, 1, 1).toEpochDay();
      int before = end;
      while (before >= 0 && days[before] >= yearStart) {
        before--;
      }
      double start = before >= 0 ? values[before] : equity.startingCapital();
      rows.add(PeriodProfit.of(Integer.toString(year), start, values[end]));
      end = before;
    }
    return rows;
  }
}
