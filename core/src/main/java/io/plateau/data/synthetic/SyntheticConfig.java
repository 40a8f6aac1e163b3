package io.plateau.data.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import io.plateau.util.Checks;
import io.plateau.util.InputException;
import io.plateau.util.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parameters of the synthetic market, as written in {@code conf/synthetic.yaml} (packaged in the jar),
 * where each one is documented. Every key is required and unknown keys are errors, so a user file is a
 * complete, edited copy of the built-in one.
 *
 * @param startDate the first weekday of every daily path; no bars before it
 * @param market the common factor's dynamics (volatility, GARCH, jumps, regimes), also used by other symbols
 * @param gaps the session-open gap
 * @param intraday minute-level dynamics and profiles
 * @param volume volume levels and noise
 * @param orderFlow how aggressor volume relates to price
 * @param families the index families by E-mini symbol ({@code ES}), in file order
 * @param other the parameters of any symbol that is neither a family nor a micro of one
 */
public record SyntheticConfig(
    LocalDate startDate,
    Market market,
    Gaps gaps,
    Intraday intraday,
    Volume volume,
    OrderFlow orderFlow,
    Map<String, Family> families,
    Other other)
    implements Serializable {

  /** Where the build copies {@code conf/synthetic.yaml} inside the jar. */
  private static final String BUILT_IN_RESOURCE = "/io/plateau/data/synthetic/synthetic.yaml";
  private static final String BUILT_IN_NAME = "conf/synthetic.yaml (built in)";

  public SyntheticConfig {
    Checks.notNull(startDate, "start_date");
    Checks.notNull(market, "market");
    Checks.notNull(gaps, "gaps");
    Checks.notNull(intraday, "intraday");
    Checks.notNull(volume, "volume");
    Checks.notNull(orderFlow, "order_flow");
    Checks.notNull(other, "other");
    families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
  }

  /**
   * The market factor.
   *
   * @param annualVol long-run annual volatility of the factor (the family's own, for symbols from {@code other})
   */
  public record Market(double annualVol, Garch garch, Jumps jumps, Regimes regimes) implements Serializable {
    public Market {
      Checks.positive(annualVol, "annual_vol");
      Checks.notNull(garch, "garch");
      Checks.notNull(jumps, "jumps");
      Checks.notNull(regimes, "regimes");
      double omega = garchOmega(garch, jumps);
      if (!(omega > 0)) {
        throw new IllegalArgumentException("garch alpha + leverage/2 + beta, with the jumps' extra variance, must stay"
            + " below 1 for a stationary variance; the constant term would be " + omega);
      }
    }

    /**
     * The GARCH constant that makes the long-run mean of the variance ratio h equal 1. The surprise that drives h
     * includes jumps, so their variance (per day: probability x (mean² + sd²) in sigmas²) is accounted for here;
     * otherwise jumps would inflate the long-run volatility above {@code annualVol}.
     */
    double garchOmega() {
      return garchOmega(garch, jumps);
    }

    private static double garchOmega(Garch garch, Jumps jumps) {
      double jumpProbability = jumps.perYear() / DailyPath.TRADING_DAYS_PER_YEAR;
      double meanSquaredSurprise = 1 + jumpProbability
          * (jumps.meanSigmas() * jumps.meanSigmas() + jumps.sdSigmas() * jumps.sdSigmas());
      return 1 - garch.beta() - (garch.alpha() + garch.leverage() / 2) * meanSquaredSurprise;
    }
  }

  /** GJR-GARCH(1,1) on the variance ratio h (long-run mean 1); persistence alpha + leverage/2 + beta must be below 1. */
  public record Garch(double alpha, double leverage, double beta, double maxVarianceRatio) implements Serializable {
    public Garch {
      Checks.nonNegative(alpha, "alpha");
      Checks.nonNegative(leverage, "leverage");
      Checks.nonNegative(beta, "beta");
      double persistence = alpha + leverage / 2 + beta;
      if (!(persistence < 1)) {
        throw new IllegalArgumentException(
            "alpha + leverage/2 + beta must be < 1 for a stationary variance, was " + persistence);
      }
      if (!(maxVarianceRatio > 1) || Double.isInfinite(maxVarianceRatio)) {
        throw new IllegalArgumentException("max_variance_ratio must be a finite number > 1, was " + maxVarianceRatio);
      }
    }
  }

  /**
   * Jump days.
   *
   * @param eventTimes exchange-local times at which {@code eventShare} of the intraday jumps happen
   */
  public record Jumps(double perYear, double meanSigmas, double sdSigmas, double atOpenShare, double eventShare,
      List<LocalTime> eventTimes) implements Serializable {
    public Jumps {
      Checks.nonNegative(perYear, "per_year");
      if (perYear > DailyPath.TRADING_DAYS_PER_YEAR) {
        throw new IllegalArgumentException("per_year must be at most one a day (252), was " + perYear);
      }
      finite(meanSigmas, "mean_sigmas");
      Checks.nonNegative(sdSigmas, "sd_sigmas");
      share(atOpenShare, "at_open_share");
      share(eventShare, "event_share");
      eventTimes = List.copyOf(eventTimes);
      if (eventShare > 0 && eventTimes.isEmpty()) {
        throw new IllegalArgumentException("event_times must list at least one time when event_share > 0, was []");
      }
    }
  }

  /** Trend and range regimes; lengths in trading days. */
  public record Regimes(double trendMeanDays, double rangeMeanDays, double trendDriftSigmas,
      double rangeReversionPerDay, int rangeAverageDays, int exhaustionDays) implements Serializable {
    public Regimes {
      atLeast(trendMeanDays, 1, "trend_mean_days");
      atLeast(rangeMeanDays, 1, "range_mean_days");
      Checks.nonNegative(trendDriftSigmas, "trend_drift_sigmas");
      share(rangeReversionPerDay, "range_reversion_per_day");
      Checks.positive(rangeAverageDays, "range_average_days");
      Checks.nonNegative(exhaustionDays, "exhaustion_days");
    }
  }

  /** The session-open gap's standard deviation, in daily sigmas. */
  public record Gaps(double afterHaltSigmas, double afterWeekendSigmas) implements Serializable {
    public Gaps {
      share(afterHaltSigmas, "after_halt");
      share(afterWeekendSigmas, "after_weekend");
    }
  }

  /**
   * Minute-level dynamics and the two intraday profiles.
   *
   * @param rangeTransientShare in range regimes, the share of each minute's move undone over the following minutes
   *     (mean reversion around a level, so price stretched from VWAP tends to come back)
   * @param trendTransientShare the same in trends; negative extends moves instead (momentum)
   * @param transientHalfLifeMinutes how fast the transient part plays out
   */
  public record Intraday(double rangeTransientShare, double trendTransientShare, double transientHalfLifeMinutes,
      Profile volatilityProfile, Profile volumeProfile) implements Serializable {
    public Intraday {
      transientShare(rangeTransientShare, "transient_share.range");
      transientShare(trendTransientShare, "transient_share.trend");
      atLeast(transientHalfLifeMinutes, 1, "transient_half_life_minutes");
      Checks.notNull(volatilityProfile, "volatility_profile");
      Checks.notNull(volumeProfile, "volume_profile");
    }

    private static void transientShare(double value, String name) {
      if (!(value > -1 && value < 1)) {
        throw new IllegalArgumentException(name + " must be within -1..1 (exclusive), was " + value);
      }
    }
  }

  /**
   * A U-shaped intraday profile, relative to midday regular hours (1): {@code overnight} outside regular hours,
   * rising by {@code premarketBoost} toward the regular open, and boosts at the regular open and close that decay
   * exponentially away from them.
   */
  public record Profile(double overnight, double premarketBoost, double premarketDecayMinutes, double openBoost,
      double openDecayMinutes, double closeBoost, double closeDecayMinutes) implements Serializable {
    public Profile {
      Checks.positive(overnight, "overnight");
      Checks.nonNegative(premarketBoost, "premarket_boost");
      Checks.positive(premarketDecayMinutes, "premarket_decay_minutes");
      Checks.nonNegative(openBoost, "open_boost");
      Checks.positive(openDecayMinutes, "open_decay_minutes");
      Checks.nonNegative(closeBoost, "close_boost");
      Checks.positive(closeDecayMinutes, "close_decay_minutes");
    }
  }

  /** Volume levels by symbol (contracts per full day at average volatility) and the noise around them. */
  public record Volume(Map<String, Double> perDay, double otherPerDay, double volatilityElasticity, double dayNoise,
      double barNoise, double moveActivity) implements Serializable {
    public Volume {
      perDay = Collections.unmodifiableMap(new LinkedHashMap<>(perDay));
      perDay.forEach((symbol, contracts) -> Checks.positive(contracts, "per_day." + symbol));
      Checks.positive(otherPerDay, "other_per_day");
      Checks.nonNegative(volatilityElasticity, "volatility_elasticity");
      Checks.nonNegative(dayNoise, "day_noise");
      atMost(Checks.nonNegative(barNoise, "bar_noise"), 1, "bar_noise");
      Checks.nonNegative(moveActivity, "move_activity");
    }

    /** Contracts per full day of {@code symbol}. */
    public double perDayOf(String symbol) {
      return perDay.getOrDefault(symbol, otherPerDay);
    }
  }

  /** How the net aggressor share of a bar follows its return, the next minutes' return, and trend exhaustion. */
  public record OrderFlow(double returnLoading, double forwardLoading, int forwardMinutes, double noise,
      double exhaustionDamping, double exhaustionBias) implements Serializable {
    public OrderFlow {
      Checks.nonNegative(returnLoading, "return_loading");
      Checks.nonNegative(forwardLoading, "forward_loading");
      Checks.positive(forwardMinutes, "forward_minutes");
      Checks.nonNegative(noise, "noise");
      share(exhaustionDamping, "exhaustion_damping");
      share(exhaustionBias, "exhaustion_bias");
    }
  }

  /**
   * An index family: the E-mini and its micro.
   *
   * @param levels approximate prices by date; the path starts at their log-linear interpolation at the start date
   *     and is pulled through every later one
   */
  public record Family(double marketBeta, double ownAnnualVol, NavigableMap<LocalDate, Double> levels)
      implements Serializable {
    public Family {
      finite(marketBeta, "market_beta");
      Checks.nonNegative(ownAnnualVol, "own_annual_vol");
      if (marketBeta == 0 && ownAnnualVol == 0) {
        throw new IllegalArgumentException("market_beta and own_annual_vol cannot both be 0: the price would never move");
      }
      if (levels.isEmpty()) {
        throw new IllegalArgumentException("levels must hold at least one date: price, was {}");
      }
      levels.forEach((date, price) -> Checks.positive(price, "levels." + date));
      levels = Collections.unmodifiableNavigableMap(new TreeMap<>(levels));
    }

    /** The log-linear interpolation of {@link #levels} at {@code date}; the nearest level outside their span. */
    double levelOn(LocalDate date) {
      Map.Entry<LocalDate, Double> before = levels.floorEntry(date);
      Map.Entry<LocalDate, Double> after = levels.ceilingEntry(date);
      if (before == null || after == null || before.getKey().equals(after.getKey())) {
        return (before != null ? before : after).getValue();
      }
      double weight = (double) (date.toEpochDay() - before.getKey().toEpochDay())
          / (after.getKey().toEpochDay() - before.getKey().toEpochDay());
      return Math.exp((1 - weight) * Math.log(before.getValue()) + weight * Math.log(after.getValue()));
    }
  }

  /** Any other symbol: its price at the start date in its own ticks, and its annual volatility. */
  public record Other(double startTicks, double annualVol) implements Serializable {
    public Other {
      atLeast(startTicks, 100, "start_ticks");
      Checks.positive(annualVol, "annual_vol");
    }
  }

  private static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, was " + value);
    }
    return value;
  }

  private static double share(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be within 0..1, was " + value);
    }
    return value;
  }

  private static double atLeast(double value, double min, String name) {
    if (!(value >= min) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= " + min + ", was " + value);
    }
    return value;
  }

  private static double atMost(double value, double max, String name) {
    if (!(value <= max)) {
      throw new IllegalArgumentException(name + " must be <= " + max + ", was " + value);
    }
    return value;
  }

  /** The configuration shipped with Plateau ({@code conf/synthetic.yaml}). */
  public static SyntheticConfig builtIn() {
    try (InputStream in = SyntheticConfig.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + BUILT_IN_RESOURCE + ": the build did not copy conf/");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_NAME);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A configuration file in the shape of {@code conf/synthetic.yaml}; errors name the file and the key. */
  public static SyntheticConfig load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new InputException(file + ": cannot read the synthetic market configuration: " + e.getMessage(), e);
    }
  }

  /** Parses YAML text; {@code fileName} only labels errors. */
  public static SyntheticConfig parse(String yaml, String fileName) {
    JsonNode root = YamlReader.parse(yaml.getBytes(StandardCharsets.UTF_8), fileName).root();
    if (root == null || !root.isObject()) {
      throw new InputException(fileName + ": expected a YAML mapping like conf/synthetic.yaml");
    }
    return new Reader(fileName).config(root);
  }

  /** Reads the YAML tree into records, naming the file and key path in every error. */
  private static final class Reader {
    private final String fileName;

    Reader(String fileName) {
      this.fileName = fileName;
    }

    SyntheticConfig config(JsonNode root) {
      node(root, "", "start_date", "market", "gaps", "intraday", "volume", "order_flow", "families", "other");
      JsonNode families = node(root.get("families"), "families");
      Map<String, Family> byName = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = families.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String path = "families." + entry.getKey();
        if (!entry.getKey().matches("[A-Z0-9]{1,10}")) {
          throw new InputException(fileName + ": " + path + ": a family is named by its E-mini symbol "
              + "(1-10 upper-case letters or digits), was '" + entry.getKey() + "'");
        }
        byName.put(entry.getKey(), family(entry.getValue(), path));
      }
      JsonNode other = node(root.get("other"), "other", "start_ticks", "annual_vol");
      return build("", () -> new SyntheticConfig(
          date(root.get("start_date"), "start_date"),
          market(root.get("market")),
          gaps(root.get("gaps")),
          intraday(root.get("intraday")),
          volume(root.get("volume")),
          orderFlow(root.get("order_flow")),
          byName,
          build("other", () -> new Other(number(other, "start_ticks", "other"), number(other, "annual_vol", "other")))));
    }

    private Market market(JsonNode node) {
      String path = "market";
      node(node, path, "annual_vol", "garch", "jumps", "regimes");
      JsonNode garch = node(node.get("garch"), "market.garch", "alpha", "leverage", "beta", "max_variance_ratio");
      JsonNode jumps = node(node.get("jumps"), "market.jumps",
          "per_year", "mean_sigmas", "sd_sigmas", "at_open_share", "event_share", "event_times");
      JsonNode regimes = node(node.get("regimes"), "market.regimes", "trend_mean_days", "range_mean_days",
          "trend_drift_sigmas", "range_reversion_per_day", "range_average_days", "exhaustion_days");
      Garch g = build("market.garch", () -> new Garch(number(garch, "alpha", "market.garch"),
          number(garch, "leverage", "market.garch"), number(garch, "beta", "market.garch"),
          number(garch, "max_variance_ratio", "market.garch")));
      List<LocalTime> eventTimes = new ArrayList<>();
      JsonNode times = jumps.get("event_times");
      if (!times.isArray()) {
        throw error("market.jumps.event_times", times, "a list of local times such as [\"07:30\", \"13:00\"]");
      }
      for (JsonNode time : times) {
        eventTimes.add(time(time, "market.jumps.event_times"));
      }
      Jumps j = build("market.jumps", () -> new Jumps(number(jumps, "per_year", "market.jumps"),
          number(jumps, "mean_sigmas", "market.jumps"), number(jumps, "sd_sigmas", "market.jumps"),
          number(jumps, "at_open_share", "market.jumps"), number(jumps, "event_share", "market.jumps"), eventTimes));
      String rp = "market.regimes";
      Regimes r = build(rp, () -> new Regimes(number(regimes, "trend_mean_days", rp),
          number(regimes, "range_mean_days", rp), number(regimes, "trend_drift_sigmas", rp),
          number(regimes, "range_reversion_per_day", rp), integer(regimes, "range_average_days", rp),
          integer(regimes, "exhaustion_days", rp)));
      return build(path, () -> new Market(number(node, "annual_vol", path), g, j, r));
    }

    private Gaps gaps(JsonNode node) {
      node(node, "gaps", "after_halt", "after_weekend");
      return build("gaps", () -> new Gaps(number(node, "after_halt", "gaps"), number(node, "after_weekend", "gaps")));
    }

    private Intraday intraday(JsonNode node) {
      node(node, "intraday", "transient_share", "transient_half_life_minutes", "volatility_profile",
          "volume_profile");
      String sp = "intraday.transient_share";
      JsonNode share = node(node.get("transient_share"), sp, "range", "trend");
      Profile volatility = profile(node.get("volatility_profile"), "intraday.volatility_profile");
      Profile volume = profile(node.get("volume_profile"), "intraday.volume_profile");
      return build("intraday", () -> new Intraday(number(share, "range", sp), number(share, "trend", sp),
          number(node, "transient_half_life_minutes", "intraday"), volatility, volume));
    }

    private Profile profile(JsonNode node, String path) {
      node(node, path, "overnight", "premarket_boost", "premarket_decay_minutes", "open_boost", "open_decay_minutes",
          "close_boost", "close_decay_minutes");
      return build(path, () -> new Profile(number(node, "overnight", path), number(node, "premarket_boost", path),
          number(node, "premarket_decay_minutes", path), number(node, "open_boost", path),
          number(node, "open_decay_minutes", path), number(node, "close_boost", path),
          number(node, "close_decay_minutes", path)));
    }

    private Volume volume(JsonNode node) {
      String path = "volume";
      node(node, path, "per_day", "other_per_day", "volatility_elasticity", "day_noise", "bar_noise",
          "move_activity");
      JsonNode perDayNode = node(node.get("per_day"), "volume.per_day");
      Map<String, Double> perDay = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = perDayNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        perDay.put(entry.getKey(), number(perDayNode, entry.getKey(), "volume.per_day"));
      }
      return build(path, () -> new Volume(perDay, number(node, "other_per_day", path),
          number(node, "volatility_elasticity", path), number(node, "day_noise", path),
          number(node, "bar_noise", path), number(node, "move_activity", path)));
    }

    private OrderFlow orderFlow(JsonNode node) {
      String path = "order_flow";
      node(node, path, "return_loading", "forward_loading", "forward_minutes", "noise", "exhaustion_damping",
          "exhaustion_bias");
      return build(path, () -> new OrderFlow(number(node, "return_loading", path),
          number(node, "forward_loading", path), integer(node, "forward_minutes", path), number(node, "noise", path),
          number(node, "exhaustion_damping", path), number(node, "exhaustion_bias", path)));
    }

    private Family family(JsonNode node, String path) {
      node(node, path, "market_beta", "own_annual_vol", "levels");
      JsonNode levelsNode = node(node.get("levels"), path + ".levels");
      NavigableMap<LocalDate, Double> levels = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = levelsNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String key = path + ".levels." + entry.getKey();
        levels.put(date(new com.fasterxml.jackson.databind.node.TextNode(entry.getKey()), key),
            number(levelsNode, entry.getKey(), path + ".levels"));
      }
      return build(path, () -> new Family(number(node, "market_beta", path), number(node, "own_annual_vol", path),
          levels));
    }

    /** Checks that {@code node} is a mapping holding exactly the {@code keys} (any keys when none are given). */
    private JsonNode node(JsonNode node, String path, String... keys) {
      if (node == null || !node.isObject()) {
        throw error(path.isEmpty() ? "(top level)" : path, node, "a mapping"
            + (keys.length == 0 ? "" : " with keys " + new TreeSet<>(List.of(keys))));
      }
      if (keys.length == 0) {
        return node;
      }
      Set<String> allowed = Set.of(keys);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          throw new InputException(fileName + ": " + (path.isEmpty() ? "" : path + ".") + key
              + ": unknown key; allowed here: " + new TreeSet<>(allowed));
        }
      }
      for (String key : keys) {
        if (node.get(key) == null || node.get(key).isNull()) {
          throw new InputException(fileName + ": " + (path.isEmpty() ? "" : path + ".") + key + ": missing");
        }
      }
      return node;
    }

    private double number(JsonNode parent, String key, String path) {
      JsonNode value = parent.get(key);
      if (value == null || !value.isNumber()) {
        throw error(path + "." + key, value, "a number");
      }
      return value.doubleValue();
    }

    private int integer(JsonNode parent, String key, String path) {
      JsonNode value = parent.get(key);
      if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
        throw error(path + "." + key, value, "a whole number");
      }
      return value.intValue();
    }

    private LocalDate date(JsonNode node, String path) {
      try {
        return LocalDate.parse(node.asText());
      } catch (DateTimeParseException e) {
        throw error(path, node, "a date yyyy-MM-dd");
      }
    }

    private LocalTime time(JsonNode node, String path) {
      try {
        return LocalTime.parse(node.asText());
      } catch (DateTimeParseException e) {
        throw error(path, node, "a local time \"HH:mm\"");
      }
    }

    /** Runs a record constructor, turning its validation message into one that names the file and key path. */
    private <T> T build(String path, java.util.function.Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        throw new InputException(fileName + ": " + (path.isEmpty() ? "" : path + ": ") + e.getMessage(), e);
      }
    }

    private InputException error(String path, JsonNode value, String allowed) {
      return new InputException(fileName + ": " + path + ": bad value '" + (value == null ? "" : value.asText())
          + "'; expected " + allowed);
    }
  }
}
