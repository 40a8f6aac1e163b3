package io.plateau.bar;

import io.plateau.instrument.ExchangeClock;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.SessionSchedule;
import io.plateau.util.Checks;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Bars of one instrument as columns of primitives, oldest first: the form every hot loop reads.
 *
 * <p>A bar's time is its <em>start</em>, as UTC epoch milliseconds. Prices are integer ticks on the
 * instrument's grid ({@link Instrument#tickGrid()} converts). Buy and sell volume are the volume of trades
 * that lifted the offer and hit the bid; they are absent (the arrays are null) when the source had no
 * aggressor side. Each bar also carries its trading date and whether it lies in regular hours, computed from
 * the instrument's exchange time zone when the series is built, so DST is handled once, here.
 *
 * <p>Immutable. The {@code ...Unsafe()} accessors hand out the internal arrays for speed: never write to them.
 */
public final class BarSeries implements Serializable {

  private final Instrument instrument;
  private final BarInterval interval;
  private final long[] startMillis;
  private final int[] openTicks;
  private final int[] highTicks;
  private final int[] lowTicks;
  private final int[] closeTicks;
  // Volumes are ints: a bar's contracts fit easily, and 12 bytes a bar less keep 25 years of minutes under 400 MB.
  private final int[] volume;
  private final int[] buyVolume;
  private final int[] sellVolume;
  private final String[] contract;
  private final int[] tradingDay;
  private final boolean[] regularHours;

  private BarSeries(Instrument instrument, BarInterval interval, long[] startMillis, int[] openTicks,
      int[] highTicks, int[] lowTicks, int[] closeTicks, long[] volume, long[] buyVolume, long[] sellVolume,
      String[] contract) {
    this.instrument = Checks.notNull(instrument, "instrument");
    this.interval = Checks.notNull(interval, "interval");
    int n = startMillis.length;
    requireLength(openTicks, n, "open");
    requireLength(highTicks, n, "high");
    requireLength(lowTicks, n, "low");
    requireLength(closeTicks, n, "close");
    requireLength(volume, n, "volume");
    if ((buyVolume == null) != (sellVolume == null)) {
      throw new IllegalArgumentException("buy and sell volume must both be present or both absent");
    }
    if (buyVolume != null) {
      requireLength(buyVolume, n, "buyVolume");
      requireLength(sellVolume, n, "sellVolume");
    }
    if (contract != null) {
      requireLength(contract, n, "contract");
    }
    for (int i = 1; i < n; i++) {
      if (startMillis[i] <= startMillis[i - 1]) {
        throw new IllegalArgumentException("bar times must increase: bar " + i + " at "
            + Instant.ofEpochMilli(startMillis[i]) + " follows " + Instant.ofEpochMilli(startMillis[i - 1]));
      }
    }
    this.startMillis = startMillis;
    this.openTicks = openTicks;
    this.highTicks = highTicks;
    this.lowTicks = lowTicks;
    this.closeTicks = closeTicks;
    this.volume = ints(volume, "volume");
    this.buyVolume = buyVolume == null ? null : ints(buyVolume, "buyVolume");
    this.sellVolume = sellVolume == null ? null : ints(sellVolume, "sellVolume");
    this.contract = contract;
    this.tradingDay = new int[n];
    this.regularHours = new boolean[n];
    classify(instrument.sessions(), startMillis, tradingDay, regularHours);
  }

  private static void classify(SessionSchedule sessions, long[] startMillis,
      int[] tradingDay, boolean[] regularHours) {
    ExchangeClock clock = new ExchangeClock(sessions.timeZone());
    int openMinute = SessionSchedule.minuteOfDay(sessions.globexOpen());
    boolean previousEvening = sessions.opensPreviousEvening();
    int regularOpen = SessionSchedule.minuteOfDay(sessions.regularOpen());
    int regularClose = SessionSchedule.minuteOfDay(sessions.regularClose());
    for (int i = 0; i < startMillis.length; i++) {
      long local = clock.toLocalMillis(startMillis[i]);
      int day = (int) Math.floorDiv(local, ExchangeClock.MILLIS_PER_DAY);
      int minute = (int) (Math.floorMod(local, ExchangeClock.MILLIS_PER_DAY) / ExchangeClock.MILLIS_PER_MINUTE);
      boolean evening = previousEvening && minute >= openMinute;
      // A daily bar is stamped with its session's open, which may be the previous evening: it still belongs
      // to the next trading date, which the evening rule gives.
      tradingDay[i] = evening ? day + 1 : day;
      regularHours[i] = !evening && minute >= regularOpen && minute < regularClose;
    }
  }

  /** The values as ints; a value beyond the int range (no bar trades two billion contracts) is refused. */
  private static int[] ints(long[] values, String name) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      long value = values[i];
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " of bar " + i + " must fit an int, was " + value);
      }
      out[i] = (int) value;
    }
    return out;
  }

  private static void requireLength(Object array, int n, String name) {
    int length = java.lang.reflect.Array.getLength(Checks.notNull(array, name));
    if (length != n) {
      throw new IllegalArgumentException(name + " has " + length + " values, expected " + n);
    }
  }

  /**
   * A series over the given columns, which it takes ownership of (the caller must not change them afterwards).
   * {@code buyVolume}/{@code sellVolume} and {@code contract} may be null.
   */
  public static BarSeries ofColumns(Instrument instrument, BarInterval interval, long[] startMillis,
      int[] openTicks, int[] highTicks, int[] lowTicks, int[] closeTicks, long[] volume, long[] buyVolume,
      long[] sellVolume, String[] contract) {
    return new BarSeries(instrument, interval, startMillis, openTicks, highTicks, lowTicks, closeTicks, volume,
        buyVolume, sellVolume, contract);
  }

  public static Builder builder(Instrument instrument, BarInterval interval) {
    return new Builder(instrument, interval);
  }

  public Instrument instrument() {
    return instrument;
  }

  public String symbol() {
    return instrument.symbol();
  }

  public BarInterval interval() {
    return interval;
  }

  public int size() {
    return startMillis.length;
  }

  public boolean isEmpty() {
    return startMillis.length == 0;
  }

  public boolean hasAggressorVolume() {
    return buyVolume != null;
  }

  public boolean hasContracts() {
    return contract != null;
  }

  public long startMillis(int i) {
    return startMillis[i];
  }

  public int openTicks(int i) {
    return openTicks[i];
  }

  public int highTicks(int i) {
    return highTicks[i];
  }

  public int lowTicks(int i) {
    return lowTicks[i];
  }

  public int closeTicks(int i) {
    return closeTicks[i];
  }

  public long volume(int i) {
    return volume[i];
  }

  /** Buy-aggressor volume of bar {@code i}; only when {@link #hasAggressorVolume()}. */
  public long buyVolume(int i) {
    return buyVolume[i];
  }

  /** Sell-aggressor volume of bar {@code i}; only when {@link #hasAggressorVolume()}. */
  public long sellVolume(int i) {
    return sellVolume[i];
  }

  /** The source contract of bar {@code i} ({@code MESH24}), or null when unknown. */
  public String contract(int i) {
    return contract == null ? null : contract[i];
  }

  /** The trading date of bar {@code i} as an epoch day (see {@link SessionSchedule#tradingDate}). */
  public int tradingDay(int i) {
    return tradingDay[i];
  }

  public LocalDate tradingDate(int i) {
    return LocalDate.ofEpochDay(tradingDay[i]);
  }

  /** Whether bar {@code i} starts inside regular trading hours. */
  public boolean isRegularHours(int i) {
    return regularHours[i];
  }

  public double open(int i) {
    return instrument.tickGrid().toPrice(openTicks[i]);
  }

  public double high(int i) {
    return instrument.tickGrid().toPrice(highTicks[i]);
  }

  public double low(int i) {
    return instrument.tickGrid().toPrice(lowTicks[i]);
  }

  public double close(int i) {
    return instrument.tickGrid().toPrice(closeTicks[i]);
  }

  /** Bytes the columns take on the heap (array headers ignored; shared contract strings counted once each). */
  public long heapBytes() {
    long n = startMillis.length;
    long bytes = n * (Long.BYTES + 4L * Integer.BYTES + Integer.BYTES + Integer.BYTES + 1);
    if (buyVolume != null) {
      bytes += 2 * n * Integer.BYTES;
    }
    if (contract != null) {
      // One compressed reference per bar; the few distinct strings are negligible.
      bytes += n * Integer.BYTES;
    }
    return bytes;
  }

  /** The internal start-time column; do not modify. */
  public long[] startMillisUnsafe() {
    return startMillis;
  }

  /** The internal open column in ticks; do not modify. */
  public int[] openTicksUnsafe() {
    return openTicks;
  }

  /** The internal high column in ticks; do not modify. */
  public int[] highTicksUnsafe() {
    return highTicks;
  }

  /** The internal low column in ticks; do not modify. */
  public int[] lowTicksUnsafe() {
    return lowTicks;
  }

  /** The internal close column in ticks; do not modify. */
  public int[] closeTicksUnsafe() {
    return closeTicks;
  }

  /** The internal volume column; do not modify. */
  public int[] volumeUnsafe() {
    return volume;
  }

  /** The internal buy-aggressor volume column, or null; do not modify. */
  public int[] buyVolumeUnsafe() {
    return buyVolume;
  }

  /** The internal sell-aggressor volume column, or null; do not modify. */
  public int[] sellVolumeUnsafe() {
    return sellVolume;
  }

  /** The internal trading-day column (epoch days); do not modify. */
  public int[] tradingDayUnsafe() {
    return tradingDay;
  }

  /** The internal regular-hours flags; do not modify. */
  public boolean[] regularHoursUnsafe() {
    return regularHours;
  }

  /** Bars {@code [from, to)} as a new series (copies). */
  public BarSeries slice(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of a series of " + size());
    }
    return new BarSeries(instrument, interval,
        Arrays.copyOfRange(startMillis, from, to),
        Arrays.copyOfRange(openTicks, from, to),
        Arrays.copyOfRange(highTicks, from, to),
        Arrays.copyOfRange(lowTicks, from, to),
        Arrays.copyOfRange(closeTicks, from, to),
        longs(volume, from, to),
        buyVolume == null ? null : longs(buyVolume, from, to),
        sellVolume == null ? null : longs(sellVolume, from, to),
        contract == null ? null : Arrays.copyOfRange(contract, from, to));
  }

  private static long[] longs(int[] values, int from, int to) {
    long[] out = new long[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = values[i];
    }
    return out;
  }

  /** The index of the first bar starting at or after {@code startMillis} ({@link #size()} if none). */
  public int indexAtOrAfter(long startMillis) {
    int found = Arrays.binarySearch(this.startMillis, startMillis);
    return found >= 0 ? found : -found - 1;
  }

  /** Whether both series hold the same bars with the same values (instrument compared by symbol). */
  public boolean sameBarsAs(BarSeries other) {
    return symbol().equals(other.symbol())
        && interval.equals(other.interval)
        && Arrays.equals(startMillis, other.startMillis)
        && Arrays.equals(openTicks, other.openTicks)
        && Arrays.equals(highTicks, other.highTicks)
        && Arrays.equals(lowTicks, other.lowTicks)
        && Arrays.equals(closeTicks, other.closeTicks)
        && Arrays.equals(volume, other.volume)
        && Arrays.equals(buyVolume, other.buyVolume)
        && Arrays.equals(sellVolume, other.sellVolume)
        && Arrays.equals(contract, other.contract);
  }

  @Override
  public String toString() {
    return "BarSeries[" + symbol() + " " + interval + ", " + size() + " bars"
        + (isEmpty() ? "" : ", " + Instant.ofEpochMilli(startMillis[0]) + " .. "
            + Instant.ofEpochMilli(startMillis[size() - 1])) + "]";
  }

  /**
   * Appends bars one at a time, growing its arrays geometrically; {@link #build()} trims them. Aggressor volume
   * and contracts are kept only when every appended bar had them.
   */
  public static final class Builder {
    private static final int INITIAL_CAPACITY = 1024;

    private final Instrument instrument;
    private final BarInterval interval;
    private long[] startMillis = new long[INITIAL_CAPACITY];
    private int[] openTicks = new int[INITIAL_CAPACITY];
    private int[] highTicks = new int[INITIAL_CAPACITY];
    private int[] lowTicks = new int[INITIAL_CAPACITY];
    private int[] closeTicks = new int[INITIAL_CAPACITY];
    private long[] volume = new long[INITIAL_CAPACITY];
    private long[] buyVolume = new long[INITIAL_CAPACITY];
    private long[] sellVolume = new long[INITIAL_CAPACITY];
    private String[] contract = new String[INITIAL_CAPACITY];
    private boolean allHaveAggressor = true;
    private boolean allHaveContract = true;
    private int size;

    private Builder(Instrument instrument, BarInterval interval) {
      this.instrument = Checks.notNull(instrument, "instrument");
      this.interval = Checks.notNull(interval, "interval");
    }

    /**
     * Appends one bar. Pass {@code buyVolume = sellVolume = -1} when the aggressor side is unknown and a null
     * {@code contract} when the source contract is unknown.
     */
    public Builder add(long startMillis, int openTicks, int highTicks, int lowTicks, int closeTicks, long volume,
        long buyVolume, long sellVolume, String contract) {
      if (size == this.startMillis.length) {
        grow();
      }
      this.startMillis[size] = startMillis;
      this.openTicks[size] = openTicks;
      this.highTicks[size] = highTicks;
      this.lowTicks[size] = lowTicks;
      this.closeTicks[size] = closeTicks;
      this.volume[size] = volume;
      this.buyVolume[size] = buyVolume;
      this.sellVolume[size] = sellVolume;
      this.contract[size] = contract;
      allHaveAggressor &= buyVolume >= 0 && sellVolume >= 0;
      allHaveContract &= contract != null;
      size++;
      return this;
    }

    /** Appends every bar of {@code series}, which must have this builder's instrument and interval. */
    public Builder addAll(BarSeries series) {
      if (series.instrument() != instrument || !series.interval().equals(interval)) {
        throw new IllegalArgumentException("cannot append " + series.instrument().symbol() + " " + series.interval()
            + " bars to a " + instrument.symbol() + " " + interval + " series");
      }
      boolean aggressor = series.hasAggressorVolume();
      boolean contracts = series.hasContracts();
      for (int i = 0; i < series.size(); i++) {
        add(series.startMillis(i), series.openTicks(i), series.highTicks(i), series.lowTicks(i), series.closeTicks(i),
            series.volume(i), aggressor ? series.buyVolume(i) : -1, aggressor ? series.sellVolume(i) : -1,
            contracts ? series.contract(i) : null);
      }
      return this;
    }

    public int size() {
      return size;
    }

    /** Start time of the last bar added; only when {@link #size()} > 0. */
    public long lastStartMillis() {
      return startMillis[size - 1];
    }

    private void grow() {
      int capacity = startMillis.length * 2;
      startMillis = Arrays.copyOf(startMillis, capacity);
      openTicks = Arrays.copyOf(openTicks, capacity);
      highTicks = Arrays.copyOf(highTicks, capacity);
      lowTicks = Arrays.copyOf(lowTicks, capacity);
      closeTicks = Arrays.copyOf(closeTicks, capacity);
      volume = Arrays.copyOf(volume, capacity);
      buyVolume = Arrays.copyOf(buyVolume, capacity);
      sellVolume = Arrays.copyOf(sellVolume, capacity);
      contract = Arrays.copyOf(contract, capacity);
    }

    public BarSeries build() {
      boolean aggressor = allHaveAggressor && size > 0;
      boolean contracts = allHaveContract && size > 0;
      return new BarSeries(instrument, interval,
          Arrays.copyOf(startMillis, size),
          Arrays.copyOf(openTicks, size),
          Arrays.copyOf(highTicks, size),
          Arrays.copyOf(lowTicks, size),
          Arrays.copyOf(closeTicks, size),
          Arrays.copyOf(volume, size),
          aggressor ? Arrays.copyOf(buyVolume, size) : null,
          aggressor ? Arrays.copyOf(sellVolume, size) : null,
          contracts ? Arrays.copyOf(contract, size) : null);
    }
  }
}
