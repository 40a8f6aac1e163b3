package io.plateau.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plateau.bar.BarSeries;
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
import io.plateau.strategy.Strategies;
import io.plateau.strategy.Strategy;
import io.plateau.strategy.StrategyDefinition;
import io.plateau.strategy.StrategySpec;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plateau backtest}: one strategy, one parameter set, one series: trades, daily equity and statistics. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Backtests one strategy setting and writes trades.csv, equity.csv and summary.json.")
final class BacktestCommand implements Callable<Integer> {

  @Mixin
  private BarOptions barOptions;

  @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "The strategy, e.g. sma-cross.")
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

  @Option(names = "--daily-loss-limit", defaultValue = "0", paramLabel = "PCT",
      description = "Flat and disabled for the session after losing this percent of its starting equity; 0 = off.")
  private double dailyLossLimitPercent;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write.")
  private Path out;

  @Mixin
  private CatalogOptions catalogOptions;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    StrategyDefinition definition = Strategies.get(strategy);
    StrategySpec strategySpec = definition.spec(params);
    InstrumentCatalog catalog = catalogOptions.catalog();
    BarSeries bars = barOptions.load(catalog);
    Instrument instrument = bars.instrument();
    CostModel costs = costs(instrument);
    Sizing sizing = sizing();
    RiskRules risk = riskRules();
    FillTiming timing = switch (fill) {
      case "next-open" -> FillTiming.NEXT_OPEN;
      case "close" -> FillTiming.SAME_CLOSE;
      default -> throw new InputException("--fill " + fill + ": expected next-open or close");
    };
    if (!(capital > 0)) {
      throw new InputException("--capital must be > 0, was " + capital);
    }
    Strategy kernel = definition.compile(strategySpec, bars, new IndicatorCache(bars));
    SimulationResult result = new Simulator(bars, costs, sizing, risk, capital, timing).run(kernel);
    PerformanceSummary summary = Metrics.summarize(result);
    Map<String, TradeStats> byModel = TradeStats.byModel(result.trades(), kernel.models());
    Map<Integer, TradeStats> byEntry = TradeStats.byEntryNumber(result.trades());
    write(strategySpec, bars, costs, summary, result, kernel.models(), byModel, byEntry);
    print(strategySpec, bars, summary, byModel, byEntry);
    return PlateauCli.EXIT_OK;
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

  private RiskRules riskRules() {
    if (maxContracts < 1 || maxEntries < 1) {
      throw new InputException("--max-contracts and --max-entries must be >= 1, were " + maxContracts + " and "
          + maxEntries);
    }
    if (!(dailyLossLimitPercent >= 0 && dailyLossLimitPercent < 100)) {
      throw new InputException("--daily-loss-limit must be in [0, 100), was " + dailyLossLimitPercent);
    }
    AddPolicy policy = switch (addWhen) {
      case "in-profit" -> AddPolicy.ONLY_IN_PROFIT;
      case "always" -> AddPolicy.ALSO_AGAINST;
      default -> throw new InputException("--add-when " + addWhen + ": expected in-profit or always");
    };
    return new RiskRules(maxEntries, maxContracts, policy, dailyLossLimitPercent / 100);
  }

  /** Writes the three files into a staging directory beside {@code out}, then moves it into place. */
  private void write(StrategySpec strategySpec, BarSeries bars, CostModel costs, PerformanceSummary summary,
      SimulationResult result, List<String> models, Map<String, TradeStats> byModel,
      Map<Integer, TradeStats> byEntry) throws IOException {
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".staging");
    try {
      writeTrades(staging.resolve("trades.csv"), result.trades(), models);
      writeEquity(staging.resolve("equity.csv"), result.equity());
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("strategy", strategySpec.name());
      document.put("params", strategySpec.params());
      document.put("symbol", bars.symbol());
      document.put("bar_interval", bars.interval().toString());
      document.put("first_bar", Instant.ofEpochMilli(bars.startMillis(0)).toString());
      document.put("last_bar", Instant.ofEpochMilli(bars.startMillis(bars.size() - 1)).toString());
      document.put("fill", fill);
      document.put("costs", costs);
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
