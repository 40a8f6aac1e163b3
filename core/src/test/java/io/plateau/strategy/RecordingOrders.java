package io.plateau.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Orders} for strategy tests: records every order as text with its bar and assumes each fills, so the
 * strategy sees the position its own orders imply (entries open it, exits flatten it).
 */
final class RecordingOrders implements Orders {

  private final List<String> log = new ArrayList<>();
  private int bar;
  private int side;

  /** Every decision {@code strategy} makes on bars {@code [warm-up, upTo]}. */
  static List<String> decisions(Strategy strategy, int upTo) {
    RecordingOrders orders = new RecordingOrders();
    for (int i = strategy.warmUpBars(); i <= upTo; i++) {
      orders.bar = i;
      strategy.onBarClose(i, orders);
    }
    return orders.log;
  }

  @Override
  public int positionSide() {
    return side;
  }

  @Override
  public int positionContracts() {
    return Math.abs(side);
  }

  @Override
  public int positionEntries() {
    return side == 0 ? 0 : 1;
  }

  @Override
  public void enter(int entrySide, OrderType type, int stopTicks, int limitTicks, int protectiveStop, int target) {
    log.add(bar + (entrySide > 0 ? " buy" : " sell") + (type == OrderType.MARKET ? "" : " " + type + " " + stopTicks
        + " " + limitTicks) + (protectiveStop == NONE ? "" : " stop " + protectiveStop)
        + (target == NONE ? "" : " target " + target));
    side = entrySide;
  }

  @Override
  public void exitAll() {
    log.add(bar + " exit");
    side = 0;
  }
}
