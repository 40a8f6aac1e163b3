package io.plateau.exec;

import io.plateau.util.Checks;

/**
 * How many contracts an entry takes. Risk-based sizing divides the money at risk by the loss one contract takes if
 * the protective stop fills: {@code contracts = floor(risk / (stop distance in ticks × tick value))}.
 */
public sealed interface Sizing extends java.io.Serializable {

  /**
   * Contracts for an entry.
   *
   * @param equity account equity at the decision (cash plus open profit)
   * @param stopDistanceTicks ticks from the entry to its protective stop, 0 when it has none
   * @param tickValue currency per tick per contract
   * @param trades the closed trades so far (for Kelly)
   * @return contracts, 0 to skip the entry
   */
  int contracts(double equity, int stopDistanceTicks, double tickValue, TradeLog trades);

  /**
   * Whole contracts {@code risk} pays for at {@code riskPerContract} each. The quotient is nudged up by a billionth
   * before flooring: 0.6 − 0.4 / 2 is 0.39999999999999997 in binary, and an exact 200 contracts must not become 199.
   */
  private static int wholeContracts(double risk, double riskPerContract) {
    return (int) Math.floor(risk / riskPerContract + 1e-9);
  }

  /** Always the same number of contracts. */
  record Fixed(int contractsPerEntry) implements Sizing {
    public Fixed {
      Checks.positive(contractsPerEntry, "contractsPerEntry");
    }

    @Override
    public int contracts(double equity, int stopDistanceTicks, double tickValue, TradeLog trades) {
      return contractsPerEntry;
    }
  }

  /**
   * Risk a fixed fraction of equity (or, when {@code riskDollars > 0}, a fixed amount) per entry. An entry without
   * a protective stop has no defined risk and is skipped; one whose risk buys less than a contract is skipped, or
   * takes one contract when {@code atLeastOne}.
   */
  record FixedFractional(double riskFraction, double riskDollars, boolean atLeastOne) implements Sizing {
    public FixedFractional {
      Checks.nonNegative(riskFraction, "riskFraction");
      Checks.nonNegative(riskDollars, "riskDollars");
      if ((riskFraction > 0) == (riskDollars > 0)) {
        throw new IllegalArgumentException("give exactly one of riskFraction and riskDollars, were " + riskFraction
            + " and " + riskDollars);
      }
    }

    @Override
    public int contracts(double equity, int stopDistanceTicks, double tickValue, TradeLog trades) {
      if (stopDistanceTicks <= 0) {
        return 0;
      }
      double risk = riskDollars > 0 ? riskDollars : riskFraction * equity;
      int contracts = wholeContracts(risk, stopDistanceTicks * tickValue);
      return contracts == 0 && atLeastOne ? 1 : Math.max(contracts, 0);
    }
  }

  /**
   * Fractional Kelly from the last {@code lookbackTrades} closed trades: f* = W − (1 − W) / R with W the win rate
   * and R the average win over the average loss; the entry risks {@code fraction × f*} of equity (at most
   * {@code capFraction}), sized by the stop distance like {@link FixedFractional}. Until {@code lookbackTrades}
   * trades exist, or when f* ≤ 0 (no edge), it trades {@code warmUpContracts} (0: skip).
   */
  record Kelly(double fraction, double capFraction, int lookbackTrades, int warmUpContracts) implements Sizing {
    public Kelly {
      Checks.positive(fraction, "fraction");
      Checks.positive(capFraction, "capFraction");
      Checks.positive(lookbackTrades, "lookbackTrades");
      Checks.nonNegative(warmUpContracts, "warmUpContracts");
    }

    @Override
    public int contracts(double equity, int stopDistanceTicks, double tickValue, TradeLog trades) {
      double kelly = kellyFraction(trades, lookbackTrades);
      if (Double.isNaN(kelly) || kelly <= 0 || stopDistanceTicks <= 0) {
        return warmUpContracts;
      }
      double risk = Math.min(fraction * kelly, capFraction) * equity;
      return wholeContracts(risk, stopDistanceTicks * tickValue);
    }

    /** f* = W − (1 − W) / R over the last {@code lookback} trades; NaN with fewer trades or no losses or no wins. */
    static double kellyFraction(TradeLog trades, int lookback) {
      int n = trades.size();
      if (n < lookback) {
        return Double.NaN;
      }
      int wins = 0;
      double winSum = 0;
      double lossSum = 0;
      for (int i = n - lookback; i < n; i++) {
        double pnl = trades.netPnl(i);
        if (pnl > 0) {
          wins++;
          winSum += pnl;
        } else if (pnl < 0) {
          lossSum -= pnl;
        }
      }
      int losses = lookback - wins;
      if (wins == 0 || lossSum == 0) {
        return Double.NaN;
      }
      double winRate = (double) wins / lookback;
      double payoff = (winSum / wins) / (lossSum / losses);
      return winRate - (1 - winRate) / payoff;
    }
  }
}
