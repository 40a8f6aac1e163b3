package io.plateau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end, in process: exit codes, messages, and what lands in the store. */
class PlateauCliTest {

  @TempDir
  Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run plateau(String... args) {
    CommandLine commandLine = PlateauCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String store() {
    return dir.resolve("bars").toString();
  }

  @Test
  void generateIsDeterministicIdempotentAndRefusesToOverwriteOtherBars() throws IOException {
    String[] week = {"generate", "--symbols", "MES,M2K", "--start", "2024-03-04", "--end", "2024-03-08", "--out",
        store(), "--seed", "7"};
    Run first = plateau(week);
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("generated MES 2024-03-04..2024-03-08: 6,900 bars"), first.out());
    Map<String, Long> files = listing();

    Run again = plateau(week);
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("(0 new)"), again.out());
    assertEquals(files, listing(), "the same generate twice changes no file");

    String[] otherSeed = week.clone();
    otherSeed[otherSeed.length - 1] = "8";
    Run refused = plateau(otherSeed);
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("--replace"), refused.err());
    assertEquals(files, listing(), "a refused generate leaves the store as it was");

    String[] replace = java.util.Arrays.copyOf(otherSeed, otherSeed.length + 1);
    replace[replace.length - 1] = "--replace";
    assertEquals(0, plateau(replace).exitCode());
    assertFalse(files.equals(listing()));
  }

  @Test
  void inspectShowsSpanYearsAndRolls() {
    assertEquals(0, plateau("generate", "--symbols", "MES", "--start", "2024-03-04", "--end", "2024-03-15",
        "--out", store()).exitCode());
    Run inspect = plateau("inspect", store());
    assertEquals(0, inspect.exitCode(), inspect.err());
    assertTrue(inspect.out().contains("MES  1m bars, synthetic, 13,800 bars"), inspect.out());
    assertTrue(inspect.out().contains("roll dates: 1: 2024-03-07 MESH24->MESM24"), inspect.out());
    assertTrue(inspect.out().contains("missing sessions (scheduled trading dates without bars): 0"), inspect.out());
    Run json = plateau("inspect", store(), "--json");
    assertTrue(json.out().contains("\"bars_per_year\"") || json.out().contains("\"barsPerYear\""), json.out());
  }

  @Test
  void ingestQuarantinesBadRowsAndFailModeLeavesTheStoreUntouched() throws IOException {
    Path csv = Files.writeString(dir.resolve("mes.csv"), """
        timestamp,open,high,low,close,volume
        2024-03-11T14:30:00Z,5100.00,5101.00,5099.75,5100.50,120
        2024-03-11T14:31:00Z,5100.50,5100.25,5101.00,5100.75,80
        2024-03-11T14:32:00Z,5100.75,5101.25,5100.50,5101.00,95
        """);
    Path reports = dir.resolve("report");
    Run failed = plateau("ingest", "--format", "generic", "--symbol", "MES", "--input", csv.toString(), "--out",
        store(), "--on-error", "fail", "--report", reports.toString());
    assertEquals(2, failed.exitCode());
    assertTrue(failed.err().contains("mes.csv:3"), failed.err());
    assertFalse(Files.exists(dir.resolve("bars").resolve("symbol=MES")), "fail mode: store untouched");

    Run kept = plateau("ingest", "--format", "generic", "--symbol", "MES", "--input", csv.toString(), "--out",
        store(), "--report", reports.toString());
    assertEquals(0, kept.exitCode(), kept.err());
    assertTrue(kept.out().contains("MES 2 bars offered, 2 added"), kept.out());
    String quarantine = Files.readString(reports.resolve("quarantine.csv"));
    assertTrue(quarantine.contains("mes.csv,3,high_below_low"), quarantine);
    assertTrue(Files.exists(reports.resolve("ingest-report.json")));
  }

  @Test
  void badInputExitsWithCodeTwoAndSaysWhatIsWrong() throws IOException {
    Run unknownSymbol = plateau("generate", "--symbols", "XYZ", "--start", "2024-03-04", "--end", "2024-03-08",
        "--out", store());
    assertEquals(2, unknownSymbol.exitCode());
    assertTrue(unknownSymbol.err().contains("unknown symbol 'XYZ'"), unknownSymbol.err());

    Run badDate = plateau("generate", "--symbols", "MES", "--start", "2024-13-04", "--end", "2024-03-08",
        "--out", store());
    assertEquals(2, badDate.exitCode());
    assertTrue(badDate.err().contains("--start"), badDate.err());

    Run badFormat = plateau("ingest", "--format", "csv", "--symbol", "MES", "--input", dir.toString(), "--out",
        store());
    assertEquals(2, badFormat.exitCode());
    assertTrue(badFormat.err().contains("generic"), "lists the allowed formats: " + badFormat.err());
    assertFalse(Files.exists(Path.of("ingest-reports")), "a refused ingest leaves no report directory behind");

    Path instruments = Files.writeString(dir.resolve("mine.yaml"), "instruments:\n  CL:\n    multiplier: 1000\n");
    Run badCatalog = plateau("inspect", store(), "--instruments", instruments.toString());
    assertEquals(2, badCatalog.exitCode());
    assertTrue(badCatalog.err().contains("mine.yaml") && badCatalog.err().contains("instruments.CL"),
        badCatalog.err());

    assertEquals(2, plateau("inspect", dir.resolve("nothing").toString()).exitCode());
    assertEquals(2, plateau("frobnicate").exitCode());
  }

  @Test
  void indicatorsOverAStoreAndOverACsvFile() throws IOException {
    assertEquals(0, plateau("generate", "--symbols", "MES", "--start", "2024-03-04", "--end", "2024-03-08",
        "--out", store()).exitCode());
    Path csv = dir.resolve("ind.csv");
    Run fromStore = plateau("indicators", "--bars", store(), "--bar-size", "1d-rth", "--indicator", "sma:2",
        "--indicator", "bbands:2:1", "--out", csv.toString());
    assertEquals(0, fromStore.exitCode(), fromStore.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("timestamp,sma_2,bb_middle_2_1,bb_upper_2_1,bb_lower_2_1", lines.get(0));
    assertEquals(6, lines.size(), "header and five regular sessions");
    assertTrue(lines.get(1).startsWith("2024-03-04T14:30:00Z,,"), "not available before the window fills: "
        + lines.get(1));
    String[] second = lines.get(2).split(",");
    assertEquals(Double.parseDouble(second[1]), Double.parseDouble(second[2]), 1e-9, "SMA is the middle band");

    Path bars = Files.writeString(dir.resolve("daily.csv"), String.join("\n",
        "timestamp,open,high,low,close,volume",
        "2024-03-04,2050.0,2061.0,2049.5,2060.0,1000",
        "2024-03-05,2060.0,2070.0,2055.0,2058.5,1200",
        "2024-03-06,2058.5,2066.0,2050.0,2064.5,900", ""));
    Run fromCsv = plateau("indicators", "--bars", bars.toString(), "--instrument", "M2K", "--indicator", "sma:2",
        "--out", csv.toString());
    assertEquals(0, fromCsv.exitCode(), fromCsv.err());
    // (2058.5 + 2064.5) / 2 on the daily bar of 2024-03-06, stamped at its session open, 17:00 CT the day before.
    assertEquals("2024-03-05T23:00:00Z,2061.5", Files.readAllLines(csv).get(3));

    Run noInstrument = plateau("indicators", "--bars", bars.toString(), "--indicator", "sma:2", "--out",
        csv.toString());
    assertEquals(2, noInstrument.exitCode());
    assertTrue(noInstrument.err().contains("--instrument"), noInstrument.err());
  }

  @Test
  void aTruncatedBarFileExitsTwoNamingIt() throws IOException {
    assertEquals(0, plateau("generate", "--symbols", "MES", "--start", "2024-03-04", "--end", "2024-03-08",
        "--out", store()).exitCode());
    Path file;
    try (Stream<Path> files = Files.walk(dir.resolve("bars/symbol=MES/year=2024"))) {
      file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 1000));
    Run truncated = plateau("indicators", "--bars", store(), "--indicator", "sma:2", "--out",
        dir.resolve("ind.csv").toString());
    assertEquals(2, truncated.exitCode(), truncated.err());
    assertTrue(truncated.err().contains(file.getFileName() + ": cannot read its bars, the file is truncated or "
        + "corrupt"), truncated.err());
  }

  @Test
  void backtestWritesTradesEquityAndSummaryAndRejectsBadParameters() throws IOException {
    assertEquals(0, plateau("generate", "--symbols", "MES", "--start", "2024-03-04", "--end", "2024-03-08",
        "--out", store()).exitCode());
    Path out = dir.resolve("bt");
    Run run = plateau("backtest", "--bars", store(), "--bar-size", "5m", "--strategy", "sma-cross", "--param",
        "fast=5", "--param", "slow=20", "--param", "direction=both", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("sma-cross"), run.out());
    List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
    assertTrue(trades.get(0).startsWith("entry_time,exit_time,side,contracts,entry_price,exit_price,net_pnl"));
    assertTrue(trades.size() > 5, "a fast 5/20 cross trades often on a week of 5-minute bars: " + trades.size());
    List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
    assertEquals("date,equity,daily_pnl", equity.get(0));
    assertEquals(6, equity.size(), "five trading dates");
    String summary = Files.readString(out.resolve("summary.json"));
    assertTrue(summary.contains("\"trade_count\"") && summary.contains("\"max_drawdown_percent\""), summary);

    Run unknown = plateau("backtest", "--bars", store(), "--strategy", "nope", "--out", out.toString());
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("sma-cross"), "lists the known strategies: " + unknown.err());
    Run constraint = plateau("backtest", "--bars", store(), "--strategy", "sma-cross", "--param", "fast=30",
        "--param", "slow=20", "--out", out.toString());
    assertEquals(2, constraint.exitCode());
    assertTrue(constraint.err().contains("fast must be below slow"), constraint.err());
    Run badValue = plateau("backtest", "--bars", store(), "--strategy", "sma-cross", "--param", "fast=x",
        "--out", out.toString());
    assertEquals(2, badValue.exitCode());
    assertTrue(badValue.err().contains("fast=x"), badValue.err());
    assertTrue(Files.exists(out.resolve("summary.json")), "a failed run leaves the previous result in place");
  }

  /**
   * A study over the temporary store: delta-divergence (trades a few times a day) on a week of regular-hours MES
   * bars. Its axes exercise each rule of a single run's values (see backtestWithAStudy...).
   */
  private Path writeStudy() throws IOException {
    Path file = dir.resolve("week.yaml");
    Files.writeString(file, String.join("\n",
        "name: week",
        "bars: {store: '" + store() + "', symbols: [MES, M2K], start: 2024-03-04, end: 2024-03-08, bar_size: 1m,",
        "       session: regular}",
        "strategy:",
        "  name: delta-divergence",
        "  params:",
        "    lookback: [10, 20, 30]",
        "    target_ticks: [6, 12]",
        "    stop_ticks: 4",
        "    max_trades_per_day: [1, 2]",
        "  constraints: ['stop_ticks < target_ticks']",
        "costs: {commission_per_side: 0.5, slippage_ticks: 1}",
        "account: {capital: 10000}",
        "sizing: {method: fixed, contracts: 2}",
        "risk: {daily_loss_limit_percent: 1.5}",
        "walk_forward: {in_sample: 3 days, out_of_sample: 1 days, warm_up: 1 days}",
        ""));
    return file;
  }

  @Test
  void backtestWithAStudyTakesItsBarsCostsSizingAndChoosesEachParameterByTheRule() throws IOException {
    assertEquals(0, plateau("generate", "--symbols", "MES", "--start", "2024-03-01", "--end", "2024-03-11",
        "--out", store()).exitCode());
    Path study = writeStudy();
    Path out = dir.resolve("bt");
    Run run = plateau("backtest", "--study", study.toString(), "--param", "max_trades_per_day=5", "--out",
        out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("--param: max_trades_per_day=5"), run.out());
    assertTrue(run.out().contains("the axis's first value (default not on the axis): target_ticks=6"), run.out());

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    JsonNode params = summary.get("params");
    assertEquals("20", params.get("lookback").asText(), "the default 20 is on the axis [10, 20, 30]");
    assertEquals("6", params.get("target_ticks").asText(), "the default 8 is not on [6, 12]: the first value");
    assertEquals("4", params.get("stop_ticks").asText(), "the study's single value, not the default 5");
    assertEquals("5", params.get("max_trades_per_day").asText(), "--param wins, even off the axis [1, 2]");
    assertEquals("both", params.get("direction").asText(), "left out of the study: the strategy's default");
    assertEquals("MES", summary.get("symbol").asText(), "the study's first symbol");
    assertEquals("2024-03-04T14:30:00Z", summary.get("first_bar").asText(), "the study's dates, regular hours");
    assertEquals(0.5, summary.get("costs").get("commission_per_side").asDouble());
    assertEquals(10_000, summary.get("summary").get("starting_capital").asDouble());
    assertEquals(study.toAbsolutePath().toString(), summary.get("study").asText());
    assertEquals(2, summary.get("sizing").get("Fixed").get("contracts_per_entry").asInt());
    assertEquals(0.015, summary.get("risk").get("daily_loss_limit_fraction").asDouble());
    int trades = summary.get("summary").get("trade_count").asInt();
    assertTrue(trades >= 5, "delta-divergence trades a few times a day: " + trades);
    List<String> lines = Files.readAllLines(out.resolve("trades.csv"));
    assertEquals(trades + 1, lines.size());
    assertTrue(lines.stream().skip(1).allMatch(line -> line.split(",")[3].equals("2")), "the study's 2 contracts");

    assertEquals(trades, summary.get("by_entry").get("1").get("trade_count").asInt(), "one entry at a time");
    assertTrue(!summary.has("by_model"), "a strategy of one model");

    Run multi = plateau("backtest", "--bars", store(), "--symbol", "MES", "--start", "2024-03-04", "--end",
        "2024-03-08", "--strategy", "multi-alpha", "--param", "orb_volume_mult=0", "--param", "vwap_band_sigma=1",
        "--max-entries", "6", "--max-contracts", "6", "--add-when", "always", "--out", dir.resolve("multi").toString());
    assertEquals(0, multi.exitCode(), multi.err());
    JsonNode multiSummary = new ObjectMapper().readTree(dir.resolve("multi/summary.json").toFile());
    int multiTrades = multiSummary.get("summary").get("trade_count").asInt();
    int byModel = 0;
    for (JsonNode model : (Iterable<JsonNode>) () -> multiSummary.get("by_model").elements()) {
      byModel += model.get("trade_count").asInt();
    }
    assertEquals(multiTrades, byModel, "every trade belongs to one model: " + multiSummary.get("by_model"));
    assertTrue(multiSummary.get("by_model").size() >= 2, multiSummary.get("by_model").toString());
    assertTrue(multi.out().contains("by model:"), multi.out());
    List<String> multiLines = Files.readAllLines(dir.resolve("multi/trades.csv"));
    assertTrue(multiLines.get(0).endsWith(",model,entry"), multiLines.get(0));
    assertTrue(multiLines.stream().skip(1).allMatch(line -> line.matches(".*,(orb|vwap|delta),[1-6]")),
        multiLines.toString());

    Run both = plateau("backtest", "--study", study.toString(), "--strategy", "sma-cross", "--out", out.toString());
    assertEquals(2, both.exitCode());
    assertTrue(both.err().contains("--study") && both.err().contains("--strategy"), both.err());
    Run withCosts = plateau("backtest", "--study", study.toString(), "--capital", "5000", "--slippage-ticks", "0",
        "--out", out.toString());
    assertEquals(2, withCosts.exitCode());
    assertTrue(withCosts.err().contains("--capital, --slippage-ticks"), withCosts.err());
    Run missing = plateau("backtest", "--study", dir.resolve("nope.yaml").toString(), "--out", out.toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("nope.yaml: no such study file"), missing.err());
    Run noSymbol = plateau("backtest", "--study", study.toString(), "--symbol", "M2K", "--out", out.toString());
    assertEquals(2, noSymbol.exitCode());
    assertTrue(noSymbol.err().contains("has no M2K bars; it holds [MES]"), noSymbol.err());
    Run otherSymbol = plateau("backtest", "--study", study.toString(), "--symbol", "ES", "--out", out.toString());
    assertEquals(2, otherSymbol.exitCode());
    assertTrue(otherSymbol.err().contains("--symbol ES: not a symbol of"), otherSymbol.err());
    Run badParam = plateau("backtest", "--study", study.toString(), "--param", "lookbak=5", "--out", out.toString());
    assertEquals(2, badParam.exitCode());
    assertTrue(badParam.err().contains("'lookbak'"), badParam.err());
    Run constraint = plateau("backtest", "--study", study.toString(), "--param", "stop_ticks=9", "--out",
        out.toString());
    assertEquals(2, constraint.exitCode());
    assertTrue(constraint.err().contains("'stop_ticks < target_ticks' does not hold"), constraint.err());
    Run neither = plateau("backtest", "--out", out.toString());
    assertEquals(2, neither.exitCode());
    assertTrue(neither.err().contains("--strategy") && neither.err().contains("--study"), neither.err());
    assertEquals(trades + 1, Files.readAllLines(out.resolve("trades.csv")).size(), "refused runs change nothing");
  }

  private Map<String, Long> listing() throws IOException {
    Path root = dir.resolve("bars");
    Map<String, Long> result = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        result.put(root.relativize(file).toString(), Files.getLastModifiedTime(file).toMillis());
      }
    }
    return result;
  }

  @Test
  void pboReadsAReturnsMatrixAndPrintsItsOverfittingStatistics() throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    StringBuilder csv = new StringBuilder("date,edge,noise1,noise2,noise3,noise4,noise5\n");
    for (int day = 0; day < 400; day++) {
      csv.append("d").append(day).append(',').append(0.004 + 0.01 * (random.nextDouble() - 0.5));
      for (int t = 0; t < 5; t++) {
        csv.append(',').append(0.01 * (random.nextDouble() - 0.5));
      }
      csv.append('\n');
    }
    Path file = dir.resolve("returns.csv");
    Files.writeString(file, csv);
    Run run = plateau("pbo", "--returns", file.toString(), "--partitions", "8");
    assertEquals(0, run.exitCode(), run.err());
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(run.out());
    assertEquals(6, json.get("trials").intValue());
    assertEquals(400, json.get("periods").intValue());
    assertEquals(70, json.get("combinations").intValue(), "C(8, 4)");
    assertEquals(70, json.get("logits").size());
    assertEquals(0.0, json.get("pbo").doubleValue(), 0.0, "the edge is the best out of sample in every split");
    assertEquals("edge", json.get("best_trial").get("trial").textValue());
    assertTrue(json.get("best_trial").get("deflated_sharpe").doubleValue() > 0.95, run.out());

    Run odd = plateau("pbo", "--returns", file.toString(), "--partitions", "7");
    assertEquals(2, odd.exitCode());
    assertTrue(odd.err().contains("--partitions: 7 is not allowed; expected an even number from 2 to 32"),
        odd.err());
    Files.writeString(file, "a,b\n1,2\nx,3\n");
    Run bad = plateau("pbo", "--returns", file.toString());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains(file + ":3: column 'a': 'x' is not a finite number"), bad.err());
  }

  @Test
  void dollarRangeTablesTheAverageTrueRangeInDollarsAndAgainstTheRisk() throws IOException {
    Run generated = plateau("generate", "--symbols", "MES,M2K", "--start", "2024-01-02", "--end", "2024-03-29",
        "--out", store(), "--seed", "3");
    assertEquals(0, generated.exitCode(), generated.err());
    Path out = dir.resolve("dollar-range");
    Run run = plateau("dollar-range", "--bars", store(), "--atr-days", "20", "--risk", "100", "--out",
        out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("average true range over the last 20 globex sessions"), run.out());
    List<String> csv = Files.readAllLines(out.resolve("dollar-range.csv"));
    assertEquals("symbol,last_date,sessions,atr_points,point_value,dollar_range,risk_per_trade,range_to_risk",
        csv.get(0));
    assertEquals(3, csv.size());
    for (String line : csv.subList(1, 3)) {
      String[] cells = line.split(",");
      assertEquals("2024-03-28", cells[1], "the last session of the range (Good Friday is a holiday)");
      double atr = Double.parseDouble(cells[3]);
      assertEquals(5.0, Double.parseDouble(cells[4]), "MES and M2K: $5 a point");
      assertEquals(atr * 5, Double.parseDouble(cells[5]), 0.01);
      assertEquals(atr * 5 / 100, Double.parseDouble(cells[7]), 1e-3);
    }
    assertTrue(Files.readString(out.resolve("dollar-range.json")).contains("\"dollar_range\""));

    Run tooLong = plateau("dollar-range", "--bars", store(), "--atr-days", "400");
    assertEquals(2, tooLong.exitCode());
    assertTrue(tooLong.err().contains("--atr-days 400 needs 401"), tooLong.err());
    Run unknown = plateau("dollar-range", "--bars", store(), "--symbols", "ES");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("--symbols: 'ES' is not in"), unknown.err());
  }

  @Test
  void optimizeReusesWindowsOnlyOfAPerWindowStudyAndOnlyFromAPublishedRun() throws IOException {
    String study = """
        name: reuse
        bars: {store: STORE, symbols: [MES], start: 2024-01-01, end: 2024-12-31, bar_size: 1d}
        strategy: {name: sma-cross, params: {fast: [5], slow: [20]}}
        walk_forward: {in_sample: 3 months, out_of_sample: 1 months}
        """.replace("STORE", store());
    Path continuous = Files.writeString(dir.resolve("continuous.yaml"), study);
    Path someRun = Files.createDirectories(dir.resolve("runs/not-a-run"));
    Run refused = plateau("optimize", continuous.toString(), "--reuse", someRun.toString());
    assertEquals(2, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("--reuse: " + continuous + " simulates continuous trials"), refused.err());
    assertTrue(refused.err().contains("set walk_forward.trials: per-window"), refused.err());

    Path perWindow = Files.writeString(dir.resolve("per-window.yaml"), study.replace("1 months}",
        "1 months, trials: per-window}"));
    Run notARun = plateau("optimize", perWindow.toString(), "--reuse", someRun.toString());
    assertEquals(2, notARun.exitCode(), notARun.err());
    assertTrue(notARun.err().contains("--reuse: " + someRun + " is not a published run (no manifest.json in it)"),
        notARun.err());
  }
}
