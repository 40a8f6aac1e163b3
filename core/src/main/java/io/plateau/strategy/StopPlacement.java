package io.plateau.strategy;

import java.util.ArrayList;
import java.util.List;

/** Protective stops a number of ATRs beyond a bar's close, on the tick grid, shared by the strategies. */
final class StopPlacement {

  private static final List<Param> PARAMETERS = List.of(
      Param.ofDouble("atr_stop", 0, 100, 0, "protective stop in ATRs from the signal close; 0 for none"),
      Param.ofInt("atr_period", 1, 1_000, 14, "ATR window for the stop, bars"));

  private StopPlacement() {}

  /** A strategy's own parameters followed by the optional ATR stop's ({@code atr_stop}, {@code atr_period}). */
  static List<Param> withAtrStop(List<Param> own) {
    List<Param> all = new ArrayList<>(own);
    all.addAll(PARAMETERS);
    return List.copyOf(all);
  }

  /**
   * The stop for an entry on {@code side} decided at a close of {@code closeTicks}: {@code multiple} ATRs away
   * (below a long, above a short), rounded away from the price; {@link Orders#NONE} when there is no ATR yet or no
   * multiple.
   */
  static int atrStop(int side, int closeTicks, double multiple, double atrPrice, double ticksPerPrice) {
    if (!(multiple > 0) || Double.isNaN(atrPrice)) {
      return Orders.NONE;
    }
    double distance = multiple * atrPrice * ticksPerPrice;
    return side > 0 ? (int) Math.floor(closeTicks - distance) : (int) Math.ceil(closeTicks + distance);
  }
}
