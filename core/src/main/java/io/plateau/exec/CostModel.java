package io.plateau.exec;

import io.plateau.instrument.Instrument;
import io.plateau.util.Checks;

/**
 * What trading costs: commission and fees per contract per side (from the instrument catalog unless a study
 * overrides them), adverse slippage in ticks on market and stop fills (none on limits), and how far price must
 * trade through a limit for it to fill.
 *
 * @param commissionPerSide broker commission per contract per side, in the instrument's currency
 * @param feesPerSide exchange and regulatory fees per contract per side
 * @param slippageTicks adverse ticks on every market and stop fill (1 is the usual default)
 * @param limitThroughTicks ticks price must trade beyond a limit for it to fill (1 by default; 0 fills on a touch)
 */
public record CostModel(double commissionPerSide, double feesPerSide, int slippageTicks, int limitThroughTicks)
    implements java.io.Serializable {

  public static final int DEFAULT_SLIPPAGE_TICKS = 1;
  public static final int DEFAULT_LIMIT_THROUGH_TICKS = 1;

  public CostModel {
    Checks.nonNegative(commissionPerSide, "commissionPerSide");
    Checks.nonNegative(feesPerSide, "feesPerSide");
    Checks.nonNegative(slippageTicks, "slippageTicks");
    Checks.nonNegative(limitThroughTicks, "limitThroughTicks");
  }

  /** The catalog's commission and fees, 1 tick of slippage, 1 tick of trade-through. */
  public static CostModel of(Instrument instrument) {
    return new CostModel(instrument.commissionPerSide(), instrument.feesPerSide(), DEFAULT_SLIPPAGE_TICKS,
        DEFAULT_LIMIT_THROUGH_TICKS);
  }

  /** No costs at all (for comparisons with libraries that model none). */
  public static CostModel free() {
    return new CostModel(0, 0, 0, 0);
  }

  public CostModel withCommissionPerSide(double commission) {
    return new CostModel(commission, feesPerSide, slippageTicks, limitThroughTicks);
  }

  public CostModel withSlippageTicks(int ticks) {
    return new CostModel(commissionPerSide, feesPerSide, ticks, limitThroughTicks);
  }

  /** Commission plus fees per contract per side. */
  public double perContractPerSide() {
    return commissionPerSide + feesPerSide;
  }
}
