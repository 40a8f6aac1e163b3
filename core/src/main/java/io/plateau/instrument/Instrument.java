package io.plateau.instrument;

import io.plateau.util.Checks;
import java.io.Serializable;

/**
 * A futures contract specification: what one tick is worth, when it trades, what it costs to trade.
 *
 * @param symbol the root symbol ({@code MES})
 * @param description a human name ({@code Micro E-mini S&P 500})
 * @param exchange the listing exchange ({@code CME})
 * @param currency the settlement currency ({@code USD})
 * @param multiplier currency per point of price (MES: 5)
 * @param tickGrid the minimum price increment (MES: 0.25)
 * @param tickValue currency per tick; always {@code tickSize × multiplier}
 * @param sessions when it trades
 * @param contractMonths the listed month codes in order ({@code HMUZ})
 * @param expiry how a contract's last trading day follows from its month
 * @param commissionPerSide broker commission per contract per side, in {@code currency}
 * @param feesPerSide exchange and regulatory fees per contract per side, in {@code currency}
 * @param initialMarginInformational initial margin per contract; informational only, margins change
 * @param microOf for a micro contract, the symbol of the E-mini it mirrors tick for tick ({@code ES} for MES);
 *     null otherwise
 */
public record Instrument(
    String symbol,
    String description,
    String exchange,
    String currency,
    double multiplier,
    TickGrid tickGrid,
    double tickValue,
    SessionSchedule sessions,
    String contractMonths,
    ExpiryRule expiry,
    double commissionPerSide,
    double feesPerSide,
    double initialMarginInformational,
    String microOf)
    implements Serializable {

  /** Relative tolerance for tick value = tick size × multiplier (the YAML holds decimals). */
  private static final double TICK_VALUE_TOLERANCE = 1e-9;

  public Instrument {
    Checks.notBlank(symbol, "symbol");
    Checks.positive(multiplier, "multiplier");
    Checks.notNull(tickGrid, "tickGrid");
    Checks.positive(tickValue, "tickValue");
    Checks.notNull(sessions, "sessions");
    Checks.notNull(expiry, "expiry");
    Checks.nonNegative(commissionPerSide, "commissionPerSide");
    Checks.nonNegative(feesPerSide, "feesPerSide");
    Checks.nonNegative(initialMarginInformational, "initialMarginInformational");
    double expected = tickGrid.tickSize() * multiplier;
    if (Math.abs(tickValue - expected) > TICK_VALUE_TOLERANCE * expected) {
      throw new IllegalArgumentException("tick_value must equal tick_size × multiplier = "
          + tickGrid.tickSize() + " × " + multiplier + " = " + expected + ", was " + tickValue);
    }
    if (contractMonths == null || !contractMonths.matches("[FGHJKMNQUVXZ]{1,12}")) {
      throw new IllegalArgumentException(
          "contract_months must be month codes from FGHJKMNQUVXZ (e.g. HMUZ), was '" + contractMonths + "'");
    }
  }

  public double tickSize() {
    return tickGrid.tickSize();
  }

  /** Commission plus fees per contract per side. */
  public double costPerSide() {
    return commissionPerSide + feesPerSide;
  }
}
