package io.plateau.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatiosTest {

  /** The six daily returns of DrawdownTest's curve. */
  private static final double[] RETURNS = {0.01, -0.02, 0.015, 0.02, -0.01, 0.005};

  /**
   * By hand: mean = 0.02 / 6 = 0.0033333; deviations 0.0066667, −0.0233333, 0.0116667, 0.0166667, −0.0133333,
   * 0.0016667; squares sum to 0.00118333; / (6 − 1) = 0.000236667; s = 0.0153840;
   * Sharpe = 0.0033333 / 0.0153840 · √252 (15.874508) = 3.43962.
   * numpy: {@code r.mean() / r.std(ddof=1) * np.sqrt(252)} = 3.4396200248709103.
   */
  @Test
  void sharpeOfSixDays() {
    assertEquals(3.4396200248709103, Ratios.sharpe(RETURNS, 0), 1e-12);
  }

  /**
   * By hand: shortfalls below 0 are −0.02 and −0.01 (the other four days add 0); squares 0.0004 + 0.0001 =
   * 0.0005; / 6 days (all of them) = 0.0000833333; DD = 0.00912871; Sortino = 0.0033333 / 0.00912871 · √252 =
   * 5.79655. numpy: {@code r.mean() / np.sqrt(np.mean(np.minimum(r, 0) ** 2)) * np.sqrt(252)} = 5.796550698475776.
   */
  @Test
  void sortinoOfSixDaysDividesByAllDays() {
    assertEquals(5.796550698475776, Ratios.sortino(RETURNS, 0), 1e-12);
  }

  /** numpy with x = r − 0.0001: Sharpe 3.336431424124784, Sortino 5.589108415491986. */
  @Test
  void riskFreeReturnIsSubtractedEveryDay() {
    assertEquals(3.336431424124784, Ratios.sharpe(RETURNS, 0.0001), 1e-12);
    assertEquals(5.589108415491986, Ratios.sortino(RETURNS, 0.0001), 1e-12);
  }

  @Test
  void emptyOneDayAndFlatReturnsHaveNoRatio() {
    for (double[] returns : new double[][] {{}, {0.01}, {0, 0, 0}, {0.001, 0.001, 0.001}}) {
      assertTrue(Double.isNaN(Ratios.sharpe(returns, 0)), "Sharpe undefined");
      assertTrue(Double.isNaN(Ratios.sortino(returns, 0)), "Sortino undefined");
    }
  }

  @Test
  void noLosingDayHasASharpeButNoSortino() {
    double[] returns = {0.01, 0.02, 0.0};
    assertTrue(Ratios.sharpe(returns, 0) > 0);
    assertTrue(Double.isNaN(Ratios.sortino(returns, 0)), "no downside deviation: undefined, not infinite");
  }

  @Test
  void aNaNReturnMakesTheRatiosNaN() {
    double[] returns = {0.01, Double.NaN, -0.01};
    assertTrue(Double.isNaN(Ratios.sharpe(returns, 0)));
    assertTrue(Double.isNaN(Ratios.sortino(returns, 0)));
  }

  @Test
  void marIsCagrOverDrawdownAndUndefinedWithoutDrawdown() {
    assertEquals(1.5, Ratios.mar(0.30, 0.20), 1e-15);
    assertEquals(-0.5, Ratios.mar(-0.10, 0.20), 1e-15);
    assertTrue(Double.isNaN(Ratios.mar(0.30, 0)));
    assertTrue(Double.isNaN(Ratios.mar(Double.NaN, 0.2)));
    assertTrue(Double.isNaN(Ratios.mar(0.3, Double.NaN)));
  }
}
