package io.plateau.data.synthetic;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.bar.RollRule;
import io.plateau.instrument.ExchangeClock;
import io.plateau.instrument.FuturesContract;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.instrument.SessionSchedule;
import io.plateau.util.Checks;
import io.plateau.util.InputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Realistic synthetic 1-minute bars for any catalog symbol, deterministic for a seed: the data a new user runs on.
 *
 * <p>{@link #create} simulates the cheap day-level paths of every family once (see {@link DailyPath}); each
 * {@link #generate} call then draws the minute bars of its trading dates from streams seeded by (seed, family,
 * trading date), ending each day exactly at the daily path's close (see {@link MinuteBarGenerator}). So a range
 * gives the same bars alone as inside a longer run, calls may run in parallel on any split of the dates, and the
 * bars do not even depend on the market's own first and last dates.
 *
 * <p>What the bars look like: one bar for every open minute of the instrument's session schedule (weekends,
 * holidays, the daily halt, intraday halts of older eras, early closes and DST all come from
 * {@link SessionSchedule#openMinuteRanges}); prices on the tick grid forming one continuous series across rolls,
 * each bar labelled with its contract under {@link RollRule#DEFAULT}; ES, NQ, RTY and YM correlated through a
 * common factor; a micro ({@link Instrument#microOf()}) priced tick for tick like its E-mini, with its own volume;
 * buy and sell aggressor volume on every bar. Micros are generated before their 2019 launch too: the data is
 * synthetic.
 *
 * <p>Immutable and thread-safe.
 */
public final class SyntheticMarket {

  private static final RollRule.Calendar ROLL = (RollRule.Calendar) RollRule.DEFAULT;
  /** The market factor's group name: part of its random stream's seed. */
  private static final String INDEX_GROUP = "index";

  private final InstrumentCatalog catalog;
  private final SyntheticConfig config;
  private final long seed;
  private final LocalDate firstTradingDate;
  private final LocalDate lastTradingDate;
  /** Daily paths by family: the configured index families and one per other catalog symbol (micros excepted). */
  private final Map<String, DailyPath> paths;
  private final Map<SessionSchedule, IntradayProfile> profiles;

  private SyntheticMarket(InstrumentCatalog catalog, SyntheticConfig config, long seed, LocalDate firstTradingDate,
      LocalDate lastTradingDate, Map<String, DailyPath> paths, Map<SessionSchedule, IntradayProfile> profiles) {
    this.catalog = catalog;
    this.config = config;
    this.seed = seed;
    this.firstTradingDate = firstTradingDate;
    this.lastTradingDate = lastTradingDate;
    this.paths = paths;
    this.profiles = profiles;
  }

  /**
   * A market that can generate any catalog symbol between {@code firstTradingDate} and {@code lastTradingDate}
   * (inclusive). Costs a few milliseconds: the daily paths of every family from the configuration's start date.
   *
   * @throws InputException when {@code firstTradingDate} is before the configuration's {@code start_date}
   */
  public static SyntheticMarket create(InstrumentCatalog catalog, SyntheticConfig config, long seed,
      LocalDate firstTradingDate, LocalDate lastTradingDate) {
    Checks.notNull(catalog, "catalog");
    Checks.notNull(config, "config");
    Checks.notNull(firstTradingDate, "firstTradingDate");
    Checks.notNull(lastTradingDate, "lastTradingDate");
    if (lastTradingDate.isBefore(firstTradingDate)) {
      throw new IllegalArgumentException("lastTradingDate must not be before firstTradingDate " + firstTradingDate
          + ", was " + lastTradingDate);
    }
    if (firstTradingDate.isBefore(config.startDate())) {
      throw new InputException("synthetic bars start at start_date " + config.startDate()
          + " (conf/synthetic.yaml); asked for " + firstTradingDate);
    }
    Map<String, DailyPath> paths = new HashMap<>();
    List<DailyPath.Member> members = new ArrayList<>();
    for (Map.Entry<String, SyntheticConfig.Family> entry : config.families().entrySet()) {
      SyntheticConfig.Family family = entry.getValue();
      members.add(new DailyPath.Member(entry.getKey(), family.marketBeta(), family.ownAnnualVol(),
          Math.log(family.levelOn(config.startDate())), family.levels()));
    }
    if (!members.isEmpty()) {
      paths.putAll(DailyPath.simulateGroup(config, seed, INDEX_GROUP, config.market().annualVol(), members,
          lastTradingDate));
    }
    for (String symbol : catalog.symbols()) {
      String family = familyOf(catalog.get(symbol));
      if (!paths.containsKey(family)) {
        // A symbol of its own: the market's dynamics on an independent path of its own volatility and level.
        double startPrice = config.other().startTicks() * catalog.get(family).tickSize();
        DailyPath.Member alone = new DailyPath.Member(family, 1, 0, Math.log(startPrice), new TreeMap<>());
        paths.putAll(DailyPath.simulateGroup(config, seed, "other:" + family, config.other().annualVol(),
            List.of(alone), lastTradingDate));
      }
    }
    Map<SessionSchedule, IntradayProfile> profiles = new HashMap<>();
    for (String symbol : catalog.symbols()) {
      profiles.computeIfAbsent(catalog.get(symbol).sessions(), schedule -> new IntradayProfile(schedule,
          config.intraday().volatilityProfile(), config.intraday().volumeProfile()));
    }
    return new SyntheticMarket(catalog, config, seed, firstTradingDate, lastTradingDate, paths, profiles);
  }

  /** The daily path {@code symbol}'s prices follow; for tests that relate bars to regimes. */
  DailyPath dailyPathOf(String symbol) {
    return paths.get(familyOf(catalog.get(symbol)));
  }

  /** The family whose price path {@code instrument} follows: its E-mini for a micro, else itself. */
  private static String familyOf(Instrument instrument) {
    return instrument.microOf() != null ? instrument.microOf() : instrument.symbol();
  }

  public long seed() {
    return seed;
  }

  public LocalDate firstTradingDate() {
    return firstTradingDate;
  }

  public LocalDate lastTradingDate() {
    return lastTradingDate;
  }

  /**
   * The 1-minute bars of {@code symbol} for the trading dates {@code from} to {@code to} (inclusive, both within
   * this market's dates), with aggressor volume and contract codes. Memory is about 60 bytes a bar (a year of an
   * index future is about 350,000 bars), so write long spans a year at a time.
   *
   * @throws InputException when the catalog has no {@code symbol}
   */
  public BarSeries generate(String symbol, LocalDate from, LocalDate to) {
    Instrument instrument = catalog.get(symbol);
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    if (from.isBefore(firstTradingDate) || to.isAfter(lastTradingDate) || to.isBefore(from)) {
      throw new IllegalArgumentException("generate range must lie within " + firstTradingDate + ".."
          + lastTradingDate + " and not be reversed, was " + from + ".." + to);
    }
    String family = familyOf(instrument);
    DailyPath daily = paths.get(family);
    SessionSchedule schedule = instrument.sessions();
    Plan plan = Plan.of(schedule, from, to);

    long[] startMillis = new long[plan.totalBars];
    MinuteBarGenerator.Columns out = new MinuteBarGenerator.Columns(startMillis, new int[plan.totalBars],
        new int[plan.totalBars], new int[plan.totalBars], new int[plan.totalBars], new long[plan.totalBars],
        new long[plan.totalBars], new long[plan.totalBars], new String[plan.totalBars]);
    MinuteBarGenerator generator = new MinuteBarGenerator(config, seed, family, symbol,
        catalog.get(family).tickSize(), instrument.tickSize(), plan.maxBarsPerDay);
    IntradayProfile profile = profiles.get(schedule);
    ContractLabels labels = new ContractLabels(instrument);
    int offset = 0;
    for (int d = 0; d < plan.days; d++) {
      LocalDate date = LocalDate.ofEpochDay(plan.epochDay[d]);
      int t = daily.dayIndex(date);
      offset += generator.generateDay(daily, t, plan.epochDay[d], profile, plan.rangeStartMinute,
          plan.rangeStartMillis, plan.rangeBars, plan.firstRange[d], plan.rangeCount[d], labels.on(date), out,
          offset);
    }
    return BarSeries.ofColumns(instrument, BarInterval.ONE_MINUTE, out.startMillis(), out.openTicks(),
        out.highTicks(), out.lowTicks(), out.closeTicks(), out.volume(), out.buyVolume(), out.sellVolume(),
        out.contract());
  }

  /** The open minutes of every trading date of a range, resolved to UTC once per range (not per bar). */
  private static final class Plan {
    int days;
    long[] epochDay = new long[16];
    int[] firstRange = new int[16];
    int[] rangeCount = new int[16];
    int ranges;
    int[] rangeStartMinute = new int[32];
    long[] rangeStartMillis = new long[32];
    int[] rangeBars = new int[32];
    int totalBars;
    int maxBarsPerDay;

    static Plan of(SessionSchedule schedule, LocalDate from, LocalDate to) {
      Plan plan = new Plan();
      for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
        int[] open = schedule.openMinuteRanges(date);
        if (open.length > 0) {
          plan.addDay(schedule, date, open);
        }
      }
      return plan;
    }

    private void addDay(SessionSchedule schedule, LocalDate date, int[] open) {
      if (days == epochDay.length) {
        epochDay = Arrays.copyOf(epochDay, days * 2);
        firstRange = Arrays.copyOf(firstRange, days * 2);
        rangeCount = Arrays.copyOf(rangeCount, days * 2);
      }
      epochDay[days] = date.toEpochDay();
      firstRange[days] = ranges;
      int barsOfDay = 0;
      for (int i = 0; i < open.length; i += 2) {
        if (ranges == rangeBars.length) {
          rangeStartMinute = Arrays.copyOf(rangeStartMinute, ranges * 2);
          rangeStartMillis = Arrays.copyOf(rangeStartMillis, ranges * 2);
          rangeBars = Arrays.copyOf(rangeBars, ranges * 2);
        }
        long startMillis = schedule.instantAt(date, open[i]).toEpochMilli();
        long endMillis = schedule.instantAt(date, open[i + 1]).toEpochMilli();
        // Bars are real minutes: a DST change inside a range (never inside CME's sessions) changes their number.
        int bars = (int) ((endMillis - startMillis) / ExchangeClock.MILLIS_PER_MINUTE);
        rangeStartMinute[ranges] = open[i];
        rangeStartMillis[ranges] = startMillis;
        rangeBars[ranges] = bars;
        ranges++;
        barsOfDay += bars;
      }
      rangeCount[days] = open.length / 2;
      days++;
      totalBars = Math.addExact(totalBars, barsOfDay);
      maxBarsPerDay = Math.max(maxBarsPerDay, barsOfDay);
    }
  }

  /**
   * The contract code of each trading date, computed once per contract rather than once per day; every bar of a
   * contract shares one String.
   */
  private static final class ContractLabels {
    private final Instrument instrument;
    private String code;
    private LocalDate validUntil;

    ContractLabels(Instrument instrument) {
      this.instrument = instrument;
    }

    /** The code on {@code date}; dates must come in increasing order. */
    String on(LocalDate date) {
      if (code == null || !date.isBefore(validUntil)) {
        FuturesContract contract = ROLL.contractOn(date, instrument);
        code = contract.code();
        validUntil = ROLL.rollDate(contract, instrument);
      }
      return code;
    }
  }
}
