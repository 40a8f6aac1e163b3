package io.plateau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
