package io.plateau.metrics;

import io.plateau.exec.DailyEquity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodAnalysisTest {

  private static int day(int year, int month, int dayOfMonth) {
    return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
  }

  /**
   * From 10,000: 2022-12-30 → 10,500; 2023-06-30 → 11,000; 2023-12-29 → 10,800; 2024-03-01 → 11,500;
   * 2024-06-28 → 12,000. The last date is 2024-06-28, a year before is 2023-06-28, and the last date on or
   * before it is 2022-12-30 (10,500):
   * <pre>
   *   Last 12 months  10,500 → 12,000   +1,500   14.2857 %
   *   2024            10,800 → 12,000   +1,200   11.1111 %
   *   2023            10,500 → 10,800     +300    2.8571 %
   *   2022            10,000 → 10,500     +500    5 %       (partial: from the starting capital)
   * </pre>
   */
  @Test
  void lastTwelveMonthsThenYearsNewestFirst() {
    DailyEquity equity = DailyEquity.builder(10_000)
        .add(day(2022, 12, 30), 10_500)
        .add(day(2023, 6, 30), 11_000)
        .add(day(2023, 12, 29), 10_800)
        .add(day(2024, 3, 1), 11_500)
        .add(day(2024, 6, 28), 12_000)
        .build();
    List<PeriodProfit> rows = PeriodAnalysis.of(equity);
    assertEquals(4, rows.size());
    assertRow("Last 12 months", 10_500, 1_500, 100.0 * 1_500 / 10_500, rows.get(0));
    assertRow("2024", 10_800, 1_200, 100.0 * 1_200 / 10_800, rows.get(1));
    assertRow("2023", 10_500, 300, 100.0 * 300 / 10_500, rows.get(2));
    assertRow("2022", 10_000, 500, 5.0, rows.get(3));
  }

  @Test
  void aDateExactlyOneYearBeforeTheLastStartsTheTrailingYear() {
    DailyEquity equity = DailyEquity.builder(1_000)
        .add(day(2023, 6, 27), 1_100)
        .add(day(2023, 6, 28), 1_200)
        .add(day(2023, 6, 29), 1_300)
        .add(day(2024, 6, 28), 1_560)
        .build();
    assertRow("Last 12 months", 1_200, 360, 30.0, PeriodAnalysis.of(equity).get(0));
  }

  @Test
  void historyShorterThanAYearStartsFromTheCapital() {
    DailyEquity equity = DailyEquity.builder(1_000).add(day(2024, 3, 1), 900).build();
    List<PeriodProfit> rows = PeriodAnalysis.of(equity);
    assertEquals(2, rows.size(), "one day: the trailing year and its calendar year");
    assertRow("Last 12 months", 1_000, -100, -10.0, rows.get(0));
    assertRow("2024", 1_000, -100, -10.0, rows.get(1));
  }

  @Test
  void yearsWithoutTradingDatesAreAbsentAndTheNextStartsFromTheLastEquity() {
    DailyEquity equity = DailyEquity.builder(1_000).add(day(2020, 5, 1), 1_100).add(day(2022, 5, 2), 1_210).build();
    List<PeriodProfit> rows = PeriodAnalysis.of(equity);
    assertEquals(List.of("Last 12 months", "2022", "2020"), rows.stream().map(PeriodProfit::period).toList());
    assertRow("2022", 1_100, 110, 10.0, rows.get(1));
  }

  @Test
  void emptyCurveHasNoPeriods() {
    assertEquals(List.of(), PeriodAnalysis.of(DailyEquity.builder(1_000).build()));
  }

  private static void assertRow(String period, double startEquity, double netProfit, double returnPercent,
      PeriodProfit row) {
    assertEquals(period, row.period());
    assertEquals(startEquity, row.startEquity(), 1e-9);
    assertEquals(netProfit, row.netProfit(), 1e-9);
    assertEquals(returnPercent, row.returnPercent(), 1e-9);
  }
}
