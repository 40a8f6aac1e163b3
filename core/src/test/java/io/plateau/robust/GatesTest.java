package io.plateau.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatesTest {

  private static final double CAPITAL = 10_000;

  /** efficiency, profitable share, largest share, stitched drawdown, out-of-sample net, windows. */
  private static WalkForwardSummary summary(double efficiency, double profitable, double largest, double drawdown,
      double net) {
    return new WalkForwardSummary(efficiency, profitable, largest, drawdown, net, 10);
  }

  @Test
  void everyGateReachingItsDistinctionIsAPassWithDistinction() {
    Gates.Report report = Gates.DEFAULTS.evaluate(summary(1.0, 0.8, 0.5, 4_000, 1_000), CAPITAL, 0.2, 0.95);
    assertEquals(Gates.Verdict.PASS_WITH_DISTINCTION, report.verdict(), report.toString());
    assertEquals(List.of(), report.reasons());
    assertEquals(7, report.gates().size());
  }

  @Test
  void passingWithoutEveryDistinctionIsAPass() {
    Gates.Report efficiency = Gates.DEFAULTS.evaluate(summary(0.99, 0.8, 0.3, 100, 1_000), CAPITAL, 0.1, 0.99);
    assertEquals(Gates.Verdict.PASS, efficiency.verdict());
    assertEquals(Gates.Distinction.MISSED, efficiency.gates().get(1).distinction());
    Gates.Report pbo = Gates.DEFAULTS.evaluate(summary(1.5, 0.9, 0.3, 100, 1_000), CAPITAL, 0.21, 0.99);
    assertEquals(Gates.Verdict.PASS, pbo.verdict());
  }

  @Test
  void eachFailedGateGivesItsReason() {
    Gates.Report report = Gates.DEFAULTS.evaluate(summary(0.4, 0.3, 0.6, 4_001, -5), CAPITAL, 0.51, 0.5);
    assertEquals(Gates.Verdict.FAIL, report.verdict());
    assertEquals(List.of("out-of-sample profit is not positive", "walk-forward efficiency below 50%",
        "fewer than 50% of the windows profitable", "one window earns more than 50% of the profit",
        "drawdown above 40% of the account", "probability of backtest overfitting 0.51 above 0.5",
        "deflated Sharpe ratio 0.50 below 0.95"), report.reasons());
    Gates.Gate drawdown = report.gates().get(4);
    assertEquals(0.4001, drawdown.value(), 1e-12);
    assertEquals("<= 40%", drawdown.threshold());
  }

  @Test
  void anUndefinedValueFails() {
    Gates.Report report = Gates.DEFAULTS.evaluate(summary(Double.NaN, 0.8, Double.NaN, 100, 1_000), CAPITAL,
        Double.NaN, Double.NaN);
    assertEquals(Gates.Verdict.FAIL, report.verdict());
    assertEquals(4, report.reasons().size(), report.reasons().toString());
  }

  @Test
  void thresholdsAreTheStudysAndADistinctionCannotBeLooserThanItsGate() {
    Gates strict = new Gates(0.8, 1.2, 0.6, 0.9, 0.3, 0.2, 0.3, 0.1, 0.99);
    assertEquals(List.of("walk-forward efficiency below 80%", "one window earns more than 30% of the profit"),
        strict.walkForwardFailures(summary(0.7, 0.7, 0.4, 1_000, 500), CAPITAL));
    IllegalArgumentException loose = assertThrows(IllegalArgumentException.class,
        () -> new Gates(0.5, 0.4, 0.5, 0.8, 0.5, 0.4, 0.5, 0.2, 0.95));
    assertTrue(loose.getMessage().contains("efficiency 0.4 vs 0.5"), loose.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Gates(-1, 1, 0.5, 0.8, 0.5, 0.4, 0.5, 0.2, 0.95));
  }
}
