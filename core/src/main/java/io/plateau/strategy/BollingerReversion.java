package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import io.plateau.indicator.Smoothing;
import java.util.List;

/**
 * {@code bollinger-reversion}: mean reversion with Bollinger bands (seed 002). Buys when the close is below the
 * lower band, sells short above the upper band (as {@code direction} allows), and leaves at the middle band; market
 * orders for the next open, an optional ATR stop.
 *
 * <p>The seed's volatility-adaptive window: when {@code high_vol_window} > 0, the bands use that window whenever
 * the standard deviation of the last {@code vol_lookback} close-to-close returns exceeds {@code vol_threshold}
 * (the seed: 20 bars above 0.02, else 14), and {@code window} otherwise. Bands use the population σ (TA-Lib; the
 * seed's pandas code uses the sample σ, which widens the bands by √(n/(n−1))).
 */
public final class BollingerReversion implements StrategyDefinition {

  public static final String NAME = "bollinger-reversion";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Buy below the lower Bollinger band, sell above the upper, exit at the middle (mean reversion)";
  }

  @Override
  public List<Param> parameters() {
    return StopPlacement.withAtrStop(List.of(
        Param.ofInt("window", 2, 10_000, 20, "band window, bars"),
        Param.ofDouble("k", 0.1, 10, 2, "band width in standard deviations"),
        Param.ofInt("high_vol_window", 0, 10_000, 0, "window in high volatility; 0 keeps one window"),
        Param.ofInt("vol_lookback", 2, 10_000, 100, "returns in the volatility estimate"),
        Param.ofDouble("vol_threshold", 0, 1, 0.02, "return standard deviation above which volatility is high"),
        Param.ofChoice("direction", List.of("long", "short", "both"), "both", "which band opens positions")));
  }

  @Override
  public String checkConstraints(StrategySpec spec) {
    int high = spec.intParam("high_vol_window");
    return high == 0 || high >= 2 ? null : "high_vol_window must be 0 (off) or at least 2";
  }

  @Override
  public Strategy compile(StrategySpec spec, BarSeries bars, IndicatorCache indicators) {
    int window = spec.intParam("window");
    double k = spec.doubleParam("k");
    int highVolWindow = spec.intParam("high_vol_window");
    String direction = spec.text("direction");
    double atrStop = spec.doubleParam("atr_stop");
    double[][] normal = indicators.valuesUnsafe(IndicatorSpec.parse("bbands:" + window + ":" + k, "window"));
    double[][] highVol = normal;
    boolean[] highVolatility = null;
    int warmUp = window - 1;
    if (highVolWindow > 0) {
      highVol = indicators.valuesUnsafe(IndicatorSpec.parse("bbands:" + highVolWindow + ":" + k, "high_vol_window"));
      highVolatility = highVolatility(bars, spec.intParam("vol_lookback"), spec.doubleParam("vol_threshold"));
      warmUp = Math.max(Math.max(window, highVolWindow) - 1, spec.intParam("vol_lookback"));
    }
    double[] atr = atrStop > 0
        ? indicators.firstUnsafe(IndicatorSpec.parse("atr:" + spec.intParam("atr_period"), "atr_period")) : null;
    return new Kernel(bars, normal, highVol, highVolatility, warmUp, !direction.equals("short"),
        !direction.equals("long"), atrStop, atr);
  }

  /** Per bar: whether the population σ of the last {@code lookback} simple returns exceeds {@code threshold}. */
  private static boolean[] highVolatility(BarSeries bars, int lookback, double threshold) {
    int[] close = bars.closeTicksUnsafe();
    double[] returns = new double[close.length];
    returns[0] = Double.NaN;
    for (int i = 1; i < close.length; i++) {
      returns[i] = close[i - 1] == 0 ? Double.NaN : (double) close[i] / close[i - 1] - 1;
    }
    double[] sigma = Smoothing.stdDev(returns, lookback);
    boolean[] high = new boolean[close.length];
    for (int i = 0; i < close.length; i++) {
      high[i] = sigma[i] > threshold;
    }
    return high;
  }

  private static final class Kernel implements Strategy {
    private final int[] close;
    private final double tickSize;
    private final double[][] normal;
    private final double[][] highVol;
    private final boolean[] highVolatility;
    private final int warmUp;
    private final boolean longs;
    private final boolean shorts;
    private final double atrStop;
    private final double[] atr;

    Kernel(BarSeries bars, double[][] normal, double[][] highVol, boolean[] highVolatility, int warmUp,
        boolean longs, boolean shorts, double atrStop, double[] atr) {
      this.close = bars.closeTicksUnsafe();
      this.tickSize = bars.instrument().tickSize();
      this.normal = normal;
      this.highVol = highVol;
      this.highVolatility = highVolatility;
      this.warmUp = warmUp;
      this.longs = longs;
      this.shorts = shorts;
      this.atrStop = atrStop;
      this.atr = atr;
    }

    @Override
    public void onBarClose(int i, Orders orders) {
      double[][] bands = highVolatility != null && highVolatility[i] ? highVol : normal;
      double middle = bands[0][i];
      double upper = bands[1][i];
      double lower = bands[2][i];
      if (Double.isNaN(middle)) {
        return;
      }
      double price = close[i] * tickSize;
      int side = orders.positionSide();
      if (side > 0 && price >= middle || side < 0 && price <= middle) {
        orders.exitAll();
      } else if (side == 0 && longs && price < lower) {
        orders.enter(1, OrderType.MARKET, Orders.NONE, Orders.NONE, stop(i, 1), Orders.NONE);
      } else if (side == 0 && shorts && price > upper) {
        orders.enter(-1, OrderType.MARKET, Orders.NONE, Orders.NONE, stop(i, -1), Orders.NONE);
      }
    }

    private int stop(int i, int side) {
      return atr == null ? Orders.NONE : StopPlacement.atrStop(side, close[i], atrStop, atr[i], 1 / tickSize);
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
