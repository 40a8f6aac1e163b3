package io.plateau.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plateau.metrics.Ratios;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanMetricsTest {

  /** Capital 10,000; equity after each of 6 dates; the span is dates 2..5 (starting from 10,300). */
  @Test
  void aSpanIsMeasuredFromTheEquityBeforeIt() {
    double[] equity = {10_100, 10_300, 10_200, 10_500, 10_400, 10_700};
    double[] tradePnl = {300, -100, 250, -50, 999};
    int[] exitIndex = {1, 2, 3, 4};
    SpanMetrics span = SpanMetrics.of(equity, 10_000, 2, 6, tradePnl, exitIndex);
    assertEquals(400, span.netProfit(), 1e-9);
    assertEquals(400 * 252 / 4.0, span.annualizedProfit(), 1e-9);
    // Peak 10,300 before the span, trough 10,200: 100; later peak 10,500, then 10,400: 100.
    assertEquals(100, span.maxDrawdown(), 1e-9);
    assertEquals(span.annualizedProfit() / 100, span.returnToDrawdown(), 1e-9);
    // Trades exiting on dates 2..5: -100, 250, -50 (the fifth P&L is spare capacity, no exit index).
    assertEquals(3, span.trades());
    assertEquals(250 / 150.0, span.profitFactor(), 1e-12);
    assertEquals(1 / 3.0, span.winRate(), 1e-12);
    assertEquals(100 / 3.0, span.expectancy(), 1e-12);
    double[] returns = {10_200 / 10_300.0 - 1, 10_500 / 10_200.0 - 1, 10_400 / 10_500.0 - 1, 10_700 / 10_400.0 - 1};
    assertEquals(Ratios.sharpe(returns, 0), span.sharpe(), 1e-12);
    assertEquals(4, span.tradingDays());
  }

  @Test
  void aSpanWithoutTradesHasNoWinRateOrExpectancy() {
    SpanMetrics span = SpanMetrics.of(new double[] {10_000, 10_000}, 10_000, 0, 2, new double[0], new int[0]);
    assertEquals(0, span.trades());
    assertEquals(Double.NaN, span.winRate());
    assertEquals(Double.NaN, span.expectancy());
    assertEquals(0, span.netProfit(), 0);
  }

  @Test
  void theSummaryAnnualizesOverAllWindowsAndFindsTheLargestShare() {
    SpanMetrics isA = new SpanMetrics(1_000, 0, 0, 0, 0, 0, 0, 0, 0, 100);
    SpanMetrics isB = new SpanMetrics(3_000, 0, 0, 0, 0, 0, 0, 0, 0, 100);
    SpanMetrics oosA = new SpanMetrics(300, 0, 0, 0, 0, 0, 0, 0, 0, 50);
    SpanMetrics oosB = new SpanMetrics(-100, 0, 0, 0, 0, 0, 0, 0, 0, 50);
    WalkForwardSummary summary = WalkForwardSummary.of(List.of(isA, isB), List.of(oosA, oosB), 400);
    // OOS: 200 over 100 days; IS: 4,000 over 200 days: (200/100) / (4000/200) = 0.1.
    assertEquals(0.1, summary.efficiency(), 1e-12);
    assertEquals(0.5, summary.profitableWindowShare(), 0);
    assertEquals(1.5, summary.largestWindowShare(), 1e-12, "300 of a 200 total");
    assertEquals(200, summary.outOfSampleNetProfit(), 1e-12);
    assertEquals(2, summary.windows());
    // Window A: (300 / 50) / (1,000 / 100) = 0.6; window B loses out of sample: -100 / 50 / 30 = -0.0667.
    assertEquals(0.6, WalkForwardSummary.windowEfficiency(isA, oosA), 1e-12);
    assertEquals(-2.0 / 30, WalkForwardSummary.windowEfficiency(isB, oosB), 1e-12);
    assertEquals(Double.NaN, WalkForwardSummary.windowEfficiency(oosB, isA), "a losing in-sample span");
  }
}
