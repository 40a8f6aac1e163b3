package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import java.util.List;

/**
 * {@code rsi-reversion}: RSI mean reversion with an ADX trend filter (seed 002). Buys when RSI is below
 * {@code lower}, sells short above {@code upper}, but only while ADX is below {@code adx_max} (no strong trend);
 * leaves a long when RSI reaches {@code exit_level}, a short when it falls to it. Market orders for the next open,
 * an optional ATR stop.
 */
public final class RsiReversion implements StrategyDefinition {

  public static final String NAME = "rsi-reversion";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "RSI oversold/overbought reversion, only when ADX shows no strong trend";
  }

  @Override
  public List<Param> parameters() {
    return StopPlacement.withAtrStop(List.of(
        Param.ofInt("period", 2, 1_000, 14, "RSI window, bars"),
        Param.ofDouble("lower", 0, 100, 30, "RSI below which to buy"),
        Param.ofDouble("upper", 0, 100, 70, "RSI above which to sell short"),
        Param.ofDouble("exit_level", 0, 100, 50, "RSI at which positions are closed"),
        Param.ofInt("adx_period", 2, 1_000, 14, "ADX window, bars"),
        Param.ofDouble("adx_max", 0, 100, 25, "trade only while ADX is below this"),
        Param.ofChoice("direction", List.of("long", "short", "both"), "both", "which extremes open positions")));
  }

  @Override
  public String checkConstraints(StrategySpec spec) {
    double lower = spec.doubleParam("lower");
    double upper = spec.doubleParam("upper");
    double exit = spec.doubleParam("exit_level");
    if (!(lower < upper)) {
      return "lower must be below upper";
    }
    return lower <= exit && exit <= upper ? null : "exit_level must lie between lower and upper";
  }

  @Override
  public Strategy compile(StrategySpec spec, BarSeries bars, IndicatorCache indicators) {
    int period = spec.intParam("period");
    int adxPeriod = spec.intParam("adx_period");
    double[] rsi = indicators.firstUnsafe(IndicatorSpec.parse("rsi:" + period, "period"));
    double[] adx = indicators.firstUnsafe(IndicatorSpec.parse("adx:" + adxPeriod, "adx_period"));
    double atrStop = spec.doubleParam("atr_stop");
    double[] atr = atrStop > 0
        ? indicators.firstUnsafe(IndicatorSpec.parse("atr:" + spec.intParam("atr_period"), "atr_period")) : null;
    String direction = spec.text("direction");
    return new Kernel(bars, rsi, adx, Math.max(period, 2 * adxPeriod - 1), spec.doubleParam("lower"),
        spec.doubleParam("upper"), spec.doubleParam("exit_level"), spec.doubleParam("adx_max"),
        !direction.equals("short"), !direction.equals("long"), atrStop, atr);
  }

  private static final class Kernel implements Strategy {
    private final int[] close;
    private final double ticksPerPrice;
    private final double[] rsi;
    private final double[] adx;
    private final int warmUp;
    private final double lower;
    private final double upper;
    private final double exitLevel;
    private final double adxMax;
    private final boolean longs;
    private final boolean shorts;
    private final double atrStop;
    private final double[] atr;

    Kernel(BarSeries bars, double[] rsi, double[] adx, int warmUp, double lower, double upper, double exitLevel,
        double adxMax, boolean longs, boolean shorts, double atrStop, double[] atr) {
      this.close = bars.closeTicksUnsafe();
      this.ticksPerPrice = 1 / bars.instrument().tickSize();
      this.rsi = rsi;
      this.adx = adx;
      this.warmUp = warmUp;
      this.lower = lower;
      this.upper = upper;
      this.exitLevel = exitLevel;
      this.adxMax = adxMax;
      this.longs = longs;
      this.shorts = shorts;
      this.atrStop = atrStop;
      this.atr = atr;
    }

    @Override
    public void onBarClose(int i, Orders orders) {
      int side = orders.positionSide();
      if (side > 0 && rsi[i] >= exitLevel || side < 0 && rsi[i] <= exitLevel) {
        orders.exitAll();
        return;
      }
      if (side != 0 || !(adx[i] < adxMax)) {
        return;
      }
      if (longs && rsi[i] < lower) {
        orders.enter(1, OrderType.MARKET, Orders.NONE, Orders.NONE, stop(i, 1), Orders.NONE);
      } else if (shorts && rsi[i] > upper) {
        orders.enter(-1, OrderType.MARKET, Orders.NONE, Orders.NONE, stop(i, -1), Orders.NONE);
      }
    }

    private int stop(int i, int side) {
      return atr == null ? Orders.NONE : StopPlacement.atrStop(side, close[i], atrStop, atr[i], ticksPerPrice);
    }

    @Override
    public int warmUpBars() {
      return warmUp;
    }

    @Override
    public boolean flatAtSessionEnd() {
      return false;
    }
  }
}
