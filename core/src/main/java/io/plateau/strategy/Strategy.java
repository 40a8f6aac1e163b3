package io.plateau.strategy;

import java.util.List;

/**
 * A strategy compiled against one bar series: the kernel the simulator runs. It decides at the close of each bar
 * from that bar and earlier ones only, never later ones (a test changes later bars and checks no earlier decision
 * moves).
 */
public interface Strategy {

  /** Decides at the close of bar {@code bar}: places orders for bar {@code bar + 1}. */
  void onBarClose(int bar, Orders orders);

  /** Bars at the start of the series before the strategy's indicators are available: it is not called on them. */
  int warmUpBars();

  /** Whether positions must be flat at each session's end (intraday strategies). */
  boolean flatAtSessionEnd();

  /**
   * The labels of the alpha models whose numbers the strategy's entries carry (index = model), for reports; empty
   * for a strategy of one model.
   */
  default List<String> models() {
    return List.of();
  }
}
