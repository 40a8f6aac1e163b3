package io.plateau.exec;

import io.plateau.bar.BarSeries;
import io.plateau.util.Checks;

/**
 * Many {@code sma-cross} parameter sets in one pass over the bars: the optimizer's hot loop. Bars are taken in
 * blocks small enough that the block's moving averages, opens and closes stay in the CPU cache while every set
 * runs over them; each set keeps its state (crossing, position, cash, drawdown) between blocks. The arithmetic is
 * that of {@code SmaCross.targets} followed by {@link TargetPositionRunner#netProfitAndDrawdown}, fused (a test
 * holds the figures equal).
 *
 * <p>Allocation-free after construction; one grid per thread.
 */
public final class SmaCrossGrid {

  /** Bars per block: 1,024 bars of ~65 distinct averages, opens and closes fit a 1 MB L2 cache. */
  static final int BLOCK_BARS = 1024;

  private final int[] open;
  private final int[] close;
  private final boolean[] lastOfDay;
  private final int slippage;
  private final double roundTripCost;
  private final double perTick;
  private final double startingCapital;

  public SmaCrossGrid(BarSeries bars, CostModel costs, int contracts, double startingCapital) {
    Checks.positive(contracts, "contracts");
    this.open = bars.openTicksUnsafe();
    this.close = bars.closeTicksUnsafe();
    int[] day = bars.tradingDayUnsafe();
    this.lastOfDay = new boolean[day.length];
    for (int i = 0; i < day.length; i++) {
      lastOfDay[i] = i == day.length - 1 || day[i + 1] != day[i];
    }
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
      int s = 0;
      while (s < sets) {
        // Two sets already past their warm-up run interleaved: independent chains the CPU overlaps (1.5x here).
        if (s + 1 < sets && slowWindow[s] - 1 < blockStart && slowWindow[s + 1] - 1 < blockStart) {
          runPair(state, s, fast[s], slow[s], fast[s + 1], slow[s + 1], blockStart, blockEnd, up, down);
          s += 2;
          continue;
        }
        int firstValid = slowWindow[s] - 1;
        int from = Math.max(blockStart, firstValid);
        if (from < blockEnd) {
          runBlock(state, s, fast[s], slow[s], firstValid, from, blockEnd, up, down);
        }
        s++;
      }
    }
    for (int s = 0; s < sets; s++) {
      out[s][0] = state.cash[s] + state.side[s] * (close[n - 1] - state.entry[s]) * perTick - startingCapital;
      out[s][1] = state.drawdown[s];
      out[s][2] = state.trades[s];
    }
  }

  /**
   * Set {@code s} over bars {@code [from, to)} of one block. A method of its own so that the JIT compiles this
   * small hot loop by itself, with its own profile, rather than as the innermost loop of {@link #evaluate}.
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
    int i = from;
    if (i == firstValid) {
      // The first bar with both averages: only the side of the crossing is known; no position yet.
      double difference = f[i] - w[i];
      rel = difference > 0 ? 1 : difference < 0 ? -1 : 0;
      i++;
    }
    for (; i < to; i++) {
      // Execution at this bar's open of the position decided at the previous close.
      if (tgt != pos) {
        if (pos != 0) {
          money += pos * (open[i] - pos * slippage - entryTicks) * perTick - roundTripCost;
          count++;
        }
        pos = tgt;
        entryTicks = open[i] + pos * slippage;
      }
      // Decision at this bar's close.
      double difference = f[i] - w[i];
      if (difference > 0) {
        if (rel < 0) {
          tgt = up;
        }
        rel = 1;
      } else if (difference < 0) {
        if (rel > 0) {
          tgt = down;
        }
        rel = -1;
      }
      if (lastOfDay[i]) {
        double equity = money + pos * (close[i] - entryTicks) * perTick;
        high = Math.max(high, equity);
        worst = Math.max(worst, high - equity);
      }
    }
    state.relation[s] = rel;
    state.target[s] = tgt;
    state.side[s] = pos;
    state.entry[s] = entryTicks;
    state.cash[s] = money;
    state.peak[s] = high;
    state.drawdown[s] = worst;
    state.trades[s] = count;
  }

  /**
   * Sets {@code s} and {@code s + 1}, both past their warm-up, over bars {@code [from, to)}: {@link #runBlock}'s
   * loop for two sets at once.
   */
  private void runPair(State state, int s, double[] f1, double[] w1, double[] f2, double[] w2, int from, int to,
      byte up, byte down) {
    int t = s + 1;
    int rel1 = state.relation[s];
    int rel2 = state.relation[t];
    byte tgt1 = state.target[s];
    byte tgt2 = state.target[t];
    int pos1 = state.side[s];
    int pos2 = state.side[t];
    int entry1 = state.entry[s];
    int entry2 = state.entry[t];
    double money1 = state.cash[s];
    double money2 = state.cash[t];
    double high1 = state.peak[s];
    double high2 = state.peak[t];
    double worst1 = state.drawdown[s];
    double worst2 = state.drawdown[t];
    int count1 = state.trades[s];
    int count2 = state.trades[t];
    for (int i = from; i < to; i++) {
      if (tgt1 != pos1) {
        if (pos1 != 0) {
          money1 += pos1 * (open[i] - pos1 * slippage - entry1) * perTick - roundTripCost;
          count1++;
        }
        pos1 = tgt1;
        entry1 = open[i] + pos1 * slippage;
      }
      if (tgt2 != pos2) {
        if (pos2 != 0) {
          money2 += pos2 * (open[i] - pos2 * slippage - entry2) * perTick - roundTripCost;
          count2++;
        }
        pos2 = tgt2;
        entry2 = open[i] + pos2 * slippage;
      }
      double difference1 = f1[i] - w1[i];
      if (difference1 > 0) {
        if (rel1 < 0) {
          tgt1 = up;
        }
        rel1 = 1;
      } else if (difference1 < 0) {
        if (rel1 > 0) {
          tgt1 = down;
        }
        rel1 = -1;
      }
      double difference2 = f2[i] - w2[i];
      if (difference2 > 0) {
        if (rel2 < 0) {
          tgt2 = up;
        }
        rel2 = 1;
      } else if (difference2 < 0) {
        if (rel2 > 0) {
          tgt2 = down;
        }
        rel2 = -1;
      }
      if (lastOfDay[i]) {
        double equity1 = money1 + pos1 * (close[i] - entry1) * perTick;
        high1 = Math.max(high1, equity1);
        worst1 = Math.max(worst1, high1 - equity1);
        double equity2 = money2 + pos2 * (close[i] - entry2) * perTick;
        high2 = Math.max(high2, equity2);
        worst2 = Math.max(worst2, high2 - equity2);
      }
    }
    state.relation[s] = rel1;
    state.relation[t] = rel2;
    state.target[s] = tgt1;
    state.target[t] = tgt2;
    state.side[s] = pos1;
    state.side[t] = pos2;
    state.entry[s] = entry1;
    state.entry[t] = entry2;
    state.cash[s] = money1;
    state.cash[t] = money2;
    state.peak[s] = high1;
    state.peak[t] = high2;
    state.drawdown[s] = worst1;
    state.drawdown[t] = worst2;
    state.trades[s] = count1;
    state.trades[t] = count2;
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

    State(int sets, double startingCapital) {
      relation = new int[sets];
      target = new byte[sets];
      side = new int[sets];
      entry = new int[sets];
      cash = new double[sets];
      peak = new double[sets];
      drawdown = new double[sets];
      trades = new int[sets];
      java.util.Arrays.fill(cash, startingCapital);
      java.util.Arrays.fill(peak, startingCapital);
    }
  }
}
