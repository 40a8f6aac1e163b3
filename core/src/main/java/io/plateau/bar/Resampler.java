package io.plateau.bar;

import io.plateau.instrument.ExchangeClock;
import io.plateau.instrument.SessionSchedule;

/**
 * Builds longer bars from shorter ones: N-minute bars, and one bar per trading date for the regular session or
 * the whole Globex day.
 *
 * <p>N-minute bars are aligned on the trading day's open (CME: 17:00 CT, so 5-, 15-, 30- and 60-minute bars
 * start on the clock's multiples) and never span two trading dates. A bar is stamped with the start of its
 * bucket even when the first minute of the bucket had no trade. Open is the first bar's open, close the last
 * bar's close, high and low the extremes, volumes (and aggressor volumes) the sums, the contract the last bar's.
 */
public final class Resampler {

  private Resampler() {}

  /** Bars of {@code minutes} minutes from {@code series}, whose interval must divide {@code minutes}. */
  public static BarSeries toMinutes(BarSeries series, int minutes) {
    BarInterval target = BarInterval.ofMinutes(minutes);
    int source = series.interval().minutes();
    if (series.interval().isDaily() || target.isDaily() || minutes % source != 0) {
      throw new IllegalArgumentException("cannot resample " + series.interval() + " bars to " + target
          + " bars: the target must be a whole multiple of the source, within a day");
    }
    SessionSchedule sessions = series.instrument().sessions();
    ExchangeClock clock = new ExchangeClock(sessions.timeZone());
    int dayStart = sessions.globexOpenMinute();
    Aggregator aggregator = new Aggregator(series, target);
    int[] tradingDay = series.tradingDayUnsafe();
    long bucketDay = Long.MIN_VALUE;
    long bucket = Long.MIN_VALUE;
    for (int i = 0; i < series.size(); i++) {
      long start = series.startMillis(i);
      int minuteOfDay = clock.localMinuteOfDay(start);
      int localDay = clock.localEpochDay(start);
      // Minutes since the trading day's open (the previous evening's minutes count from -1440).
      int sinceOpen = (localDay - tradingDay[i]) * 1440 + minuteOfDay - dayStart;
      long index = Math.floorDiv(sinceOpen, minutes);
      if (tradingDay[i] != bucketDay || index != bucket) {
        aggregator.flush();
        bucketDay = tradingDay[i];
        bucket = index;
        long bucketStart = start - (long) Math.floorMod(sinceOpen, minutes) * ExchangeClock.MILLIS_PER_MINUTE;
        aggregator.begin(bucketStart);
      }
      aggregator.add(i);
    }
    aggregator.flush();
    return aggregator.build();
  }

  /**
   * One bar per trading date from intraday {@code series}: the regular session's bars only, or the whole Globex
   * day's. A daily bar is stamped with its session's scheduled open (regular: 08:30 CT on the date; Globex:
   * 17:00 CT the evening before).
   */
  public static BarSeries toDaily(BarSeries series, Session session) {
    if (series.interval().isDaily()) {
      throw new IllegalArgumentException("series is already daily: " + series);
    }
    SessionSchedule sessions = series.instrument().sessions();
    int openMinute = session == Session.REGULAR
        ? SessionSchedule.minuteOfDay(sessions.regularOpen())
        : sessions.globexOpenMinute();
    Aggregator aggregator = new Aggregator(series, BarInterval.DAILY);
    int[] tradingDay = series.tradingDayUnsafe();
    long currentDay = Long.MIN_VALUE;
    for (int i = 0; i < series.size(); i++) {
      if (session == Session.REGULAR && !series.isRegularHours(i)) {
        continue;
      }
      if (tradingDay[i] != currentDay) {
        aggregator.flush();
        currentDay = tradingDay[i];
        aggregator.begin(sessions.instantAt(series.tradingDate(i), openMinute).toEpochMilli());
      }
      aggregator.add(i);
    }
    aggregator.flush();
    return aggregator.build();
  }

  /** Accumulates one output bar at a time into a builder. */
  private static final class Aggregator {
    private final BarSeries source;
    private final BarSeries.Builder out;
    private final boolean aggressor;
    private boolean open;
    private long start;
    private int openTicks;
    private int highTicks;
    private int lowTicks;
    private int closeTicks;
    private long volume;
    private long buyVolume;
    private long sellVolume;
    private String contract;

    Aggregator(BarSeries source, BarInterval interval) {
      this.source = source;
      this.out = BarSeries.builder(source.instrument(), interval);
      this.aggressor = source.hasAggressorVolume();
    }

    void begin(long bucketStartMillis) {
      open = false;
      start = bucketStartMillis;
    }

    void add(int i) {
      if (!open) {
        open = true;
        openTicks = source.openTicks(i);
        highTicks = source.highTicks(i);
        lowTicks = source.lowTicks(i);
        volume = 0;
        buyVolume = 0;
        sellVolume = 0;
      }
      highTicks = Math.max(highTicks, source.highTicks(i));
      lowTicks = Math.min(lowTicks, source.lowTicks(i));
      closeTicks = source.closeTicks(i);
      volume += source.volume(i);
      if (aggressor) {
        buyVolume += source.buyVolume(i);
        sellVolume += source.sellVolume(i);
      }
      contract = source.contract(i);
    }

    void flush() {
      if (open) {
        out.add(start, openTicks, highTicks, lowTicks, closeTicks, volume, aggressor ? buyVolume : -1,
            aggressor ? sellVolume : -1, contract);
        open = false;
      }
    }

    BarSeries build() {
      return out.build();
    }
  }
}
