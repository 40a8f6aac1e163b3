package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import io.plateau.util.InputException;
import java.util.List;

/**
 * {@code vwap-reversion}: seed 001's VWAP mean-reversion scalp (MES intraday): a reversal candle at the
 * {@code band_sigma} band of the regular-session VWAP, on fading aggressive volume, faded back to the VWAP.
 *
 * <p>The rules, decided at the close of bar t for bar t + 1 only:
 * <ul>
 *   <li><b>Touch and reversal candle</b> (short side; the long side mirrors it at the lower band): bar t itself
 *       touches the band (high ≥ the upper band at t's close) and is a shooting star / pin bar: its upper wick,
 *       high − max(open, close), is at least {@code wick_ratio} of its range (range &gt; 0), and it closes back
 *       inside the band (close &lt; upper band). The touch and the reversal are one bar, so the reversal bar's
 *       high is the extreme of the move.
 *   <li><b>Fading aggression</b>: the bar's aggressor imbalance on the side of the move, (buy − sell) / volume
 *       for an up move ((sell − buy) / volume for a down move; 0 on a bar without volume), must be smaller than
 *       its mean over the {@code fade_lookback} bars before it (t − lookback .. t − 1). Needs bars with
 *       aggressor volume: with {@code require_aggressor} true (the default) a series without it is refused with
 *       an {@link InputException}; with false the fading filter is skipped on such a series.
 *   <li><b>Trend filter</b>: no entries while ADX({@code adx_period}) is above {@code adx_max} (or not yet
 *       known); {@code adx_max} 0 turns it off. The seed: the scalp "thrives in range-bound days".
 *   <li><b>Entry</b>: a market order filled at bar t + 1's open (the simulator's next-open timing, with its
 *       slippage), only while flat, in regular hours and before the bar that ends the regular session.
 *   <li><b>Hard stop</b>, attached on fill: {@code stop_ticks_beyond} ticks beyond the reversal bar's extreme
 *       (short: high + ticks).
 *   <li><b>Target</b>, attached on fill: the session VWAP at bar t's close, rounded to the tick toward the entry,
 *       fixed at the decision (the simulator does not move targets). No order when it is not beyond bar t's
 *       close (nothing to revert to).
 *   <li><b>Trades per day</b>: at most {@code max_trades_per_day} orders per trading date; a market order counts
 *       when placed (it fills at the next open unless the risk rules refuse it).
 *   <li><b>Session end</b>: a position still open at the close of the bar that ends the regular session is closed
 *       at the next bar's open; the simulator flattens at the trading date's last bar anyway.
 * </ul>
 * Seed 001's risk architecture: every entry carries its hard stop; the daily loss limit and the add policy come
 * from the simulation's risk rules. Warm-up: {@code fade_lookback} bars, and 2 × {@code adx_period} − 1 with the
 * trend filter on. Intraday bars only.
 */
public final class VwapReversion implements StrategyDefinition {

  public static final String NAME = "vwap-reversion";

  /** Tolerance for price → tick conversions of indicator values (prices are ticks × tick size). */
  private static final double EPSILON_TICKS = 1e-6;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "VWAP mean reversion (seed 001): a pin bar at the session VWAP's σ band on fading aggressor volume, "
        + "faded with a market order, target the VWAP, stop beyond the extreme; no entries while ADX trends";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.ofDouble("band_sigma", 0.5, 5, 2, "the band: session VWAP ± this many volume-weighted σ"),
        Param.ofDouble("wick_ratio", 0.1, 1, 0.5, "the reversal bar's wick on the extreme side, fraction of its range"),
        Param.ofInt("fade_lookback", 1, 100, 5,
            "the reversal bar's aggressor imbalance must be below its mean over this many bars before it"),
        Param.ofChoice("require_aggressor", List.of("true", "false"), "true",
            "refuse bars without aggressor volume (false: skip the fading filter on them)"),
        Param.ofInt("stop_ticks_beyond", 0, 100, 2, "hard stop this many ticks beyond the reversal bar's extreme"),
        Param.ofInt("adx_period", 2, 1_000, 14, "ADX window, bars"),
        Param.ofDouble("adx_max", 0, 100, 25, "no entries while ADX is above this; 0 for no trend filter"),
        Param.ofInt("max_trades_per_day", 1, 100, 2, "entries per trading date"),
        Param.ofChoice("direction", List.of("long", "short", "both"), "both", "which band extremes to fade"));
  }

  /** Seed 001's risk architecture: a session down 1.5% of its starting equity stops trading. */
  @Override
  public double defaultDailyLossLimitPercent() {
    return 1.5;
  }

  @Override
  public String checkConstraints(StrategySpec spec) {
    // Every bound is a single-parameter range; nothing ties two parameters together.
    return null;
  }

  @Override
  public Strategy compile(StrategySpec spec, BarSeries bars, IndicatorCache indicators) {
    if (bars.interval().isDaily()) {
      throw new InputException(NAME + ": needs intraday bars (the VWAP and the reversal candle are intraday), was "
          + bars.interval());
    }
    boolean requireAggressor = Boolean.parseBoolean(spec.text("require_aggressor"));
    if (requireAggressor && !bars.hasAggressorVolume()) {
      throw new InputException(NAME + ": needs bars with aggressor (buy/sell) volume for the fading-volume filter, "
          + bars.instrument().symbol() + " " + bars.interval() + " bars have none; set require_aggressor=false "
          + "to trade without the filter");
    }
    double[][] vwap = indicators.valuesUnsafe(IndicatorSpec.parse("vwap:" + spec.doubleParam("band_sigma"),
        "band_sigma"));
    double adxMax = spec.doubleParam("adx_max");
    int adxPeriod = spec.intParam("adx_period");
    double[] adx = adxMax > 0 ? indicators.firstUnsafe(IndicatorSpec.parse("adx:" + adxPeriod, "adx_period"))
        : null;
    int fadeLookback = spec.intParam("fade_lookback");
    String direction = spec.text("direction");
    Settings settings = new Settings(spec.doubleParam("wick_ratio"), bars.hasAggressorVolume() ? fadeLookback : 0,
        spec.intParam("stop_ticks_beyond"), adxMax, spec.intParam("max_trades_per_day"),
        !direction.equals("short"), !direction.equals("long"),
        Math.max(fadeLookback, adx == null ? 0 : 2 * adxPeriod - 1));
    return new Kernel(bars, settings, vwap[0], vwap[1], vwap[2], adx,
        SessionEnds.regular(bars));
  }

  /** The parameters as the kernel uses them; {@code fadeLookback} 0 when the series has no aggressor volume. */
  private record Settings(double wickRatio, int fadeLookback, int stopTicksBeyond, double adxMax,
      int maxTradesPerDay, boolean longs, boolean shorts, int warmUpBars) {}

  /** Stateful across bars (trades today): one kernel per run, bars in order. */
  private static final class Kernel implements Strategy {
    private final Settings settings;
    private final double ticksPerPrice;
    private final int[] open;
    private final int[] high;
    private final int[] low;
    private final int[] close;
    private final int[] volume;
    private final int[] buy;
    private final int[] sell;
    private final int[] day;
    private final boolean[] regular;
    private final boolean[] endsRegular;
    private final double[] vwap;
    private final double[] upper;
    private final double[] lower;
    private final double[] adx;

    private final TradesPerDay tradesToday = new TradesPerDay();

    Kernel(BarSeries bars, Settings settings, double[] vwap, double[] upper, double[] lower, double[] adx,
        boolean[] endsRegular) {
      this.settings = settings;
      this.ticksPerPrice = 1 / bars.instrument().tickSize();
      this.open = bars.openTicksUnsafe();
      this.high = bars.highTicksUnsafe();
      this.low = bars.lowTicksUnsafe();
      this.close = bars.closeTicksUnsafe();
      this.volume = bars.volumeUnsafe();
      this.buy = bars.buyVolumeUnsafe();
      this.sell = bars.sellVolumeUnsafe();
      this.day = bars.tradingDayUnsafe();
      this.regular = bars.regularHoursUnsafe();
      this.endsRegular = endsRegular;
      this.vwap = vwap;
      this.upper = upper;
      this.lower = lower;
      this.adx = adx;
    }

    @Override
    public void onBarClose(int i, Orders orders) {
      tradesToday.at(i, day[i]);
      if (orders.positionSide() != 0) {
        if (endsRegular[i]) {
          orders.exitAll();
        }
        return;
      }
      if (!regular[i] || endsRegular[i] || tradesToday.reached(settings.maxTradesPerDay())
          || Double.isNaN(vwap[i])) {
        return;
      }
      // NaN ADX (not yet known) fails the comparison: no entry.
      if (adx != null && !(adx[i] <= settings.adxMax())) {
        return;
      }
      int range = high[i] - low[i];
      if (range <= 0) {
        return;
      }
      double bandTop = upper[i] * ticksPerPrice;
      double bandBottom = lower[i] * ticksPerPrice;
      if (settings.shorts() && high[i] >= bandTop - EPSILON_TICKS && close[i] < bandTop - EPSILON_TICKS
          && high[i] - Math.max(open[i], close[i]) >= settings.wickRatio() * range - EPSILON_TICKS
          && fading(i, 1)) {
        place(orders, -1, high[i] + settings.stopTicksBeyond(),
            (int) Math.ceil(vwap[i] * ticksPerPrice - EPSILON_TICKS), close[i]);
      } else if (settings.longs() && low[i] <= bandBottom + EPSILON_TICKS && close[i] > bandBottom + EPSILON_TICKS
          && Math.min(open[i], close[i]) - low[i] >= settings.wickRatio() * range - EPSILON_TICKS
          && fading(i, -1)) {
        place(orders, 1, low[i] - settings.stopTicksBeyond(),
            (int) Math.floor(vwap[i] * ticksPerPrice + EPSILON_TICKS), close[i]);
      }
    }

    private void place(Orders orders, int side, int protectiveStop, int target, int decisionClose) {
      if (side * (target - decisionClose) <= 0) {
        return;
      }
      orders.enter(side, OrderType.MARKET, Orders.NONE, Orders.NONE, protectiveStop, target);
      tradesToday.add();
    }

    /**
     * Whether bar {@code i}'s aggressor imbalance in the direction {@code move} (+1 up: buyers) is below its mean
     * over the lookback bars before it; true when the filter is off (no aggressor volume, not required).
     */
    private boolean fading(int i, int move) {
      int lookback = settings.fadeLookback();
      if (lookback == 0) {
        return true;
      }
      double sum = 0;
      for (int j = i - lookback; j < i; j++) {
        sum += imbalance(j, move);
      }
      return imbalance(i, move) < sum / lookback;
    }

    private double imbalance(int j, int move) {
      return volume[j] == 0 ? 0 : move * (double) (buy[j] - sell[j]) / volume[j];
    }

    @Override
    public int warmUpBars() {
      return settings.warmUpBars();
    }

    @Override
    public boolean flatAtSessionEnd() {
      return true;
    }
  }
}
