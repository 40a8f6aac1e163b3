package io.plateau.data.synthetic;

import io.plateau.instrument.SessionSchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The day-level path of one family: one step per weekday from the configuration's start date, whatever the
 * instrument's holidays (a holiday's move shows up in the next session's open gap).
 *
 * <p>Families that share the market factor are simulated together by {@link #simulateGroup}: a common factor
 * with GJR-GARCH variance, trend/range regimes and jumps, plus each family's own noise from its own stream, so
 * adding a family to the configuration does not change the others. Each path is then pulled through its
 * family's levels by spreading the miss at each level over the days before it in proportion to their variance
 * (a bridge in variance time). The path always runs to the last level, so a day's values never depend on how
 * far the caller asked for.
 *
 * <p>Immutable after construction; arrays are read by the bar generator and never handed out.
 */
final class DailyPath {

  static final int TRADING_DAYS_PER_YEAR = 252;
  /** {@link #jumpMinuteOfDay} value of a jump that falls anywhere in regular hours, at {@link #jumpRegularFraction}. */
  static final short JUMP_IN_REGULAR_HOURS = -1;
  /** {@link #jumpMinuteOfDay} value of a day without an intraday jump. */
  static final short NO_JUMP = -2;
  /** {@link #regime} codes. */
  static final byte RANGE = 0;

  private static final int WEEKDAYS_PER_WEEK = 5;
  /** Epoch day of Monday 1969-12-29, the origin of {@link #weekdayOrdinal}. */
  private static final long MONDAY_BEFORE_EPOCH = -3;

  /** The first weekday of the path (day index 0). */
  final LocalDate startDate;
  private final int startOrdinal;
  /** Number of weekdays in the path. */
  final int days;
  /** Log price at the close of day {@code t} is {@code logClose[t + 1]}; {@code logClose[0]} is the close before the start. */
  final double[] logClose;
  /** The session-open gap of day {@code t}: its open is {@code logClose[t] + gapLog[t]}. */
  final float[] gapLog;
  /** Standard deviation of day {@code t}'s log return without jumps: the intraday volatility budget. */
  final float[] sigmaLog;
  /** The intraday jump of day {@code t} in log price, 0 when there is none. */
  final float[] jumpLog;
  /** Local minute of day of the jump, or {@link #JUMP_IN_REGULAR_HOURS} or {@link #NO_JUMP}. */
  final short[] jumpMinuteOfDay;
  /** Where in regular hours a {@link #JUMP_IN_REGULAR_HOURS} jump falls, in [0, 1). */
  final float[] jumpRegularFraction;
  /** +1 up trend, -1 down trend, {@link #RANGE}. */
  final byte[] regime;
  /** 0 outside the last days of a trend, rising to 1 on its last day. */
  final float[] exhaustion;
  /** Day volume relative to an average day: busier when variance is high, with day-to-day noise. */
  final float[] volumeFactor;

  private DailyPath(LocalDate startDate, int days) {
    this.startDate = startDate;
    this.startOrdinal = weekdayOrdinal(startDate);
    this.days = days;
    this.logClose = new double[days + 1];
    this.gapLog = new float[days];
    this.sigmaLog = new float[days];
    this.jumpLog = new float[days];
    this.jumpMinuteOfDay = new short[days];
    this.jumpRegularFraction = new float[days];
    this.regime = new byte[days];
    this.exhaustion = new float[days];
    this.volumeFactor = new float[days];
  }

  /** The day index of {@code date} (a weekday) in this path; negative or >= {@link #days} when outside. */
  int dayIndex(LocalDate date) {
    return weekdayOrdinal(date) - startOrdinal;
  }

  /**
   * Counts weekdays from a fixed Monday: consecutive weekdays get consecutive numbers, and a Saturday or Sunday
   * gets the number of the following Monday.
   */
  static int weekdayOrdinal(LocalDate date) {
    long sinceMonday = date.toEpochDay() - MONDAY_BEFORE_EPOCH;
    long weeks = Math.floorDiv(sinceMonday, 7);
    int dayOfWeek = (int) Math.floorMod(sinceMonday, 7);
    return (int) (weeks * WEEKDAYS_PER_WEEK + Math.min(dayOfWeek, WEEKDAYS_PER_WEEK));
  }

  /** A family of the market group: its load on the factor, its own volatility and its levels. */
  record Member(String name, double marketBeta, double ownAnnualVol, double startLogLevel,
      NavigableMap<LocalDate, Double> levels) {}

  /**
   * Simulates {@code members} on one market factor from {@code config.startDate()} through {@code lastDate}
   * (extended to the last level of any member).
   *
   * @param groupName a stable name for the factor's random stream
   * @param marketAnnualVol the factor's long-run annual volatility
   */
  static Map<String, DailyPath> simulateGroup(SyntheticConfig config, long seed, String groupName,
      double marketAnnualVol, List<Member> members, LocalDate lastDate) {
    LocalDate start = firstWeekdayFrom(config.startDate());
    LocalDate end = lastDate;
    for (Member member : members) {
      for (LocalDate date : member.levels().keySet()) {
        if (date.isAfter(end)) {
          end = date;
        }
      }
    }
    int days = Math.max(1, weekdayOrdinal(end) - weekdayOrdinal(start) + 1);
    Map<String, DailyPath> paths = new LinkedHashMap<>();
    for (Member member : members) {
      paths.put(member.name(), new DailyPath(start, days));
    }
    double[] cumulativeVariance = new double[days];
    double[][] rawLog = new double[members.size()][days];
    new Simulation(config, seed, groupName, marketAnnualVol, members, paths, start)
        .run(cumulativeVariance, rawLog);
    int m = 0;
    for (Member member : members) {
      paths.get(member.name()).pinToLevels(member, rawLog[m++], cumulativeVariance);
    }
    return paths;
  }

  private static LocalDate firstWeekdayFrom(LocalDate date) {
    LocalDate day = date;
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day;
  }

  /**
   * Sets {@link #logClose} from the raw cumulative log returns, adding the bridge correction that makes the close
   * of each level's day (a weekend level counts for the next Monday) equal that level.
   */
  private void pinToLevels(Member member, double[] raw, double[] cumulativeVariance) {
    double start = member.startLogLevel();
    logClose[0] = start;
    int previousDay = -1;
    double previousCorrection = 0;
    double previousVariance = 0;
    for (Map.Entry<LocalDate, Double> level : member.levels().entrySet()) {
      if (!level.getKey().isAfter(startDate)) {
        continue;
      }
      int day = Math.min(dayIndex(level.getKey()), days - 1);
      double correction = Math.log(level.getValue()) - start - raw[day];
      double varianceSpan = cumulativeVariance[day] - previousVariance;
      for (int t = previousDay + 1; t <= day; t++) {
        double weight = varianceSpan > 0 ? (cumulativeVariance[t] - previousVariance) / varianceSpan : 1;
        logClose[t + 1] = start + raw[t] + previousCorrection + (correction - previousCorrection) * weight;
      }
      previousDay = day;
      previousCorrection = correction;
      previousVariance = cumulativeVariance[day];
    }
    for (int t = previousDay + 1; t < days; t++) {
      logClose[t + 1] = start + raw[t] + previousCorrection;
    }
  }

  /** The sequential day loop; one instance per group simulation. */
  private static final class Simulation {
    private final SyntheticConfig.Market market;
    private final SyntheticConfig.Garch garch;
    private final SyntheticConfig.Jumps jumps;
    private final SyntheticConfig.Regimes regimes;
    private final SyntheticConfig.Gaps gaps;
    private final SyntheticConfig.Volume volume;
    private final double marketDailySigma;
    private final List<Member> members;
    private final DailyPath[] paths;
    private final Xoshiro256 marketRandom;
    private final Xoshiro256[] ownRandom;
    private final int firstDayOfWeek;
    private final short[] eventMinutes;

    Simulation(SyntheticConfig config, long seed, String groupName, double marketAnnualVol, List<Member> members,
        Map<String, DailyPath> paths, LocalDate start) {
      this.market = config.market();
      this.garch = config.market().garch();
      this.jumps = config.market().jumps();
      this.regimes = config.market().regimes();
      this.gaps = config.gaps();
      this.volume = config.volume();
      this.marketDailySigma = marketAnnualVol / Math.sqrt(TRADING_DAYS_PER_YEAR);
      this.members = members;
      this.paths = paths.values().toArray(new DailyPath[0]);
      this.marketRandom = new Xoshiro256(Xoshiro256.seedFor(seed, Xoshiro256.idOf("market:" + groupName), 0));
      this.ownRandom = new Xoshiro256[members.size()];
      for (int m = 0; m < members.size(); m++) {
        ownRandom[m] = new Xoshiro256(Xoshiro256.seedFor(seed, Xoshiro256.idOf("family:" + members.get(m).name()), 0));
      }
      this.firstDayOfWeek = start.getDayOfWeek().getValue();
      List<LocalTime> times = jumps.eventTimes();
      this.eventMinutes = new short[times.size()];
      for (int i = 0; i < times.size(); i++) {
        eventMinutes[i] = (short) SessionSchedule.minuteOfDay(times.get(i));
      }
    }

    void run(double[] cumulativeVariance, double[][] rawLog) {
      Xoshiro256 random = marketRandom;
      int days = paths[0].days;
      double jumpProbability = jumps.perYear() / TRADING_DAYS_PER_YEAR;
      double omega = market.garchOmega();
      double averageWeight = 2.0 / (regimes.rangeAverageDays() + 1);
      double variance = 1;
      double marketLog = 0;
      double marketAverage = 0;
      int regime = RANGE;
      int remaining = regimeLength(random, regimes.rangeMeanDays());
      double totalVariance = 0;
      double[] familyLog = new double[members.size()];
      for (int t = 0; t < days; t++) {
        if (remaining == 0) {
          if (regime == RANGE) {
            regime = random.nextDouble() < 0.5 ? 1 : -1;
            remaining = regimeLength(random, regimes.trendMeanDays());
          } else {
            regime = RANGE;
            remaining = regimeLength(random, regimes.rangeMeanDays());
          }
        }
        double volatility = Math.sqrt(variance);
        double sigma = marketDailySigma * volatility;
        double drift = regime != RANGE
            ? regime * regimes.trendDriftSigmas() * sigma
            : -regimes.rangeReversionPerDay() * (marketLog - marketAverage);
        double shock = sigma * random.nextGaussian();
        double jump = 0;
        boolean jumpAtOpen = false;
        short jumpMinute = NO_JUMP;
        float jumpFraction = 0;
        if (random.nextDouble() < jumpProbability) {
          jump = (jumps.meanSigmas() + jumps.sdSigmas() * random.nextGaussian()) * sigma;
          if (random.nextDouble() < jumps.atOpenShare()) {
            jumpAtOpen = true;
          } else if (random.nextDouble() < jumps.eventShare()) {
            jumpMinute = eventMinutes[(int) (random.nextDouble() * eventMinutes.length)];
          } else {
            jumpMinute = JUMP_IN_REGULAR_HOURS;
            jumpFraction = (float) random.nextDouble();
          }
        }
        double market = drift + shock + jump;
        int dayOfWeek = (firstDayOfWeek - 1 + t) % WEEKDAYS_PER_WEEK;
        double gapSigmas = dayOfWeek == 0 ? gaps.afterWeekendSigmas() : gaps.afterHaltSigmas();
        double marketGap = sigma * gapSigmas * random.nextGaussian() + (jumpAtOpen ? jump : 0);
        float exhaustion = regime != RANGE && remaining <= regimes.exhaustionDays()
            ? (float) (regimes.exhaustionDays() - remaining + 1) / regimes.exhaustionDays()
            : 0f;
        double dayNoise = volume.dayNoise();
        float volumeFactor = (float) (Math.pow(variance, volume.volatilityElasticity() / 2)
            * Math.exp(dayNoise * random.nextGaussian() - dayNoise * dayNoise / 2));

        totalVariance += variance;
        cumulativeVariance[t] = totalVariance;
        for (int m = 0; m < members.size(); m++) {
          Member member = members.get(m);
          DailyPath path = paths[m];
          double beta = member.marketBeta();
          double ownSigma = member.ownAnnualVol() / Math.sqrt(TRADING_DAYS_PER_YEAR) * volatility;
          familyLog[m] += beta * market + ownSigma * ownRandom[m].nextGaussian();
          rawLog[m][t] = familyLog[m];
          path.gapLog[t] = (float) (beta * marketGap);
          path.sigmaLog[t] = (float) Math.sqrt(beta * beta * sigma * sigma + ownSigma * ownSigma);
          path.jumpLog[t] = jumpMinute == NO_JUMP ? 0f : (float) (beta * jump);
          path.jumpMinuteOfDay[t] = jumpMinute;
          path.jumpRegularFraction[t] = jumpFraction;
          path.regime[t] = (byte) regime;
          path.exhaustion[t] = exhaustion;
          path.volumeFactor[t] = volumeFactor;
        }

        // GJR-GARCH: the standardized surprise (jump included) feeds tomorrow's variance, more so when negative.
        double surprise = (shock + jump) / sigma;
        double response = garch.alpha() + (surprise < 0 ? garch.leverage() : 0);
        variance = omega + response * variance * surprise * surprise + garch.beta() * variance;
        variance = Math.min(variance, garch.maxVarianceRatio());
        marketLog += market;
        marketAverage += averageWeight * (marketLog - marketAverage);
        remaining--;
      }
    }

    /** An exponential length with the given mean, at least one day. */
    private static int regimeLength(Xoshiro256 random, double meanDays) {
      return 1 + (int) (random.nextExponential() * (meanDays - 1));
    }
  }
}
