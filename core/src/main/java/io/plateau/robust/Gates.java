package io.plateau.robust;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gates a strategy's recommended settings must clear before anyone trades them, and the verdict: pass, pass
 * with distinction, or fail with the reasons in words.
 *
 * <p>The walk-forward gates are TradeStation's Walk-Forward Optimizer defaults (after Pardo, "The Evaluation and
 * Optimization of Trading Strategies", 2008): total out-of-sample profit &gt; 0; walk-forward efficiency ≥ 50%
 * (distinction ≥ 100%); ≥ 50% of the out-of-sample windows profitable (distinction ≥ 80%); no window earning more
 * than 50% of the profit; drawdown at most 40% of the account. Ours add the probability of backtest overfitting
 * (Bailey, Borwein, López de Prado, Zhu: PBO ≤ 0.5, distinction ≤ 0.2) and the deflated Sharpe ratio (Bailey and
 * López de Prado: DSR ≥ 0.95). A gate whose value is undefined (NaN, e.g. the efficiency when the in-sample profit is
 * not positive) fails: what cannot be measured has not been shown. The verdict is a pass with distinction when
 * every gate passes and every gate that has a distinction level reaches it.
 *
 * @param minEfficiency the least walk-forward efficiency
 * @param distinctionEfficiency the walk-forward efficiency of a distinction
 * @param minProfitableWindows the least share of profitable out-of-sample windows
 * @param distinctionProfitableWindows the share of profitable windows of a distinction
 * @param maxWindowShare the largest share of the total out-of-sample profit one window may earn
 * @param maxDrawdownOfAccount the largest drawdown as a fraction of the account
 * @param maxPbo the largest probability of backtest overfitting
 * @param distinctionPbo the probability of backtest overfitting of a distinction
 * @param minDeflatedSharpe the least deflated Sharpe ratio
 */
public record Gates(double minEfficiency, double distinctionEfficiency, double minProfitableWindows,
    double distinctionProfitableWindows, double maxWindowShare, double maxDrawdownOfAccount, double maxPbo,
    double distinctionPbo, double minDeflatedSharpe) implements Serializable {

  /** TradeStation's walk-forward defaults plus PBO ≤ 0.5 (distinction 0.2) and DSR ≥ 0.95. */
  public static final Gates DEFAULTS = new Gates(0.5, 1.0, 0.5, 0.8, 0.5, 0.4, 0.5, 0.2, 0.95);

  public Gates {
    for (double fraction : new double[] {minEfficiency, distinctionEfficiency, minProfitableWindows,
        distinctionProfitableWindows, maxWindowShare, maxDrawdownOfAccount, maxPbo, distinctionPbo,
        minDeflatedSharpe}) {
      if (!(fraction >= 0)) {
        throw new IllegalArgumentException("gate thresholds must be numbers >= 0, was " + fraction);
      }
    }
    if (distinctionEfficiency < minEfficiency || distinctionProfitableWindows < minProfitableWindows
        || distinctionPbo > maxPbo) {
      throw new IllegalArgumentException("a distinction must be at least as strict as its gate: efficiency "
          + distinctionEfficiency + " vs " + minEfficiency + ", profitable windows " + distinctionProfitableWindows
          + " vs " + minProfitableWindows + ", PBO " + distinctionPbo + " vs " + maxPbo);
    }
  }

  /**
   * A gate's outcome: what was measured, the threshold in words, whether it passes, whether it reached its
   * distinction level (if it has one), and the reason in words should it fail.
   */
  public record Gate(String name, double value, String threshold, boolean passes, Distinction distinction,
      String reason) {}

  /** Whether a gate has a distinction level, and whether the value reached it. */
  public enum Distinction {
    NONE, REACHED, MISSED;

    static Distinction of(boolean reached) {
      return reached ? REACHED : MISSED;
    }
  }

  /** The verdict over all gates. */
  public enum Verdict {
    PASS_WITH_DISTINCTION, PASS, FAIL
  }

  /** The gates' outcomes and the verdict, with the failed gates' reasons in words. */
  public record Report(List<Gate> gates, Verdict verdict, List<String> reasons) {

    public Report {
      gates = List.copyOf(gates);
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The five walk-forward gates of {@code summary} on an account of {@code capital}: the matrix's cells are judged
   * by these alone.
   */
  public List<Gate> walkForward(WalkForwardSummary summary, double capital) {
    List<Gate> gates = new ArrayList<>();
    double profit = summary.outOfSampleNetProfit();
    gates.add(new Gate("total profit", profit, "> 0", profit > 0, Distinction.NONE,
        "out-of-sample profit is not positive"));
    double efficiency = summary.efficiency();
    gates.add(new Gate("walk-forward efficiency", efficiency, atLeast(minEfficiency, distinctionEfficiency),
        efficiency >= minEfficiency, Distinction.of(efficiency >= distinctionEfficiency),
        "walk-forward efficiency below " + percent(minEfficiency)));
    double profitable = summary.profitableWindowShare();
    gates.add(new Gate("profitable windows", profitable, atLeast(minProfitableWindows, distinctionProfitableWindows),
        profitable >= minProfitableWindows, Distinction.of(profitable >= distinctionProfitableWindows),
        "fewer than " + percent(minProfitableWindows) + " of the windows profitable"));
    double share = summary.largestWindowShare();
    gates.add(new Gate("largest window share", share, "<= " + percent(maxWindowShare), share <= maxWindowShare,
        Distinction.NONE, "one window earns more than " + percent(maxWindowShare) + " of the profit"));
    double drawdown = summary.stitchedMaxDrawdown() / capital;
    gates.add(new Gate("max drawdown of account", drawdown, "<= " + percent(maxDrawdownOfAccount),
        drawdown <= maxDrawdownOfAccount, Distinction.NONE, "drawdown above " + percent(maxDrawdownOfAccount)
            + " of the account"));
    return gates;
  }

  /**
   * Every gate: the walk-forward ones of {@code summary} on {@code capital}, the probability of backtest
   * overfitting {@code pbo} and the deflated Sharpe ratio {@code deflatedSharpe} of the recommended set.
   */
  public Report evaluate(WalkForwardSummary summary, double capital, double pbo, double deflatedSharpe) {
    List<Gate> gates = new ArrayList<>(walkForward(summary, capital));
    gates.add(new Gate("probability of backtest overfitting", pbo, "<= " + maxPbo + " (distinction <= "
        + distinctionPbo + ")", pbo <= maxPbo, Distinction.of(pbo <= distinctionPbo), String.format(Locale.ROOT,
        "probability of backtest overfitting %.2f above %s", pbo, maxPbo)));
    gates.add(new Gate("deflated Sharpe ratio", deflatedSharpe, ">= " + minDeflatedSharpe,
        deflatedSharpe >= minDeflatedSharpe, Distinction.NONE, String.format(Locale.ROOT,
        "deflated Sharpe ratio %.2f below %s", deflatedSharpe, minDeflatedSharpe)));
    List<String> reasons = new ArrayList<>();
    boolean distinction = true;
    for (Gate gate : gates) {
      if (!gate.passes()) {
        reasons.add(gate.reason());
      }
      distinction &= gate.distinction() != Distinction.MISSED;
    }
    Verdict verdict = !reasons.isEmpty() ? Verdict.FAIL : distinction ? Verdict.PASS_WITH_DISTINCTION : Verdict.PASS;
    return new Report(gates, verdict, reasons);
  }

  /** The reasons the walk-forward gates of {@code summary} fail, in words; empty when they all pass. */
  public List<String> walkForwardFailures(WalkForwardSummary summary, double capital) {
    return walkForward(summary, capital).stream().filter(g -> !g.passes()).map(Gate::reason).toList();
  }

  private static String atLeast(double gate, double distinction) {
    return ">= " + percent(gate) + " (distinction >= " + percent(distinction) + ")";
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }
}
