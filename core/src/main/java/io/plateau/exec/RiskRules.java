package io.plateau.exec;

import io.plateau.util.Checks;

/**
 * Limits every simulation enforces, whatever the strategy asks.
 *
 * @param maxEntries entries (scale-ins) a position may have
 * @param maxContracts contracts a position may hold
 * @param addPolicy whether adds are allowed while the position is losing
 * @param dailyLossLimitFraction a session losing this fraction of its starting equity (marked at a bar's close)
 *     is flattened at that close and the strategy is disabled until the next session; 0 for none (seed 001: 0.015)
 */
public record RiskRules(int maxEntries, int maxContracts, AddPolicy addPolicy, double dailyLossLimitFraction)
    implements java.io.Serializable {

  public RiskRules {
    Checks.positive(maxEntries, "maxEntries");
    Checks.positive(maxContracts, "maxContracts");
    Checks.notNull(addPolicy, "addPolicy");
    if (!(dailyLossLimitFraction >= 0 && dailyLossLimitFraction < 1)) {
      throw new IllegalArgumentException("dailyLossLimitFraction must be in [0, 1), was " + dailyLossLimitFraction);
    }
  }

  /** One entry, up to {@code maxContracts} contracts, no daily loss limit. */
  public static RiskRules singleEntry(int maxContracts) {
    return new RiskRules(1, maxContracts, AddPolicy.ONLY_IN_PROFIT, 0);
  }
}
