package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import io.plateau.util.InputException;
import java.util.List;

/**
 * {@code delta-divergence}: seed 001's cumulative delta divergence (MES intraday), a counter-trend scalp when price
 * makes a new high (low) that aggressive order flow does not confirm.
 *
 * <p>The rules, decided at the close of bar t for bar t + 1 only:
 * <ul>
 *   <li><b>Bearish divergence</b>: bar t's high is above the highest high of the {@code lookback} bars before it
 *       (t − lookback .. t − 1) while the session's cumulative delta at t is not above the highest cumulative delta
 *       of those bars → sell short at bar t + 1's open (market). <b>Bullish</b>, the mirror: a low below the lowest
 *       low of the previous {@code lookback} bars with cumulative delta not below their lowest. An outside bar (a
 *       new high and a new low at once) is ambiguous and not traded.
 *   <li><b>Window</b>: the {@code lookback} bars before t and t itself must lie in one delta session (the same
 *       trading date, cumulative delta available on all of them): cumulative delta restarts each session, so a
 *       window across a restart compares unrelated totals. The first {@code lookback} bars of a session give no
 *       signal.
 *   <li><b>Target and hard stop</b>, attached on fill as absolute prices (the simulator's protective orders are
 *       prices, and the next open is unknown at the decision): measured from bar t's close, the price the decision
 *       sees. Short: target close − {@code target_ticks}, stop close + {@code stop_ticks}; long the mirror. Measured
 *       from the fill, the distances differ by the gap from t's close to t + 1's open and by the entry slippage
 *       (with 1 tick of slippage and no gap: a win of target − 1 ticks, a loss of stop + 2 ticks, before fees).
 *   <li><b>Sessions</b>: {@code regular_hours_only} true (default): signals on regular-hours bars only, cumulative
 *       delta of the regular session; false: the whole Globex trading date and its delta. No entry is placed at the
 *       close of the bar that ends the session (regular close, or the trading date's close, early closes included);
 *       a position still open there is closed at the next bar's open. The simulator flattens at the trading date's
 *       last bar anyway ({@link Strategy#flatAtSessionEnd()}).
 *   <li><b>Trades per day</b>: entries are placed only while flat, at most {@code max_trades_per_day} per trading
 *       date. An entry counts when its order is placed: a market order fills at the next open unless the
 *       simulation's risk rules skip it.
 * </ul>
 * Needs bars with buy/sell aggressor volume (refuses others). Seed 001's risk architecture: every entry carries its
 * hard stop; the daily loss limit and the add policy come from the simulation's risk rules. Warm-up:
 * {@code lookback} bars. Intraday bars only.
 */
public final class DeltaDivergence implements StrategyDefinition {

  public static final String NAME = "delta-divergence";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Cumulative delta divergence (seed 001): fade a new high (low) that cumulative delta does not confirm, "
        + "market entry at the next open with a tick target and hard stop";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.ofInt("lookback", 2, 1_000, 20, "a new high/low beyond the previous this many bars, in price and delta"),
        Param.ofInt("target_ticks", 1, 1_000, 8, "target this many ticks from the signal bar's close"),
        Param.ofInt("stop_ticks", 1, 1_000, 5, "hard stop this many ticks from the signal bar's close"),
        Param.ofChoice("direction", List.of("long", "short", "both"), "both", "which divergences to trade"),
        Param.ofInt("max_trades_per_day", 1, 100, 3, "entries per trading date"),
        Param.ofChoice("regular_hours_only", List.of("true", "false"), "true",
            "trade the regular session with its cumulative delta, or the whole Globex trading date"));
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
      throw new InputException(NAME + ": needs intraday bars (cumulative delta is per session), was "
          + bars.interval());
    }
    if (!bars.hasAggressorVolume()) {
      throw new InputException(NAME + ": the " + bars.instrument().symbol() + " bars have no aggressor volume; "
          + "cumulative delta needs buy/sell aggressor volume on every bar: ingest trades or a format with buy/sell "
          + "volume");
    }
    int lookback = spec.intParam("lookback");
    boolean regularOnly = Boolean.parseBoolean(spec.text("regular_hours_only"));
    double[] highest = indicators.firstUnsafe(IndicatorSpec.parse("highest:" + lookback, "lookback"));
    double[] lowest = indicators.firstUnsafe(IndicatorSpec.parse("lowest:" + lookback, "lookback"));
    double[] delta = indicators.firstUnsafe(IndicatorSpec.parse(regularOnly ? "cumdelta" : "cumdelta:globex",
        "regular_hours_only"));
    String direction = spec.text("direction");
    Settings settings = new Settings(lookback, spec.intParam("target_ticks"), spec.intParam("stop_ticks"),
        !direction.equals("short"), !direction.equals("long"), spec.intParam("max_trades_per_day"), regularOnly);
    boolean[] endsSession = regularOnly ? SessionEnds.regular(bars) : SessionEnds.tradingDate(bars);
    return new Kernel(bars, settings, highest, lowest, delta, endsSession);
  }

  /** The parameters as the kernel uses them. */
  private record Settings(int lookback, int targetTicks, int stopTicks, boolean longs, boolean shorts,
      int maxTradesPerDay, boolean regularOnly) {}

  /** Stateful across bars (trades today): one kernel per run, bars in order. */
  private static final class Kernel implements Strategy {
    private final Settings settings;
    private final double ticksPerPrice;
    private final int[] high;
    private final int[] low;
    private final int[] close;
    private final int[] day;
    private final boolean[] regular;
    private final boolean[] endsSession;
    private final double[] highest;
    private final double[] lowest;
    private final double[] delta;

    private final TradesPerDay tradesToday = new TradesPerDay();

    Kernel(BarSeries bars, Settings settings, double[] highest, double[] lowest, double[] delta,
        boolean[] endsSession) {
      this.settings = settings;
      this.ticksPerPrice = 1 / bars.instrument().tickSize();
      this.high = bars.highTicksUnsafe();
      this.low = bars.lowTicksUnsafe();
      this.close = bars.closeTicksUnsafe();
      this.day = bars.tradingDayUnsafe();
      this.regular = bars.regularHoursUnsafe();
      this.endsSession = endsSession;
      this.highest = highest;
      this.lowest = lowest;
      this.delta = delta;
    }

    @Override
    public void onBarClose(int i, Orders orders) {
      tradesToday.at(i, day[i]);
      if (orders.positionSide() != 0) {
        if (endsSession[i]) {
          orders.exitAll();
        }
        return;
      }
      int lookback = settings.lookback();
      int first = i - lookback;
      if (first < 0 || endsSession[i] || tradesToday.reached(settings.maxTradesPerDay())
          || (settings.regularOnly() && !regular[i]) || day[first] != day[i] || Double.isNaN(delta[first])) {
        return;
      }
      // highest/lowest at i - 1 cover bars i - lookback .. i - 1; both are whole ticks scaled to prices.
      boolean newHigh = high[i] > Math.round(highest[i - 1] * ticksPerPrice);
      boolean newLow = low[i] < Math.round(lowest[i - 1] * ticksPerPrice);
      if (newHigh == newLow) {
        return;
      }
      double deltaHigh = delta[first];
      double deltaLow = delta[first];
      for (int j = first + 1; j < i; j++) {
        deltaHigh = Math.max(deltaHigh, delta[j]);
        deltaLow = Math.min(deltaLow, delta[j]);
      }
      if (newHigh && settings.shorts() && delta[i] <= deltaHigh) {
        orders.enter(-1, OrderType.MARKET, Orders.NONE, Orders.NONE, close[i] + settings.stopTicks(),
            close[i] - settings.targetTicks());
        tradesToday.add();
      } else if (newLow && settings.longs() && delta[i] >= deltaLow) {
        orders.enter(1, OrderType.MARKET, Orders.NONE, Orders.NONE, close[i] - settings.stopTicks(),
            close[i] + settings.targetTicks());
        tradesToday.add();
      }
    }

    @Override
    public int warmUpBars() {
      return settings.lookback();
    }

    @Override
    public boolean flatAtSessionEnd() {
      return true;
    }
  }
}
