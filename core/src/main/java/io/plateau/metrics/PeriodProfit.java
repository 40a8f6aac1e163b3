package io.plateau.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.plateau.util.Checks;

/**
 * One row of the mark-to-market period analysis (seed 000): what the account made over a period, on equity
 * marked to market, so a position open across the period's end counts in both periods by its marks.
 *
 * @param period {@value PeriodAnalysis#LAST_12_MONTHS} or a calendar year such as {@code "2019"}
 * @param startEquity the equity at the end of the last trading date before the period (the starting capital
 *     when the period starts the history), in currency
 * @param netProfit the equity at the period's last trading date minus {@code startEquity}, in currency
 * @param returnPercent {@code 100 · netProfit / startEquity}; NaN when {@code startEquity ≤ 0}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PeriodProfit(String period, double startEquity, double netProfit, double returnPercent) {

  public PeriodProfit {
    Checks.notBlank(period, "period");
  }

  static PeriodProfit of(String period, double startEquity, double endEquity) {
    double netProfit = endEquity - startEquity;
    return new PeriodProfit(period, startEquity, netProfit,
        startEquity > 0 ? 100 * netProfit / startEquity : Double.NaN);
  }
}
