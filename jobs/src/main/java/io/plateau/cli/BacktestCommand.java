package io.plateau.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plateau.bar.BarSeries;
import io.plateau.data.BarStore;
import io.plateau.exec.AddPolicy;
import io.plateau.exec.CostModel;
import io.plateau.exec.DailyEquity;
import io.plateau.exec.FillTiming;
import io.plateau.exec.RiskRules;
import io.plateau.exec.SimulationResult;
import io.plateau.exec.Simulator;
import io.plateau.exec.Sizing;
import io.plateau.exec.TradeLog;
import io.plateau.indicator.IndicatorCache;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.metrics.Metrics;
import io.plateau.metrics.PerformanceSummary;
import io.plateau.metrics.PeriodProfit;
import io.plateau.metrics.TradeStats;
import io.plateau.param.Constraint;
import io.plateau.param.ParameterSpace;
import io.plateau.strategy.Strategies;
import io.plateau.strategy.Strategy;
import io.plateau.strategy.StrategyDefinition;
import io.plateau.strategy.StrategySpec;
import io.plateau.study.Study;
import io.plateau.study.StudyBars;
import io.plateau.study.StudyReader;
import io.plateau.util.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plateau backtest}: one strategy, one parameter set, one series: trades, daily equity and statistics. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Backtests one strategy setting and writes trades.csv, equity.csv and summary.json.")
final class BacktestCommand implements Callable<Integer> {

  /** The options {@code --study} replaces: giving one of them with it is an error. */
  private static final List<String> REPLACED_BY_STUDY = List.of("--strategy", "--bars", "--instrument", "--start",
      "--end", "--bar-size", "--fill", "--commission", "--slippage-ticks", "--capital", "--contracts",
      "--risk-percent", "--max-contracts", "--max-entries", "--add-when", "--daily-loss-limit");

  @Mixin
  private BarOptions barOptions;

  @Option(names = "--study", paramLabel = "FILE",
      description = "Run a study's strategy (conf/studies/*.yaml) with its bars (store, dates, bar size, session; "
          + "its first symbol unless --symbol names another of them), costs, capital, sizing, risk rules and fill "
          + "timing, instead of --strategy and the bar, cost, sizing and risk options. Each parameter takes its "
          + "--param value if given, else the study's value when its axis has one value, else the strategy's "
          + "default when it is one of the axis's values, else the axis's first value.")
  private Path studyFile;

  @Option(names = "--strategy", paramLabel = "NAME",
      description = "The strategy, e.g. sma-cross (required unless --study).")
  private String strategy;

  @Option(names = "--param", paramLabel = "K=V", description = "Repeatable: a strategy parameter, e.g. fast=50.")
  private Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--fill", defaultValue = "next-open", paramLabel = "next-open|close",
      description = "When market orders fill: the next bar's open (default) or the deciding bar's close.")
  private String fill;

  @Option(names = "--commission", paramLabel = "DOLLARS",
      description = "Commission plus fees per contract per side (default: the catalog's).")
  private Double commission;

  @Option(names = "--slippage-ticks", defaultValue = "1", paramLabel = "N",
      description = "Adverse ticks on market and stop fills (default: ${DEFAULT-VALUE}).")
  private int slippageTicks;

  @Option(names = "--capital", defaultValue = "25000", paramLabel = "DOLLARS",
      description = "Starting account equity (default: ${DEFAULT-VALUE}).")
  private double capital;

  @Option(names = "--contracts", defaultValue = "1", paramLabel = "N",
      description = "Fixed contracts per entry (default: ${DEFAULT-VALUE}), unless --risk-percent is given.")
  private int contracts;

  @Option(names = "--risk-percent", paramLabel = "PCT",
      description = "Fixed-fractional sizing: risk this percent of equity per entry over its protective stop.")
  private Double riskPercent;

  @Option(names = "--max-contracts", defaultValue = "100", paramLabel = "N",
      description = "Most contracts a position may hold (default: ${DEFAULT-VALUE}).")
  private int maxContracts;

  @Option(names = "--max-entries", defaultValue = "1", paramLabel = "N",
      description = "Most entries (scale-ins) a position may have (default: ${DEFAULT-VALUE}).")
  private int maxEntries;

  @Option(names = "--add-when", defaultValue = "in-profit", paramLabel = "in-profit|always",
      description = "Whether adds need an open profit (default: ${DEFAULT-VALUE}, never average down).")
  private String addWhen;

  @Option(names = "--daily-loss-limit", paramLabel = "PCT",
      description = "Flat and disabled for the session after losing this percent of its starting equity; 0 = off "
          + "(default: the strategy's: 1.5 for orb, vwap-reversion, delta-divergence and multi-alpha, seed 001's "
          + "rule; else 0).")
  private Double dailyLossLimitPercent;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write.")
  private Path out;

  @Mixin
  private CatalogOptions catalogOptions;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    InstrumentCatalog catalog = catalogOptions.catalog();
    Setup setup = studyFile != null ? fromStudy(catalog) : fromOptions(catalog);
    StrategyDefinition definition = setup.definition();
    StrategySpec strategySpec = setup.strategySpec();
    BarSeries bars = setup.bars();
    CostModel costs = setup.costs();
    Strategy kernel = definition.compile(strategySpec, bars, new IndicatorCache(bars));
    SimulationResult result = new Simulator(bars, costs, setup.sizing(), setup.risk(), setup.capital(),
        setup.timing()).run(kernel);
    PerformanceSummary summary = Metrics.summarize(result);
    Map<String, TradeStats> byModel = TradeStats.byModel(result.trades(), kernel.models());
    Map<Integer, TradeStats> byEntry = TradeStats.byEntryNumber(result.trades());
    write(setup, summary, result, kernel.models(), byModel, byEntry);
    print(strategySpec, bars, summary, byModel, byEntry);
    return PlateauCli.EXIT_OK;
  }

  /** Everything a run needs besides the output: from the options, or from a study file. */
  private record Setup(StrategyDefinition definition, StrategySpec strategySpec, BarSeries bars, CostModel costs,
      Sizing sizing, RiskRules risk, double capital, FillTiming timing) {}

  private Setup fromOptions(InstrumentCatalog catalog) {
    if (strategy == null) {
      throw new InputException("missing --strategy NAME (with --bars and --param K=V ...), or --study FILE");
    }
    StrategyDefinition definition = Strategies.get(strategy);
    StrategySpec strategySpec = definition.spec(params);
    BarSeries bars = barOptions.load(catalog);
    Instrument instrument = bars.instrument();
    CostModel costs = costs(instrument);
    Sizing sizing = sizing();
    RiskRules risk = riskRules(definition);
    FillTiming timing = switch (fill) {
      case "next-open" -> FillTiming.NEXT_OPEN;
      case "close" -> FillTiming.SAME_CLOSE;
      default -> throw new InputException("--fill " + fill + ": expected next-open or close");
    };
    if (!(capital > 0)) {
      throw new InputException("--capital must be > 0, was " + capital);
    }
    return new Setup(definition, strategySpec, bars, costs, sizing, risk, capital, timing);
  }

  /**
   * The run a study file describes: its strategy with one parameter set ({@link ParameterSpace#singleRun}), one of
   * its symbols' bars loaded as {@code optimize} loads them, its costs, capital, sizing, risk rules and fill timing.
   */
  private Setup fromStudy(InstrumentCatalog catalog) {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    List<String> clashing = parsed.matchedOptions().stream().map(CommandLine.Model.OptionSpec::longestName)
        .filter(REPLACED_BY_STUDY::contains).distinct().toList();
    if (!clashing.isEmpty()) {
      throw new InputException("--study " + studyFile + " cannot be combined with " + String.join(", ", clashing)
          + ": the study sets the strategy, bars, costs, capital, sizing, risk rules and fill timing; change "
          + "parameters with --param K=V, choose one of its symbols with --symbol, or edit a copy of the study");
    }
    Study study = StudyReader.read(studyFile);
    String symbol = barOptions.symbol() != null ? barOptions.symbol() : study.symbols().get(0);
    if (!study.symbols().contains(symbol)) {
      throw new InputException("--symbol " + symbol + ": not a symbol of " + studyFile + ", whose bars.symbols are "
          + study.symbols());
    }
    ParameterSpace space = study.space();
    StrategyDefinition definition = space.strategy();
    Map<String, ParameterSpace.SingleRunValue> chosen = space.singleRun(params);
    Map<String, String> values = new LinkedHashMap<>();
    chosen.forEach((name, value) -> values.put(name, value.value()));
    StrategySpec strategySpec = definition.spec(values);
    for (Constraint constraint : space.constraints()) {
      if (!constraint.holds(values)) {
        throw new InputException(studyFile + ": strategy.constraints: '" + constraint.text() + "' does not hold for "
            + strategySpec + "; give values that satisfy it with --param");
      }
    }
    // Bars as optimize's executors load them; a problem with the store or the range names the study file.
    List<String> held;
    BarSeries bars;
    try {
      held = BarStore.open(study.store(), catalog).symbols();
      bars = held.contains(symbol) ? StudyBars.load(study, symbol, catalog) : null;
    } catch (InputException e) {
      throw new InputException(studyFile + ": bars: " + e.getMessage(), e);
    }
    if (bars == null) {
      throw new InputException(studyFile + ": bars.store " + study.store() + " has no " + symbol + " bars"
          + (held.isEmpty() ? " (it is not a bar store yet: scripts/plateau generate or ingest makes one)"
              : "; it holds " + held));
    }
    // write() records the fill timing by its option name.
    fill = study.fill() == FillTiming.NEXT_OPEN ? "next-open" : "close";
    printChoices(study, symbol, chosen);
    return new Setup(definition, strategySpec, bars, study.costs(bars.instrument()), study.sizing(), study.risk(),
        study.capital(), study.fill());
  }

  /** One line per origin of the study's parameter values, so that a reader sees which rule chose each. */
  private void printChoices(Study study, String symbol, Map<String, ParameterSpace.SingleRunValue> chosen) {
    PrintWriter console = spec.commandLine().getOut();
    console.printf(Locale.ROOT, "study %s (%s): %s %s %s bars, %s .. %s%n", study.name(), studyFile, symbol,
        study.barSize(), study.session().name().toLowerCase(Locale.ROOT), study.start(),
        study.end().equals(Study.LATEST) ? Study.LATEST_KEYWORD : study.end());
    Map<ParameterSpace.Origin, String> labels = Map.of(ParameterSpace.Origin.GIVEN, "--param",
        ParameterSpace.Origin.STUDY, "the study's single value", ParameterSpace.Origin.DEFAULT,
        "the strategy's default (on the axis)", ParameterSpace.Origin.FIRST_OF_AXIS,
        "the axis's first value (default not on the axis)");
    for (ParameterSpace.Origin origin : ParameterSpace.Origin.values()) {
      StringBuilder line = new StringBuilder();
      chosen.forEach((name, value) -> {
        if (value.origin() == origin) {
          line.append(line.length() == 0 ? "" : ", ").append(name).append('=').append(value.value());
        }
      });
      if (line.length() > 0) {
        console.printf(Locale.ROOT, "  %s: %s%n", labels.get(origin), line);
      }
    }
    console.flush();
  }

  private CostModel costs(Instrument instrument) {
    if (slippageTicks < 0) {
      throw new InputException("--slippage-ticks must be >= 0, was " + slippageTicks);
    }
    CostModel costs = CostModel.of(instrument).withSlippageTicks(slippageTicks);
    if (commission != null) {
      if (!(commission >= 0)) {
        throw new InputException("--commission must be >= 0, was " + commission);
      }
      // The option is the whole per-side cost: commission and fees together.
      costs = new CostModel(commission, 0, slippageTicks, costs.limitThroughTicks());
    }
    return costs;
  }

  private Sizing sizing() {
    if (riskPercent != null) {
      if (!(riskPercent > 0 && riskPercent < 100)) {
        throw new InputException("--risk-percent must be in (0, 100), was " + riskPercent);
      }
      return new Sizing.FixedFractional(riskPercent / 100, 0, false);
    }
    if (contracts < 1) {
      throw new InputException("--contracts must be >= 1, was " + contracts);
    }
    return new Sizing.Fixed(contracts);
  }

  private RiskRules riskRules(StrategyDefinition definition) {
    double lossLimitPercent = dailyLossLimitPercent != null ? dailyLossLimitPercent
        : definition.defaultDailyLossLimitPercent();
    if (maxContracts < 1 || maxEntries < 1) {
      throw new InputException("--max-contracts and --max-entries must be >= 1, were " + maxContracts + " and "
          + maxEntries);
    }
    if (!(lossLimitPercent >= 0 && lossLimitPercent < 100)) {
      throw new InputException("--daily-loss-limit must be in [0, 100), was " + lossLimitPercent);
    }
    AddPolicy policy = switch (addWhen) {
      case "in-profit" -> AddPolicy.ONLY_IN_PROFIT;
      case "always" -> AddPolicy.ALSO_AGAINST;
      default -> throw new InputException("--add-when " + addWhen + ": expected in-profit or always");
    };
    return new RiskRules(maxEntries, maxContracts, policy, lossLimitPercent / 100);
  }

  /** Writes the three files into a staging directory beside {@code out}, then moves it into place. */
  private void write(Setup setup, PerformanceSummary summary, SimulationResult result, List<String> models,
      Map<String, TradeStats> byModel, Map<Integer, TradeStats> byEntry) throws IOException {
    BarSeries bars = setup.bars();
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".staging");
    try {
      writeTrades(staging.resolve("trades.csv"), result.trades(), models);
      writeEquity(staging.resolve("equity.csv"), result.equity());
      Map<String, Object> document = new LinkedHashMap<>();
      if (studyFile != null) {
        document.put("study", studyFile.toAbsolutePath().toString());
      }
      document.put("strategy", setup.strategySpec().name());
      document.put("params", setup.strategySpec().params());
      document.put("symbol", bars.symbol());
      document.put("bar_interval", bars.interval().toString());
      document.put("first_bar", Instant.ofEpochMilli(bars.startMillis(0)).toString());
      document.put("last_bar", Instant.ofEpochMilli(bars.startMillis(bars.size() - 1)).toString());
      document.put("fill", fill);
      document.put("costs", setup.costs());
      document.put("capital", setup.capital());
      document.put("sizing", Map.of(setup.sizing().getClass().getSimpleName(), setup.sizing()));
      document.put("risk", setup.risk());
      document.put("summary", summary);
      if (!models.isEmpty()) {
        document.put("by_model", byModel);
      }
      document.put("by_entry", byEntry);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .writeValue(staging.resolve("summary.json").toFile(), document);
      replace(staging, target);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
  }

  /** One row per closed entry; {@code model} is the alpha model's label (empty for a strategy of one model). */
  private static void writeTrades(Path file, TradeLog trades, List<String> models) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write("entry_time,exit_time,side,contracts,entry_price,exit_price,net_pnl,gross_pnl,commission_fees,"
          + "slippage_cost,mae,mfe,model,entry\n");
      for (int i = 0; i < trades.size(); i++) {
        writer.write(String.join(",", Instant.ofEpochMilli(trades.entryTimeMillis(i)).toString(),
            Instant.ofEpochMilli(trades.exitTimeMillis(i)).toString(), trades.side(i) > 0 ? "long" : "short",
            Integer.toString(trades.contracts(i)), Double.toString(trades.entryPrice(i)),
            Double.toString(trades.exitPrice(i)), money(trades.netPnl(i)), money(trades.grossPnl(i)),
            money(trades.commissionAndFees(i)), money(trades.slippageCost(i)), money(trades.mae(i)),
            money(trades.mfe(i)), models.isEmpty() ? "" : models.get(trades.model(i)),
            Integer.toString(trades.entryNumber(i))));
        writer.write('\n');
      }
    }
  }

  private static void writeEquity(Path file, DailyEquity equity) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write("date,equity,daily_pnl\n");
      double previous = equity.startingCapital();
      for (int i = 0; i < equity.size(); i++) {
        writer.write(equity.date(i) + "," + money(equity.equity(i)) + "," + money(equity.equity(i) - previous) + "\n");
        previous = equity.equity(i);
      }
    }
  }

  private static String money(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static void replace(Path staging, Path target) throws IOException {
    if (Files.exists(target)) {
      Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } else {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private void print(StrategySpec strategySpec, BarSeries bars, PerformanceSummary s, Map<String, TradeStats> byModel,
      Map<Integer, TradeStats> byEntry) {
    PrintWriter console = spec.commandLine().getOut();
    console.printf(Locale.ROOT, "%s on %s %s, %s .. %s (%,d bars)%n", strategySpec, bars.symbol(), bars.interval(),
        Instant.ofEpochMilli(bars.startMillis(0)), Instant.ofEpochMilli(bars.startMillis(bars.size() - 1)),
        bars.size());
    console.printf(Locale.ROOT, "  trades %d, win rate %.1f%%, profit factor %.2f, net profit $%,.2f, "
            + "expectancy $%,.2f/trade%n", s.tradeCount(), s.winRatePercent(), s.profitFactor(), s.netProfit(),
        s.expectancyPerTrade());
    console.printf(Locale.ROOT, "  equity $%,.2f -> $%,.2f, CAGR %.2f%%, max drawdown $%,.2f (%.2f%%) daily, "
            + "$%,.2f bar by bar, Sharpe %.2f, Sortino %.2f, MAR %.2f%n", s.startingCapital(), s.endingEquity(),
        s.cagrPercent(), s.maxDrawdown(), s.maxDrawdownPercent(), s.maxBarDrawdown(), s.sharpe(), s.sortino(),
        s.mar());
    List<PeriodProfit> periods = s.periods();
    StringBuilder years = new StringBuilder("  net profit by period:");
    for (PeriodProfit period : periods) {
      years.append(String.format(Locale.ROOT, " %s $%,.0f (%.1f%%)", period.period(), period.netProfit(),
          period.returnPercent()));
    }
    console.println(years);
    if (!byModel.isEmpty()) {
      console.println("  by model:");
      byModel.forEach((model, stats) -> printGroup(console, model, stats));
    }
    if (byEntry.size() > 1) {
      console.println("  by entry number:");
      byEntry.forEach((entry, stats) -> printGroup(console, "#" + entry, stats));
    }
    console.println("  written: " + out.toAbsolutePath() + "/{trades.csv, equity.csv, summary.json}");
    console.flush();
  }

  private static void printGroup(PrintWriter console, String group, TradeStats stats) {
    console.printf(Locale.ROOT, "    %-8s trades %5d, win rate %5.1f%%, net $%,11.2f, expectancy $%,8.2f/trade "
            + "$%,8.2f/contract, profit factor %.2f%n", group, stats.tradeCount(), 100 * stats.winRate(),
        stats.netProfit(), stats.expectancyPerTrade(), stats.expectancyPerContract(), stats.profitFactor());
  }
}
