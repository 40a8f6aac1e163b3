package io.plateau.robust;

import java.util.Arrays;

/**
 * What the optimizer maximizes on a window's in-sample span. NaN (undefined, e.g. a Sharpe ratio without trades)
 * ranks below every number; ties go to the lower parameter-set id, so the choice is deterministic.
 */
public enum Objective {
  NET_PROFIT("net-profit"),
  SHARPE("sharpe"),
  PROFIT_FACTOR("profit-factor"),
  RETURN_DRAWDOWN("return-drawdown");

  private final String configName;

  Objective(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** The objective named {@code name} in a study, or null. */
  public static Objective byConfigName(String name) {
    return Arrays.stream(values()).filter(o -> o.configName.equals(name)).findFirst().orElse(null);
  }

  public double of(SpanMetrics metrics) {
    return switch (this) {
      case NET_PROFIT -> metrics.netProfit();
      case SHARPE -> metrics.sharpe();
      case PROFIT_FACTOR -> metrics.profitFactor();
      case RETURN_DRAWDOWN -> metrics.returnToDrawdown();
    };
  }

  /** Whether {@code a} (set {@code idA}) ranks above {@code b} (set {@code idB}). */
  public static boolean better(double a, long idA, double b, long idB) {
    boolean aDefined = !Double.isNaN(a);
    boolean bDefined = !Double.isNaN(b);
    if (aDefined != bDefined) {
      return aDefined;
    }
    if (aDefined && a != b) {
      return a > b;
    }
    return idA < idB;
  }
}
