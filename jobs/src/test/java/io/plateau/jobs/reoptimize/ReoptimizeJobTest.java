package io.plateau.jobs.reoptimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.plateau.bar.BarSeries;
import io.plateau.cli.PlateauCli;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.jobs.optimize.OptimizeJob;
import io.plateau.robust.Window;
import io.plateau.strategy.StrategySpec;
import io.plateau.study.Study;
import io.plateau.study.StudyBars;
import io.plateau.study.StudyCalendar;
import io.plateau.study.StudyReader;
import io.plateau.study.TrialRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled batches on real Spark (local mode) over a generated store that grows: the first batch promotes, a batch
 * without a new window does nothing, a new quarter of bars gives a window and a decision checked against the core,
 * an interrupted batch resumes its run, and the lock keeps a second batch out.
 */
class ReoptimizeJobTest extends JavaDataFrameSuiteBase {

  /** Seed 4's 2019-2021 MES passes these gates (the out-of-sample profit one cannot be relaxed). */
  private static final String STUDY = """
      name: weekly
      bars: {store: STORE, symbols: [MES], start: 2019-01-01, end: latest, bar_size: 30m}
      strategy:
        name: sma-cross
        params: {fast: [5, 10, 20], slow: [40, 80, 160], direction: [long, both]}
      walk_forward: {scheme: rolling, in_sample: 12 months, out_of_sample: 3 months, warm_up: 10 days}
      objective: net-profit
      robustness:
        gates: {min_efficiency_percent: 0, min_profitable_windows_percent: 0, max_window_share_percent: 100,
                max_drawdown_percent: 100, max_pbo: 1, min_deflated_sharpe: 0}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  @Override
  public boolean enableHiveSupport() {
    return false;
  }

  @BeforeEach
  void startSpark() {
    runBefore();
  }

  @AfterAll
  static void stopSpark() {
    runAfterClass();
  }

  private ReoptimizeJob job() {
    return new ReoptimizeJob(spark(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static void generate(Path store, String end) {
    assertEquals(0, PlateauCli.run("generate", "--symbols", "MES", "--start", "2019-01-01", "--end", end, "--out",
        store.toString(), "--seed", "4"));
  }

  private static Study study(Path store) throws IOException {
    return study(store, STUDY, "weekly.yaml");
  }

  private static Study study(Path store, String text, String name) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text.replace("STORE", store.toString()));
    return StudyReader.read(file);
  }

  private static List<String> history(Path state) throws IOException {
    return Files.readAllLines(state.resolve("history.jsonl"));
  }

  @Test
  void promotesThenFindsNothingNewThenDecidesOnTheNewWindowAndAnInterruptedBatchResumes() throws IOException {
    Path store = dir.resolve("bars");
    Path state = dir.resolve("state");
    generate(store, "2021-06-30");
    Study study = study(store);

    ReoptimizeJob.Outcome first = job().run(study, state, 10, false, () -> { });
    assertEquals(ReoptimizeJob.Ending.DONE, first.ending());
    ReoptimizeJob.Decision promoted = first.decisions().get("MES");
    Assertions.assertTrue(promoted.promoted(), promoted.reason());
    Assertions.assertTrue(promoted.reason().startsWith("no champion yet; the challenger passes the gates"),
        promoted.reason());
    JsonNode champion = JSON.readTree(state.resolve("champion.json").toFile()).path("symbols").path("MES");
    assertEquals("sma-cross", champion.path("strategy").asText());
    assertEquals(promoted.challenger().get("fast"), champion.path("params").path("fast").asText());
    assertEquals(first.run().runDirectory(), champion.path("run").asText());
    assertEquals(5, JSON.readTree(state.resolve("watermark.json").toFile()).path("symbols").path("MES")
        .path("windows").asInt());
    assertFalse(Files.exists(state.resolve("batch.json")), "no batch under way");
    assertFalse(Files.exists(state.resolve("lock")), "released");

    String championBefore = Files.readString(state.resolve("champion.json"));
    ReoptimizeJob.Outcome idle = job().run(study, state, 10, false, () -> { });
    assertEquals(ReoptimizeJob.Ending.NOTHING_TO_DO, idle.ending());
    assertNull(idle.run());
    assertEquals(championBefore, Files.readString(state.resolve("champion.json")));
    assertEquals(List.of("promoted", "nothing-to-do"), history(state).stream()
        .map(line -> read(line).path("decision").asText()).toList());
    assertEquals(1, runs(state).size(), "no run for nothing");

    // A quarter more of the same market: a sixth window. The champion and the challenger are re-run flat on its
    // out-of-sample span; a margin no challenger can beat keeps the champion.
    generate(store, "2021-09-30");
    Path beforeBatch = dir.resolve("state-before-batch");
    copy(state, beforeBatch);
    ReoptimizeJob.Outcome next = job().run(study, state, 1e9, false, () -> { });
    assertEquals(ReoptimizeJob.Ending.DONE, next.ending());
    ReoptimizeJob.Decision kept = next.decisions().get("MES");
    assertFalse(kept.promoted(), kept.reason());
    assertEquals(championBefore, Files.readString(state.resolve("champion.json")), "kept: the file is untouched");
    assertEquals("kept", read(history(state).get(2)).path("decision").asText());
    // The five old windows' trials are recomputed, and equal: appended bars change no earlier window.
    Dataset<Row> before = spark().read().parquet(first.run().runDirectory() + "/trials");
    Dataset<Row> after = spark().read().parquet(next.run().runDirectory() + "/trials").filter("window_index < 5");
    assertEquals(before.count(), after.count());
    assertEquals(0, before.except(after).count());
    Assertions.assertTrue(after.count() > 5 * 10, "trials compared: " + after.count());

    BarSeries bars = StudyBars.load(study, "MES", InstrumentCatalog.builtIn());
    StudyCalendar calendar = StudyCalendar.of(study, "MES", bars.instrument().sessions(), bars.tradingDate(0),
        bars.tradingDate(bars.size() - 1));
    assertEquals(6, calendar.windows().size());
    Window latest = calendar.windows().get(5);
    TrialRunner runner = new TrialRunner(study, bars, calendar);
    double challenger = runner.outOfSample(study.space().strategy().spec(kept.challenger()), latest).netProfit();
    StrategySpec championSpec = study.space().strategy().spec(promoted.challenger());
    double championScore = runner.outOfSample(championSpec, latest).netProfit();
    assertEquals(challenger, kept.challengerScore(), 1e-9);
    assertEquals(championScore, kept.championScore(), 1e-9);
    Assertions.assertTrue(kept.reason().startsWith(kept.challenger().equals(championSpec.params())
        ? "the challenger is the champion's settings" : "the challenger does not beat the champion by the"),
        kept.reason());

    // The same batch interrupted after its first block committed: run again, it resumes that run and decides alike.
    Path crashedState = dir.resolve("state-crashed");
    copy(beforeBatch, crashedState);
    // What the batch wrote before its run: the watermark it saw (the state's adds the run it made).
    ObjectNode underWay = (ObjectNode) JSON.readTree(state.resolve("watermark.json").toFile());
    underWay.remove("run");
    Files.writeString(crashedState.resolve("batch.json"), JSON.writeValueAsString(underWay));
    Path published = Path.of(next.run().runDirectory().replace("file:", ""));
    Path staging = crashedState.resolve("runs/." + published.getFileName() + ".staging");
    copy(published, staging);
    try (Stream<Path> markers = Files.list(staging.resolve("blocks"))) {
      markers.filter(m -> !m.getFileName().toString().equals("block-00000.done")).forEach(ReoptimizeJobTest::delete);
    }
    Files.delete(staging.resolve("manifest.json"));
    ReoptimizeJob.Outcome resumed = job().run(study, crashedState, 1e9, false, () -> { });
    assertEquals(next.run().blocks() - 1, resumed.run().blocksRun(), "only the uncommitted blocks ran");
    assertEquals(next.decisions(), resumed.decisions());
    assertFalse(Files.exists(staging), "published");

    // The same batch failed with nothing committed, and tasks still running recreated its staging directory after
    // it was removed: no study copy in it, so the next batch starts a new run, and removes it.
    Path debrisState = dir.resolve("state-debris");
    copy(beforeBatch, debrisState);
    Files.writeString(debrisState.resolve("batch.json"), JSON.writeValueAsString(underWay));
    Path debris = Files.createDirectories(debrisState.resolve("runs/.weekly-29991231-235959.staging/trials"));
    Files.writeString(debris.resolve(".block-00003.parquet.x.tmp"), "half a block");
    ReoptimizeJob.Outcome fresh = job().run(study, debrisState, 1e9, false, () -> { });
    assertEquals(next.run().blocks(), fresh.run().blocksRun(), "a new run: every block");
    assertEquals(next.decisions(), fresh.decisions());
    assertFalse(Files.exists(debris.getParent()), "removed");
  }

  @Test
  void aPerWindowStudySimulatesOnlyTheNewWindowAndEqualsAFreshRun() throws IOException {
    Path store = dir.resolve("bars-per-window");
    Path state = dir.resolve("state-per-window");
    generate(store, "2021-06-30");
    Study study = study(store, STUDY.replace("warm_up: 10 days}", "warm_up: 10 days, trials: per-window}"),
        "per-window.yaml");
    ReoptimizeJob.Outcome first = job().run(study, state, 10, false, () -> { });
    assertEquals(ReoptimizeJob.Ending.DONE, first.ending());
    JsonNode firstManifest = manifest(first.run());
    assertEquals(5, firstManifest.path("window_fingerprints").path("MES").size());
    assertEquals(0, firstManifest.path("reused").path("windows").size(), "nothing to reuse in the first batch");

    generate(store, "2021-09-30");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ReoptimizeJob.Outcome next = new ReoptimizeJob(spark(), new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run(study, state, 10, false, () -> { });
    assertEquals(ReoptimizeJob.Ending.DONE, next.ending());
    String output = printed.toString(StandardCharsets.UTF_8);
    Assertions.assertTrue(output.contains("reuse: MES: 5 of 6 windows' trials taken from " + first.run()
        .runDirectory()), output);
    JsonNode manifest = manifest(next.run());
    assertEquals(first.run().runDirectory(), manifest.path("reused").path("from").asText());
    assertEquals("[0,1,2,3,4]", manifest.path("reused").path("windows").path("MES").toString());
    for (int w = 0; w < 5; w++) {
      assertEquals(firstManifest.path("window_fingerprints").path("MES").get(w),
          manifest.path("window_fingerprints").path("MES").get(w));
    }

    // Only window 5 was simulated: each set ran on the bars from its warm-up (10 trading days before its in-sample
    // start) to its out-of-sample end.
    BarSeries bars = StudyBars.load(study, "MES", InstrumentCatalog.builtIn());
    StudyCalendar calendar = StudyCalendar.of(study, "MES", bars.instrument().sessions(), bars.tradingDate(0),
        bars.tradingDate(bars.size() - 1));
    Window latest = calendar.windows().get(5);
    java.time.LocalDate warmUp = calendar.date(calendar.indexAtOrAfter(latest.inSampleStart()) - 10);
    long windowBars = java.util.stream.IntStream.range(0, bars.size()).filter(i -> !bars.tradingDate(i)
        .isBefore(warmUp) && !bars.tradingDate(i).isAfter(latest.outOfSampleEnd())).count();
    long sets = study.space().admittedCount();
    assertEquals(sets * windowBars, manifest.path("counts").path("bar_evaluations").asLong());

    // A fresh run of the same study on the same bars, every window simulated, gives the same tables.
    OptimizeJob.Outcome fresh = new OptimizeJob(spark(), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), 0).run(study, dir.resolve("fresh-per-window").toString(), false);
    assertEquals(0, manifest(fresh).path("reused").path("windows").size());
    long freshEvaluations = manifest(fresh).path("counts").path("bar_evaluations").asLong();
    Assertions.assertTrue(freshEvaluations > 5 * sets * windowBars, "six windows simulated: " + freshEvaluations);
    for (String table : List.of("trials", "pnl", "walkforward/windows.parquet", "walkforward/stitched.parquet")) {
      Dataset<Row> reused = spark().read().parquet(next.run().runDirectory() + "/" + table);
      Dataset<Row> simulated = spark().read().parquet(fresh.runDirectory() + "/" + table);
      assertEquals(simulated.count(), reused.count(), table);
      assertEquals(0, reused.except(simulated).count(), table);
      assertEquals(0, simulated.except(reused).count(), table);
    }
    assertEquals(fresh.robustness().get("MES").recommendation(), next.run().robustness().get("MES")
        .recommendation());
  }

  private static JsonNode manifest(OptimizeJob.Outcome run) throws IOException {
    return JSON.readTree(Path.of(java.net.URI.create(run.runDirectory())).resolve("manifest.json").toFile());
  }

  @Test
  void aSecondBatchIsRefusedWhileOneRunsAndAStaleLockIsReportedNotBroken() throws IOException {
    Path state = Files.createDirectories(dir.resolve("locked"));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (BatchLock held = BatchLock.acquire(state.resolve("lock"), false, quiet)) {
      ReoptimizeJob.HeldException refused = assertThrows(ReoptimizeJob.HeldException.class,
          () -> BatchLock.acquire(state.resolve("lock"), true, quiet));
      Assertions.assertTrue(refused.getMessage().startsWith("another batch holds " + state.resolve("lock") + " (pid "
          + ProcessHandle.current().pid()), refused.getMessage());
    }
    assertFalse(Files.exists(state.resolve("lock")), "released on close");

    // A batch killed with its lock: a process id no process has.
    String host = java.net.InetAddress.getLocalHost().getHostName();
    Files.writeString(state.resolve("lock"), "2147483646 " + host + " 2026-12-01T06:00:00Z\n");
    ReoptimizeJob.HeldException stale = assertThrows(ReoptimizeJob.HeldException.class,
        () -> BatchLock.acquire(state.resolve("lock"), false, quiet));
    Assertions.assertTrue(stale.getMessage().contains("is gone without releasing it"), stale.getMessage());
    Assertions.assertTrue(Files.exists(state.resolve("lock")), "reported, not broken");
    try (BatchLock broken = BatchLock.acquire(state.resolve("lock"), true, quiet)) {
      Assertions.assertTrue(Files.readString(state.resolve("lock")).startsWith(ProcessHandle.current().pid() + " "));
    }
    // Another host's lock cannot be checked: held.
    Files.writeString(state.resolve("lock"), "2147483646 elsewhere.example 2026-12-01T06:00:00Z\n");
    assertThrows(ReoptimizeJob.HeldException.class, () -> BatchLock.acquire(state.resolve("lock"), true, quiet));
  }

  @Test
  void aStateFileTheFileSystemRefusesIsAnInputErrorNamingItAndTheOldOneStays() throws IOException {
    StateDirectory state = new StateDirectory(dir.resolve("refusing"));
    state.writeWatermark(java.util.Map.of("windows", 5));
    // A directory where champion.json goes: the rename over it fails, as a full or read-only disk makes it fail.
    Files.createDirectories(state.root().resolve("champion.json/in-the-way"));
    io.plateau.util.InputException refused = assertThrows(io.plateau.util.InputException.class,
        () -> state.writeChampion(java.util.Map.of("study", "weekly")));
    Assertions.assertTrue(refused.getMessage().startsWith("cannot write " + state.root().resolve("champion.json")),
        refused.getMessage());
    Assertions.assertTrue(refused.getMessage().endsWith("; it is left as it was"), refused.getMessage());
    assertEquals(5, state.watermark().orElseThrow().path("windows").asInt());
    try (Stream<Path> files = Files.list(state.root())) {
      assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".tmp")).toList(),
          "no temporary left");
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Path> runs(Path state) throws IOException {
    try (Stream<Path> runs = Files.list(state.resolve("runs"))) {
      return runs.toList();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
