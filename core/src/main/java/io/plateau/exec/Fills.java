package io.plateau.exec;

/**
 * Where an order fills inside one bar, from the bar's open, high and low only (the path between them is
 * unknown), in integer ticks. The rules (DESIGN.md, "Decisions and fills"):
 *
 * <ul>
 *   <li><b>Market</b>: decided on a bar's close, fills at the next bar's open, slippage adverse.
 *   <li><b>Stop</b>: fills at the stop plus slippage, or at the open plus slippage when the bar gaps through it.
 *   <li><b>Limit</b>: fills only when price trades through it by {@code throughTicks} (a touch may not fill the
 *       order; default 1 tick): at the open when the bar opens through it (price improvement), else at the limit.
 *       No slippage.
 *   <li><b>Stop-limit</b>: triggers like a stop, then is a limit: a gap trigger fills at the open if the open is
 *       within the limit, an intrabar trigger fills at the stop plus slippage capped at the limit; a trigger
 *       whose marketable price is beyond the limit rests as a limit (see {@link #stopLimit}).
 *   <li><b>Stop and target on one bar</b>: the stop is assumed first, unless the open is already beyond the
 *       target (then the target filled at the open, before anything else).
 * </ul>
 *
 * {@code side} is +1 for a buy, -1 for a sell; slippage moves the price against the order. {@link #NO_FILL}
 * means the order does not fill on this bar.
 */
public final class Fills {

  /** No fill on this bar. */
  public static final int NO_FILL = Integer.MIN_VALUE;

  private Fills() {}

  /** A market order: the bar's open, {@code slippageTicks} against the order. */
  public static int market(int side, int open, int slippageTicks) {
    return open + side * slippageTicks;
  }

  /** A stop order (buy stop above the market, sell stop below it). */
  public static int stop(int side, int stop, int open, int high, int low, int slippageTicks) {
    if (side > 0) {
      if (open >= stop) {
        return open + slippageTicks;
      }
      return high >= stop ? stop + slippageTicks : NO_FILL;
    }
    if (open <= stop) {
      return open - slippageTicks;
    }
    return low <= stop ? stop - slippageTicks : NO_FILL;
  }

  /** A limit order (buy limit below the market, sell limit above it); price must trade through by {@code throughTicks}. */
  public static int limit(int side, int limit, int open, int high, int low, int throughTicks) {
    if (side > 0) {
      if (open <= limit - throughTicks) {
        return open;
      }
      return low <= limit - throughTicks ? limit : NO_FILL;
    }
    if (open >= limit + throughTicks) {
      return open;
    }
    return high >= limit + throughTicks ? limit : NO_FILL;
  }

  /** Whether a stop-limit's stop is reached on this bar (after which it is a limit order, filled or not). */
  public static boolean triggers(int side, int stop, int high, int low) {
    return side > 0 ? high >= stop : low <= stop;
  }

  /**
   * A stop-limit order on the bar its stop triggers ({@code limit} at or beyond {@code stop} for the order to make
   * sense: above it for a buy). A gap through the stop fills at the open when the open is within the limit; an
   * intrabar trigger fills at the stop plus slippage, never beyond the limit. Otherwise the order rests as a limit:
   * it fills at the limit when price comes back through it by {@code throughTicks} on this bar, or on a later bar
   * through {@link #limit}.
   */
  public static int stopLimit(int side, int stop, int limit, int open, int high, int low, int slippageTicks,
      int throughTicks) {
    if (!triggers(side, stop, high, low)) {
      return NO_FILL;
    }
    if (side > 0) {
      if (open >= stop) {
        if (open <= limit) {
          return Math.min(open + slippageTicks, limit);
        }
        return low <= limit - throughTicks ? limit : NO_FILL;
      }
      return Math.min(stop + slippageTicks, limit);
    }
    if (open <= stop) {
      if (open >= limit) {
        return Math.max(open - slippageTicks, limit);
      }
      return high >= limit + throughTicks ? limit : NO_FILL;
    }
    return Math.max(stop - slippageTicks, limit);
  }

  /** Which of a position's protective orders fills on a bar. */
  public enum ProtectiveFill {
    /** Neither. */
    NONE,
    /** The stop: at the stop plus slippage, or at the open plus slippage on a gap ({@link #stop}). */
    STOP,
    /** The target, at the open: the bar opened beyond it, before it could reach the stop. */
    TARGET_AT_OPEN,
    /** The target, at its price. */
    TARGET
  }

  /**
   * Which protective order of a position ({@code side} +1 long, -1 short) fills on this bar, the stop assumed
   * first when the bar reaches both, unless the bar opens beyond the target. {@link #NO_FILL} as a stop or target
   * means the position has none.
   */
  public static ProtectiveFill protectiveFill(int side, int stop, int target, int open, int high, int low,
      int throughTicks) {
    boolean hasStop = stop != NO_FILL;
    boolean hasTarget = target != NO_FILL;
    boolean openedThroughStop = hasStop && (side > 0 ? open <= stop : open >= stop);
    if (hasTarget && !openedThroughStop && (side > 0 ? open >= target + throughTicks : open <= target - throughTicks)) {
      return ProtectiveFill.TARGET_AT_OPEN;
    }
    if (hasStop && (side > 0 ? low <= stop : high >= stop)) {
      return ProtectiveFill.STOP;
    }
    if (hasTarget && (side > 0 ? high >= target + throughTicks : low <= target - throughTicks)) {
      return ProtectiveFill.TARGET;
    }
    return ProtectiveFill.NONE;
  }
}
