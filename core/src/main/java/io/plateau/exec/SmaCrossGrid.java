package io.plateau.exec;

import io.plateau.bar.BarSeries;
import io.plateau.util.Checks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Many {@code sma-cross} parameter sets in one pass over the bars: the optimizer's hot loop. Bars are taken in
 * blocks of {@link #BLOCK_BARS}; for each block the moving averages of every window the sets use are computed from
 * prefix sums of the closes (O(1) a value, the same doubles as the {@code sma:N} indicator) into a small buffer that
 * stays in the CPU cache while every set runs over it, so memory does not grow with the number of windows or bars;
 * each set keeps its state (crossing, position, cash, drawdown) between blocks. The arithmetic is that of
 * {@code SmaCross.targets} followed by {@link TargetPositionRunner} (a test holds the figures equal, and the trades
 * and daily equity equal to the {@link Simulator}'s).
 *
 * <p>Every bar's crossing condition is tested, but a bar on which the averages do not cross changes nothing, so the
 * loop is a scan for the next crossing (one comparison per bar, four bars per branch); fills, and the equity marks
 * at the close of each trading day, are applied per event between scans.
 *
 * <p>One grid per thread; allocation-free per bar.
 */
public final class SmaCrossGrid {

  /** Bars per block: the averages of a block (8 KB per window) stay in the L1/L2 caches while the sets run. */
  static final int BLOCK_BARS = 1024;

  private final int[] open;
  private final int[] close;
  /** {@code closeSums[i]} = the sum of the close ticks of bars [0, i): any window's sum in one subtraction. */
  private final long[] closeSums;
  private final double tick;
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
    this.closeSums = new long[close.length + 1];
    for (int i = 0; i < close.length; i++) {
      closeSums[i + 1] = closeSums[i] + close[i];
    }
    this.tick = bars.instrument().tickSize();
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

  /** The bar index of each trading day's last bar: the days of {@link Output#dayEquity}. */
  public int[] dayEndsUnsafe() {
    return dayEnds;
  }

  /**
   * Evaluates set s with SMA windows {@code fast[s]} and {@code slow[s]} into {@code out}.
   *
   * @param longs whether up-crosses open longs
   * @param shorts whether down-crosses open shorts
   */
  public void evaluate(int[] fast, int[] slow, boolean longs, boolean shorts, Output out) {
    int sets = fast.length;
    int n = open.length;
    Map<Integer, Integer> slots = new HashMap<>();
    int[] fastSlot = new int[sets];
    int[] slowSlot = new int[sets];
    for (int s = 0; s < sets; s++) {
      Checks.positive(fast[s], "fast");
      Checks.positive(slow[s], "slow");
      fastSlot[s] = slots.computeIfAbsent(fast[s], w -> slots.size());
      slowSlot[s] = slots.computeIfAbsent(slow[s], w -> slots.size());
    }
    int[] windows = new int[slots.size()];
    slots.forEach((window, slot) -> windows[slot] = window);
    double[][] averages = new double[windows.length][BLOCK_BARS];
    State state = new State(sets, startingCapital);
    out.reset(startingCapital);
    byte up = longs ? (byte) 1 : 0;
    byte down = shorts ? (byte) -1 : 0;
    for (int blockStart = 0; blockStart < n; blockStart += BLOCK_BARS) {
      int blockEnd = Math.min(n, blockStart + BLOCK_BARS);
      for (int slot = 0; slot < windows.length; slot++) {
        averagesOfBlock(windows[slot], blockStart, blockEnd, averages[slot]);
      }
      for (int s = 0; s < sets; s++) {
        int firstValid = Math.max(fast[s], slow[s]) - 1;
        int from = Math.max(blockStart, firstValid);
        if (from < blockEnd) {
          runBlock(state, s, averages[fastSlot[s]], averages[slowSlot[s]], blockStart, firstValid, from, blockEnd,
              up, down, out);
        }
      }
    }
    for (int s = 0; s < sets; s++) {
      out.netProfit[s] = state.cash[s] + state.side[s] * (close[n - 1] - state.entry[s]) * perTick - startingCapital;
      out.maxDrawdown[s] = state.drawdown[s];
      out.trades[s] = state.trades[s];
    }
  }

  /**
   * The SMA of the closes over {@code window} bars for bars {@code [from, to)} into {@code into[i - from]}, NaN
   * before the window fills: the sum of exact integer ticks divided by the window, then scaled to the price, as
   * the {@code sma:N} indicator computes it, so both give the same doubles.
   */
  private void averagesOfBlock(int window, int from, int to, double[] into) {
    for (int i = from; i < to; i++) {
      into[i - from] = i >= window - 1 ? (double) (closeSums[i + 1] - closeSums[i + 1 - window]) / window * tick
          : Double.NaN;
    }
  }

  /**
   * Set {@code s} over bars {@code [from, to)} of the block starting at {@code base}, whose averages are
   * {@code f[i - base]} and {@code w[i - base]}. Per bar, in the simulator's order: the position decided at the
   * previous close fills at this bar's open, the crossing is tested at this bar's close, and the last bar of a
   * trading day marks equity at its close.
   */
  private void runBlock(State state, int s, double[] f, double[] w, int base, int firstValid, int from, int to,
      byte up, byte down, Output out) {
    int rel = state.relation[s];
    byte tgt = state.target[s];
    int pos = state.side[s];
    int entryTicks = state.entry[s];
    double money = state.cash[s];
    double high = state.peak[s];
    double worst = state.drawdown[s];
    int count = state.trades[s];
    int dayEnd = state.dayEndCursor[s];
    double[] days = out.dayEquity == null ? null : out.dayEquity[s];
    int i = from;
    if (i == firstValid) {
      // The first bar with both averages: only the side of the crossing is known; no position yet, so equity is
      // the starting capital and there is nothing to mark.
      double difference = f[i - base] - w[i - base];
      rel = difference > 0 ? 1 : difference < 0 ? -1 : 0;
      i++;
    }
    while (dayEnd < dayEnds.length && dayEnds[dayEnd] < i) {
      dayEnd++;
    }
    int end = to - base;
    while (i < to) {
      if (tgt != pos) {
        if (pos != 0) {
          double pnl = pos * (open[i] - pos * slippage - entryTicks) * perTick - roundTripCost;
          money += pnl;
          count++;
          if (days != null) {
            out.recordTrade(s, dayEnd, pnl);
          }
        }
        pos = tgt;
        entryTicks = open[i] + pos * slippage;
      }
      int j = i - base;
      int crossing = base + (rel > 0 ? nextBelow(f, w, j, end) : rel < 0 ? nextBelow(w, f, j, end)
          : nextUnequal(f, w, j, end));
      // Equity marks up to and including the crossing bar: its fill comes at the next open.
      int lastMarked = Math.min(crossing, to - 1);
      while (dayEnd < dayEnds.length && dayEnds[dayEnd] <= lastMarked) {
        double equity = money + pos * (close[dayEnds[dayEnd]] - entryTicks) * perTick;
        high = Math.max(high, equity);
        worst = Math.max(worst, high - equity);
        if (days != null) {
          days[dayEnd] = equity;
        }
        dayEnd++;
      }
      if (crossing < to) {
        if (f[crossing - base] > w[crossing - base]) {
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

  /** The first index in {@code [i, to)} where {@code a < b}, or {@code to}: four bars per branch. */
  private static int nextBelow(double[] a, double[] b, int i, int to) {
    while (i + 4 <= to && !(a[i] < b[i] | a[i + 1] < b[i + 1] | a[i + 2] < b[i + 2] | a[i + 3] < b[i + 3])) {
      i += 4;
    }
    while (i < to && !(a[i] < b[i])) {
      i++;
    }
    return i;
  }

  /** The first index in {@code [i, to)} where the averages differ, or {@code to} (only before a side is known). */
  private static int nextUnequal(double[] a, double[] b, int i, int to) {
    while (i < to && a[i] == b[i]) {
      i++;
    }
    return i;
  }

  /**
   * What {@link #evaluate} gives per set: net profit (closed trades and the open position marked at the last
   * close), the largest fall of daily equity from its peak, the number of trades; with detail, also the equity at
   * each trading day's end ({@link #dayEndsUnsafe()}) and each trade's net P&amp;L and exit day. Reusable.
   */
  public static final class Output {
    public final double[] netProfit;
    public final double[] maxDrawdown;
    public final int[] trades;
    /** {@code dayEquity[s][d]}: set s's equity at the close of trading day d; null without detail. */
    public final double[][] dayEquity;
    private final int[][] tradeExitDay;
    private final double[][] tradeNetPnl;
    private final int[] recorded;

    /**
     * @param sets the number of sets evaluated at once
     * @param days the grid's trading days ({@code dayEndsUnsafe().length}) for detail, or 0 for figures only
     */
    public Output(int sets, int days) {
      netProfit = new double[sets];
      maxDrawdown = new double[sets];
      trades = new int[sets];
      dayEquity = days > 0 ? new double[sets][days] : null;
      tradeExitDay = days > 0 ? new int[sets][16] : null;
      tradeNetPnl = days > 0 ? new double[sets][16] : null;
      recorded = new int[sets];
    }

    /** Trade t of set s: its exit's trading day (an index into the days of {@link #dayEquity}). */
    public int tradeExitDay(int s, int t) {
      return tradeExitDay[s][t];
    }

    public double tradeNetPnl(int s, int t) {
      return tradeNetPnl[s][t];
    }

    void reset(double startingCapital) {
      Arrays.fill(recorded, 0);
      if (dayEquity != null) {
        for (double[] days : dayEquity) {
          Arrays.fill(days, startingCapital);
        }
      }
    }

    void recordTrade(int s, int day, double pnl) {
      int t = recorded[s]++;
      if (t == tradeExitDay[s].length) {
        tradeExitDay[s] = Arrays.copyOf(tradeExitDay[s], 2 * t);
        tradeNetPnl[s] = Arrays.copyOf(tradeNetPnl[s], 2 * t);
      }
      tradeExitDay[s][t] = day;
      tradeNetPnl[s][t] = pnl;
    }
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
