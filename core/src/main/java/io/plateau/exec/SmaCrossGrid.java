package io.plateau.exec;

import io.plateau.bar.BarSeries;
import io.plateau.util.Checks;
import java.util.Arrays;

/**
 * Many {@code sma-cross} parameter sets in one pass over the bars: the optimizer's hot loop. Bars are taken in
 * blocks small enough that the block's moving averages stay in the CPU cache while every set runs over them; each
 * set keeps its state (crossing, position, cash, drawdown) between blocks. The arithmetic is that of
 * {@code SmaCross.targets} followed by {@link TargetPositionRunner#netProfitAndDrawdown}, fused (a test holds the
 * figures equal).
 *
 * <p>Every bar's crossing condition is tested, but a bar on which the averages do not cross changes nothing, so the
 * loop is a scan for the next crossing (one comparison per bar, four bars per branch); fills, and the equity marks
 * at the close of each trading day, are applied per event between scans.
 *
 * <p>Allocation-free after construction; one grid per thread.
 */
public final class SmaCrossGrid {

  /** Bars per block: 1,024 bars of ~65 distinct averages (8 KB each) fit a 1 MB L2 cache. */
  static final int BLOCK_BARS = 1024;

  private final int[] open;
  private final int[] close;
  /** Index of the last bar of every trading day, ascending: where daily equity is marked. */
  private final int[] dayEnds;
  private final int slippage;
  private final double roundTripCost;
  private final double perTick;
  private final double startingCapital;

  public SmaCrossGrid(BarSeries bars, CostModel costs, int contracts, double startingCapital) {
    Checks.positive(contracts, "contracts");
    this.open = bars.openTicksUnsafe();
    this.close = bars.closeTicksUnsafe();
    int[] day = bars.tradingDayUnsafe();
    int[] ends = new int[day.length];
    int count = 0;
    for (int i = 0; i < day.length; i++) {
      if (i == day.length - 1 || day[i + 1] != day[i]) {
        ends[count++] = i;
      }
    }
    this.dayEnds = Arrays.copyOf(ends, count);
    this.slippage = costs.slippageTicks();
    this.roundTripCost = 2 * costs.perContractPerSide() * contracts;
    this.perTick = contracts * bars.instrument().tickValue();
    this.startingCapital = Checks.positive(startingCapital, "startingCapital");
  }

  /**
   * Evaluates set s with averages {@code fast[s]}, {@code slow[s]} (slow window {@code slowWindow[s]}) and writes
   * its net profit, maximum daily drawdown and trade count to {@code out[s][0..2]}.
   *
   * @param longs whether up-crosses open longs
   * @param shorts whether down-crosses open shorts
   */
  public void evaluate(double[][] fast, double[][] slow, int[] slowWindow, boolean longs, boolean shorts,
      double[][] out) {
    int sets = fast.length;
    int n = open.length;
    State state = new State(sets, startingCapital);
    byte up = longs ? (byte) 1 : 0;
    byte down = shorts ? (byte) -1 : 0;
    for (int blockStart = 0; blockStart < n; blockStart += BLOCK_BARS) {
      int blockEnd = Math.min(n, blockStart + BLOCK_BARS);
      for (int s = 0; s < sets; s++) {
        int firstValid = slowWindow[s] - 1;
        int from = Math.max(blockStart, firstValid);
        if (from < blockEnd) {
          runBlock(state, s, fast[s], slow[s], firstValid, from, blockEnd, up, down);
        }
      }
    }
    for (int s = 0; s < sets; s++) {
      out[s][0] = state.cash[s] + state.side[s] * (close[n - 1] - state.entry[s]) * perTick - startingCapital;
      out[s][1] = state.drawdown[s];
      out[s][2] = state.trades[s];
    }
  }

  /**
   * Set {@code s} over bars {@code [from, to)} of one block. Per bar, in the simulator's order: the position decided
   * at the previous close fills at this bar's open, the crossing is tested at this bar's close, and the last bar of
   * a trading day marks equity at its close.
   */
  private void runBlock(State state, int s, double[] f, double[] w, int firstValid, int from, int to, byte up,
      byte down) {
    int rel = state.relation[s];
    byte tgt = state.target[s];
    int pos = state.side[s];
    int entryTicks = state.entry[s];
    double money = state.cash[s];
    double high = state.peak[s];
    double worst = state.drawdown[s];
    int count = state.trades[s];
    int dayEnd = state.dayEndCursor[s];
    int i = from;
    if (i == firstValid) {
      // The first bar with both averages: only the side of the crossing is known; no position yet, so equity is
      // the starting capital and there is nothing to mark.
      double difference = f[i] - w[i];
      rel = difference > 0 ? 1 : difference < 0 ? -1 : 0;
      i++;
    }
    while (dayEnd < dayEnds.length && dayEnds[dayEnd] < i) {
      dayEnd++;
    }
    while (i < to) {
      if (tgt != pos) {
        if (pos != 0) {
          money += pos * (open[i] - pos * slippage - entryTicks) * perTick - roundTripCost;
          count++;
        }
        pos = tgt;
        entryTicks = open[i] + pos * slippage;
      }
      int crossing = rel > 0 ? nextBelow(f, w, i, to) : rel < 0 ? nextBelow(w, f, i, to) : nextUnequal(f, w, i, to);
      // Equity marks up to and including the crossing bar: its fill comes at the next open.
      int lastMarked = Math.min(crossing, to - 1);
      while (dayEnd < dayEnds.length && dayEnds[dayEnd] <= lastMarked) {
        double equity = money + pos * (close[dayEnds[dayEnd]] - entryTicks) * perTick;
        high = Math.max(high, equity);
        worst = Math.max(worst, high - equity);
        dayEnd++;
      }
      if (crossing < to) {
        if (f[crossing] > w[crossing]) {
          if (rel < 0) {
            tgt = up;
          }
          rel = 1;
        } else {
          if (rel > 0) {
            tgt = down;
          }
          rel = -1;
        }
      }
      i = crossing + 1;
    }
    state.relation[s] = rel;
    state.target[s] = tgt;
    state.side[s] = pos;
    state.entry[s] = entryTicks;
    state.cash[s] = money;
    state.peak[s] = high;
    state.drawdown[s] = worst;
    state.trades[s] = count;
    state.dayEndCursor[s] = dayEnd;
  }

  /** The first bar in {@code [i, to)} where {@code a < b}, or {@code to}: four bars per branch. */
  private static int nextBelow(double[] a, double[] b, int i, int to) {
    while (i + 4 <= to && !(a[i] < b[i] | a[i + 1] < b[i + 1] | a[i + 2] < b[i + 2] | a[i + 3] < b[i + 3])) {
      i += 4;
    }
    while (i < to && !(a[i] < b[i])) {
      i++;
    }
    return i;
  }

  /** The first bar in {@code [i, to)} where the averages differ, or {@code to} (only before the first side is known). */
  private static int nextUnequal(double[] a, double[] b, int i, int to) {
    while (i < to && a[i] == b[i]) {
      i++;
    }
    return i;
  }

  /** Every set's running state between blocks. */
  private static final class State {
    final int[] relation;
    final byte[] target;
    final int[] side;
    final int[] entry;
    final double[] cash;
    final double[] peak;
    final double[] drawdown;
    final int[] trades;
    final int[] dayEndCursor;

    State(int sets, double startingCapital) {
      relation = new int[sets];
      target = new byte[sets];
      side = new int[sets];
      entry = new int[sets];
      cash = new double[sets];
      peak = new double[sets];
      drawdown = new double[sets];
      trades = new int[sets];
      dayEndCursor = new int[sets];
      Arrays.fill(cash, startingCapital);
      Arrays.fill(peak, startingCapital);
    }
  }
}
