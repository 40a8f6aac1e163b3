package io.plateau.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMarketTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  private static final SyntheticConfig CONFIG = SyntheticConfig.builtIn();
  private static final long SEED = 7;
  private static final SyntheticMarket MARKET =
      SyntheticMarket.create(CATALOG, CONFIG, SEED, LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 31));

  /** Series shared by the statistical tests, generated once. */
  private static final Map<String, BarSeries> CACHE = new HashMap<>();

  private static synchronized BarSeries bars(String symbol, int firstYear, int lastYear) {
    return CACHE.computeIfAbsent(symbol + firstYear + "-" + lastYear, key ->
        MARKET.generate(symbol, LocalDate.of(firstYear, 1, 1), LocalDate.of(lastYear, 12, 31)));
  }

  private static LocalDateTime local(BarSeries series, int i) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(series.startMillis(i)), CHICAGO);
  }

  /** Index ranges {@code [from, to)} of each trading date's bars, in order. */
  private static List<int[]> days(BarSeries series) {
    List<int[]> days = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= series.size(); i++) {
      if (i == series.size() || series.tradingDay(i) != series.tradingDay(from)) {
        days.add(new int[] {from, i});
        from = i;
      }
    }
    return days;
  }

  // ---- determinism

  @Test
  void sameSeedGivesIdenticalBars() {
    SyntheticMarket again = SyntheticMarket.create(CATALOG, CONFIG, SEED, LocalDate.of(2000, 1, 1),
        LocalDate.of(2024, 12, 31));
    LocalDate from = LocalDate.of(2019, 3, 1);
    LocalDate to = LocalDate.of(2019, 3, 31);
    assertTrue(again.generate("MES", from, to).sameBarsAs(MARKET.generate("MES", from, to)));
  }

  @Test
  void differentSeedGivesDifferentBars() {
    SyntheticMarket other = SyntheticMarket.create(CATALOG, CONFIG, SEED + 1, LocalDate.of(2000, 1, 1),
        LocalDate.of(2024, 12, 31));
    LocalDate from = LocalDate.of(2019, 3, 1);
    LocalDate to = LocalDate.of(2019, 3, 31);
    BarSeries mine = MARKET.generate("ES", from, to);
    BarSeries theirs = other.generate("ES", from, to);
    assertEquals(mine.size(), theirs.size(), "the same sessions");
    assertFalse(Arrays.equals(mine.closeTicksUnsafe(), theirs.closeTicksUnsafe()));
    assertFalse(Arrays.equals(mine.volumeUnsafe(), theirs.volumeUnsafe()));
  }

  @Test
  void aYearAloneEqualsTheSameYearInsideALongerRun() {
    BarSeries year = MARKET.generate("NQ", LocalDate.of(2012, 1, 1), LocalDate.of(2012, 12, 31));
    BarSeries longer = MARKET.generate("NQ", LocalDate.of(2010, 6, 1), LocalDate.of(2014, 6, 30));
    int from = longer.indexAtOrAfter(year.startMillis(0));
    assertTrue(year.sameBarsAs(longer.slice(from, from + year.size())));
    // Even a market made for that year only agrees: nothing depends on the market's own span.
    SyntheticMarket justThatYear = SyntheticMarket.create(CATALOG, CONFIG, SEED, LocalDate.of(2012, 1, 1),
        LocalDate.of(2012, 12, 31));
    assertTrue(year.sameBarsAs(justThatYear.generate("NQ", LocalDate.of(2012, 1, 1), LocalDate.of(2012, 12, 31))));
  }

  @Test
  void concurrentCallsGiveTheSameBarsAsSequentialOnes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<BarSeries>> futures = new ArrayList<>();
      for (int year = 2016; year <= 2019; year++) {
        LocalDate from = LocalDate.of(year, 1, 1);
        futures.add(pool.submit(() -> MARKET.generate("M2K", from, from.plusMonths(2))));
      }
      for (int year = 2016; year <= 2019; year++) {
        LocalDate from = LocalDate.of(year, 1, 1);
        assertTrue(futures.get(year - 2016).get().sameBarsAs(MARKET.generate("M2K", from, from.plusMonths(2))));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- sessions and time

  @Test
  void barCountsPerDayFollowTheScheduleEras() {
    // 2005: 17:00-15:15 = 1335 minutes. 2016: 17:00-16:00 less the 15:15-15:30 halt = 1365. 2022: 23 hours = 1380.
    assertBarsOn("ES", LocalDate.of(2005, 3, 9), 1335);
    assertBarsOn("ES", LocalDate.of(2016, 3, 9), 1365);
    assertBarsOn("ES", LocalDate.of(2022, 3, 9), 1380);
    assertBarsOn("MES", LocalDate.of(2024, 7, 10), 1380);
    // Thanksgiving 2023 (Thursday): 17:00 Wednesday to the 12:00 early close = 19 hours.
    assertBarsOn("ES", LocalDate.of(2023, 11, 23), 19 * 60);
  }

  private static void assertBarsOn(String symbol, LocalDate date, int expected) {
    BarSeries day = MARKET.generate(symbol, date, date);
    assertEquals(expected, day.size(), symbol + " bars on " + date);
    for (int i = 0; i < day.size(); i++) {
      assertEquals(date, day.tradingDate(i), "every bar belongs to " + date);
    }
  }

  @Test
  void noBarsOnWeekendsClosedHolidaysOrDuringTheDailyHalt() {
    BarSeries series = bars("ES", 2023, 2024);
    for (int i = 0; i < series.size(); i++) {
      LocalDateTime time = local(series, i);
      DayOfWeek weekday = time.getDayOfWeek();
      assertNotEquals(DayOfWeek.SATURDAY, weekday, "bar at " + time);
      assertFalse(weekday == DayOfWeek.SUNDAY && time.getHour() < 17, "bar at " + time);
      assertFalse(weekday == DayOfWeek.FRIDAY && time.getHour() >= 16, "bar at " + time);
      assertNotEquals(16, time.getHour(), "bar in the 16:00-17:00 halt at " + time);
      DayOfWeek tradingWeekday = series.tradingDate(i).getDayOfWeek();
      assertTrue(tradingWeekday != DayOfWeek.SATURDAY && tradingWeekday != DayOfWeek.SUNDAY);
    }
    for (LocalDate closed : List.of(LocalDate.of(2023, 4, 7), LocalDate.of(2024, 3, 29), // Good Friday
        LocalDate.of(2023, 12, 25), LocalDate.of(2024, 12, 25), LocalDate.of(2024, 1, 1))) {
      assertEquals(0, MARKET.generate("ES", closed, closed).size(), "no session on " + closed);
    }
    // Christmas 2024: the Christmas Eve session closes early at 12:15; the next one opens Christmas evening.
    for (int i = 0; i < series.size(); i++) {
      LocalDateTime time = local(series, i);
      boolean christmasEveAfterClose = time.isAfter(LocalDateTime.of(2024, 12, 24, 12, 14));
      boolean beforeChristmasEvening = time.isBefore(LocalDateTime.of(2024, 12, 25, 17, 0));
      assertFalse(christmasEveAfterClose && beforeChristmasEvening, "bar at " + time);
    }
  }

  @Test
  void aRangeWithoutTradingDatesIsEmpty() {
    BarSeries weekend = MARKET.generate("MES", LocalDate.of(2024, 3, 9), LocalDate.of(2024, 3, 10));
    assertTrue(weekend.isEmpty());
  }

  @Test
  void noBarsDuringThe1515HaltOf2016() {
    BarSeries series = MARKET.generate("ES", LocalDate.of(2016, 1, 1), LocalDate.of(2016, 3, 31));
    int inRegularClose = 0;
    for (int i = 0; i < series.size(); i++) {
      LocalTime time = local(series, i).toLocalTime();
      assertFalse(!time.isBefore(LocalTime.of(15, 15)) && time.isBefore(LocalTime.of(15, 30)), "bar at " + time);
      if (time.equals(LocalTime.of(15, 30))) {
        inRegularClose++;
      }
    }
    assertTrue(inRegularClose > 50, "trading resumes at 15:30");
  }

  @Test
  void noBarsAfterTheEarlyCloseOnThanksgiving() {
    LocalDate thanksgiving = LocalDate.of(2021, 11, 25);
    BarSeries day = MARKET.generate("ES", thanksgiving, thanksgiving);
    LocalDateTime last = local(day, day.size() - 1);
    assertEquals(LocalDateTime.of(2021, 11, 25, 11, 59), last);
    BarSeries next = MARKET.generate("ES", thanksgiving.plusDays(1), thanksgiving.plusDays(1));
    assertEquals(LocalDateTime.of(2021, 11, 25, 17, 0), local(next, 0), "the next session opens at 17:00");
  }

  @Test
  void daylightSavingSundaysOpenAtTheRightUtcTime() {
    // 17:00 CT is 23:00 UTC under CST (UTC-6) and 22:00 UTC under CDT (UTC-5).
    assertOpensAt(LocalDate.of(2024, 3, 8), "2024-03-07T23:00:00Z"); // Thursday evening, still CST
    assertOpensAt(LocalDate.of(2024, 3, 11), "2024-03-10T22:00:00Z"); // spring-forward Sunday evening, CDT
    assertOpensAt(LocalDate.of(2024, 11, 1), "2024-10-31T22:00:00Z"); // still CDT
    assertOpensAt(LocalDate.of(2024, 11, 4), "2024-11-03T23:00:00Z"); // fall-back Sunday evening, CST
    BarSeries monday = MARKET.generate("ES", LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 11));
    assertEquals(1380, monday.size());
    for (int i = 1; i < monday.size(); i++) {
      assertEquals(60_000, monday.startMillis(i) - monday.startMillis(i - 1), "one bar a minute");
    }
  }

  private static void assertOpensAt(LocalDate tradingDate, String instant) {
    BarSeries day = MARKET.generate("ES", tradingDate, tradingDate);
    assertEquals(Instant.parse(instant), Instant.ofEpochMilli(day.startMillis(0)), "open of " + tradingDate);
  }

  @Test
  void barsCarryTheirContractUnderTheDefaultRoll() {
    // MESH24 expires 2024-03-15; the customary roll is the Thursday before, 2024-03-07.
    BarSeries series = MARKET.generate("MES", LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 7));
    assertEquals("MESH24", series.contract(0));
    assertEquals("MESM24", series.contract(series.size() - 1));
    for (int i = 0; i < series.size(); i++) {
      String expected = series.tradingDate(i).isBefore(LocalDate.of(2024, 3, 7)) ? "MESH24" : "MESM24";
      assertEquals(expected, series.contract(i), "contract at " + local(series, i));
    }
  }

  @Test
  void pricesAreContinuousAcrossRolls() {
    BarSeries series = bars("ES", 2023, 2024);
    int rolls = 0;
    for (int i = 1; i < series.size(); i++) {
      if (!series.contract(i).equals(series.contract(i - 1))) {
        rolls++;
        double gapPercent = 100.0 * Math.abs(series.open(i) - series.close(i - 1)) / series.close(i - 1);
        assertTrue(gapPercent < 1, "no roll gap at " + local(series, i) + ": " + gapPercent + "%");
      }
    }
    assertEquals(8, rolls, "four rolls a year");
  }

  // ---- prices and volume

  @Test
  void pricesAreOnTheGridAndBarsAreConsistent() {
    for (String symbol : List.of("ES", "RTY", "YM")) {
      BarSeries series = bars(symbol, 2023, 2024);
      for (int i = 0; i < series.size(); i++) {
        int open = series.openTicks(i);
        int close = series.closeTicks(i);
        assertTrue(series.highTicks(i) >= Math.max(open, close), symbol + " high at " + i);
        assertTrue(series.lowTicks(i) <= Math.min(open, close), symbol + " low at " + i);
        assertTrue(series.lowTicks(i) > 0, symbol + " positive price at " + i);
        assertTrue(series.volume(i) >= 1, symbol + " volume at " + i);
        assertEquals(series.volume(i), series.buyVolume(i) + series.sellVolume(i), symbol + " aggressor split");
        assertTrue(series.buyVolume(i) >= 0 && series.sellVolume(i) >= 0);
      }
      assertTrue(series.instrument().tickGrid().isOnGrid(series.close(series.size() - 1)));
    }
  }

  @Test
  void volumeIsUShapedAroundTheRegularSession() {
    BarSeries series = bars("ES", 2023, 2024);
    double[] sum = new double[3];
    int[] count = new int[3];
    double overnight = 0;
    int overnightCount = 0;
    for (int i = 0; i < series.size(); i++) {
      int minute = local(series, i).toLocalTime().toSecondOfDay() / 60;
      int bucket = minute >= 510 && minute < 540 ? 0 // 08:30-09:00
          : minute >= 660 && minute < 780 ? 1 // 11:00-13:00
          : minute >= 885 && minute < 915 ? 2 // 14:45-15:15
          : -1;
      if (bucket >= 0) {
        sum[bucket] += series.volume(i);
        count[bucket]++;
      } else if (!series.isRegularHours(i)) {
        overnight += series.volume(i);
        overnightCount++;
      }
    }
    double first = sum[0] / count[0];
    double midday = sum[1] / count[1];
    double last = sum[2] / count[2];
    assertTrue(first > 2 * midday, "first half hour " + first + " vs midday " + midday);
    assertTrue(last > 1.5 * midday, "last half hour " + last + " vs midday " + midday);
    assertTrue(overnight / overnightCount < 0.3 * midday, "thin overnight: " + overnight / overnightCount);
  }

  @Test
  void intradayVolatilityIsUShapedToo() {
    BarSeries series = bars("ES", 2023, 2024);
    double[] range = new double[3];
    int[] count = new int[3];
    for (int i = 0; i < series.size(); i++) {
      int minute = local(series, i).toLocalTime().toSecondOfDay() / 60;
      int bucket = minute >= 510 && minute < 540 ? 0 : minute >= 660 && minute < 780 ? 1 : minute < 420 ? 2 : -1;
      if (bucket >= 0) {
        range[bucket] += series.highTicks(i) - series.lowTicks(i);
        count[bucket]++;
      }
    }
    double open = range[0] / count[0];
    double midday = range[1] / count[1];
    double night = range[2] / count[2];
    assertTrue(open > 1.5 * midday && midday > 1.5 * night, "ranges open " + open + ", midday " + midday
        + ", night " + night);
  }

  @Test
  void microsArePricedTickForTickLikeTheirEminis() {
    for (String[] pair : new String[][] {{"MES", "ES"}, {"MNQ", "NQ"}, {"M2K", "RTY"}, {"MYM", "YM"}}) {
      LocalDate from = LocalDate.of(2021, 5, 1);
      LocalDate to = LocalDate.of(2021, 6, 30);
      BarSeries micro = MARKET.generate(pair[0], from, to);
      BarSeries emini = MARKET.generate(pair[1], from, to);
      assertArrayEquals(emini.startMillisUnsafe(), micro.startMillisUnsafe(), pair[0]);
      assertArrayEquals(emini.openTicksUnsafe(), micro.openTicksUnsafe(), pair[0]);
      assertArrayEquals(emini.highTicksUnsafe(), micro.highTicksUnsafe(), pair[0]);
      assertArrayEquals(emini.lowTicksUnsafe(), micro.lowTicksUnsafe(), pair[0]);
      assertArrayEquals(emini.closeTicksUnsafe(), micro.closeTicksUnsafe(), pair[0]);
      assertFalse(Arrays.equals(emini.volumeUnsafe(), micro.volumeUnsafe()), pair[0] + " has its own volume");
      assertTrue(micro.contract(0).startsWith(pair[0]), micro.contract(0));
    }
  }

  @Test
  void indexDailyReturnsAreCorrelatedAndNasdaqIsMoreVolatile() {
    double[] es = dailyReturns(bars("ES", 2015, 2019));
    double[] nq = dailyReturns(bars("NQ", 2015, 2019));
    assertEquals(es.length, nq.length);
    double correlation = correlation(es, nq);
    assertTrue(correlation > 0.5, "ES/NQ daily correlation " + correlation);
    assertTrue(standardDeviation(nq) > standardDeviation(es), "NQ more volatile than ES");
  }

  @Test
  void netAggressorVolumeFollowsBarReturns() {
    BarSeries series = bars("ES", 2023, 2024);
    double[] net = new double[series.size()];
    double[] move = new double[series.size()];
    for (int i = 0; i < series.size(); i++) {
      net[i] = series.buyVolume(i) - series.sellVolume(i);
      move[i] = series.closeTicks(i) - series.openTicks(i);
    }
    double correlation = correlation(net, move);
    assertTrue(correlation > 0.3 && correlation < 0.9, "delta/return correlation " + correlation);
  }

  @Test
  void absoluteDailyReturnsCluster() {
    double[] returns = dailyReturns(bars("ES", 2015, 2019));
    double[] absolute = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      absolute[i] = Math.abs(returns[i]);
    }
    double autocorrelation = correlation(Arrays.copyOfRange(absolute, 1, absolute.length),
        Arrays.copyOfRange(absolute, 0, absolute.length - 1));
    assertTrue(autocorrelation > 0.05, "lag-1 autocorrelation of |daily return| " + autocorrelation);
  }

  @Test
  void esDailyRangeAndLevelArePlausible() {
    BarSeries series = MARKET.generate("ES", LocalDate.of(2005, 1, 1), LocalDate.of(2006, 12, 31));
    double rangeSum = 0;
    List<int[]> days = days(series);
    for (int[] day : days) {
      int high = Integer.MIN_VALUE;
      int low = Integer.MAX_VALUE;
      for (int i = day[0]; i < day[1]; i++) {
        high = Math.max(high, series.highTicks(i));
        low = Math.min(low, series.lowTicks(i));
      }
      rangeSum += series.instrument().tickGrid().toPrice(high - low);
    }
    double averageRangePoints = rangeSum / days.size();
    // Real ES 2005-2006: about 10-15 points a day on a level near 1200-1400.
    assertTrue(averageRangePoints > 6 && averageRangePoints < 40, "average daily range " + averageRangePoints);
    assertTrue(series.close(0) > 800 && series.close(0) < 1800, "ES level in 2005: " + series.close(0));
  }

  @Test
  void cumulativeDeltaDivergesAtNewHighsMoreOftenAtTheEndOfUptrends() {
    BarSeries series = bars("ES", 2015, 2019);
    DailyPath daily = MARKET.dailyPathOf("ES");
    double[] divergent = new double[2];
    double[] newHighs = new double[2];
    for (int[] day : days(series)) {
      int t = daily.dayIndex(series.tradingDate(day[0]));
      if (daily.regime[t] != 1) {
        continue;
      }
      int group = daily.exhaustion[t] > 0 ? 1 : 0;
      long delta = 0;
      long maxDelta = Long.MIN_VALUE;
      int high = Integer.MIN_VALUE;
      for (int i = day[0]; i < day[1]; i++) {
        delta += series.buyVolume(i) - series.sellVolume(i);
        if (series.highTicks(i) > high && i - day[0] >= 60) {
          newHighs[group]++;
          if (delta < maxDelta) {
            divergent[group]++;
          }
        }
        high = Math.max(high, series.highTicks(i));
        maxDelta = Math.max(maxDelta, delta);
      }
    }
    double normal = divergent[0] / newHighs[0];
    double exhausted = divergent[1] / newHighs[1];
    assertTrue(normal > 0.05, "divergences occur in ordinary uptrend days: " + normal);
    assertTrue(exhausted > normal, "share of new highs without a new delta high: exhausted " + exhausted
        + " vs ordinary " + normal);
  }

  // ---- other instruments and bad input

  @Test
  void aUserInstrumentGetsAPathOfItsOwn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("crude.yaml");
    Files.writeString(file, """
        instruments:
          CL:
            exchange: NYMEX
            currency: USD
            multiplier: 1000
            tick_size: 0.01
            tick_value: 10
            sessions: cme_equity_index
            contract_months: FGHJKMNQUVXZ
            expiry: third_friday
            commission_per_side: 0.85
            fees_per_side: 1.50
        """);
    InstrumentCatalog catalog = InstrumentCatalog.builtInWith(List.of(file));
    SyntheticMarket market = SyntheticMarket.create(catalog, CONFIG, SEED, LocalDate.of(2020, 1, 1),
        LocalDate.of(2020, 12, 31));
    BarSeries crude = market.generate("CL", LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30));
    BarSeries es = market.generate("ES", LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30));
    assertEquals(es.size(), crude.size());
    assertTrue(crude.close(0) > 5 && crude.close(0) < 2000, "a plausible level: " + crude.close(0));
    assertTrue(crude.contract(0).startsWith("CL"));
    assertTrue(Math.abs(correlation(dailyReturns(crude), dailyReturns(es))) < 0.5, "independent of ES");
    assertTrue(crude.sameBarsAs(market.generate("CL", LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30))));
  }

  @Test
  void rejectsUnknownSymbolsAndDatesOutsideTheMarket() {
    assertThrows(InputException.class, () -> MARKET.generate("ZZ", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2)));
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
        () -> MARKET.generate("ES", LocalDate.of(1999, 12, 1), LocalDate.of(2000, 1, 5)));
    assertTrue(outside.getMessage().contains("1999-12-01"), outside.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> MARKET.generate("ES", LocalDate.of(2020, 1, 5), LocalDate.of(2020, 1, 1)));
    InputException early = assertThrows(InputException.class, () -> SyntheticMarket.create(CATALOG, CONFIG, SEED,
        LocalDate.of(1980, 1, 1), LocalDate.of(2000, 1, 1)));
    assertTrue(early.getMessage().contains("start_date 1990-01-02"), early.getMessage());
  }

  // ---- helpers

  /** Close-to-close log returns of each trading date's last bar. */
  private static double[] dailyReturns(BarSeries series) {
    List<int[]> days = days(series);
    double[] returns = new double[days.size() - 1];
    for (int d = 1; d < days.size(); d++) {
      returns[d - 1] = Math.log(series.close(days.get(d)[1] - 1) / series.close(days.get(d - 1)[1] - 1));
    }
    return returns;
  }

  private static double correlation(double[] x, double[] y) {
    double meanX = Arrays.stream(x).average().orElseThrow();
    double meanY = Arrays.stream(y).average().orElseThrow();
    double xy = 0;
    double xx = 0;
    double yy = 0;
    for (int i = 0; i < x.length; i++) {
      xy += (x[i] - meanX) * (y[i] - meanY);
      xx += (x[i] - meanX) * (x[i] - meanX);
      yy += (y[i] - meanY) * (y[i] - meanY);
    }
    return xy / Math.sqrt(xx * yy);
  }

  private static double standardDeviation(double[] x) {
    double mean = Arrays.stream(x).average().orElseThrow();
    return Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
  }
}
