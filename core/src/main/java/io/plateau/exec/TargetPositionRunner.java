package io.plateau.exec;

import io.plateau.bar.BarSeries;
import io.plateau.util.Checks;

/**
 * The fast path for signal strategies: strategies whose every decision is "hold this position after this bar"
 * (long, flat or short a fixed number of contracts), filled by market orders at the next bar's open, with no
 * protective orders, scale-ins or session rules. For those, it gives exactly what {@link Simulator} gives (a test
 * holds them equal) at a few nanoseconds a bar: per bar it compares one target with the last, and money moves
 * only when the target changes; equity is marked at each trading date's last bar.
 *
 * <p>Targets are bytes, +1 long, 0 flat, -1 short, one per bar: {@code targets[i]} is the position wanted after
 * bar i's close, reached at bar i + 1's open. Reusable across parameter sets; one runner per thread.
 */
public final class TargetPositionRunner {

  private final BarSeries bars;
  private final int contracts;
  private final double startingCapital;
  private final int slippage;
  private final double costPerSide;
  private final double tickValue;
  private final int[] open;
  private final int[] close;
  private final boolean[] lastOfDay;

  public TargetPositionRunner(BarSeries bars, CostModel costs, int contracts, double startingCapital) {
    this.bars = Checks.notNull(bars, "bars");
    this.contracts = Checks.positive(contracts, "contracts");
    this.startingCapital = Checks.positive(startingCapital, "startingCapital");
    this.slippage = costs.slippageTicks();
    this.costPerSide = costs.perContractPerSide() * contracts;
    this.tickValue = bars.instrument().tickValue();
    this.open = bars.openTicksUnsafe();
    this.close = bars.closeTicksUnsafe();
    int[] day = bars.tradingDayUnsafe();
    this.lastOfDay = new boolean[day.length];
    for (int i = 0; i < day.length; i++) {
      lastOfDay[i] = i == day.length - 1 || day[i + 1] != day[i];
    }
  }

  /** Trades and daily equity, as {@link Simulator#run} reports them. */
  public SimulationResult run(byte[] targets) {
    TradeLog trades = new TradeLog();
    DailyEquity.Builder daily = DailyEquity.builder(startingCapital);
    long[] time = bars.startMillisUnsafe();
    int[] day = bars.tradingDayUnsafe();
    double cash = startingCapital;
    int side = 0;
    int entryTicks = 0;
    long entryTime = 0;
    int adverse = 0;
    int favorable = 0;
    int[] high = bars.highTicksUnsafe();
    int[] low = bars.lowTicksUnsafe();
    long inMarket = 0;
    double peak = startingCapital;
    double maxBarDrawdown = 0;
    int n = targets.length;
    for (int i = 0; i < n; i++) {
      if (i > 0 && targets[i - 1] != side) {
        int fillTime = i;
        if (side != 0) {
          int exit = open[i] - side * slippage;
          cash += recordTrade(trades, side, entryTime, time[fillTime], entryTicks, exit, adverse, favorable);
        }
        side = targets[i - 1];
        if (side != 0) {
          entryTicks = open[i] + side * slippage;
          entryTime = time[i];
          adverse = 0;
          favorable = 0;
        }
      }
      if (side != 0) {
        adverse = Math.max(adverse, side > 0 ? entryTicks - low[i] : high[i] - entryTicks);
        favorable = Math.max(favorable, side > 0 ? high[i] - entryTicks : entryTicks - low[i]);
        inMarket++;
      }
      double equity = cash + (double) side * (close[i] - entryTicks) * contracts * tickValue;
      peak = Math.max(peak, equity);
      maxBarDrawdown = Math.max(maxBarDrawdown, peak - equity);
      if (lastOfDay[i]) {
        daily.add(day[i], equity);
      }
    }
    return new SimulationResult(trades, daily.build(), inMarket, n, maxBarDrawdown);
  }

  private double recordTrade(TradeLog trades, int side, long entryTime, long exitTime, int entryTicks,
      int exitTicks, int adverse, int favorable) {
    double gross = (double) side * (exitTicks - entryTicks) * contracts * tickValue;
    double commission = 2 * costPerSide;
    trades.add(entryTime, exitTime, side, contracts, bars.instrument().tickGrid().toPrice(entryTicks),
        bars.instrument().tickGrid().toPrice(exitTicks), gross, commission, 2.0 * slippage * contracts * tickValue,
        (double) adverse * contracts * tickValue, (double) favorable * contracts * tickValue, 0, 1);
    return gross - commission;
  }

  /**
   * Net profit and maximum daily drawdown only, for ranking parameter sets: allocation-free, no trade log.
   * {@code out[0]} net profit (closed trades and the open position marked at the last close), {@code out[1]} the
   * largest peak-to-trough fall of daily equity in currency, {@code out[2]} the number of trades.
   */
  public void netProfitAndDrawdown(byte[] targets, double[] out) {
    double cash = startingCapital;
    double peak = startingCapital;
    double maxDrawdown = 0;
    int side = 0;
    int entryTicks = 0;
    int tradeCount = 0;
    int[] openTicks = open;
    int[] closeTicks = close;
    boolean[] dayEnds = lastOfDay;
    double perTick = contracts * tickValue;
    int n = targets.length;
    for (int i = 1; i < n; i++) {
      int target = targets[i - 1];
      if (target != side) {
        if (side != 0) {
          cash += side * (openTicks[i] - side * slippage - entryTicks) * perTick - 2 * costPerSide;
          tradeCount++;
        }
        side = target;
        entryTicks = openTicks[i] + side * slippage;
      }
      if (dayEnds[i]) {
        double equity = cash + side * (closeTicks[i] - entryTicks) * perTick;
        peak = Math.max(peak, equity);
        maxDrawdown = Math.max(maxDrawdown, peak - equity);
      }
    }
    double last = cash + side * (closeTicks[n - 1] - entryTicks) * perTick;
    out[0] = last - startingCapital;
    out[1] = maxDrawdown;
    out[2] = tradeCount;
  }
}
