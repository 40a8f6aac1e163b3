package io.plateau.jobs.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.api.Assertions;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.plateau.bar.BarSeries;
import io.plateau.cli.PlateauCli;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.param.Search;
import io.plateau.param.TreeParzen;
import io.plateau.robust.BacktestOverfitting;
import io.plateau.robust.OverfittingStatistics;
import io.plateau.robust.SpanMetrics;
import io.plateau.robust.Window;
import io.plateau.study.Study;
import io.plateau.study.StudyBars;
import io.plateau.study.StudyCalendar;
import io.plateau.study.StudyReader;
import io.plateau.study.Trial;
import io.plateau.study.TrialRunner;
import io.plateau.util.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize} on real Spark (local mode) over a generated store: its trials are the core's, its walk-forward
 * choices are a brute-force selection's, a resumed run equals a clean one, the block count changes nothing, and bad
 * studies are refused before any Spark work.
 */
class OptimizeJobTest extends JavaDataFrameSuiteBase {

  private static final String STUDY = """
      name: wf
      bars: {store: STORE, symbols: [MES], start: 2022-01-01, end: 2022-12-31, bar_size: 15m}
      strategy:
        name: sma-cross
        params: {fast: [5, 10, 15], slow: [30, 60], direction: [long, both]}
      walk_forward: {scheme: rolling, in_sample: 60 days, out_of_sample: 20 days, warm_up: 10 days}
      objective: net-profit
      """;

  @TempDir
  static Path shared;

  private static Study study;
  private static OptimizeJob.Outcome clean;

  @Override
  public boolean enableHiveSupport() {
    return false;
  }

  @BeforeEach
  void startSpark() throws IOException {
    runBefore();
    if (clean == null) {
      Path store = shared.resolve("bars");
      assertEquals(0, PlateauCli.run("generate", "--symbols", "MES", "--start", "2021-12-01", "--end", "2022-12-31",
          "--out", store.toString(), "--seed", "11"));
      study = studyWith(STUDY.replace("STORE", store.toString()));
      clean = job(3).run(study, shared.resolve("runs").toString(), false);
    }
  }

  @AfterAll
  static void stopSpark() {
    runAfterClass();
  }

  private OptimizeJob job(int blocksPerSymbol) {
    return new OptimizeJob(spark(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        blocksPerSymbol);
  }

  private static Study studyWith(String text) throws IOException {
    Path file = shared.resolve("study-" + Math.abs(text.hashCode()) + ".yaml");
    Files.writeString(file, text);
    return StudyReader.read(file);
  }

  @Test
  void trialsAreTheCoresAndEachWindowChoosesTheBestInSampleSet() throws IOException {
    BarSeries bars = StudyBars.load(study, "MES", InstrumentCatalog.builtIn());
    StudyCalendar calendar = StudyCalendar.of(study, "MES", bars.instrument().sessions(), bars.tradingDate(0),
        bars.tradingDate(bars.size() - 1));
    List<Window> windows = calendar.windows();
    Assertions.assertTrue(windows.size() >= 8, "windows: " + windows.size());
    TrialRunner runner = new TrialRunner(study, bars, calendar);
    Map<Long, Trial> direct = new HashMap<>();
    for (long id = 0; id < study.space().size(); id++) {
      if (study.space().admits(id)) {
        direct.put(id, runner.run(id));
      }
    }
    assertEquals(12, direct.size());

    List<Row> trials = spark().read().parquet(clean.runDirectory() + "/trials")
        .select("set_id", "window_index", "is_net_profit", "oos_net_profit", "is_sharpe", "oos_max_drawdown",
            "is_trades", "fast", "slow", "direction", "oos_win_rate", "is_expectancy")
        .collectAsList();
    assertEquals(12 * windows.size(), trials.size());
    for (Row row : trials) {
      Trial trial = direct.get(row.getLong(0));
      int window = row.getInt(1);
      assertEquals(trial.inSample().get(window).netProfit(), row.getDouble(2), 0);
      assertEquals(trial.outOfSample().get(window).netProfit(), row.getDouble(3), 0);
      assertEquals(trial.inSample().get(window).sharpe(), row.getDouble(4), 0);
      assertEquals(trial.outOfSample().get(window).maxDrawdown(), row.getDouble(5), 0);
      assertEquals(trial.inSample().get(window).trades(), row.getInt(6));
      Map<String, String> values = study.space().values(row.getLong(0));
      assertEquals(values.get("fast"), Integer.toString(row.getInt(7)));
      assertEquals(values.get("slow"), Integer.toString(row.getInt(8)));
      assertEquals(values.get("direction"), row.getString(9));
      assertEquals(trial.outOfSample().get(window).winRate(), row.getDouble(10), 0);
      assertEquals(trial.inSample().get(window).expectancy(), row.getDouble(11), 0);
    }
    for (Row row : spark().read().parquet(clean.runDirectory() + "/pnl")
        .select("set_id", "span_net_profit", "span_trades", "daily_pnl").collectAsList()) {
      Trial trial = direct.get(row.getLong(0));
      assertEquals(trial.whole().netProfit(), row.getDouble(1), 0);
      assertEquals(trial.whole().trades(), row.getInt(2));
      List<Float> pnl = row.getList(3);
      float[] expected = trial.dailyPnl();
      assertEquals(calendar.size(), pnl.size());
      for (int d = 0; d < expected.length; d++) {
        assertEquals(expected[d], pnl.get(d), 0);
      }
    }

    // Brute force: per window the highest in-sample net profit, the lower id on a tie.
    List<Row> chosen = spark().read().parquet(clean.runDirectory() + "/walkforward/windows.parquet")
        .orderBy("window_index").select("window_index", "set_id", "oos_net_profit").collectAsList();
    assertEquals(windows.size(), chosen.size());
    double stitched = 0;
    for (Window window : windows) {
      long best = -1;
      for (long id : direct.keySet().stream().sorted().toList()) {
        double value = direct.get(id).inSample().get(window.index()).netProfit();
        if (best < 0 || value > direct.get(best).inSample().get(window.index()).netProfit()) {
          best = id;
        }
      }
      assertEquals(best, chosen.get(window.index()).getLong(1), "window " + window.index());
      SpanMetrics rerun = runner.rerun(best, window).outOfSample();
      assertEquals(rerun.netProfit(), chosen.get(window.index()).getDouble(2), 1e-9);
      stitched += rerun.netProfit();
    }
    assertEquals(stitched, clean.summaries().get("MES").outOfSampleNetProfit(), 1e-6);

    // The overfitting statistics computed on Spark equal the single-JVM ones on the core's daily P&L.
    int firstDay = calendar.indexAtOrAfter(windows.get(0).inSampleStart());
    List<Long> ids = direct.keySet().stream().sorted().toList();
    double[][] returns = new double[ids.size()][calendar.size() - firstDay];
    for (int n = 0; n < ids.size(); n++) {
      for (int d = firstDay; d < calendar.size(); d++) {
        returns[n][d - firstDay] = direct.get(ids.get(n)).dailyPnl()[d] / study.capital();
      }
    }
    OverfittingStatistics single = OverfittingStatistics.of(returns, 16, BacktestOverfitting.Metric.SHARPE);
    RobustnessStage.SymbolRobustness robustness = clean.robustness().get("MES");
    assertEquals(single, robustness.sets().statistics());
    assertEquals(12_870, single.overfitting().combinations());

    // The recommendation: the best mean whole-span net profit over each set and its neighbours one grid step away
    // on every parameter (brute force; ties to the higher own net profit, then the lower id), then its deflated
    // Sharpe ratio, its trades' Monte Carlo and the gates.
    long recommended = -1;
    double bestMean = Double.NaN;
    for (long id : ids) {
      int[] steps = study.space().steps(id);
      double sum = 0;
      int members = 0;
      for (long other : ids) {
        int[] otherSteps = study.space().steps(other);
        boolean near = true;
        for (int a = 0; a < steps.length; a++) {
          near &= Math.abs(steps[a] - otherSteps[a]) <= 1;
        }
        if (near) {
          sum += direct.get(other).whole().netProfit();
          members++;
        }
      }
      double mean = sum / members;
      // Ties (equal means, e.g. sets whose boxes cover the same sets) go to the higher own objective.
      boolean tie = recommended >= 0 && Math.abs(mean - bestMean) <= 1e-9;
      if (recommended < 0 || mean > bestMean + 1e-9
          || (tie && direct.get(id).whole().netProfit() > direct.get(recommended).whole().netProfit())) {
        recommended = id;
        bestMean = mean;
      }
    }
    assertEquals(recommended, robustness.recommendation().setId());
    assertEquals(bestMean, robustness.recommendation().smoothedObjective(), 1e-6);
    assertEquals(OverfittingStatistics.TrialSharpe.of(returns, ids.indexOf(recommended)),
        robustness.sets().recommended());
    assertEquals(io.plateau.robust.TradeMonteCarlo.simulate(runner.tradeNetPnl(recommended),
        study.robustness().monteCarlo(study.capital())), robustness.monteCarlo());
    assertEquals(study.robustness().gates().evaluate(clean.summaries().get("MES"), study.capital(),
        single.overfitting().pbo(), robustness.sets().recommended().deflatedSharpe()), robustness.gates());
    com.fasterxml.jackson.databind.JsonNode stable = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        Path.of(clean.runDirectory().replace("file:", ""), "stable_settings.json").toFile()).get("MES");
    assertEquals(recommended, stable.get("set_id").longValue());
    assertEquals(robustness.gates().verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
        stable.get("verdict").textValue());
    assertEquals(robustness.gates().reasons().size(), stable.get("reasons").size());
    double lastEquity = spark().read().parquet(clean.runDirectory() + "/walkforward/stitched.parquet")
        .orderBy(org.apache.spark.sql.functions.col("date").desc()).first().getDouble(4);
    assertEquals(study.capital() + stitched, lastEquity, 1e-6);
  }

  /**
   * report.html rendered by headless Chromium (Debian's chromium, installed by scripts/test): the page marks itself
   * rendered, every section is there with its charts, and the browser logged nothing from the page's console.
   */
  @Test
  void theReportShowsEverySectionInAHeadlessBrowserWithoutConsoleMessages() throws Exception {
    Path report = Path.of(clean.runDirectory().replace("file:", ""), "report.html");
    Assertions.assertTrue(Files.isRegularFile(report), "optimize writes report.html");
    Path profile = Files.createTempDirectory(shared, "chromium");
    Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--enable-logging=stderr",
        "--v=0", "--dump-dom", report.toUri().toString())
        .redirectError(shared.resolve("chromium.log").toFile()).start();
    String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assertions.assertTrue(chromium.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "chromium finished");
    String log = Files.readString(shared.resolve("chromium.log"));
    Assertions.assertTrue(dom.contains("data-rendered=\"ok\""), "the page rendered; chromium log:\n" + log);
    for (String section : List.of("verdict", "equity", "windows", "heatmaps", "matrix", "overfitting",
        "montecarlo", "periods", "top")) {
      Assertions.assertTrue(dom.contains("data-section=\"" + section + "\""), section);
    }
    // Equity, windows, 3 heatmaps (fast, slow, direction vary), logits, degradation, Monte Carlo.
    assertEquals(8, dom.split("_echarts_instance_=").length - 1, "charts drawn");
    Assertions.assertFalse(log.contains(":CONSOLE"), "console messages:\n" + log);
    Assertions.assertTrue(dom.contains("Recommended set " + clean.robustness().get("MES").recommendation().setId()));
  }

  @Test
  void aResumedRunComputesOnlyUncommittedBlocksAndEqualsACleanRun() throws IOException {
    // A run that crashed after committing block 0: blocks 1 and 2 have no marker, block 1 left a temporary file,
    // block 2 a final file of an attempt that never committed; the run was never published.
    Path crashed = shared.resolve("runs/.wf-29991231-235959.staging");
    copy(Path.of(clean.runDirectory().replace("file:", "")), crashed);
    Files.delete(crashed.resolve("blocks/block-00001.done"));
    Files.delete(crashed.resolve("blocks/block-00002.done"));
    Files.delete(crashed.resolve("trials/block-00001.parquet"));
    Files.writeString(crashed.resolve("trials/.block-00001.parquet.tmp"), "half a file");
    Files.writeString(crashed.resolve("trials/block-00002.parquet"), "garbage");
    deleteTree(crashed.resolve("walkforward"));
    Files.delete(crashed.resolve("manifest.json"));

    OptimizeJob.Outcome resumed = job(0).run(study, shared.resolve("runs").toString(), true);
    assertEquals(3, resumed.blocks(), "the resumed run keeps the plan it started with");
    assertEquals(2, resumed.blocksRun());
    assertFalse(Files.exists(crashed), "published");
    assertFalse(Files.exists(Path.of(resumed.runDirectory().replace("file:", ""), "trials/.block-00001.parquet.tmp")),
        "the killed attempt's temporary is not published");
    Path published = Path.of(resumed.runDirectory().replace("file:", ""));
    Path original = Path.of(clean.runDirectory().replace("file:", ""));
    for (String file : List.of("trials/block-00000.parquet", "trials/block-00001.parquet",
        "trials/block-00002.parquet", "pnl/block-00001.parquet", "walkforward/windows.parquet",
        "walkforward/stitched.parquet", "calendar.parquet")) {
      assertArrayEquals(Files.readAllBytes(original.resolve(file)), Files.readAllBytes(published.resolve(file)), file);
    }
    assertEquals(Files.readString(original.resolve("walkforward/summary.json")),
        Files.readString(published.resolve("walkforward/summary.json")));
  }

  @Test
  void aRunStoppedBeforeItHadAPlanResumesWithANewOne() throws IOException {
    // Killed between creating its staging directory and recording its plan: only the study's copy is there.
    Path stopped = shared.resolve("runs-unplanned/.wf-29991231-235959.staging");
    Files.createDirectories(stopped);
    Path original = Path.of(clean.runDirectory().replace("file:", ""));
    Files.copy(original.resolve("study.yaml"), stopped.resolve("study.yaml"));
    OptimizeJob.Outcome resumed = job(0).run(study, shared.resolve("runs-unplanned").toString(), true);
    assertEquals(resumed.blocks(), resumed.blocksRun(), "no block had committed");
    assertFalse(Files.exists(stopped), "published");
    Path published = Path.of(resumed.runDirectory().replace("file:", ""));
    assertArrayEquals(Files.readAllBytes(original.resolve("walkforward/windows.parquet")),
        Files.readAllBytes(published.resolve("walkforward/windows.parquet")));
    assertEquals(Files.readString(original.resolve("walkforward/summary.json")),
        Files.readString(published.resolve("walkforward/summary.json")));
  }

  /**
   * Causality of the whole pipeline: a store whose bars after window k's out-of-sample end are shuffled (the future
   * bars' prices in reverse order, same times and volumes) gives windows 0..k the same choices, re-runs and stitched
   * curve; later windows change.
   */
  @Test
  void shufflingTheFutureChangesNothingUpToIt() throws IOException {
    BarSeries bars = StudyBars.load(study, "MES", InstrumentCatalog.builtIn());
    List<Window> windows = StudyCalendar.of(study, "MES", bars.instrument().sessions(), bars.tradingDate(0),
        bars.tradingDate(bars.size() - 1)).windows();
    int k = windows.size() / 2;
    java.time.LocalDate horizon = windows.get(k).outOfSampleEnd();

    Path shuffled = shared.resolve("bars-shuffled");
    copy(shared.resolve("bars"), shuffled);
    io.plateau.data.BarStore store = io.plateau.data.BarStore.open(shuffled.toString(), InstrumentCatalog.builtIn());
    BarSeries full = store.read("MES");
    int first = 0;
    while (!full.tradingDate(first).isAfter(horizon)) {
      first++;
    }
    BarSeries.Builder builder = BarSeries.builder(full.instrument(), full.interval());
    for (int i = 0; i < full.size(); i++) {
      int from = i < first ? i : full.size() - 1 - (i - first);
      builder.add(full.startMillis(i), full.openTicks(from), full.highTicks(from), full.lowTicks(from),
          full.closeTicks(from), full.volume(i), full.buyVolume(i), full.sellVolume(i), full.contract(i));
    }
    try (io.plateau.data.StoreUpdate update = store.update()) {
      update.replaceSeries(builder.build(), store.metadata("MES").orElseThrow());
      update.commit();
    }
    Study future = studyWith(STUDY.replace("STORE", shuffled.toString()));
    OptimizeJob.Outcome run = job(3).run(future, shared.resolve("runs-shuffled").toString(), false);

    for (String table : List.of("windows.parquet", "stitched.parquet")) {
      List<String> before = sortedRows(clean.runDirectory() + "/walkforward/" + table);
      List<String> after = sortedRows(run.runDirectory() + "/walkforward/" + table);
      String column = "window_index";
      List<String> beforeUpToK = spark().read().parquet(clean.runDirectory() + "/walkforward/" + table)
          .where(column + " <= " + k).collectAsList().stream().map(Row::toString).sorted().toList();
      List<String> afterUpToK = spark().read().parquet(run.runDirectory() + "/walkforward/" + table)
          .where(column + " <= " + k).collectAsList().stream().map(Row::toString).sorted().toList();
      Assertions.assertFalse(beforeUpToK.isEmpty());
      assertEquals(beforeUpToK, afterUpToK, table + " up to window " + k);
      Assertions.assertNotEquals(before, after, table + ": the shuffled future must show after window " + k);
    }
  }

  @Test
  void theNumberOfBlocksChangesNoResult() throws IOException {
    OptimizeJob.Outcome one = job(1).run(study, shared.resolve("runs-one-block").toString(), false);
    assertEquals(1, one.blocks());
    assertEquals(sortedRows(clean.runDirectory() + "/trials"), sortedRows(one.runDirectory() + "/trials"));
    assertEquals(sortedRows(clean.runDirectory() + "/pnl"), sortedRows(one.runDirectory() + "/pnl"));
    Path a = Path.of(clean.runDirectory().replace("file:", ""));
    Path b = Path.of(one.runDirectory().replace("file:", ""));
    for (String file : List.of("walkforward/windows.parquet", "walkforward/stitched.parquet", "calendar.parquet")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
    }
  }

  /**
   * A walk-forward matrix: each cell's windows choose the best in-sample net profit, and its summary equals one
   * computed here from the sets' daily P&amp;L (the continuous runs' out-of-sample spans, stitched); the cell with the
   * study's own lengths chooses what the study's windows chose.
   */
  @Test
  void aWalkForwardMatrixJudgesEveryPairOfLengthsOnTheSameTrials() throws IOException {
    Study matrixStudy = studyWith(STUDY.replace("STORE", shared.resolve("bars").toString())
        .replace("warm_up: 10 days}", "warm_up: 10 days, matrix: {in_sample: [60 days, 90 days], "
            + "out_of_sample: [20 days, 30 days]}}"));
    OptimizeJob.Outcome run = job(2).run(matrixStudy, shared.resolve("runs-matrix").toString(), false);
    BarSeries bars = StudyBars.load(matrixStudy, "MES", InstrumentCatalog.builtIn());
    StudyCalendar calendar = StudyCalendar.of(matrixStudy, "MES", bars.instrument().sessions(), bars.tradingDate(0),
        bars.tradingDate(bars.size() - 1));
    long[] ids = matrixStudy.space().admittedIn(0, matrixStudy.space().size());
    List<Trial> trials = new TrialRunner(matrixStudy, bars, calendar).run(ids);

    List<Row> cells = spark().read().parquet(run.runDirectory() + "/walkforward/matrix.parquet").orderBy("scheme")
        .select("scheme", "in_sample", "out_of_sample", "windows", "oos_net_profit", "efficiency",
            "profitable_window_share", "stitched_max_drawdown", "passes", "best").collectAsList();
    assertEquals(4, cells.size());
    int best = 0;
    for (Row cell : cells) {
      List<Window> windows = calendar.matrixWindows().get(cell.getInt(0) - 1);
      double isNet = 0;
      double oosNet = 0;
      long isDays = 0;
      long oosDays = 0;
      int profitable = 0;
      double equity = matrixStudy.capital();
      double peak = equity;
      double drawdown = 0;
      for (Window window : windows) {
        int isFrom = calendar.indexAtOrAfter(window.inSampleStart());
        int oosFrom = calendar.indexAtOrAfter(window.outOfSampleStart());
        int oosTo = calendar.indexAtOrAfter(window.outOfSampleEnd()) + 1;
        int chosen = -1;
        double chosenNet = 0;
        for (int i = 0; i < ids.length; i++) {
          double net = sum(trials.get(i).dailyPnl(), isFrom, oosFrom);
          if (chosen < 0 || net > chosenNet + 1e-6) {
            chosen = i;
            chosenNet = net;
          }
        }
        double windowNet = sum(trials.get(chosen).dailyPnl(), oosFrom, oosTo);
        isNet += chosenNet;
        oosNet += windowNet;
        isDays += oosFrom - isFrom;
        oosDays += oosTo - oosFrom;
        profitable += windowNet > 0 ? 1 : 0;
        for (int d = oosFrom; d < oosTo; d++) {
          equity += trials.get(chosen).dailyPnl()[d];
          peak = Math.max(peak, equity);
          drawdown = Math.max(drawdown, peak - equity);
        }
      }
      String what = cell.getString(1) + " / " + cell.getString(2);
      assertEquals(windows.size(), cell.getInt(3), what);
      assertEquals(oosNet, cell.getDouble(4), 0.05, what);
      double efficiency = isNet > 0 ? (oosNet / oosDays) / (isNet / isDays) : Double.NaN;
      assertEquals(efficiency, cell.getDouble(5), 1e-6, what);
      assertEquals((double) profitable / windows.size(), cell.getDouble(6), 1e-12, what);
      assertEquals(drawdown, cell.getDouble(7), 0.05, what);
      best += cell.getBoolean(9) ? 1 : 0;
    }
    assertEquals(1, best, "one best cell");
    assertEquals(List.of("60 days", "20 days"), List.of(cells.get(0).getString(1), cells.get(0).getString(2)));
    List<Row> main = spark().read().parquet(run.runDirectory() + "/trials").where("scheme = 0")
        .select("set_id", "window_index", "is_net_profit", "oos_sharpe").collectAsList();
    List<Row> sameLengths = spark().read().parquet(run.runDirectory() + "/trials").where("scheme = 1")
        .select("set_id", "window_index", "is_net_profit", "oos_sharpe").collectAsList();
    assertEquals(main.stream().map(Row::toString).sorted().toList(),
        sameLengths.stream().map(Row::toString).sorted().toList());
  }

  private static double sum(float[] values, int from, int to) {
    double total = 0;
    for (int i = from; i < to; i++) {
      total += values[i];
    }
    return total;
  }

  /**
   * A plateau-smoothed objective: per window, the set whose mean in-sample net profit over itself and every set at
   * most one grid step away on each parameter is highest (brute force here, from the core's trials).
   */
  @Test
  void aPlateauObjectiveChoosesTheCentreOfTheBestNeighbourhood() throws IOException {
    Study smoothed = studyWith(STUDY.replace("STORE", shared.resolve("bars").toString())
        .replace("objective: net-profit", "objective: {metric: net-profit, plateau: {aggregate: mean, radius: 1}}"));
    OptimizeJob.Outcome run = job(2).run(smoothed, shared.resolve("runs-plateau").toString(), false);

    BarSeries bars = StudyBars.load(smoothed, "MES", InstrumentCatalog.builtIn());
    StudyCalendar calendar = StudyCalendar.of(smoothed, "MES", bars.instrument().sessions(), bars.tradingDate(0),
        bars.tradingDate(bars.size() - 1));
    TrialRunner runner = new TrialRunner(smoothed, bars, calendar);
    long[] ids = smoothed.space().admittedIn(0, smoothed.space().size());
    List<Trial> trials = runner.run(ids);
    List<Row> chosen = spark().read().parquet(run.runDirectory() + "/walkforward/windows.parquet")
        .orderBy("window_index").select("window_index", "set_id", "is_smoothed_objective").collectAsList();
    int differentFromRawBest = 0;
    for (Row row : chosen) {
      int window = row.getInt(0);
      long best = -1;
      double bestMean = Double.NaN;
      double bestOwn = Double.NaN;
      long rawBest = -1;
      for (int i = 0; i < ids.length; i++) {
        int[] steps = smoothed.space().steps(ids[i]);
        double sum = 0;
        int members = 0;
        for (int j = 0; j < ids.length; j++) {
          int[] other = smoothed.space().steps(ids[j]);
          boolean near = true;
          for (int a = 0; a < steps.length; a++) {
            near &= Math.abs(steps[a] - other[a]) <= 1;
          }
          if (near) {
            sum += trials.get(j).inSample().get(window).netProfit();
            members++;
          }
        }
        double mean = sum / members;
        double own = trials.get(i).inSample().get(window).netProfit();
        if (best < 0 || mean > bestMean || (mean == bestMean && own > bestOwn)) {
          best = ids[i];
          bestMean = mean;
          bestOwn = own;
        }
        if (rawBest < 0 || own > trials.get(java.util.Arrays.binarySearch(ids, rawBest)).inSample().get(window)
            .netProfit()) {
          rawBest = ids[i];
        }
      }
      assertEquals(best, row.getLong(1), "window " + window);
      assertEquals(bestMean, row.getDouble(2), 1e-6, "window " + window);
      differentFromRawBest += best == rawBest ? 0 : 1;
    }
    Assertions.assertTrue(differentFromRawBest > 0, "smoothing changed no choice; the test would not see it ignored");
  }

  /**
   * An adaptive search: the startup draw, then each batch proposed by TreeParzen from the mean in-sample objective
   * of every set evaluated before it (computed here from the core directly); a run that crashed before its last
   * batch was proposed, with a block of the batch before uncommitted, resumes to the same trials.
   */
  @Test
  void anAdaptiveSearchProposesEachBatchFromTheTrialsBeforeItAndResumes() throws IOException {
    Study adaptive = studyWith(STUDY.replace("STORE", shared.resolve("bars").toString())
        .replace("params: {fast: [5, 10, 15], slow: [30, 60], direction: [long, both]}",
            "params: {fast: {from: 2, to: 40, step: 2}, slow: {from: 30, to: 120, step: 10}, direction: long}\n"
                + "search: {method: adaptive, batches: 3, batch_size: 8, startup: 10, seed: 5}"));
    Search.Adaptive search = (Search.Adaptive) adaptive.search();
    OptimizeJob.Outcome run = job(2).run(adaptive, shared.resolve("runs-adaptive").toString(), false);
    assertEquals(3 * 2, run.blocks(), "two blocks per batch");

    BarSeries bars = StudyBars.load(adaptive, "MES", InstrumentCatalog.builtIn());
    StudyCalendar calendar = StudyCalendar.of(adaptive, "MES", bars.instrument().sessions(), bars.tradingDate(0),
        bars.tradingDate(bars.size() - 1));
    TrialRunner runner = new TrialRunner(adaptive, bars, calendar);
    List<Long> evaluated = new ArrayList<>();
    for (long id : search.startupIds(adaptive.space())) {
      evaluated.add(id);
    }
    for (int batch = 1; batch < 3; batch++) {
      long[] ids = evaluated.stream().mapToLong(Long::longValue).sorted().toArray();
      double[] scores = new double[ids.length];
      for (int i = 0; i < ids.length; i++) {
        scores[i] = runner.run(ids[i]).inSample().stream().mapToDouble(SpanMetrics::netProfit).average().orElseThrow();
      }
      for (long id : TreeParzen.propose(adaptive.space(), ids, scores, 8, search, batch)) {
        evaluated.add(id);
      }
    }
    List<Long> ran = spark().read().parquet(run.runDirectory() + "/pnl").select("set_id").collectAsList().stream()
        .map(r -> r.getLong(0)).sorted().toList();
    assertEquals(evaluated.stream().sorted().toList(), ran);
    assertEquals(10 + 2 * 8, ran.size());

    Path crashed = shared.resolve("runs-adaptive/.wf-29991231-235959.staging");
    copy(Path.of(run.runDirectory().replace("file:", "")), crashed);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ArrayNode plan = (com.fasterxml.jackson.databind.node.ArrayNode)
        json.readTree(crashed.resolve("plan.json").toFile());
    com.fasterxml.jackson.databind.node.ArrayNode beforeLastBatch = json.createArrayNode();
    plan.forEach(block -> {
      if (block.get("batch").intValue() < 2) {
        beforeLastBatch.add(block);
      }
    });
    json.writeValue(crashed.resolve("plan.json").toFile(), beforeLastBatch);
    for (String block : List.of("block-00003", "block-00004", "block-00005")) {
      Files.delete(crashed.resolve("blocks/" + block + ".done"));
      Files.delete(crashed.resolve("trials/" + block + ".parquet"));
      Files.delete(crashed.resolve("pnl/" + block + ".parquet"));
    }
    deleteTree(crashed.resolve("walkforward"));
    OptimizeJob.Outcome resumed = job(2).run(adaptive, shared.resolve("runs-adaptive").toString(), true);
    assertEquals(6, resumed.blocks());
    assertEquals(3, resumed.blocksRun(), "block 3 of batch 1, then batch 2 proposed again");
    assertEquals(sortedRows(run.runDirectory() + "/trials"), sortedRows(resumed.runDirectory() + "/trials"));
    assertEquals(sortedRows(run.runDirectory() + "/walkforward/windows.parquet"),
        sortedRows(resumed.runDirectory() + "/walkforward/windows.parquet"));
  }

  private List<String> sortedRows(String path) {
    return spark().read().parquet(path).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void studiesTheStoreCannotServeAreRefusedBeforeAnyRun() throws IOException {
    String store = shared.resolve("bars").toString();
    Map<String, String> cases = Map.of(
        "symbols: [MES]", "bars.symbols: 'M2K' is not in the bar store",
        "start: 2022-01-01, end: 2022-12-31", "has no MES bars between 2015-01-01 and 2015-12-31",
        "in_sample: 60 days", "too short for one window");
    Map<String, String> replacements = Map.of(
        "symbols: [MES]", "symbols: [M2K]",
        "start: 2022-01-01, end: 2022-12-31", "start: 2015-01-01, end: 2015-12-31",
        "in_sample: 60 days", "in_sample: 400 days");
    for (Map.Entry<String, String> entry : cases.entrySet()) {
      Study bad = studyWith(STUDY.replace("STORE", store).replace(entry.getKey(), replacements.get(entry.getKey())));
      Path out = shared.resolve("refused");
      InputException error = assertThrows(InputException.class, () -> job(0).run(bad, out.toString(), false));
      Assertions.assertTrue(error.getMessage().contains(entry.getValue()), error.getMessage());
      assertFalse(Files.exists(out), "nothing written for " + entry.getKey());
    }
  }

  /**
   * s3a credentials set to distinctive fake values in the session's Spark configuration ({@code spark.hadoop.*},
   * as {@code --conf} would) and in its Hadoop configuration appear in no file of the run (manifest, summaries,
   * robustness, report, the study's copy, the Parquet tables) and in no line the job prints.
   */
  @Test
  void credentialsInTheSparkAndHadoopConfigurationAppearInNoRunFileNorPrintedLine() throws IOException {
    Map<String, String> fake = new java.util.LinkedHashMap<>();
    fake.put("spark.hadoop.fs.s3a.access.key", "AKIAPLATEAUFAKEACCESS7");
    fake.put("spark.hadoop.fs.s3a.secret.key", "plateau-fake-secret-key-7f3a91c2");
    fake.put("fs.s3a.session.token", "plateau-fake-session-token-c81d44e0");
    org.apache.hadoop.conf.Configuration hadoop = spark().sparkContext().hadoopConfiguration();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Path runs = shared.resolve("runs-credentials");
    OptimizeJob.Outcome run;
    try {
      fake.forEach((key, value) -> {
        spark().conf().set(key, value);
        hadoop.set(key.replaceFirst("^spark\\.hadoop\\.", ""), value);
      });
      assertEquals("plateau-fake-secret-key-7f3a91c2", spark().conf().get("spark.hadoop.fs.s3a.secret.key"));
      assertEquals("plateau-fake-session-token-c81d44e0", hadoop.get("fs.s3a.session.token"));
      run = new OptimizeJob(spark(), new PrintStream(printed, true, StandardCharsets.UTF_8), 2).run(study,
          runs.toString(), false);
    } finally {
      fake.keySet().forEach(key -> {
        spark().conf().unset(key);
        hadoop.unset(key.replaceFirst("^spark\\.hadoop\\.", ""));
      });
    }
    Path published = Path.of(run.runDirectory().replace("file:", ""));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(runs)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (String expected : List.of("manifest.json", "walkforward/summary.json", "robustness.json", "report.html",
        "stable_settings.json", "study.yaml")) {
      Assertions.assertTrue(files.contains(published.resolve(expected)), expected + " among " + files);
    }
    String output = printed.toString(StandardCharsets.UTF_8);
    Assertions.assertTrue(output.contains("outputs: "), output);
    for (Map.Entry<String, String> credential : fake.entrySet()) {
      byte[] value = credential.getValue().getBytes(StandardCharsets.UTF_8);
      for (Path file : files) {
        assertFalse(contains(Files.readAllBytes(file), value), file + " holds " + credential.getKey());
      }
      assertFalse(output.contains(credential.getValue()), "the printed output holds " + credential.getKey());
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Inputs are read-only: optimize and backtest --study leave the study file and every file and directory of the
   * bar store with the same bytes (SHA-256) and modification times, and add or remove none.
   */
  @Test
  void optimizeAndBacktestLeaveTheStudyFileAndTheStoreAsTheyWere() throws IOException {
    Path store = shared.resolve("bars");
    Path file = shared.resolve("inputs.yaml");
    Files.writeString(file, STUDY.replace("STORE", store.toString()));
    Map<String, String> before = snapshot(store, file);
    Assertions.assertTrue(before.keySet().stream().anyMatch(name -> name.endsWith(".parquet")), before.toString());

    job(2).run(StudyReader.read(file), shared.resolve("runs-inputs").toString(), false);
    assertEquals(PlateauCli.EXIT_OK, PlateauCli.run("backtest", "--study", file.toString(), "--out",
        shared.resolve("backtest-inputs").toString()));
    assertEquals(before, snapshot(store, file));
  }

  /** Every file and directory under {@code paths}: path → SHA-256 and modification time (directories: the time). */
  private static Map<String, String> snapshot(Path... paths) throws IOException {
    Map<String, String> snapshot = new java.util.TreeMap<>();
    for (Path path : paths) {
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path entry : walk.toList()) {
          String modified = Files.getLastModifiedTime(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS).toString();
          snapshot.put(entry.toString(), Files.isRegularFile(entry)
              ? io.plateau.util.Hashing.sha256(entry) + " " + modified : "directory " + modified);
        }
      }
    }
    return snapshot;
  }

  @Test
  void aCorruptOrTruncatedBarFileStopsTheRunNamingItBeforeAnythingIsWritten() throws IOException {
    Path store = shared.resolve("bars");
    com.fasterxml.jackson.databind.JsonNode inputs = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Path.of(clean.runDirectory().replace("file:", ""), "manifest.json").toFile()).get("inputs");
    Assertions.assertEquals(1, inputs.size(), "the year partition in range, 2022: " + inputs);
    for (com.fasterxml.jackson.databind.JsonNode input : inputs) {
      Path file = Path.of(java.net.URI.create(input.get("path").asText()));
      assertEquals(io.plateau.util.Hashing.sha256(file), input.get("sha256").asText());
      assertEquals("recorded SHA-256", input.get("verified").asText());
    }

    for (String damage : List.of("one bit flipped", "cut in half")) {
      Path copy = shared.resolve("bars-" + damage.replace(' ', '-'));
      copy(store, copy);
      Path file;
      try (Stream<Path> files = Files.walk(copy.resolve("symbol=MES/year=2022"))) {
        file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      }
      byte[] bytes = Files.readAllBytes(file);
      if (damage.equals("one bit flipped")) {
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
      } else {
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      }
      Study damaged = studyWith(STUDY.replace("STORE", copy.toString()));
      Path out = shared.resolve("runs-" + damage.replace(' ', '-'));
      InputException error = assertThrows(InputException.class, () -> job(3).run(damaged, out.toString(), false));
      Assertions.assertTrue(error.getMessage().startsWith("file:" + file + ": "
          + (damage.equals("one bit flipped") ? "corrupt: the SHA-256" : "truncated or corrupt")), error.getMessage());
      assertFalse(Files.exists(out), damage + ": no run directory, no staging directory");
    }
  }

  @Test
  void aBadStudyExitsTwoFromTheCommandLine() throws IOException {
    Path file = shared.resolve("bad.yaml");
    Files.writeString(file, STUDY.replace("objective: net-profit", "objective: luck"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(PlateauCli.EXIT_BAD_INPUT, PlateauCli.run("optimize", file.toString()));
    } finally {
      System.setErr(original);
    }
    Assertions.assertTrue(err.toString(StandardCharsets.UTF_8).contains("objective: 'luck' is not allowed"), err.toString());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
