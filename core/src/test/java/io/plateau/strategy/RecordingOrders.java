package io.plateau.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Orders} for strategy tests: records every order as text with its bar and assumes each fills, so the
 * strategy sees the position its own orders imply (entries open or add to it, exits close it). No entry ever
 * closes by itself: the closed-trade record is the one given, empty by default.
 */
final class RecordingOrders implements Orders {

  private static final ClosedTrades NONE_CLOSED = new ClosedTrades() {
    @Override
    public int size() {
      return 0;
    }

    @Override
    public double netPnl(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override
    public int contracts(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override
    public int model(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override
    public int entryNumber(int i) {
      throw new IndexOutOfBoundsException(i);
    }
  };

  private final ClosedTrades closed;
  private final List<String> log = new ArrayList<>();
  /** Open entries: model, contracts (1 when sized by the simulator), price 0. */
  private final List<int[]> entries = new ArrayList<>();
  private int bar;
  private int side;

  private RecordingOrders(ClosedTrades closed) {
    this.closed = closed;
  }

  /** Every decision {@code strategy} makes on bars {@code [warm-up, upTo]}. */
  static List<String> decisions(Strategy strategy, int upTo) {
    return decisions(strategy, upTo, NONE_CLOSED);
  }

  /** Every decision {@code strategy} makes on bars {@code [warm-up, upTo]}, {@code closed} its closed trades. */
  static List<String> decisions(Strategy strategy, int upTo, ClosedTrades closed) {
    RecordingOrders orders = new RecordingOrders(closed);
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
    return entries.stream().mapToInt(e -> e[1]).sum();
  }

  @Override
  public int positionEntries() {
    return entries.size();
  }

  @Override
  public int entryModel(int entry) {
    return entries.get(entry)[0];
  }

  @Override
  public int entryContracts(int entry) {
    return entries.get(entry)[1];
  }

  @Override
  public int entryPriceTicks(int entry) {
    return 0;
  }

  @Override
  public ClosedTrades closedTrades() {
    return closed;
  }

  @Override
  public void enter(int entrySide, OrderType type, int stopTicks, int limitTicks, int protectiveStop, int target,
      int model, int contracts) {
    log.add(bar + (model == 0 ? "" : " model " + model) + (entrySide > 0 ? " buy" : " sell")
        + (contracts == SIZED_BY_SIMULATOR ? "" : " " + contracts)
        + (type == OrderType.MARKET ? "" : " " + type + " " + stopTicks + " " + limitTicks)
        + (protectiveStop == NONE ? "" : " stop " + protectiveStop) + (target == NONE ? "" : " target " + target));
    if (entrySide != side) {
      entries.clear();
    }
    side = entrySide;
    entries.add(new int[] {model, Math.max(1, contracts)});
  }

  @Override
  public void exitAll() {
    log.add(bar + " exit");
    entries.clear();
    side = 0;
  }

  @Override
  public void exitModel(int model) {
    log.add(bar + " exit model " + model);
    entries.removeIf(e -> e[0] == model);
    if (entries.isEmpty()) {
      side = 0;
    }
  }
}
