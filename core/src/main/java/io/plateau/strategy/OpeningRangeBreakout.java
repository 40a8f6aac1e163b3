package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import io.plateau.util.InputException;
import java.util.List;

/**
 * {@code orb}: the opening range breakout of seed 001 (MES intraday). The range is the high and low of the first
 * {@code range_minutes} of the regular session (the instrument's schedule: 08:30 CT = 09:30 ET for CME equity
 * index); once it is complete, a stop-limit order (never a market order) waits just outside it.
 *
 * <p>The rules, decided at the close of bar t for bar t + 1 only (re-issued every bar while they hold):
 * <ul>
 *   <li><b>Entry</b>: a buy stop at range high + {@code entry_offset_ticks} with its limit
 *       {@code limit_offset_ticks} above the stop, or a sell stop at range low − offset with the limit below. The
 *       order is placed only while flat, in regular hours, before the bar that ends the regular session, and while
 *       it is still a stop (the close is on the near side of the trigger). {@code direction} both: the simulator
 *       holds one pending entry, so the side whose trigger is nearer the close is placed (the buy on a tie).
 *   <li><b>Volume filter</b> (seed: "volume must exceed 150% of the 5m average"): bar t's volume must exceed
 *       {@code volume_mult} × the mean volume of the {@code volume_lookback} bars before it (t − lookback .. t − 1).
 *       The seed's 5-minute average scaled to the bar size is the average bar volume (on 1-minute bars: the 5-minute
 *       average / 5), so the ratio is the seed's on any bar size. The breakout bar's own volume is unknown when the
 *       order is placed, so the filter arms the order: the stop-limit works on bar t + 1 only when the bar just
 *       closed carried the volume. {@code volume_mult} 0 turns the filter off.
 *   <li><b>Hard stop</b>, attached on fill: {@code stop_fraction} of the range back from the broken edge (long:
 *       range high − fraction × range; 0.5 = the midpoint), rounded to the tick away from the entry.
 *   <li><b>Target</b>, attached on fill, fixed when the order is placed; the "entry" below is the order's stop
 *       (trigger) price:
 *       {@code range_multiple}: entry ± {@code target_multiple} × range, rounded to the tick toward the entry;
 *       {@code round_number}: the next multiple of {@code round_points} (rounded to whole ticks) beyond the order's
 *       limit price, the worst fill;
 *       {@code vwap_band}: the regular-session VWAP's 1σ band on the trade's side (upper for a long) at bar t's
 *       close, rounded to the tick toward the entry.
 *       An order whose target is not beyond its limit price (no reward left, e.g. a VWAP band still inside the
 *       range) is not placed.
 *   <li><b>Trades per day</b>: at most {@code max_trades_per_day} entries per trading date. An order counts once it
 *       was fillable on its bar (the stop traded and price traded at or within the limit), so an entry stopped out
 *       on its own bar counts too.
 *   <li><b>Session end</b>: a position still open at the close of the bar that ends the regular session (the
 *       schedule's regular close, or an earlier holiday close) is closed at the next bar's open; the simulator
 *       flattens at the trading date's last bar anyway ({@link Strategy#flatAtSessionEnd()}).
 * </ul>
 * Seed 001's risk architecture: every entry carries its hard stop; the daily loss limit and the add policy come
 * from the simulation's risk rules. Warm-up: {@code volume_lookback} bars (none without the volume filter).
 * Intraday bars only.
 */
public final class OpeningRangeBreakout implements StrategyDefinition {

  public static final String NAME = "orb";

  /** Tolerance for price → tick conversions of indicator values (prices are ticks × tick size). */
  private static final double EPSILON_TICKS = 1e-6;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Opening range breakout (seed 001): stop-limit entries outside the first minutes' range on volume, "
        + "stop at the range midpoint, target a range multiple, the next round number or the VWAP 1σ band";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.ofInt("range_minutes", 1, 390, 30, "opening range: the regular session's first minutes"),
        Param.ofInt("entry_offset_ticks", 0, 100, 1, "entry stop this many ticks outside the range"),
        Param.ofInt("limit_offset_ticks", 0, 100, 2, "the stop-limit's limit this many ticks beyond its stop"),
        Param.ofChoice("direction", List.of("long", "short", "both"), "both", "which breakouts to trade"),
        Param.ofDouble("volume_mult", 0, 100, 1.5,
            "the last bar's volume must exceed this multiple of the average bar volume; 0 for no filter"),
        Param.ofInt("volume_lookback", 1, 10_000, 20, "bars in the average volume (before the last bar)"),
        Param.ofDouble("stop_fraction", 0.05, 1, 0.5,
            "hard stop this fraction of the range back from the broken edge (0.5: the midpoint)"),
        Param.ofChoice("target", List.of("range_multiple", "round_number", "vwap_band"), "range_multiple",
            "profit target kind"),
        Param.ofDouble("target_multiple", 0.1, 20, 1, "range_multiple target: entry ± this many ranges"),
        Param.ofDouble("round_points", 0.25, 10_000, 25, "round_number target: multiples of this many points"),
        Param.ofInt("max_trades_per_day", 1, 100, 1, "entries per trading date"));
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
      throw new InputException(NAME + ": needs intraday bars (the opening range is the session's first minutes), "
          + "was " + bars.interval());
    }
    String target = spec.text("target");
    double tick = bars.instrument().tickSize();
    double volumeMult = spec.doubleParam("volume_mult");
    int lookback = spec.intParam("volume_lookback");
    double[][] range = indicators.valuesUnsafe(IndicatorSpec.parse("orb:" + spec.intParam("range_minutes"),
        "range_minutes"));
    double[] volumeAverage = volumeMult > 0
        ? indicators.firstUnsafe(IndicatorSpec.parse("volavg:" + lookback, "volume_lookback")) : null;
    double[][] vwap = target.equals("vwap_band") ? indicators.valuesUnsafe(IndicatorSpec.parse("vwap:1", "target"))
        : null;
    String direction = spec.text("direction");
    Settings settings = new Settings(spec.intParam("entry_offset_ticks"), spec.intParam("limit_offset_ticks"),
        !direction.equals("short"), !direction.equals("long"), volumeMult, spec.doubleParam("stop_fraction"),
        target, spec.doubleParam("target_multiple"),
        Math.max(1, (int) Math.round(spec.doubleParam("round_points") / tick)), spec.intParam("max_trades_per_day"),
        volumeMult > 0 ? lookback : 0);
    return new Kernel(bars, settings, range[0], range[1], volumeAverage, vwap == null ? null : vwap[1],
        vwap == null ? null : vwap[2], SessionEnds.regular(bars));
  }

  /** The parameters as the kernel uses them. */
  private record Settings(int entryOffsetTicks, int limitOffsetTicks, boolean longs, boolean shorts,
      double volumeMult, double stopFraction, String target, double targetMultiple, int roundTicks,
      int maxTradesPerDay, int warmUpBars) {}

  /** Stateful across bars (trades today, the order last placed): one kernel per run, bars in order. */
  private static final class Kernel implements Strategy {
    private final Settings settings;
    private final boolean rangeMultiple;
    private final boolean roundNumber;
    private final double ticksPerPrice;
    private final int[] high;
    private final int[] low;
    private final int[] close;
    private final int[] volume;
    private final int[] day;
    private final boolean[] regular;
    private final boolean[] endsRegular;
    private final double[] rangeHigh;
    private final double[] rangeLow;
    private final double[] volumeAverage;
    private final double[] vwapUpper;
    private final double[] vwapLower;

    private final TradesPerDay tradesToday = new TradesPerDay();
    private int pendingSide;
    private int pendingBar;
    private int pendingStop;
    private int pendingLimit;

    Kernel(BarSeries bars, Settings settings, double[] rangeHigh, double[] rangeLow, double[] volumeAverage,
        double[] vwapUpper, double[] vwapLower, boolean[] endsRegular) {
      this.settings = settings;
      this.rangeMultiple = settings.target().equals("range_multiple");
      this.roundNumber = settings.target().equals("round_number");
      this.ticksPerPrice = 1 / bars.instrument().tickSize();
      this.high = bars.highTicksUnsafe();
      this.low = bars.lowTicksUnsafe();
      this.close = bars.closeTicksUnsafe();
      this.volume = bars.volumeUnsafe();
      this.day = bars.tradingDayUnsafe();
      this.regular = bars.regularHoursUnsafe();
      this.endsRegular = endsRegular;
      this.rangeHigh = rangeHigh;
      this.rangeLow = rangeLow;
      this.volumeAverage = volumeAverage;
      this.vwapUpper = vwapUpper;
      this.vwapLower = vwapLower;
    }

    @Override
    public void onBarClose(int i, Orders orders) {
      if (tradesToday.at(i, day[i])) {
        pendingSide = 0;
      }
      if (pendingSide != 0) {
        // Only this strategy's own order can have opened the position: it places entries only while flat.
        if (orders.positionSide() != 0 || fillable(pendingSide, pendingStop, pendingLimit, pendingBar)) {
          tradesToday.add();
        }
        pendingSide = 0;
      }
      if (orders.positionSide() != 0) {
        if (endsRegular[i]) {
          orders.exitAll();
        }
        return;
      }
      if (!regular[i] || endsRegular[i] || tradesToday.reached(settings.maxTradesPerDay())
          || Double.isNaN(rangeHigh[i])) {
        return;
      }
      // NaN average (not enough bars yet) fails the comparison: no order.
      if (settings.volumeMult() > 0 && !(volume[i] > settings.volumeMult() * volumeAverage[i - 1])) {
        return;
      }
      int top = (int) Math.round(rangeHigh[i] * ticksPerPrice);
      int bottom = (int) Math.round(rangeLow[i] * ticksPerPrice);
      int range = top - bottom;
      if (range <= 0) {
        return;
      }
      int buyStop = top + settings.entryOffsetTicks();
      int sellStop = bottom - settings.entryOffsetTicks();
      boolean buy = settings.longs() && close[i] < buyStop;
      boolean sell = settings.shorts() && close[i] > sellStop;
      if (buy && sell) {
        buy = buyStop - close[i] <= close[i] - sellStop;
        sell = !buy;
      }
      if (buy) {
        place(orders, i, 1, buyStop, buyStop + settings.limitOffsetTicks(),
            (int) Math.floor(top - settings.stopFraction() * range + EPSILON_TICKS), range);
      } else if (sell) {
        place(orders, i, -1, sellStop, sellStop - settings.limitOffsetTicks(),
            (int) Math.ceil(bottom + settings.stopFraction() * range - EPSILON_TICKS), range);
      }
    }

    private void place(Orders orders, int i, int side, int stop, int limit, int protectiveStop, int range) {
      int target = target(i, side, stop, limit, range);
      if (side * (target - limit) <= 0) {
        return;
      }
      orders.enter(side, OrderType.STOP_LIMIT, stop, limit, protectiveStop, target);
      pendingSide = side;
      pendingBar = i + 1;
      pendingStop = stop;
      pendingLimit = limit;
    }

    /** The target in ticks for an order on {@code side}; beyond the limit or the order is dropped by the caller. */
    private int target(int i, int side, int stop, int limit, int range) {
      if (rangeMultiple) {
        double distance = settings.targetMultiple() * range;
        return side > 0 ? (int) Math.floor(stop + distance + EPSILON_TICKS)
            : (int) Math.ceil(stop - distance - EPSILON_TICKS);
      }
      int round = settings.roundTicks();
      if (roundNumber) {
        return side > 0 ? (Math.floorDiv(limit, round) + 1) * round : Math.floorDiv(limit - 1, round) * round;
      }
      double band = (side > 0 ? vwapUpper[i] : vwapLower[i]) * ticksPerPrice;
      if (Double.isNaN(band)) {
        return limit;
      }
      return side > 0 ? (int) Math.floor(band + EPSILON_TICKS) : (int) Math.ceil(band - EPSILON_TICKS);
    }

    /** Whether bar {@code j} traded the stop and then at or within the limit (the simulator's stop-limit fills). */
    private boolean fillable(int side, int stop, int limit, int j) {
      if (j >= high.length) {
        return false;
      }
      return side > 0 ? high[j] >= stop && low[j] <= limit : low[j] <= stop && high[j] >= limit;
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
