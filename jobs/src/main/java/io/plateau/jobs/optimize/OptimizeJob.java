package io.plateau.jobs.optimize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plateau.bar.BarSeries;
import io.plateau.data.BarStore;
import io.plateau.data.VerifiedBarFile;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.jobs.report.RunReport;
import io.plateau.param.ParameterSpace;
import io.plateau.param.Search;
import io.plateau.param.TreeParzen;
import io.plateau.metrics.Drawdown;
import io.plateau.robust.Objective;
import io.plateau.robust.ParameterPlateau;
import io.plateau.robust.SpanMetrics;
import io.plateau.robust.WalkForwardMatrix;
import io.plateau.robust.WalkForwardSummary;
import io.plateau.robust.Window;
import io.plateau.strategy.Param;
import io.plateau.study.Study;
import io.plateau.study.StudyCalendar;
import io.plateau.study.TrialRunner;
import io.plateau.study.TrialSimulation;
import io.plateau.study.WindowRun;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code plateau optimize}: the study's parameter sets fanned out over Spark executors in blocks, each set simulated
 * once over the whole span; then, per walk-forward window, the set with the best in-sample objective, re-run flat on
 * the window's out-of-sample span; the stitched out-of-sample curve and the walk-forward summary. Outputs (see
 * {@link TrialTables}) are staged and published atomically by {@link RunDirectory}; the driver holds no bars, trades
 * or per-set results, only block counts and one chosen set per window.
 */
public final class OptimizeJob {

  /** Bar-evaluations a block aims at: about a minute of one core on the general simulator. */
  static final long BLOCK_BAR_EVALUATIONS = 600_000_000L;

  private final SparkSession spark;
  private final PrintStream out;
  private final int blocksPerSymbol;

  /**
   * @param blocksPerSymbol blocks per symbol, or 0 to size them from the work and the cluster's cores
   */
  public OptimizeJob(SparkSession spark, PrintStream out, int blocksPerSymbol) {
    this.spark = spark;
    this.out = out;
    this.blocksPerSymbol = blocksPerSymbol;
  }

  /** What a run produced, for the command line and the tests. */
  public record Outcome(String runDirectory, int blocks, int blocksRun, Map<String, WalkForwardSummary> summaries,
      Map<String, RobustnessStage.SymbolRobustness> robustness) {}

  /**
   * Runs {@code study} under {@code outDir} (the study's {@code output} when null); {@code resume} continues. A run
   * that fails cleans up after itself ({@link RunDirectory#abandon}); a write the file system refused becomes an
   * {@link InputException} naming the run, the file and what is left.
   */
  public Outcome run(Study study, String outDir, boolean resume) throws IOException {
    return run(study, outDir, resume, verifyInputs(study), null);
  }

  /**
   * {@link #run(Study, String, boolean)} with the study's store files already checked by {@link #verifyInputs};
   * a per-window study takes the windows it shares with the published run {@code reuseFrom} (null for none) from
   * that run ({@link WindowReuse}).
   */
  public Outcome run(Study study, String outDir, boolean resume, List<VerifiedBarFile> inputs, String reuseFrom)
      throws IOException {
    long started = System.nanoTime();
    // The aggregations after the blocks (the choice, the adaptive scores) shuffle a few rows per set: Spark's
    // default of 200 shuffle partitions would cost more in task overhead than the work.
    spark.conf().set("spark.sql.shuffle.partitions", Math.max(1, spark.sparkContext().defaultParallelism()));
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    checkParameterNames(study);
    Map<String, StudyCalendar> calendars = calendars(study, catalog);
    Map<String, List<String>> fingerprints = study.trials() == TrialSimulation.PER_WINDOW
        ? windowFingerprints(study, calendars) : Map.of();
    WindowReuse reuse = WindowReuse.of(reuseFrom, study, fingerprints, codeVersion(), this.out);
    String out = outDir != null ? outDir : study.output();
    RunDirectory run = resume ? RunDirectory.resume(out, study) : RunDirectory.create(out, study, LocalDateTime.now());
    try {
      return runIn(run, study, resume, inputs, calendars, fingerprints, reuse, started);
    } catch (Exception | FSError e) {
      // Exception, not RuntimeException: Spark throws its checked SparkException (a failed job) undeclared.
      String left = run.abandon(resume);
      Optional<OutputFailure.Refusal> refusal = OutputFailure.refusal(e);
      if (refusal.isPresent()) {
        throw new InputException(String.format(Locale.ROOT, "cannot write run %s under %s: %s (%s); %s",
            run.runId(), run.out(), refusal.get().reason(), refusal.get().detail(), left), e);
      }
      this.out.printf(Locale.ROOT, "run %s failed: %s%n", run.runId(), left);
      throw e;
    }
  }

  private Outcome runIn(RunDirectory run, Study study, boolean resume, List<VerifiedBarFile> inputs,
      Map<String, StudyCalendar> calendars, Map<String, List<String>> fingerprints, WindowReuse found, long started)
      throws IOException {
    // A resumed run keeps the plan it started with, whatever the cluster it resumes on (a run stopped before it had
    // a plan committed nothing, and gets one now); a run that reuses windows keeps the blocks whose files it reads
    // them from.
    boolean planned = resume && run.hasPlan();
    List<Block> blocks = new ArrayList<>(planned ? run.readPlan() : found.any() ? found.previousBlocks()
        : plan(study, calendars));
    WindowReuse reuse = found.forPlan(blocks, this.out);
    if (!planned) {
      run.writePlan(blocks);
    }
    Set<Integer> committed = new HashSet<>();
    for (int index : run.committedBlocks()) {
      committed.add(index);
    }
    int committedBefore = committed.size();
    this.out.printf(Locale.ROOT, "run %s: %d symbol(s), %s, %d windows, %d blocks%s%n", run.runId(),
        study.symbols().size(), describeSets(study, blocks), calendars.get(study.symbols().get(0)).windows().size(),
        blocks.size(), resume ? String.format(Locale.ROOT, " (%d committed before, %d to run)", committedBefore,
            blocks.size() - committedBefore) : "");
    writeCalendar(run, calendars);

    long blockStart = System.nanoTime();
    List<BlockResult> results = new ArrayList<>(runBlocks(study, calendars, run, reuse,
        uncommitted(blocks, 0, committed), blocks.stream().filter(b -> b.batch() == 0).count(), committed, ""));
    if (study.search() instanceof Search.Adaptive adaptive) {
      for (int batch = 1; batch < adaptive.batches(); batch++) {
        final int current = batch;
        if (blocks.stream().noneMatch(b -> b.batch() == current)) {
          long[] proposed = propose(run, study, adaptive, batch);
          if (proposed.length == 0) {
            this.out.printf(Locale.ROOT, "adaptive search: every admitted set is evaluated after batch %d%n",
                batch - 1);
            break;
          }
          blocks.addAll(cut(study, calendars, proposed, batch, blocks.size()));
          run.writePlan(blocks);
        }
        results.addAll(runBlocks(study, calendars, run, reuse, uncommitted(blocks, batch, committed),
            blocks.stream().filter(b -> b.batch() == current).count(), committed,
            String.format(Locale.ROOT, "batch %d/%d ", batch + 1, adaptive.batches())));
      }
    }
    long blockNanos = System.nanoTime() - blockStart;
    long evaluations = results.stream().mapToLong(BlockResult::barEvaluations).sum();

    Map<String, Double> stageSeconds = new LinkedHashMap<>();
    stageSeconds.put("plan_seconds", (blockStart - started) / 1e9);
    stageSeconds.put("blocks_seconds", blockNanos / 1e9);
    long stageStart = System.nanoTime();
    List<Chosen> chosen = choose(run, study);
    stageSeconds.put("choice_seconds", (System.nanoTime() - stageStart) / 1e9);
    stageStart = System.nanoTime();
    List<Chosen> main = chosen.stream().filter(c -> c.scheme() == 0).toList();
    List<WindowRun> reruns = rerun(study, calendars, main);
    stageSeconds.put("reruns_seconds", (System.nanoTime() - stageStart) / 1e9);
    stageStart = System.nanoTime();
    Map<String, WalkForwardMatrix> matrices = matrices(run, study, calendars,
        chosen.stream().filter(c -> c.scheme() > 0).toList());
    Map<String, WalkForwardSummary> summaries = writeWalkForward(run, study, calendars, main, reruns, matrices);
    stageSeconds.put("walk_forward_outputs_seconds", (System.nanoTime() - stageStart) / 1e9);
    stageStart = System.nanoTime();
    Map<String, RobustnessStage.SymbolRobustness> robustness = new RobustnessStage(spark, this.out).run(run, study,
        calendars, summaries);
    stageSeconds.put("robustness_seconds", (System.nanoTime() - stageStart) / 1e9);
    if (run.staging().toUri().getScheme().equals("file")) {
      RunReport.write(java.nio.file.Path.of(run.staging().toUri()));
    } else {
      this.out.printf(Locale.ROOT, "report: the run is not on a local disk; build it where it is with "
          + "'plateau report RUN_DIR'%n");
    }
    writeManifest(run, study, inputs, blocks, results, committedBefore, evaluations, fingerprints, reuse,
        stageSeconds, started);
    run.publish();
    this.out.printf(Locale.ROOT, "outputs: %s (open report.html in a browser)%n", run.finalDir());
    return new Outcome(run.finalDir().toString(), blocks.size(), (int) results.stream().filter(r -> !r.skipped())
        .count(), summaries, robustness);
  }

  /**
   * The set chosen on a window's in-sample span of a walk-forward scheme (0 the study's, 1.. the matrix cells): its
   * in-sample objective, the smoothed objective it was chosen by (NaN without plateau smoothing), its in-sample
   * metrics and the out-of-sample metrics of the same continuous run.
   */
  record Chosen(String symbol, int scheme, int window, long setId, double objective, double smoothedObjective,
      SpanMetrics inSample, SpanMetrics outOfSample) implements Serializable {

    /** The better of two candidates for the same window: the higher objective, NaN last, then the lower id. */
    static Chosen better(Chosen a, Chosen b) {
      return Objective.better(a.objective, a.setId, b.objective, b.setId) ? a : b;
    }
  }

  private static void checkParameterNames(Study study) {
    for (Param param : study.space().strategy().parameters()) {
      if (TrialTables.reservedColumns().contains(param.name()) || param.name().startsWith("is_")
          || param.name().startsWith("oos_")) {
        throw new IllegalStateException("parameter " + param.name() + " collides with a column of the trials table");
      }
    }
  }

  /**
   * Every store file the study reads, verified ({@link VerifiedBarFile}) before the run directory exists: a corrupt
   * or truncated file stops the run here, named, with nothing written, instead of failing tasks on the executors.
   * A symbol missing from the store is left to {@link #calendars}, which says so.
   */
  public List<VerifiedBarFile> verifyInputs(Study study) {
    long start = System.nanoTime();
    BarStore store = BarStore.open(study.store(), InstrumentCatalog.builtIn());
    List<VerifiedBarFile> files = new ArrayList<>();
    for (String symbol : study.symbols()) {
      if (store.symbols().contains(symbol)) {
        files.addAll(store.verify(symbol, study.start(), study.end()));
      }
    }
    long decoded = files.stream().filter(f -> f.method() == VerifiedBarFile.Method.DECODED).count();
    this.out.printf(Locale.ROOT, "bars: %d file(s), %.1f MB, verified in %.1f s (%s)%n", files.size(),
        files.stream().mapToLong(VerifiedBarFile::bytes).sum() / 1e6, (System.nanoTime() - start) / 1e9,
        decoded == 0 ? "SHA-256 recorded in each footer" : decoded == files.size() ? "decoded; no recorded SHA-256"
            : (files.size() - decoded) + " by recorded SHA-256, " + decoded + " decoded");
    return files;
  }

  /** Whether {@code outDir} holds an interrupted run of {@code study} that {@code resume} would continue. */
  public static boolean hasInterruptedRun(String outDir, Study study) throws IOException {
    return RunDirectory.hasInterrupted(outDir, study);
  }

  /** Per symbol, its windows' fingerprints ({@link TrialRunner#windowFingerprints}), one task per symbol. */
  private Map<String, List<String>> windowFingerprints(Study study, Map<String, StudyCalendar> calendars) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    context.setJobDescription("plateau optimize " + study.name() + ": window fingerprints");
    List<List<String>> fingerprints = context.parallelize(study.symbols(), study.symbols().size())
        .map(symbol -> new TrialRunner(study, BarCache.bars(study, symbol), calendars.get(symbol))
            .windowFingerprints()).collect();
    Map<String, List<String>> bySymbol = new LinkedHashMap<>();
    for (int i = 0; i < fingerprints.size(); i++) {
      bySymbol.put(study.symbols().get(i), fingerprints.get(i));
    }
    return bySymbol;
  }

  /** Each symbol's calendar, from the trading dates of its first and last bars in the study's range. */
  public static Map<String, StudyCalendar> calendars(Study study, InstrumentCatalog catalog) {
    BarStore store = BarStore.open(study.store(), catalog);
    Map<String, StudyCalendar> calendars = new LinkedHashMap<>();
    for (String symbol : study.symbols()) {
      if (!store.symbols().contains(symbol)) {
        throw new InputException(study.file() + ": bars.symbols: '" + symbol + "' is not in the bar store "
            + study.store() + ", which holds " + store.symbols());
      }
      List<Integer> years = store.years(symbol).stream()
          .filter(y -> y >= study.start().getYear() && y <= study.end().getYear()).toList();
      LocalDate first = null;
      LocalDate last = null;
      for (int i = 0; i < years.size() && first == null; i++) {
        BarSeries year = store.read(symbol, max(study.start(), LocalDate.of(years.get(i), 1, 1)),
            min(study.end(), LocalDate.of(years.get(i), 12, 31)));
        first = year.isEmpty() ? null : year.tradingDate(0);
      }
      for (int i = years.size() - 1; i >= 0 && last == null; i--) {
        BarSeries year = store.read(symbol, max(study.start(), LocalDate.of(years.get(i), 1, 1)),
            min(study.end(), LocalDate.of(years.get(i), 12, 31)));
        last = year.isEmpty() ? null : year.tradingDate(year.size() - 1);
      }
      if (first == null) {
        throw new InputException(study.file() + ": bars: the store " + study.store() + " has no " + symbol
            + " bars between " + study.start() + " and " + study.end() + "; it has years " + store.years(symbol));
      }
      calendars.put(symbol, StudyCalendar.of(study, symbol, catalog.get(symbol).sessions(), first, last));
    }
    return calendars;
  }

  /**
   * Blocks of about {@link #BLOCK_BAR_EVALUATIONS} each, and at least 3 per core of the cluster, per symbol. A grid
   * is cut into id ranges holding equal numbers of admitted sets; a random draw, or an adaptive search's startup
   * draw (its batch 0), into equal slices of its ids.
   */
  private List<Block> plan(Study study, Map<String, StudyCalendar> calendars) {
    if (study.search() instanceof Search.Random random) {
      return cut(study, calendars, random.ids(study.space()), 0, 0);
    }
    if (study.search() instanceof Search.Adaptive adaptive) {
      return cut(study, calendars, adaptive.startupIds(study.space()), 0, 0);
    }
    long admitted = study.space().admittedCount();
    List<Block> blocks = new ArrayList<>();
    for (String symbol : study.symbols()) {
      int count = blockCount(study, calendars, symbol, admitted);
      long seen = 0;
      long assigned = 0;
      long from = 0;
      int made = 0;
      for (long id = 0; id < study.space().size(); id++) {
        if (study.space().admits(id)) {
          seen++;
          if (seen * count >= admitted * (made + 1)) {
            blocks.add(new Block(blocks.size(), 0, symbol, from, id + 1, null, seen - assigned));
            assigned = seen;
            from = id + 1;
            made++;
          }
        }
      }
    }
    return blocks;
  }

  /** Blocks for the explicit {@code ids} of batch {@code batch}, numbered from {@code firstIndex}. */
  private List<Block> cut(Study study, Map<String, StudyCalendar> calendars, long[] ids, int batch, int firstIndex) {
    List<Block> blocks = new ArrayList<>();
    for (String symbol : study.symbols()) {
      int count = blockCount(study, calendars, symbol, ids.length);
      for (int b = 0; b < count; b++) {
        long[] slice = Arrays.copyOfRange(ids, (int) (ids.length * (long) b / count),
            (int) (ids.length * (long) (b + 1) / count));
        blocks.add(new Block(firstIndex + blocks.size(), batch, symbol, slice[0], slice[slice.length - 1] + 1, slice,
            slice.length));
      }
    }
    return blocks;
  }

  private int blockCount(Study study, Map<String, StudyCalendar> calendars, String symbol, long sets) {
    int cores = spark.sparkContext().defaultParallelism();
    long bars = (long) calendars.get(symbol).size() * barsPerDay(study);
    long wanted = blocksPerSymbol > 0 ? blocksPerSymbol : Math.max(
        (3L * cores + study.symbols().size() - 1) / study.symbols().size(), sets * bars / BLOCK_BAR_EVALUATIONS + 1);
    return (int) Math.max(1, Math.min(sets, wanted));
  }

  private static long barsPerDay(Study study) {
    int minutes = switch (study.barSize()) {
      case "1d" -> 1440;
      default -> Integer.parseInt(study.barSize().substring(0, study.barSize().length() - 1));
    };
    int sessionMinutes = study.session() == io.plateau.bar.Session.REGULAR ? 405 : 1380;
    return Math.max(1, sessionMinutes / minutes);
  }

  private List<BlockResult> runBlocks(Study study, Map<String, StudyCalendar> calendars, RunDirectory run,
      WindowReuse reuse, List<Block> toRun, long total, Set<Integer> committed, String label) {
    if (toRun.isEmpty()) {
      return List.of();
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Progress.Counters counters = Progress.Counters.register(spark.sparkContext());
    Progress progress = new Progress(label, (int) total, (int) (total - toRun.size()), counters, out);
    spark.sparkContext().addSparkListener(progress);
    try {
      BlockTask task = new BlockTask(study, calendars, run.staging().toString(), reuse);
      context.setJobDescription("plateau optimize " + study.name() + ": " + label + toRun.size() + " blocks");
      List<BlockResult> results = context.parallelize(toRun, toRun.size()).map(block -> task.run(block, counters))
          .collect();
      toRun.forEach(block -> committed.add(block.index()));
      return results;
    } finally {
      spark.sparkContext().removeSparkListener(progress);
    }
  }

  private static List<Block> uncommitted(List<Block> blocks, int batch, Set<Integer> committed) {
    return blocks.stream().filter(b -> b.batch() == batch && !committed.contains(b.index())).toList();
  }

  private static String describeSets(Study study, List<Block> blocks) {
    long first = blocks.stream().filter(b -> b.symbol().equals(study.symbols().get(0)) && b.batch() == 0)
        .mapToLong(Block::admitted).sum();
    if (study.search() instanceof Search.Adaptive adaptive) {
      return String.format(Locale.ROOT, "adaptive search: %,d startup sets, then %d batches of %,d proposed sets",
          first, adaptive.batches() - 1, adaptive.batchSize());
    }
    return String.format(Locale.ROOT, "%,d parameter sets each", first);
  }

  /**
   * The adaptive search's next batch: {@link TreeParzen} over every set evaluated so far, each scored by its mean
   * in-sample objective over the windows (and symbols), read from the committed trials; NaN ranks worst. Only ids
   * and scores come to the driver, as many as the search evaluates.
   */
  private long[] propose(RunDirectory run, Study study, Search.Adaptive adaptive, int batch) {
    List<Row> rows = spark.read().parquet(new Path(run.staging(), "trials").toString()).groupBy("set_id")
        .agg(functions.avg("is_objective")).orderBy("set_id").collectAsList();
    long[] ids = new long[rows.size()];
    double[] scores = new double[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = rows.get(i).getLong(0);
      scores[i] = rows.get(i).isNullAt(1) ? Double.NaN : rows.get(i).getDouble(1);
    }
    return TreeParzen.propose(study.space(), ids, scores, adaptive.batchSize(), adaptive, batch);
  }

  /**
   * Per symbol, scheme and window, the set with the best in-sample objective: undefined (NaN) objectives rank last,
   * ties go to the lower set id. The blocks' markers hold each block's best; merging them reads no trials. With a
   * plateau-smoothed objective, {@link #chooseOnPlateaus} decides instead.
   */
  private List<Chosen> choose(RunDirectory run, Study study) throws IOException {
    if (study.plateau() != null) {
      return chooseOnPlateaus(spark.read().parquet(new Path(run.staging(), "trials").toString()), study);
    }
    Map<String, Chosen> best = new TreeMap<>();
    for (Chosen candidate : run.committedBests()) {
      best.merge(String.format(Locale.ROOT, "%s/%05d/%05d", candidate.symbol(), candidate.scheme(),
          candidate.window()), candidate, Chosen::better);
    }
    return new ArrayList<>(best.values());
  }

  /**
   * Per symbol and window, the centre of the best plateau ({@link ParameterPlateau}): the window's trials are
   * grouped on an executor, smoothed over each set's neighbourhood in the parameter space, and only the
   * recommended set comes to the driver.
   */
  private static List<Chosen> chooseOnPlateaus(Dataset<Row> trials, Study study) {
    ParameterSpace space = study.space();
    ParameterPlateau.Smoothing smoothing = study.plateau();
    List<Chosen> chosen = new ArrayList<>(trials.select(choiceColumns()).toJavaRDD()
        .groupBy(row -> row.getString(0) + "/" + row.getInt(1) + "/" + row.getInt(2))
        .map(window -> {
          List<Row> rows = new ArrayList<>();
          window._2().forEach(rows::add);
          long[] ids = rows.stream().mapToLong(row -> row.getLong(3)).toArray();
          double[] objective = rows.stream().mapToDouble(row -> row.getDouble(4)).toArray();
          ParameterPlateau plateau = ParameterPlateau.of(space, ids, objective, smoothing.neighbourhood(),
              smoothing.aggregate());
          return chosen(rows.get(plateau.recommendedIndex()), plateau.smoothed(plateau.recommendedIndex()));
        })
        .collect());
    chosen.sort(Comparator.comparing(Chosen::symbol).thenComparingInt(Chosen::scheme).thenComparingInt(Chosen::window));
    return chosen;
  }

  /**
   * symbol, scheme, window_index, set_id, is_objective, then the in-sample and the out-of-sample metrics in {@link
   * SpanMetrics}' order.
   */
  private static org.apache.spark.sql.Column[] choiceColumns() {
    List<org.apache.spark.sql.Column> columns = new ArrayList<>();
    for (String name : List.of("symbol", "scheme", "window_index", "set_id", "is_objective")) {
      columns.add(functions.col(name));
    }
    TrialTables.METRICS.forEach(metric -> columns.add(functions.col("is_" + metric)));
    TrialTables.METRICS.forEach(metric -> columns.add(functions.col("oos_" + metric)));
    return columns.toArray(new org.apache.spark.sql.Column[0]);
  }

  private static Chosen chosen(Row row, double smoothedObjective) {
    return new Chosen(row.getString(0), row.getInt(1), row.getInt(2), row.getLong(3), row.getDouble(4),
        smoothedObjective, metrics(row, 5), metrics(row, 5 + TrialTables.METRICS.size()));
  }

  /** The {@link SpanMetrics} in columns {@code first ..} of {@code row}, in {@link TrialTables#METRICS}' order. */
  static SpanMetrics metrics(Row row, int first) {
    return new SpanMetrics(row.getDouble(first), row.getDouble(first + 1), row.getDouble(first + 2),
        row.getDouble(first + 3), row.getDouble(first + 4), row.getDouble(first + 5), row.getDouble(first + 6),
        row.getDouble(first + 7), row.getInt(first + 8), row.getInt(first + 9));
  }

  /**
   * Per symbol, the walk-forward matrix: each cell's summary from its windows' chosen sets, their in-sample metrics
   * and the out-of-sample metrics of the same continuous runs (a flat re-run per window is done for the study's own
   * scheme only), the stitched drawdown from the chosen sets' daily P&amp;L, which is read for those sets only.
   * Written to {@code walkforward/matrix.parquet}.
   */
  private Map<String, WalkForwardMatrix> matrices(RunDirectory run, Study study,
      Map<String, StudyCalendar> calendars, List<Chosen> chosen) throws IOException {
    if (study.matrix().isEmpty()) {
      return Map.of();
    }
    List<Long> ids = chosen.stream().map(Chosen::setId).distinct().toList();
    Map<String, float[]> pnl = new HashMap<>();
    for (Row row : spark.read().parquet(new Path(run.staging(), "pnl").toString())
        .where(functions.col("set_id").isin(ids.toArray())).select("symbol", "set_id", "daily_pnl").collectAsList()) {
      List<Float> daily = row.getList(2);
      float[] values = new float[daily.size()];
      for (int d = 0; d < values.length; d++) {
        values[d] = daily.get(d);
      }
      pnl.put(row.getString(0) + "/" + row.getLong(1), values);
    }
    Map<String, WalkForwardMatrix> matrices = new LinkedHashMap<>();
    MessageType schema = TrialTables.matrixSchema();
    List<Group> rows = new ArrayList<>();
    for (String symbol : study.symbols()) {
      StudyCalendar calendar = calendars.get(symbol);
      List<WalkForwardMatrix.Cell> cells = new ArrayList<>();
      for (int c = 0; c < study.matrix().size(); c++) {
        int scheme = c + 1;
        List<Chosen> windows = chosen.stream().filter(x -> x.symbol().equals(symbol) && x.scheme() == scheme)
            .sorted(Comparator.comparingInt(Chosen::window)).toList();
        List<Double> stitched = new ArrayList<>();
        double equity = study.capital();
        for (Chosen choice : windows) {
          Window window = calendar.matrixWindows().get(c).get(choice.window());
          float[] daily = pnl.get(symbol + "/" + choice.setId());
          int to = calendar.indexAtOrAfter(window.outOfSampleEnd()) + 1;
          for (int d = calendar.indexAtOrAfter(window.outOfSampleStart()); d < to; d++) {
            equity += daily[d];
            stitched.add(equity);
          }
        }
        double drawdown = Drawdown.of(study.capital(), stitched.stream().mapToDouble(Double::doubleValue).toArray())
            .maxDrawdown();
        cells.add(WalkForwardMatrix.Cell.of(study.matrix().get(c), windows.stream().map(Chosen::inSample).toList(),
            windows.stream().map(Chosen::outOfSample).toList(), drawdown, study.capital(), study.robustness().gates()));
      }
      WalkForwardMatrix matrix = WalkForwardMatrix.of(cells);
      matrices.put(symbol, matrix);
      for (int c = 0; c < cells.size(); c++) {
        rows.add(TrialTables.matrixRow(schema, symbol, c + 1, cells.get(c), c == matrix.best()));
      }
    }
    TrialTables.write(RunDirectory.outputConf(), new Path(run.staging(), "walkforward/matrix.parquet"), schema, rows);
    return matrices;
  }

  /** Each chosen set re-run on its window's out-of-sample span, one task per window. */
  private List<WindowRun> rerun(Study study, Map<String, StudyCalendar> calendars, List<Chosen> chosen) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    context.setJobDescription("plateau optimize " + study.name() + ": out-of-sample re-runs");
    return context.parallelize(chosen, Math.max(1, chosen.size())).map(choice -> {
      StudyCalendar calendar = calendars.get(choice.symbol());
      TrialRunner runner = new TrialRunner(study, BarCache.bars(study, choice.symbol()), calendar);
      return runner.rerun(choice.setId(), calendar.windows().get(choice.window()));
    }).collect();
  }

  private Map<String, WalkForwardSummary> writeWalkForward(RunDirectory run, Study study,
      Map<String, StudyCalendar> calendars, List<Chosen> chosen, List<WindowRun> reruns,
      Map<String, WalkForwardMatrix> matrices) throws IOException {
    Configuration conf = RunDirectory.outputConf();
    MessageType windowsSchema = TrialTables.windowsSchema(study.space());
    MessageType stitchedSchema = TrialTables.stitchedSchema();
    List<Group> windowRows = new ArrayList<>();
    List<Group> stitchedRows = new ArrayList<>();
    Map<String, WalkForwardSummary> summaries = new LinkedHashMap<>();
    Map<String, Object> document = new LinkedHashMap<>();
    for (String symbol : study.symbols()) {
      List<SpanMetrics> inSample = new ArrayList<>();
      List<SpanMetrics> outOfSample = new ArrayList<>();
      List<Map<String, Object>> windows = new ArrayList<>();
      List<Double> stitched = new ArrayList<>();
      double equity = study.capital();
      out.printf(Locale.ROOT, "%s walk-forward (%s %s, objective %s):%n", symbol, study.walkForward().anchored()
          ? "anchored" : "rolling", study.walkForward().inSample() + " / " + study.walkForward().outOfSample(),
          study.objective().configName() + (study.plateau() == null ? "" : ", " + study.plateau().describe()));
      for (int i = 0; i < chosen.size(); i++) {
        Chosen choice = chosen.get(i);
        if (!choice.symbol().equals(symbol)) {
          continue;
        }
        WindowRun rerun = reruns.get(i);
        Window window = rerun.window();
        inSample.add(choice.inSample());
        outOfSample.add(rerun.outOfSample());
        windowRows.add(TrialTables.windowRow(windowsSchema, study.space(), symbol, rerun, choice.objective(),
            choice.smoothedObjective(), choice.inSample()));
        StudyCalendar calendar = calendars.get(symbol);
        int first = calendar.indexAtOrAfter(window.outOfSampleStart());
        for (int d = 0; d < rerun.dailyPnl().length; d++) {
          equity += rerun.dailyPnl()[d];
          stitched.add(equity);
          stitchedRows.add(new SimpleGroupFactory(stitchedSchema).newGroup().append("symbol", symbol)
              .append("window_index", window.index()).append("date", TrialTables.day(calendar.date(first + d)))
              .append("pnl", rerun.dailyPnl()[d]).append("equity", equity));
        }
        String params = study.space().varyingValues(choice.setId()).toString();
        out.printf(Locale.ROOT, "  %2d  IS %s..%s  OOS %s..%s  %-40s IS net %,12.2f  OOS net %,12.2f  (%d trades)%n",
            window.index(), window.inSampleStart(), window.inSampleEnd(), window.outOfSampleStart(),
            window.outOfSampleEnd(), params, choice.inSample().netProfit(), rerun.outOfSample().netProfit(),
            rerun.outOfSample().trades());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("window", window.index());
        entry.put("in_sample", List.of(window.inSampleStart().toString(), window.inSampleEnd().toString()));
        entry.put("out_of_sample", List.of(window.outOfSampleStart().toString(), window.outOfSampleEnd().toString()));
        entry.put("set_id", choice.setId());
        entry.put("params", study.space().values(choice.setId()));
        entry.put("in_sample_objective", choice.objective());
        if (study.plateau() != null) {
          entry.put("in_sample_smoothed_objective", choice.smoothedObjective());
        }
        entry.put("in_sample_metrics", choice.inSample());
        entry.put("out_of_sample_metrics", rerun.outOfSample());
        entry.put("efficiency", WalkForwardSummary.windowEfficiency(choice.inSample(), rerun.outOfSample()));
        windows.add(entry);
      }
      double drawdown = Drawdown.of(study.capital(), stitched.stream().mapToDouble(Double::doubleValue).toArray())
          .maxDrawdown();
      WalkForwardSummary summary = WalkForwardSummary.of(inSample, outOfSample, drawdown);
      summaries.put(symbol, summary);
      out.printf(Locale.ROOT, "  walk-forward efficiency %s, profitable OOS windows %s, largest window share %s, "
          + "OOS net %,.2f, stitched max drawdown %,.2f%n", percent(summary.efficiency()),
          percent(summary.profitableWindowShare()), percent(summary.largestWindowShare()),
          summary.outOfSampleNetProfit(), summary.stitchedMaxDrawdown());
      Map<String, Object> perSymbol = new LinkedHashMap<>();
      perSymbol.put("summary", summary);
      perSymbol.put("windows", windows);
      if (matrices.containsKey(symbol)) {
        perSymbol.put("matrix", matrixDocument(matrices.get(symbol)));
        printMatrix(matrices.get(symbol));
      }
      document.put(symbol, perSymbol);
    }
    Path walkforward = new Path(run.staging(), "walkforward");
    TrialTables.write(conf, new Path(walkforward, "windows.parquet"), windowsSchema, windowRows);
    TrialTables.write(conf, new Path(walkforward, "stitched.parquet"), stitchedSchema, stitchedRows);
    run.writeText("walkforward/summary.json", json().writeValueAsString(document));
    return summaries;
  }

  private static Map<String, Object> matrixDocument(WalkForwardMatrix matrix) {
    List<Map<String, Object>> cells = new ArrayList<>();
    for (WalkForwardMatrix.Cell cell : matrix.cells()) {
      cells.add(ordered("in_sample", cell.scheme().inSample().toString(), "out_of_sample",
          cell.scheme().outOfSample().toString(), "summary", cell.summary(), "annualized_out_of_sample_profit",
          cell.annualizedOutOfSampleProfit(), "passes", cell.passes(), "failures", cell.failures()));
    }
    WalkForwardMatrix.Cell best = matrix.cells().get(matrix.best());
    return ordered("cells", cells, "passing", matrix.passing(), "best", ordered("in_sample",
        best.scheme().inSample().toString(), "out_of_sample", best.scheme().outOfSample().toString(), "passes",
        best.passes()));
  }

  /** The matrix as a table: in-sample lengths down, out-of-sample lengths across, annualized OOS profit. */
  private void printMatrix(WalkForwardMatrix matrix) {
    List<String> columns = matrix.cells().stream().map(c -> c.scheme().outOfSample().toString()).distinct().toList();
    out.printf(Locale.ROOT, "  walk-forward matrix (annualized out-of-sample profit; * passes, [ ] best):%n");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "    %-14s", "IS \\ OOS"));
    columns.forEach(column -> header.append(String.format(Locale.ROOT, "%16s", column)));
    out.println(header);
    List<String> rows = matrix.cells().stream().map(c -> c.scheme().inSample().toString()).distinct().toList();
    for (String row : rows) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-14s", row));
      for (String column : columns) {
        for (int c = 0; c < matrix.cells().size(); c++) {
          WalkForwardMatrix.Cell cell = matrix.cells().get(c);
          if (cell.scheme().inSample().toString().equals(row) && cell.scheme().outOfSample().toString()
              .equals(column)) {
            String value = String.format(Locale.ROOT, "%,.0f%s", cell.annualizedOutOfSampleProfit(),
                cell.passes() ? "*" : "");
            line.append(String.format(Locale.ROOT, "%16s", c == matrix.best() ? "[" + value + "]" : value));
          }
        }
      }
      out.println(line);
    }
    out.printf(Locale.ROOT, "    %d of %d cells pass%n", matrix.passing(), matrix.cells().size());
  }

  private void writeCalendar(RunDirectory run, Map<String, StudyCalendar> calendars) throws IOException {
    MessageType schema = TrialTables.calendarSchema();
    List<Group> rows = new ArrayList<>();
    for (Map.Entry<String, StudyCalendar> entry : calendars.entrySet()) {
      int[] dates = entry.getValue().tradingDatesUnsafe();
      for (int d = 0; d < dates.length; d++) {
        rows.add(new SimpleGroupFactory(schema).newGroup().append("symbol", entry.getKey()).append("day_index", d)
            .append("date", dates[d]));
      }
    }
    TrialTables.write(RunDirectory.outputConf(), new Path(run.staging(), "calendar.parquet"), schema, rows);
  }

  private void writeManifest(RunDirectory run, Study study, List<VerifiedBarFile> inputs, List<Block> blocks,
      List<BlockResult> results, int committedBefore, long evaluations, Map<String, List<String>> fingerprints,
      WindowReuse reuse, Map<String, Double> stageSeconds, long started) throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", run.runId());
    manifest.put("study", ordered("file", study.file(), "name", study.name(), "sha256", sha256(study.text())));
    manifest.put("inputs", inputs.stream().map(file -> ordered("path", file.path(), "bytes", file.bytes(), "sha256",
        file.sha256(), "verified", file.method() == VerifiedBarFile.Method.RECORDED_DIGEST ? "recorded SHA-256"
            : "decoded")).toList());
    manifest.put("code_version", codeVersion());
    manifest.put("trials", study.trials().configName());
    if (study.trials() == TrialSimulation.PER_WINDOW) {
      manifest.put("window_fingerprints", fingerprints);
      manifest.put("reused", ordered("from", reuse.previousRun(), "windows", reuse.windows()));
    }
    manifest.put("spark", ordered("master", spark.sparkContext().master(), "version", spark.version(),
        "default_parallelism", spark.sparkContext().defaultParallelism()));
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("blocks", blocks.size());
    counts.put("blocks_run", results.stream().filter(r -> !r.skipped()).count());
    counts.put("blocks_committed_before", committedBefore);
    counts.put("parameter_sets_run", results.stream().mapToLong(BlockResult::sets).sum());
    counts.put("bar_evaluations", evaluations);
    manifest.put("counts", counts);
    Map<String, Object> timings = new LinkedHashMap<>(stageSeconds);
    timings.put("total_seconds", (System.nanoTime() - started) / 1e9);
    double blockSeconds = stageSeconds.get("blocks_seconds");
    timings.put("bar_evaluations_per_second", blockSeconds == 0 ? 0 : evaluations / blockSeconds);
    manifest.put("timings", timings);
    manifest.put("driver_heap", driverHeap());
    run.writeText("manifest.json", json().writeValueAsString(manifest));
  }

  /**
   * The driver JVM's heap: its maximum, the sum of its pools' peak use (an upper bound of the peak), and what its
   * pools held after their last collection (the live data, which must not grow with the number of sets). In local
   * mode the driver is also the executor, and this includes the cached bars.
   */
  private static Map<String, Object> driverHeap() {
    long peak = 0;
    long afterCollection = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
        MemoryUsage collected = pool.getCollectionUsage();
        afterCollection += collected == null ? 0 : collected.getUsed();
      }
    }
    return ordered("max_bytes", Runtime.getRuntime().maxMemory(), "peak_used_bytes", peak,
        "used_after_last_collection_bytes", afterCollection);
  }

  /** The jar the job runs from and its SHA-256, or the classes directory in a development build. */
  public static String codeVersion() {
    try {
      java.nio.file.Path location = java.nio.file.Path.of(
          OptimizeJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (java.nio.file.Files.isRegularFile(location)) {
        return location.getFileName() + " sha256:" + io.plateau.util.Hashing.sha256(location);
      }
      return "classes directory " + location;
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String sha256(String text) {
    return io.plateau.util.Hashing.sha256(text);
  }

  static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
  }

  /** A map keeping the order of {@code keysAndValues} (key, value, key, value ...), for JSON documents. */
  public static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
