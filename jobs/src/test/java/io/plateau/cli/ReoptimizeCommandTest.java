package io.plateau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.data.BarStore;
import io.plateau.instrument.InstrumentCatalog;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plateau reoptimize} as a scheduler runs it: the exit codes 0, 3, 2 and 1, and a drop folder whose vendor
 * file is ingested once (a new quarter of bars, so new windows) and skipped by its hash afterwards.
 */
class ReoptimizeCommandTest {

  @TempDir
  Path dir;

  private record Run(int exitCode, String out, String err) {}

  /** Runs the command, its job's progress (System.out) captured too. */
  private static Run plateau(String... args) {
    CommandLine commandLine = PlateauCli.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = commandLine.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(console);
    }
  }

  /** The bars of {@code from} from {@code first} on as a generic vendor CSV: what a data vendor would drop. */
  private static void exportGeneric(Path from, LocalDate first, LocalDate last, Path csv) throws IOException {
    BarSeries bars = BarStore.open(from.toString(), InstrumentCatalog.builtIn()).read("MES", first, last);
    try (BufferedWriter writer = Files.newBufferedWriter(csv)) {
      writer.write("timestamp,open,high,low,close,volume,buy_volume,sell_volume\n");
      for (int i = 0; i < bars.size(); i++) {
        writer.write(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%d,%d,%d%n",
            Instant.ofEpochMilli(bars.startMillis(i)), bars.open(i), bars.high(i), bars.low(i), bars.close(i),
            bars.volume(i), bars.buyVolume(i), bars.sellVolume(i)));
      }
    }
  }

  @Test
  void exitCodesForSchedulersAndADropFolderIngestedOnce() throws IOException {
    Path store = dir.resolve("bars");
    Path vendor = dir.resolve("vendor");
    // The vendor's history up to September is in the store (ingested: a store keeps generated and ingested bars
    // apart); the fourth quarter arrives in the drop folder.
    assertEquals(0, PlateauCli.run("generate", "--symbols", "MES", "--start", "2021-12-01", "--end", "2022-12-30",
        "--out", vendor.toString(), "--seed", "11"));
    Path history = dir.resolve("MES-history.csv");
    exportGeneric(vendor, LocalDate.of(2021, 12, 1), LocalDate.of(2022, 9, 30), history);
    assertEquals(0, plateau("ingest", "--format", "generic", "--symbol", "MES", "--input", history.toString(),
        "--out", store.toString(), "--report", dir.resolve("reports").toString()).exitCode());
    Path drop = Files.createDirectories(dir.resolve("drop"));
    exportGeneric(vendor, LocalDate.of(2022, 10, 1), LocalDate.of(2022, 12, 30), drop.resolve("MES-2022Q4.csv"));
    Path study = dir.resolve("weekly.yaml");
    Files.writeString(study, String.join("\n",
        "name: weekly",
        "bars: {store: '" + store + "', symbols: [MES], start: 2022-01-01, end: latest, bar_size: 30m}",
        "strategy: {name: sma-cross, params: {fast: [5, 10], slow: [30, 60]}}",
        "walk_forward: {scheme: rolling, in_sample: 60 days, out_of_sample: 20 days, warm_up: 10 days}",
        "objective: net-profit", ""));
    String state = dir.resolve("state").toString();

    Run first = plateau("reoptimize", study.toString(), "--state", state, "--master", "local[2]");
    assertEquals(0, first.exitCode(), first.err() + first.out());
    Run idle = plateau("reoptimize", study.toString(), "--state", state, "--master", "local[2]");
    assertEquals(PlateauCli.EXIT_NOTHING_TO_DO, idle.exitCode(), idle.err());
    assertTrue(idle.out().contains("nothing to do: no new complete window since the last batch (MES bars through "
        + "2022-09-30"), idle.out());

    Run ingested = plateau("reoptimize", study.toString(), "--state", state, "--master", "local[2]", "--drop",
        drop.toString(), "--format", "generic");
    assertEquals(0, ingested.exitCode(), ingested.err() + ingested.out());
    assertTrue(ingested.out().contains("1 file(s) ingested, 0 already in the store"), ingested.out());
    assertTrue(ingested.out().contains("MES: bars through 2022-12-30"), ingested.out());
    Run again = plateau("reoptimize", study.toString(), "--state", state, "--master", "local[2]", "--drop",
        drop.toString(), "--format", "generic");
    assertEquals(PlateauCli.EXIT_NOTHING_TO_DO, again.exitCode(), again.err());
    assertTrue(again.out().contains("0 file(s) ingested, 1 already in the store"), again.out());
    assertEquals(4, Files.readAllLines(Path.of(state, "history.jsonl")).size(), "one line per batch");

    Files.writeString(Path.of(state, "lock"), ProcessHandle.current().pid() + " "
        + java.net.InetAddress.getLocalHost().getHostName() + " 2026-12-01T06:00:00Z\n");
    Run locked = plateau("reoptimize", study.toString(), "--state", state, "--master", "local[2]");
    assertEquals(PlateauCli.EXIT_INTERNAL, locked.exitCode());
    assertTrue(locked.err().contains("another batch holds"), locked.err());
    Files.delete(Path.of(state, "lock"));

    assertEquals(PlateauCli.EXIT_BAD_INPUT, plateau("reoptimize", study.toString(), "--state", state,
        "--margin", "-5").exitCode());
    Run noFormat = plateau("reoptimize", study.toString(), "--state", state, "--drop", drop.toString());
    assertEquals(PlateauCli.EXIT_BAD_INPUT, noFormat.exitCode());
    assertTrue(noFormat.err().contains("needs --format"), noFormat.err());
  }
}
