package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import java.util.List;

/**
 * {@code sma-cross}: trend following on closes (seed 002). Goes long when the fast SMA crosses above the slow one,
 * short when it crosses below (as {@code direction} allows), and leaves a position on the opposite cross;
 * orders are market orders for the next bar's open. An optional protective stop sits {@code atr_stop} × ATR
 * ({@code atr_period}) from the signal bar's close. Seed 002's 50/200-day case: {@code fast=50 slow=200} on
 * daily bars ({@code --bar-size 1d}).
 */
public final class SmaCross implements StrategyDefinition {

  public static final String NAME = "sma-cross";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Fast/slow simple moving average crossover on closes (trend following)";
  }

  @Override
  public List<Param> parameters() {
    return StopPlacement.withAtrStop(List.of(
        Param.ofInt("fast", 1, 10_000, 50, "fast SMA window, bars"),
        Param.ofInt("slow", 2, 10_000, 200, "slow SMA window, bars"),
        Param.ofChoice("direction", List.of("long", "short", "both"), "long", "which crosses open positions")));
  }

  @Override
  public String checkConstraints(StrategySpec spec) {
    return spec.intParam("fast") < spec.intParam("slow") ? null : "fast must be below slow";
  }

  @Override
  public Strategy compile(StrategySpec spec, BarSeries bars, IndicatorCache indicators) {
    int fast = spec.intParam("fast");
    int slow = spec.intParam("slow");
    String direction = spec.text("direction");
    double atrStop = spec.doubleParam("atr_stop");
    double[] fastSma = indicators.firstUnsafe(IndicatorSpec.parse("sma:" + fast, "fast"));
    double[] slowSma = indicators.firstUnsafe(IndicatorSpec.parse("sma:" + slow, "slow"));
    double[] atr = atrStop > 0
        ? indicators.firstUnsafe(IndicatorSpec.parse("atr:" + spec.intParam("atr_period"), "atr_period")) : null;
    return new Kernel(bars, fastSma, slowSma, slow - 1, !direction.equals("short"), !direction.equals("long"),
        atrStop, atr);
  }

  /**
   * The positions this strategy holds after each bar (+1, 0, -1) without an ATR stop, for
   * {@code io.plateau.exec.TargetPositionRunner}: the same decisions {@link #compile}'s kernel makes, in one tight
   * pass. A crossing is tracked as the sign of fast − slow at the last bar where they differed, which is exactly
   * the look-back-past-equal-bars rule of {@link Crosses}.
   *
   * @param out one byte per bar, filled; reused across parameter sets
   */
  public static void targets(double[] fast, double[] slow, int slowWindow, String direction, byte[] out) {
    boolean longs = !direction.equals("short");
    boolean shorts = !direction.equals("long");
    int firstValid = slowWindow - 1;
    int n = out.length;
    java.util.Arrays.fill(out, 0, Math.min(n, firstValid + 1), (byte) 0);
    if (n <= firstValid) {
      return;
    }
    double first = fast[firstValid] - slow[firstValid];
    int relation = first > 0 ? 1 : first < 0 ? -1 : 0;
    byte state = 0;
    for (int i = firstValid + 1; i < n; i++) {
      double difference = fast[i] - slow[i];
      if (difference > 0) {
        if (relation < 0) {
          state = longs ? (byte) 1 : 0;
        }
        relation = 1;
      } else if (difference < 0) {
        if (relation > 0) {
          state = shorts ? (byte) -1 : 0;
        }
        relation = -1;
      }
      out[i] = state;
    }
  }

  private static final class Kernel implements Strategy {
    private final int[] close;
    private final double ticksPerPrice;
    private final double[] fast;
    private final double[] slow;
    private final int firstValid;
    private final boolean longs;
    private final boolean shorts;
    private final double atrStop;
    private final double[] atr;

    Kernel(BarSeries bars, double[] fast, double[] slow, int firstValid, boolean longs, boolean shorts,
        double atrStop, double[] atr) {
      this.close = bars.closeTicksUnsafe();
      this.ticksPerPrice = 1 / bars.instrument().tickSize();
      this.fast = fast;
      this.slow = slow;
      this.firstValid = firstValid;
      this.longs = longs;
      this.shorts = shorts;
      this.atrStop = atrStop;
      this.atr = atr;
    }

    @Override
    public void onBarClose(int i, Orders orders) {
      int side = orders.positionSide();
      if (Crosses.crossedAbove(fast, slow, i, firstValid)) {
        if (side < 0) {
          orders.exitAll();
        }
        if (side <= 0 && longs) {
          orders.enter(1, OrderType.MARKET, Orders.NONE, Orders.NONE, stop(i, 1), Orders.NONE);
        }
      } else if (Crosses.crossedAbove(slow, fast, i, firstValid)) {
        if (side > 0) {
          orders.exitAll();
        }
        if (side >= 0 && shorts) {
          orders.enter(-1, OrderType.MARKET, Orders.NONE, Orders.NONE, stop(i, -1), Orders.NONE);
        }
      }
    }

    private int stop(int i, int side) {
      return atr == null ? Orders.NONE : StopPlacement.atrStop(side, close[i], atrStop, atr[i], ticksPerPrice);
    }

    @Override
    public int warmUpBars() {
      return firstValid + 1;
    }

    @Override
    public boolean flatAtSessionEnd() {
      return false;
    }
  }
}
