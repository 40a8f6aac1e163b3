package io.plateau.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardMatrixTest {

  private static final double CAPITAL = 10_000;
  private static final List<SpanMetrics> IN_SAMPLE = List.of(span(600, 50), span(400, 50));

  private static SpanMetrics span(double net, int days) {
    return new SpanMetrics(net, net * 252 / days, 0, 0, 0, 0, 0, 0, 0, days);
  }

  private static WalkForwardScheme scheme(int inSampleMonths, int outOfSampleMonths) {
    return new WalkForwardScheme(false, new Period(inSampleMonths, Period.Unit.MONTHS),
        new Period(outOfSampleMonths, Period.Unit.MONTHS), new Period(20, Period.Unit.DAYS));
  }

  /** IS 1,000 over 100 days (2,520 a year); OOS 250 + 250 over 100 days: 1,260 a year, efficiency exactly 50%. */
  @Test
  void aCellOnEveryThresholdPasses() {
    WalkForwardMatrix.Cell cell = WalkForwardMatrix.Cell.of(scheme(12, 3), IN_SAMPLE,
        List.of(span(250, 50), span(250, 50)), 4_000, CAPITAL, Gates.DEFAULTS);
    assertEquals(0.5, cell.summary().efficiency(), 1e-12);
    assertEquals(0.5, cell.summary().largestWindowShare(), 1e-12);
    assertEquals(1_260, cell.annualizedOutOfSampleProfit(), 1e-9);
    assertTrue(cell.passes(), cell.failures().toString());
  }

  @Test
  void eachMissedCriterionIsNamed() {
    WalkForwardMatrix.Cell concentrated = WalkForwardMatrix.Cell.of(scheme(12, 3), IN_SAMPLE,
        List.of(span(900, 50), span(100, 50)), 1_000, CAPITAL, Gates.DEFAULTS);
    assertEquals(List.of("one window earns more than 50% of the profit"), concentrated.failures());
    WalkForwardMatrix.Cell deep = WalkForwardMatrix.Cell.of(scheme(12, 3), IN_SAMPLE,
        List.of(span(300, 50), span(300, 50)), 4_001, CAPITAL, Gates.DEFAULTS);
    assertEquals(List.of("drawdown above 40% of the account"), deep.failures());
    WalkForwardMatrix.Cell losing = WalkForwardMatrix.Cell.of(scheme(12, 3), IN_SAMPLE,
        List.of(span(-300, 50), span(100, 50)), 500, CAPITAL, Gates.DEFAULTS);
    assertEquals(List.of("out-of-sample profit is not positive", "walk-forward efficiency below 50%",
        "one window earns more than 50% of the profit"), losing.failures());
    WalkForwardMatrix.Cell twoInThree = WalkForwardMatrix.Cell.of(scheme(12, 3), List.of(span(400, 50),
        span(300, 50), span(300, 50)), List.of(span(-10, 50), span(800, 50), span(600, 50)), 500, CAPITAL,
        Gates.DEFAULTS);
    assertTrue(twoInThree.failures().contains("one window earns more than 50% of the profit"));
    assertFalse(twoInThree.failures().contains("fewer than 50% of the windows profitable"), "2 of 3 are profitable");
    WalkForwardMatrix.Cell oneInThree = WalkForwardMatrix.Cell.of(scheme(12, 3), List.of(span(400, 50),
        span(300, 50), span(300, 50)), List.of(span(-10, 50), span(-20, 50), span(900, 50)), 500, CAPITAL,
        Gates.DEFAULTS);
    assertTrue(oneInThree.failures().contains("fewer than 50% of the windows profitable"));
  }

  @Test
  void theBestCellIsTheMostProfitablePassingOneNotTheMostProfitable() {
    WalkForwardMatrix.Cell passes = WalkForwardMatrix.Cell.of(scheme(12, 3), IN_SAMPLE,
        List.of(span(250, 50), span(250, 50)), 1_000, CAPITAL, Gates.DEFAULTS);
    WalkForwardMatrix.Cell passesBetter = WalkForwardMatrix.Cell.of(scheme(12, 6), IN_SAMPLE,
        List.of(span(400, 50), span(400, 50)), 1_000, CAPITAL, Gates.DEFAULTS);
    WalkForwardMatrix.Cell failsRicher = WalkForwardMatrix.Cell.of(scheme(24, 3), IN_SAMPLE,
        List.of(span(5_000, 50), span(100, 50)), 1_000, CAPITAL, Gates.DEFAULTS);
    WalkForwardMatrix matrix = WalkForwardMatrix.of(List.of(passes, failsRicher, passesBetter));
    assertEquals(2, matrix.best());
    assertEquals(2, matrix.passing());
    assertEquals(2_016, passesBetter.annualizedOutOfSampleProfit(), 1e-9);

    WalkForwardMatrix nonePass = WalkForwardMatrix.of(List.of(failsRicher, WalkForwardMatrix.Cell.of(scheme(6, 1),
        IN_SAMPLE, List.of(span(-5, 50), span(1, 50)), 10, CAPITAL, Gates.DEFAULTS)));
    assertEquals(0, nonePass.best(), "the most profitable, marked failing");
    assertEquals(0, nonePass.passing());
    assertEquals(-1, WalkForwardMatrix.of(List.of()).best());
  }
}
