package io.plateau.study;

import io.plateau.bar.Session;
import io.plateau.exec.AddPolicy;
import io.plateau.exec.FillTiming;
import io.plateau.exec.RiskRules;
import io.plateau.exec.Sizing;
import io.plateau.param.Axis;
import io.plateau.param.Constraint;
import io.plateau.param.ParameterSpace;
import io.plateau.param.Search;
import io.plateau.robust.BacktestOverfitting;
import io.plateau.robust.Gates;
import io.plateau.robust.Objective;
import io.plateau.robust.ParameterPlateau;
import io.plateau.robust.RobustnessSettings;
import io.plateau.robust.TradeMonteCarlo;
import io.plateau.robust.Period;
import io.plateau.robust.WalkForwardScheme;
import io.plateau.strategy.Param;
import io.plateau.strategy.Strategies;
import io.plateau.strategy.StrategyDefinition;
import io.plateau.util.ConfigNode;
import io.plateau.util.InputException;
import io.plateau.util.PathRoots;
import io.plateau.util.YamlReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a study file ({@code conf/studies/*.yaml}) into a {@link Study}, checking every key before any work
 * starts: an unknown key or a bad value is an {@link InputException} naming the file, the key path, the value and
 * what is allowed. The keys are documented in the README ("Study files").
 */
public final class StudyReader {

  /** The most points a study's full grid may have: ids are dense, and a bigger grid needs random search anyway. */
  static final long MAX_GRID_POINTS = 100_000_000L;
  private static final int MAX_AXIS_STEPS = 100_000;
  private static final Set<String> BAR_SIZES = Set.of("1m", "2m", "3m", "5m", "10m", "15m", "30m", "60m", "1d");

  private StudyReader() {}

  /** Reads study {@code file}; its paths must lie inside the configured roots ({@link PathRoots#configured}). */
  public static Study read(Path file) {
    return read(file, PathRoots.configured(directoryOf(file.toString())));
  }

  /** Reads study {@code file}; its paths must lie inside {@code roots}. */
  public static Study read(Path file, PathRoots roots) {
    return parse(bytes(file), file.toString(), roots);
  }

  /**
   * Reads the copy of its study that a run directory holds ({@code RUN_DIR/study.yaml}) to report on the run. Its
   * paths were checked against the roots when the run started and the report opens none of them, so they are not
   * checked again: the run directory may have moved since, away from the store.
   */
  public static Study readRunCopy(Path file) {
    return parse(bytes(file), file.toString(), null);
  }

  private static byte[] bytes(Path file) {
    try {
      return YamlReader.readBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such study file");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * A local path is made absolute against the working directory of the process reading the study, so that
   * executors started elsewhere (a cluster worker's work directory) read the same store; a URI (hdfs://, s3a://,
   * file:) is kept as written.
   */
  private static String absoluteLocation(String store) {
    if (store.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return store;
    }
    return Path.of(store).toAbsolutePath().normalize().toString();
  }

  /** Parses the YAML {@code text} of study file {@code fileName}, with the roots configured for its directory. */
  public static Study parse(byte[] text, String fileName) {
    return parse(text, fileName, PathRoots.configured(directoryOf(fileName)));
  }

  /**
   * Parses the YAML {@code text} of study file {@code fileName}; its paths ({@code bars.store}, {@code output}) must
   * lie inside {@code roots}, or anywhere when it is null (a run's copy, see {@link #readRunCopy}).
   */
  public static Study parse(byte[] text, String fileName, PathRoots roots) {
    ConfigNode root = ConfigNode.parseYaml(text, fileName).allowKeys("name", "bars", "strategy", "search", "costs",
        "account", "sizing", "risk", "fill", "walk_forward", "objective", "robustness", "output");
    String name = root.has("name") ? root.get("name").text() : stem(fileName);
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw root.get("name").error("letters, digits, '_', '.' and '-' (it names output directories)");
    }

    ConfigNode bars = root.get("bars").allowKeys("store", "symbols", "start", "end", "bar_size", "session");
    String store = absoluteLocation(location(bars.get("store"), roots));
    List<String> symbols = new ArrayList<>();
    for (ConfigNode symbol : bars.get("symbols").list()) {
      if (!symbol.text().matches("[A-Z0-9]{1,10}")) {
        throw symbol.error("a symbol of the instrument catalog, e.g. MES");
      }
      symbols.add(symbol.text());
    }
    if (symbols.isEmpty() || new LinkedHashSet<>(symbols).size() != symbols.size()) {
      throw bars.get("symbols").error("a non-empty list of distinct symbols");
    }
    LocalDate start = bars.get("start").date();
    // "latest": no end, the last bar of the store; a scheduled re-optimization gains windows as bars arrive.
    LocalDate end = bars.get("end").text().equals(Study.LATEST_KEYWORD) ? Study.LATEST : bars.get("end").date();
    if (!end.isAfter(start)) {
      throw bars.get("end").error("a date after bars.start " + start);
    }
    String barSize = bars.text("bar_size", "1m");
    if (!BAR_SIZES.contains(barSize)) {
      throw bars.get("bar_size").error("one of " + BAR_SIZES.stream().sorted().toList());
    }
    Session session = switch (bars.text("session", "globex")) {
      case "globex" -> Session.GLOBEX;
      case "regular" -> Session.REGULAR;
      default -> throw bars.get("session").error("globex (all bars) or regular (regular trading hours only)");
    };

    ParameterSpace space = space(root.get("strategy"));
    if (space.size() > MAX_GRID_POINTS) {
      throw root.get("strategy").problem("the full grid has " + space.size() + " points, more than "
          + MAX_GRID_POINTS + "; use coarser steps");
    }
    Search search = search(root.has("search") ? root.get("search") : null);
    long admitted = space.admittedCount();
    if (admitted == 0) {
      throw root.get("strategy").problem("no parameter set of the " + space.size()
          + "-point grid satisfies the constraints " + space.constraints().stream().map(Constraint::text).toList()
          + " and the strategy's own rules; widen the ranges or relax the constraints");
    }

    Double commission = null;
    int slippage = 1;
    if (root.has("costs")) {
      ConfigNode costs = root.get("costs").allowKeys("commission_per_side", "slippage_ticks");
      if (costs.has("commission_per_side")) {
        commission = nonNegative(costs.get("commission_per_side"));
      }
      slippage = costs.integer("slippage_ticks", 1);
      if (slippage < 0) {
        throw costs.get("slippage_ticks").error("a whole number >= 0");
      }
    }
    double capital = 25_000;
    if (root.has("account")) {
      ConfigNode account = root.get("account").allowKeys("capital");
      capital = account.number("capital", capital);
      if (!(capital > 0)) {
        throw account.get("capital").error("an amount > 0");
      }
    }
    Sizing sizing = root.has("sizing") ? sizing(root.get("sizing")) : new Sizing.Fixed(1);
    double defaultLossLimit = space.strategy().defaultDailyLossLimitPercent();
    RiskRules risk = root.has("risk") ? risk(root.get("risk"), defaultLossLimit)
        : new RiskRules(1, 100, AddPolicy.ONLY_IN_PROFIT, defaultLossLimit / 100);
    FillTiming fill = switch (root.text("fill", "next-open")) {
      case "next-open" -> FillTiming.NEXT_OPEN;
      case "close" -> FillTiming.SAME_CLOSE;
      default -> throw root.get("fill").error("next-open or close");
    };
    WalkForwardScheme walkForward = walkForward(root.get("walk_forward"));
    List<WalkForwardScheme> matrix = matrix(root.get("walk_forward"), walkForward);
    TrialSimulation trials = trials(root.get("walk_forward"), matrix);
    ConfigNode objectiveNode = root.has("objective") ? root.get("objective") : null;
    ConfigNode metricNode = objectiveNode;
    if (objectiveNode != null && objectiveNode.isMapping()) {
      objectiveNode.allowKeys("metric", "plateau");
      metricNode = objectiveNode.has("metric") ? objectiveNode.get("metric") : null;
    }
    Objective objective = Objective.byConfigName(metricNode == null ? "net-profit" : metricNode.text());
    if (objective == null) {
      throw metricNode.error("one of " + Arrays.stream(Objective.values()).map(Objective::configName).toList());
    }
    ParameterPlateau.Smoothing plateau = objectiveNode != null && objectiveNode.isMapping()
        && objectiveNode.has("plateau") ? plateau(objectiveNode.get("plateau"), search) : null;
    RobustnessSettings robustness = root.has("robustness") ? robustness(root.get("robustness"), search)
        : RobustnessSettings.DEFAULTS;
    // Without an output key, runs go under runs/ in the working directory: the operator's choice, not the study's.
    String output = root.has("output") ? location(root.get("output"), roots) : "runs";
    return new Study(name, fileName, new String(text, StandardCharsets.UTF_8), store, symbols, start, end, barSize,
        session, space, search, commission, slippage, capital, sizing, risk, fill, walkForward, trials, matrix,
        objective, plateau, robustness, output);
  }

  private static ParameterSpace space(ConfigNode node) {
    node.allowKeys("name", "params", "constraints");
    StrategyDefinition strategy;
    try {
      strategy = Strategies.get(node.get("name").text());
    } catch (InputException e) {
      throw node.get("name").problem(e.getMessage());
    }
    Map<String, ConfigNode> given = node.has("params") ? node.get("params").entries() : Map.of();
    Set<String> names = strategy.parameters().stream().map(Param::name).collect(Collectors.toCollection(
        LinkedHashSet::new));
    for (Map.Entry<String, ConfigNode> entry : given.entrySet()) {
      if (!names.contains(entry.getKey())) {
        throw entry.getValue().problem("unknown parameter of " + strategy.name() + "; it has " + names);
      }
    }
    List<Axis> axes = new ArrayList<>();
    for (Param param : strategy.parameters()) {
      ConfigNode values = given.get(param.name());
      axes.add(new Axis(param.name(), values == null ? List.of(param.defaultValue()) : axisValues(param, values)));
    }
    List<Constraint> constraints = new ArrayList<>();
    if (node.has("constraints")) {
      for (ConfigNode constraint : node.get("constraints").list()) {
        constraints.add(Constraint.parse(constraint.text(), constraint.where(), names));
      }
    }
    return new ParameterSpace(strategy, axes, constraints);
  }

  /** A parameter's values: one value, a list, or a range {@code {from, to, step}}; each checked against it. */
  private static List<String> axisValues(Param param, ConfigNode node) {
    List<String> values = new ArrayList<>();
    if (node.isMapping()) {
      node.allowKeys("from", "to", "step");
      if (param.kind() == Param.Kind.CHOICE) {
        throw node.problem("a choice takes a value or a list of values, not a range; allowed: " + param.choices());
      }
      if (param.kind() == Param.Kind.TEXT) {
        throw node.problem("a text parameter takes a value or a list of values, not a range; allowed: "
            + param.textForm());
      }
      BigDecimal from = decimal(node.get("from"));
      BigDecimal to = decimal(node.get("to"));
      BigDecimal step = decimal(node.get("step"));
      if (step.signum() <= 0) {
        throw node.get("step").error("a step > 0");
      }
      if (to.compareTo(from) < 0) {
        throw node.get("to").error("a value >= from (" + from.toPlainString() + ")");
      }
      BigDecimal steps = to.subtract(from).divide(step, java.math.MathContext.DECIMAL64);
      if (steps.compareTo(BigDecimal.valueOf(MAX_AXIS_STEPS)) > 0) {
        throw node.get("step").error("a step giving at most " + MAX_AXIS_STEPS + " values");
      }
      for (BigDecimal value = from; value.compareTo(to) <= 0; value = value.add(step)) {
        values.add(value.stripTrailingZeros().toPlainString());
      }
      if (param.kind() == Param.Kind.INT && values.stream().anyMatch(v -> v.contains("."))) {
        throw node.problem("from, to and step must be whole numbers for " + param.name());
      }
    } else {
      for (ConfigNode value : node.list()) {
        values.add(value.text());
      }
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
    if (distinct.size() != values.size()) {
      throw node.problem("values repeat: " + values);
    }
    for (String value : values) {
      String problem = param.check(value);
      if (problem != null) {
        throw node.problem("value " + value + " " + problem);
      }
    }
    return values;
  }

  private static Search search(ConfigNode node) {
    if (node == null) {
      return new Search.Grid();
    }
    String method = node.text("method", "grid");
    switch (method) {
      case "grid" -> {
        node.allowKeys("method");
        return new Search.Grid();
      }
      case "random" -> {
        node.allowKeys("method", "count", "seed");
        return new Search.Random(atLeastOne(node.get("count")), node.has("seed") ? node.get("seed").longValue() : 1);
      }
      case "adaptive" -> {
        node.allowKeys("method", "batches", "batch_size", "startup", "gamma", "candidates", "seed");
        int batches = node.has("batches") ? atLeastOne(node.get("batches")) : 10;
        int batchSize = node.has("batch_size") ? atLeastOne(node.get("batch_size")) : 50;
        int startup = node.has("startup") ? atLeastOne(node.get("startup")) : 50;
        double gamma = node.number("gamma", 0.25);
        if (!(gamma > 0 && gamma < 1)) {
          throw node.get("gamma").error("the share of trials modelled as good, in (0, 1)");
        }
        int candidates = node.has("candidates") ? atLeastOne(node.get("candidates")) : 24;
        return new Search.Adaptive(batches, batchSize, startup, gamma, candidates,
            node.has("seed") ? node.get("seed").longValue() : 1);
      }
      default -> throw node.get("method").error("grid, random or adaptive");
    }
  }

  /**
   * {@code plateau: {aggregate: mean|median|minimum, radius: K}} (a box of ±K grid steps) or {@code nearest: M}
   * (the M nearest evaluated sets); without either, {@link ParameterPlateau.Smoothing#defaultFor}.
   */
  private static ParameterPlateau.Smoothing plateau(ConfigNode node, Search search) {
    node.allowKeys("aggregate", "radius", "nearest");
    String aggregateName = node.text("aggregate", "mean");
    ParameterPlateau.Aggregate aggregate = switch (aggregateName) {
      case "mean" -> ParameterPlateau.Aggregate.MEAN;
      case "median" -> ParameterPlateau.Aggregate.MEDIAN;
      case "minimum" -> ParameterPlateau.Aggregate.MINIMUM;
      default -> throw node.get("aggregate").error("mean, median or minimum");
    };
    if (node.has("radius") && node.has("nearest")) {
      throw node.problem("give radius (a box of grid steps) or nearest (a count of sets), not both");
    }
    if (node.has("radius")) {
      return new ParameterPlateau.Smoothing(new ParameterPlateau.Neighbourhood.Box(atLeastOne(node.get("radius"))),
          aggregate);
    }
    if (node.has("nearest")) {
      return new ParameterPlateau.Smoothing(
          new ParameterPlateau.Neighbourhood.Nearest(atLeastOne(node.get("nearest"))), aggregate);
    }
    return ParameterPlateau.Smoothing.defaultFor(search instanceof Search.Grid, aggregate);
  }

  /** {@code robustness: {partitions, monte_carlo: {...}, gates: {...}, plateau: {...}}}; every key has a default. */
  private static RobustnessSettings robustness(ConfigNode node, Search search) {
    node.allowKeys("partitions", "monte_carlo", "gates", "plateau");
    RobustnessSettings defaults = RobustnessSettings.DEFAULTS;
    int partitions = node.integer("partitions", defaults.partitions());
    if (partitions < 2 || partitions % 2 != 0 || partitions > BacktestOverfitting.MAX_PARTITIONS) {
      throw node.get("partitions").error("an even number from 2 to " + BacktestOverfitting.MAX_PARTITIONS);
    }
    TradeMonteCarlo.Mode mode = defaults.monteCarloMode();
    int runs = defaults.monteCarloRuns();
    long seed = defaults.monteCarloSeed();
    double ruin = defaults.ruinFraction();
    if (node.has("monte_carlo")) {
      ConfigNode monteCarlo = node.get("monte_carlo").allowKeys("mode", "runs", "seed", "ruin_percent");
      mode = switch (monteCarlo.text("mode", "reshuffle")) {
        case "reshuffle" -> TradeMonteCarlo.Mode.RESHUFFLE;
        case "bootstrap" -> TradeMonteCarlo.Mode.BOOTSTRAP;
        default -> throw monteCarlo.get("mode").error("reshuffle or bootstrap");
      };
      runs = monteCarlo.has("runs") ? atLeastOne(monteCarlo.get("runs")) : runs;
      seed = monteCarlo.has("seed") ? monteCarlo.get("seed").longValue() : seed;
      if (monteCarlo.has("ruin_percent")) {
        ruin = monteCarlo.get("ruin_percent").number() / 100;
        if (!(ruin > 0 && ruin <= 1)) {
          throw monteCarlo.get("ruin_percent").error("the percent of the account whose loss is ruin, in (0, 100]");
        }
      }
    }
    Gates gates = node.has("gates") ? gates(node.get("gates")) : defaults.gates();
    ParameterPlateau.Smoothing plateau = node.has("plateau") ? plateau(node.get("plateau"), search) : null;
    return new RobustnessSettings(partitions, mode, runs, seed, ruin, gates, plateau);
  }

  private static Gates gates(ConfigNode node) {
    node.allowKeys("min_efficiency_percent", "distinction_efficiency_percent", "min_profitable_windows_percent",
        "distinction_profitable_windows_percent", "max_window_share_percent", "max_drawdown_percent", "max_pbo",
        "distinction_pbo", "min_deflated_sharpe");
    Gates d = Gates.DEFAULTS;
    double minEfficiency = share(node, "min_efficiency_percent", d.minEfficiency(), 100, 1000);
    double distinctionEfficiency = share(node, "distinction_efficiency_percent", d.distinctionEfficiency(), 100,
        1000);
    double minProfitable = share(node, "min_profitable_windows_percent", d.minProfitableWindows(), 100, 100);
    double distinctionProfitable = share(node, "distinction_profitable_windows_percent",
        d.distinctionProfitableWindows(), 100, 100);
    double maxShare = share(node, "max_window_share_percent", d.maxWindowShare(), 100, 100);
    double maxDrawdown = share(node, "max_drawdown_percent", d.maxDrawdownOfAccount(), 100, 100);
    double maxPbo = share(node, "max_pbo", d.maxPbo(), 1, 1);
    double distinctionPbo = share(node, "distinction_pbo", d.distinctionPbo(), 1, 1);
    double minDsr = share(node, "min_deflated_sharpe", d.minDeflatedSharpe(), 1, 1);
    if (distinctionEfficiency < minEfficiency || distinctionProfitable < minProfitable || distinctionPbo > maxPbo) {
      throw node.problem("a distinction must be at least as strict as its gate (efficiency "
          + distinctionEfficiency * 100 + "% vs " + minEfficiency * 100 + "%, profitable windows "
          + distinctionProfitable * 100 + "% vs " + minProfitable * 100 + "%, PBO " + distinctionPbo + " vs "
          + maxPbo + ")");
    }
    return new Gates(minEfficiency, distinctionEfficiency, minProfitable, distinctionProfitable, maxShare,
        maxDrawdown, maxPbo, distinctionPbo, minDsr);
  }

  /** A gate threshold given in {@code unit}s (100 for percents), between 0 and {@code max} of them, as a fraction. */
  private static double share(ConfigNode node, String key, double fallback, double unit, double max) {
    if (!node.has(key)) {
      return fallback;
    }
    double value = node.get(key).number();
    if (!(value >= 0 && value <= max)) {
      throw node.get(key).error("a number from 0 to " + (long) max);
    }
    return value / unit;
  }

  private static int atLeastOne(ConfigNode node) {
    int value = node.integer();
    if (value < 1) {
      throw node.error("a whole number >= 1");
    }
    return value;
  }

  private static Sizing sizing(ConfigNode node) {
    String method = node.get("method").text();
    switch (method) {
      case "fixed" -> {
        node.allowKeys("method", "contracts");
        int contracts = node.integer("contracts", 1);
        if (contracts < 1) {
          throw node.get("contracts").error("a whole number >= 1");
        }
        return new Sizing.Fixed(contracts);
      }
      case "fixed-fractional" -> {
        node.allowKeys("method", "risk_percent", "risk_dollars", "at_least_one");
        if (node.has("risk_percent") == node.has("risk_dollars")) {
          throw node.problem("give exactly one of risk_percent and risk_dollars");
        }
        boolean atLeastOne = node.has("at_least_one") && node.get("at_least_one").bool();
        if (node.has("risk_percent")) {
          return new Sizing.FixedFractional(percent(node.get("risk_percent")), 0, atLeastOne);
        }
        double dollars = node.get("risk_dollars").number();
        if (!(dollars > 0)) {
          throw node.get("risk_dollars").error("an amount > 0");
        }
        return new Sizing.FixedFractional(0, dollars, atLeastOne);
      }
      case "kelly" -> {
        node.allowKeys("method", "fraction", "cap_percent", "lookback_trades", "warm_up_contracts");
        double fraction = node.number("fraction", 0.5);
        if (!(fraction > 0 && fraction <= 1)) {
          throw node.get("fraction").error("a fraction of Kelly in (0, 1]");
        }
        double cap = node.has("cap_percent") ? percent(node.get("cap_percent")) : 0.25;
        int lookback = node.integer("lookback_trades", 50);
        if (lookback < 2) {
          throw node.get("lookback_trades").error("a whole number >= 2");
        }
        int warmUp = node.integer("warm_up_contracts", 1);
        if (warmUp < 0) {
          throw node.get("warm_up_contracts").error("a whole number >= 0");
        }
        return new Sizing.Kelly(fraction, cap, lookback, warmUp);
      }
      default -> throw node.get("method").error("fixed, fixed-fractional or kelly");
    }
  }

  /** The {@code risk} section; without {@code daily_loss_limit_percent}, the strategy's default percent. */
  private static RiskRules risk(ConfigNode node, double defaultLossLimitPercent) {
    node.allowKeys("max_entries", "max_contracts", "add_when", "daily_loss_limit_percent");
    int maxEntries = node.integer("max_entries", 1);
    if (maxEntries < 1) {
      throw node.get("max_entries").error("a whole number >= 1");
    }
    int maxContracts = node.integer("max_contracts", 100);
    if (maxContracts < 1) {
      throw node.get("max_contracts").error("a whole number >= 1");
    }
    AddPolicy policy = switch (node.text("add_when", "in-profit")) {
      case "in-profit" -> AddPolicy.ONLY_IN_PROFIT;
      case "always" -> AddPolicy.ALSO_AGAINST;
      default -> throw node.get("add_when").error("in-profit (never average down) or always");
    };
    double limit = node.has("daily_loss_limit_percent") ? node.get("daily_loss_limit_percent").number()
        : defaultLossLimitPercent;
    if (!(limit >= 0 && limit < 100)) {
      throw node.get("daily_loss_limit_percent").error("a percent in [0, 100); 0 = off");
    }
    return new RiskRules(maxEntries, maxContracts, policy, limit / 100);
  }

  private static WalkForwardScheme walkForward(ConfigNode node) {
    node.allowKeys("scheme", "in_sample", "out_of_sample", "warm_up", "matrix", "trials");
    boolean anchored = switch (node.text("scheme", "rolling")) {
      case "rolling" -> false;
      case "anchored" -> true;
      default -> throw node.get("scheme").error("rolling or anchored");
    };
    Period warmUp = node.has("warm_up") ? period(node.get("warm_up")) : new Period(20, Period.Unit.DAYS);
    return new WalkForwardScheme(anchored, length(node.get("in_sample"), warmUp), length(node.get("out_of_sample"),
        null), warmUp);
  }

  /**
   * {@code walk_forward.trials}: continuous (the default) or per-window. A matrix measures its cells on the same
   * continuous trials, so it goes with continuous trials only.
   */
  private static TrialSimulation trials(ConfigNode walkForward, List<WalkForwardScheme> matrix) {
    if (!walkForward.has("trials")) {
      return TrialSimulation.CONTINUOUS;
    }
    ConfigNode node = walkForward.get("trials");
    TrialSimulation trials = Arrays.stream(TrialSimulation.values()).filter(t -> t.configName().equals(node.text()))
        .findFirst().orElseThrow(() -> node.error("continuous (one simulation over the span) or per-window (each "
            + "window simulated on its own)"));
    if (trials == TrialSimulation.PER_WINDOW && !matrix.isEmpty()) {
      throw node.problem("per-window trials cannot feed walk_forward.matrix, whose cells are measured on one "
          + "continuous simulation per set; remove the matrix or use trials: continuous");
    }
    return trials;
  }

  /**
   * The walk-forward matrix ({@code walk_forward.matrix: {in_sample: [...], out_of_sample: [...]}}): one scheme per
   * pair of lengths, in-sample lengths outer, each with the main scheme's kind and warm-up; empty without a matrix.
   */
  private static List<WalkForwardScheme> matrix(ConfigNode walkForward, WalkForwardScheme main) {
    if (!walkForward.has("matrix")) {
      return List.of();
    }
    ConfigNode node = walkForward.get("matrix").allowKeys("in_sample", "out_of_sample");
    List<WalkForwardScheme> cells = new ArrayList<>();
    for (ConfigNode inSample : node.get("in_sample").list()) {
      for (ConfigNode outOfSample : node.get("out_of_sample").list()) {
        cells.add(new WalkForwardScheme(main.anchored(), length(inSample, main.warmUp()), length(outOfSample, null),
            main.warmUp()));
      }
    }
    if (new LinkedHashSet<>(cells).size() != cells.size()) {
      throw node.problem("lengths repeat; each in-sample and out-of-sample length once");
    }
    return cells;
  }

  /** A window length of at least a day, and at least {@code warmUp} when given (an in-sample length). */
  private static Period length(ConfigNode node, Period warmUp) {
    Period length = period(node);
    if (length.amount() < 1) {
      throw node.error("a length of at least 1 day or month");
    }
    if (warmUp != null && length.approximateTradingDays() < warmUp.approximateTradingDays()) {
      throw node.problem(length + " is shorter than the warm-up (" + warmUp + "): the indicators would not be ready "
          + "for most of the in-sample window; lengthen in_sample or shorten warm_up");
    }
    return length;
  }

  private static Period period(ConfigNode node) {
    return Period.parse(node.text(), node.where());
  }

  private static BigDecimal decimal(ConfigNode node) {
    try {
      return new BigDecimal(node.text());
    } catch (NumberFormatException e) {
      throw node.error("a number");
    }
  }

  private static double nonNegative(ConfigNode node) {
    double value = node.number();
    if (!(value >= 0)) {
      throw node.error("an amount >= 0");
    }
    return value;
  }

  private static double percent(ConfigNode node) {
    double value = node.number();
    if (!(value > 0 && value < 100)) {
      throw node.error("a percent in (0, 100)");
    }
    return value / 100;
  }

  /** A path the study gives at {@code node}, checked against {@code roots} unless they are null. */
  private static String location(ConfigNode node, PathRoots roots) {
    return roots == null ? node.text() : roots.require(node.text(), node.where());
  }

  private static Path directoryOf(String fileName) {
    Path parent = Path.of(fileName).toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  private static String stem(String fileName) {
    String base = Path.of(fileName).getFileName().toString();
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }
}
