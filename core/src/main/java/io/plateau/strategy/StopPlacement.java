package io.plateau.strategy;

/** Protective stops a number of ATRs beyond a bar's close, on the tick grid, shared by the strategies. */
final class StopPlacement {

  private StopPlacement() {}

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
