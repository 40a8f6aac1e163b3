package io.plateau.jobs.reoptimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plateau.data.VerifiedBarFile;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.jobs.optimize.BarCache;
import io.plateau.jobs.optimize.OptimizeJob;
import io.plateau.jobs.optimize.RobustnessStage;
import io.plateau.robust.Gates;
import io.plateau.robust.SpanMetrics;
import io.plateau.robust.Window;
import io.plateau.strategy.Strategies;
import io.plateau.strategy.StrategySpec;
import io.plateau.study.Study;
import io.plateau.study.StudyCalendar;
import io.plateau.study.TrialRunner;
import io.plateau.study.TrialSimulation;
import io.plateau.util.Hashing;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code plateau reoptimize}: one scheduled batch. Under the state directory's lock it sees whether the bars hold a
 * walk-forward window the last successful batch did not have; if not it records that and does nothing. Otherwise
 * it runs the study ({@link OptimizeJob}, resuming the run of an interrupted batch that saw the same data and
 * code), and for each symbol compares the run's recommended settings (the challenger) with the settings in
 * production (the champion) on the latest window's out-of-sample span, both re-run flat there: the challenger is
 * promoted only when it passes the gates and beats the champion's objective by the margin. Every decision and its
 * reason goes to the history; the champion, the watermark and the history are each replaced whole.
 */
public final class ReoptimizeJob {

  /** How a batch ended, for the exit code. */
  public enum Ending {
    /** The study ran and each symbol's champion was promoted or kept. */
    DONE,
    /** No new complete window since the last successful batch. */
    NOTHING_TO_DO
  }

  /** The outcome of a batch: its ending and, when it ran, the optimize run and each symbol's decision. */
  public record Outcome(Ending ending, OptimizeJob.Outcome run, Map<String, Decision> decisions) {}

  /** Why a batch does not start: another batch holds the state directory, or left a stale lock. */
  public static final class HeldException extends RuntimeException {
    HeldException(String message) {
      super(message);
    }
  }

  /** Work done under the batch's lock before it looks at the bars: the drop folder's ingest. */
  @FunctionalInterface
  public interface IngestStep {
    void run() throws IOException;
  }

  /** One symbol's decision: promoted or not, why, and the two objective values compared. */
  public record Decision(boolean promoted, String reason, Map<String, String> challenger, double challengerScore,
      double championScore) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark;
  private final PrintStream out;

  public ReoptimizeJob(SparkSession spark, PrintStream out) {
    this.spark = spark;
    this.out = out;
  }

  /**
   * Runs one batch of {@code study} on {@code stateDir}.
   *
   * @param marginPercent how much better, in percent of the champion's objective's magnitude, the challenger's must
   *     be on the latest out-of-sample span
   * @param breakStaleLock whether a lock left by a batch that is verifiably gone may be removed
   * @param ingest what to do under the lock before the bars are looked at
   * @throws HeldException when another batch holds the state directory, or a stale lock is left
   */
  public Outcome run(Study study, Path stateDir, double marginPercent, boolean breakStaleLock, IngestStep ingest)
      throws IOException {
    StateDirectory state = new StateDirectory(stateDir);
    try (BatchLock lock = BatchLock.acquire(state.lockFile(), breakStaleLock, out)) {
      ingest.run();
      OptimizeJob optimize = new OptimizeJob(spark, out, 0);
      // Verified once: a damaged file stops the batch here, exit 2 naming it, before the state directory changes.
      List<VerifiedBarFile> inputs = optimize.verifyInputs(study);
      Map<String, StudyCalendar> calendars = OptimizeJob.calendars(study, InstrumentCatalog.builtIn());
      Map<String, Object> watermark = watermark(study, inputs, calendars);
      Optional<JsonNode> last = state.watermark();
      String news = last.isPresent() ? whatIsNew(last.get(), watermark) : "first batch";
      if (news == null) {
        String reason = "no new complete window since the last batch (" + describe(last.get()) + ")";
        out.println("nothing to do: " + reason);
        state.appendHistory(historyLine(watermark, "nothing-to-do", reason, null, Map.of()));
        return new Outcome(Ending.NOTHING_TO_DO, null, Map.of());
      }
      try {
        // A per-window study takes the windows whose bars did not change from the last successful batch's run.
        String lastRun = last.map(previous -> previous.path("run").asText(null)).orElse(null);
        return runBatch(optimize, study, inputs, state, calendars, watermark, news, lastRun, marginPercent / 100);
      } catch (Exception e) {
        // Exception, not IOException | RuntimeException: Spark throws its checked SparkException undeclared.
        recordFailure(state, watermark, e);
        throw e;
      }
    }
  }

  /**
   * The batch's work once it has news: the run (taking unchanged windows from {@code lastRun}, the last successful
   * batch's, when the study has per-window trials), the decisions, the state's files.
   */
  private Outcome runBatch(OptimizeJob optimize, Study study, List<VerifiedBarFile> inputs, StateDirectory state,
      Map<String, StudyCalendar> calendars, Map<String, Object> watermark, String news, String lastRun, double margin)
      throws IOException {
    JsonNode underWay = state.batchUnderWay().orElse(null);
    boolean resume = underWay != null && underWay.equals(JSON.valueToTree(watermark))
        && OptimizeJob.hasInterruptedRun(state.runs().toString(), study);
    out.printf(Locale.ROOT, "batch: %s; %s%n", news, resume ? "resuming the interrupted batch's run"
        : "a new run under " + state.runs());
    state.writeBatchUnderWay(watermark);
    if (study.trials() == TrialSimulation.CONTINUOUS && lastRun != null) {
      out.println("trials: continuous, so every window is simulated again (walk_forward.trials: per-window would "
          + "take the unchanged windows from " + lastRun + ")");
    }
    OptimizeJob.Outcome run = optimize.run(study, state.runs().toString(), resume, inputs, lastRun);

    JsonNode champion = state.champion().orElse(JSON.createObjectNode());
    Map<String, Decision> decisions = decide(study, calendars, run, champion, margin);
    Map<String, Object> symbols = new TreeMap<>();
    champion.path("symbols").fields().forEachRemaining(e -> symbols.put(e.getKey(), e.getValue()));
    decisions.forEach((symbol, decision) -> {
      out.printf(Locale.ROOT, "%s: %s — %s%n", symbol, decision.promoted() ? "promoted" : "kept",
          decision.reason());
      if (decision.promoted()) {
        symbols.put(symbol, championEntry(study, run.runDirectory(), decision));
      }
    });
    if (decisions.values().stream().anyMatch(Decision::promoted)) {
      state.writeChampion(OptimizeJob.ordered("study", study.name(), "symbols", symbols));
    }
    Map<String, Object> done = new LinkedHashMap<>(watermark);
    done.put("run", run.runDirectory());
    state.writeWatermark(done);
    String decided = decisions.values().stream().anyMatch(Decision::promoted) ? "promoted" : "kept";
    state.appendHistory(historyLine(watermark, decided, news, run.runDirectory(), decisions));
    state.endBatch();
    return new Outcome(Ending.DONE, run, decisions);
  }

  /**
   * A failed batch's line in the history, if the state directory takes it (a full disk may not): the reason is the
   * failure's message. The batch's own files stay as they were.
   */
  private void recordFailure(StateDirectory state, Map<String, Object> watermark, Exception failure) {
    try {
      state.appendHistory(historyLine(watermark, "failed", String.valueOf(failure.getMessage()), null, Map.of()));
    } catch (IOException | RuntimeException e) {
      out.println("the failure is not in the history either: " + e.getMessage());
    }
  }


  /**
   * What the bars hold: per symbol the last trading date, the complete windows and the last out-of-sample end;
   * the store's files (with their hashes), the study's text and the code that runs it. The state's watermark adds
   * the batch's run.
   */
  private static Map<String, Object> watermark(Study study, List<VerifiedBarFile> inputs,
      Map<String, StudyCalendar> calendars) throws IOException {
    Map<String, Object> symbols = new TreeMap<>();
    calendars.forEach((symbol, calendar) -> {
      List<Window> windows = calendar.windows();
      symbols.put(symbol, OptimizeJob.ordered("last_date", calendar.date(calendar.size() - 1).toString(),
          "windows", windows.size(),
          "last_out_of_sample_end", windows.isEmpty() ? "" : windows.get(windows.size() - 1).outOfSampleEnd()
              .toString()));
    });
    return OptimizeJob.ordered("symbols", symbols,
        "inputs_sha256", Hashing.sha256(JSON.writeValueAsString(inputs.stream()
            .map(file -> file.path() + " " + file.sha256()).toList())),
        "study_sha256", Hashing.sha256(study.text()),
        "code", OptimizeJob.codeVersion());
  }

  /** What is new since {@code previous}, in words; null when nothing calls for a batch. */
  private static String whatIsNew(JsonNode previous, Map<String, Object> now) {
    if (!previous.path("study_sha256").asText().equals(now.get("study_sha256"))) {
      return "the study changed since the last batch";
    }
    List<String> news = new ArrayList<>();
    JsonNode symbols = JSON.valueToTree(now.get("symbols"));
    symbols.fields().forEachRemaining(e -> {
      JsonNode before = previous.path("symbols").path(e.getKey());
      int windows = e.getValue().path("windows").asInt();
      if (before.isMissingNode() || windows > before.path("windows").asInt()) {
        news.add(String.format(Locale.ROOT, "%s: bars through %s, %d complete windows (was %s)", e.getKey(),
            e.getValue().path("last_date").asText(), windows,
            before.isMissingNode() ? "none" : before.path("windows").asInt() + " through "
                + before.path("last_out_of_sample_end").asText()));
      }
    });
    return news.isEmpty() ? null : String.join("; ", news);
  }

  private static String describe(JsonNode watermark) {
    List<String> parts = new ArrayList<>();
    watermark.path("symbols").fields().forEachRemaining(e -> parts.add(e.getKey() + " bars through "
        + e.getValue().path("last_date").asText() + ", " + e.getValue().path("windows").asInt()
        + " windows through " + e.getValue().path("last_out_of_sample_end").asText()));
    return String.join("; ", parts);
  }

  /** Settings re-run on a symbol's latest out-of-sample span. */
  private record Evaluation(String symbol, StrategySpec spec) implements Serializable {}

  private Map<String, Decision> decide(Study study, Map<String, StudyCalendar> calendars, OptimizeJob.Outcome run,
      JsonNode champion, double margin) {
    List<Evaluation> evaluations = new ArrayList<>();
    Map<String, StrategySpec> challengers = new LinkedHashMap<>();
    Map<String, StrategySpec> champions = new LinkedHashMap<>();
    for (String symbol : study.symbols()) {
      RobustnessStage.SymbolRobustness robustness = run.robustness().get(symbol);
      StrategySpec challenger = study.space().spec(robustness.recommendation().setId());
      challengers.put(symbol, challenger);
      evaluations.add(new Evaluation(symbol, challenger));
      JsonNode current = champion.path("symbols").path(symbol);
      if (!current.isMissingNode()) {
        Map<String, String> params = new TreeMap<>();
        current.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        StrategySpec spec = Strategies.get(current.path("strategy").asText()).spec(params);
        champions.put(symbol, spec);
        evaluations.add(new Evaluation(symbol, spec));
      }
    }
    List<SpanMetrics> metrics = latestOutOfSample(study, calendars, evaluations);
    Map<String, Decision> decisions = new LinkedHashMap<>();
    for (String symbol : study.symbols()) {
      StrategySpec challenger = challengers.get(symbol);
      double challengerScore = study.objective().of(metrics.get(indexOf(evaluations, symbol, challenger)));
      StrategySpec current = champions.get(symbol);
      double championScore = current == null ? Double.NaN
          : study.objective().of(metrics.get(indexOf(evaluations, symbol, current)));
      Gates.Report gates = run.robustness().get(symbol).gates();
      String objective = study.objective().configName();
      String scores = String.format(Locale.ROOT, "latest out-of-sample %s: challenger %s, champion %s", objective,
          number(challengerScore), current == null ? "none" : number(championScore));
      boolean promoted;
      String reason;
      if (gates.verdict() == Gates.Verdict.FAIL) {
        promoted = false;
        reason = "the challenger fails the gates (" + String.join("; ", gates.reasons()) + "); " + scores;
      } else if (current == null) {
        promoted = true;
        reason = "no champion yet; the challenger passes the gates (" + gates.verdict().name().toLowerCase(Locale.ROOT)
            .replace('_', ' ') + "); " + scores;
      } else if (current.equals(challenger)) {
        promoted = false;
        reason = "the challenger is the champion's settings; " + scores;
      } else if (Double.isNaN(challengerScore)) {
        promoted = false;
        reason = "the challenger's latest out-of-sample " + objective + " is undefined; " + scores;
      } else if (!Double.isNaN(championScore)
          && challengerScore <= championScore + margin * Math.abs(championScore)) {
        promoted = false;
        reason = String.format(Locale.ROOT, "the challenger does not beat the champion by the %.1f%% margin; %s",
            margin * 100, scores);
      } else {
        promoted = true;
        reason = String.format(Locale.ROOT, "the challenger passes the gates and beats the champion by more than "
            + "the %.1f%% margin; %s", margin * 100, scores);
      }
      decisions.put(symbol, new Decision(promoted, reason, challenger.params(), challengerScore, championScore));
    }
    return decisions;
  }

  private static int indexOf(List<Evaluation> evaluations, String symbol, StrategySpec spec) {
    return evaluations.indexOf(new Evaluation(symbol, spec));
  }

  /** Each evaluation's settings re-run flat on its symbol's latest window's out-of-sample span, one task each. */
  private List<SpanMetrics> latestOutOfSample(Study study, Map<String, StudyCalendar> calendars,
      List<Evaluation> evaluations) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    context.setJobDescription("plateau reoptimize " + study.name() + ": champion and challenger");
    return context.parallelize(evaluations, evaluations.size()).map(evaluation -> {
      StudyCalendar calendar = calendars.get(evaluation.symbol());
      List<Window> windows = calendar.windows();
      return new TrialRunner(study, BarCache.bars(study, evaluation.symbol()), calendar)
          .outOfSample(evaluation.spec(), windows.get(windows.size() - 1));
    }).collect();
  }

  private static Map<String, Object> championEntry(Study study, String runDirectory, Decision decision) {
    return OptimizeJob.ordered("strategy", study.space().strategy().name(), "params", decision.challenger(),
        "promoted_at", Instant.now().toString(), "run", runDirectory, "reason", decision.reason(),
        "objective", study.objective().configName(), "latest_out_of_sample_score", decision.challengerScore());
  }

  private static Map<String, Object> historyLine(Map<String, Object> watermark, String decision, String reason,
      String runDirectory, Map<String, Decision> decisions) {
    Map<String, Object> perSymbol = new TreeMap<>();
    decisions.forEach((symbol, d) -> perSymbol.put(symbol, OptimizeJob.ordered("promoted", d.promoted(),
        "reason", d.reason(), "challenger", d.challenger())));
    return OptimizeJob.ordered("time", Instant.now().toString(), "watermark", watermark.get("symbols"),
        "decision", decision, "reason", reason, "run", runDirectory, "symbols", perSymbol);
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.4f", value);
  }

}
