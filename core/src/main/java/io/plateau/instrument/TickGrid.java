package io.plateau.instrument;

import io.plateau.util.Checks;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The price grid of an instrument: converts between prices and integer ticks.
 *
 * <p>Plateau keeps prices as integer ticks so that sums, comparisons and prefix sums are exact. Going back
 * to a price divides by the number of ticks per price unit when that is a whole number (0.25 → 4, 0.1 → 10),
 * which gives the double nearest the decimal price (2345.6, not 2345.6000000000004).
 */
public final class TickGrid implements Serializable {

  /** How far (in ticks) a price may sit from the grid and still count as on it: absorbs decimal-to-binary noise. */
  private static final double ON_GRID_TOLERANCE_TICKS = 1e-6;

  private final double tickSize;
  /** Ticks per unit of price when that is a whole number, else 0; precomputed because bar loops convert often. */
  private final double ticksPerUnit;
  /** 1 / tick size: bar loops multiply instead of dividing (a division costs several multiplications). */
  private final double ticksPerPrice;

  private TickGrid(double tickSize) {
    this.tickSize = Checks.positive(tickSize, "tickSize");
    double perUnit = 1.0 / tickSize;
    double rounded = Math.rint(perUnit);
    this.ticksPerUnit = Math.abs(perUnit - rounded) < 1e-9 * perUnit ? rounded : 0;
    this.ticksPerPrice = ticksPerUnit > 0 ? ticksPerUnit : perUnit;
  }

  public static TickGrid of(double tickSize) {
    return new TickGrid(tickSize);
  }

  public double tickSize() {
    return tickSize;
  }

  /** The price of {@code ticks} ticks. */
  public double toPrice(long ticks) {
    if (ticksPerUnit > 0) {
      return ticks / ticksPerUnit;
    }
    return BigDecimal.valueOf(tickSize).multiply(BigDecimal.valueOf(ticks)).setScale(12, RoundingMode.HALF_EVEN)
        .doubleValue();
  }

  /** The tick count nearest {@code price}; use {@link #isOnGrid} first when off-grid prices must be rejected. */
  public long toTicks(double price) {
    return Math.round(price * ticksPerPrice);
  }

  /** Whether {@code price} is a whole number of ticks (within floating-point noise). */
  public boolean isOnGrid(double price) {
    double ticks = price * ticksPerPrice;
    return Double.isFinite(ticks) && Math.abs(ticks - Math.rint(ticks)) <= ON_GRID_TOLERANCE_TICKS;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TickGrid grid && Double.compare(grid.tickSize, tickSize) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(tickSize);
  }

  @Override
  public String toString() {
    return "TickGrid[" + tickSize + "]";
  }
}
