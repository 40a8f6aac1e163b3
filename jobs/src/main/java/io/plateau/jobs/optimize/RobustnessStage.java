package io.plateau.jobs.optimize;

import io.plateau.metrics.Ratios;
import io.plateau.param.ParameterSpace;
import io.plateau.param.Search;
import io.plateau.robust.BacktestOverfitting;
import io.plateau.robust.Gates;
import io.plateau.robust.Objective;
import io.plateau.robust.OverfittingStatistics;
import io.plateau.robust.ParameterPlateau;
import io.plateau.robust.SpanMetrics;
import io.plateau.robust.TradeMonteCarlo;
import io.plateau.robust.WalkForwardSummary;
import io.plateau.study.Study;
import io.plateau.study.StudyCalendar;
import io.plateau.study.TrialRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The last stage of {@code optimize}: per symbol, the recommended settings (the centre of the best plateau of the
 * objective over the whole span), the probability of backtest overfitting of the study's sets ({@link
 * RunOverfitting}), the deflated Sharpe ratio and a Monte Carlo of the recommended set's trades, and the gates'
 * verdict. Writes {@code robustness.json} (everything) and {@code stable_settings.json} (the settings and the
 * verdict).
 */
public final class RobustnessStage {

  private final SparkSession spark;
  private final PrintStream out;

  RobustnessStage(SparkSession spark, PrintStream out) {
    this.spark = spark;
    this.out = out;
  }

  /**
   * The set a symbol's plateau recommends: its own and smoothed objective over the whole span, its sensitivity and
   * neighbours, and its whole-span metrics.
   */
  public record Recommendation(String symbol, long setId, double objective, double smoothedObjective, double sensitivity,
      int neighbours, SpanMetrics whole) implements Serializable {}

  /** What the stage found for one symbol. */
  public record SymbolRobustness(Recommendation recommendation, RunOverfitting.SetStatistics sets,
      TradeMonteCarlo.Result monteCarlo, Gates.Report gates) {}

  Map<String, SymbolRobustness> run(RunDirectory run, Study study, Map<String, StudyCalendar> calendars,
      Map<String, WalkForwardSummary> summaries) throws IOException {
    ParameterPlateau.Smoothing smoothing = smoothing(study);
    Map<String, Recommendation> recommendations = recommend(run, study, smoothing);
    Map<String, SymbolRobustness> results = new LinkedHashMap<>();
    Map<String, Object> robustness = new LinkedHashMap<>();
    Map<String, Object> stable = new LinkedHashMap<>();
    for (String symbol : study.symbols()) {
      Recommendation recommendation = recommendations.get(symbol);
      StudyCalendar calendar = calendars.get(symbol);
      int firstDay = calendar.indexAtOrAfter(calendar.windows().get(0).inSampleStart());
      int endDay = TrialRunner.spanEnd(study, calendar);
      int partitions = Math.min(study.robustness().partitions(), (endDay - firstDay) / 2 * 2);
      RunOverfitting.SetStatistics sets = RunOverfitting.compute(spark, run.staging(), symbol, firstDay, endDay,
          study.capital(), partitions, recommendation.setId());
      TradeMonteCarlo.Result monteCarlo = monteCarlo(study, calendars, symbol, recommendation.setId());
      Gates.Report gates = study.robustness().gates().evaluate(summaries.get(symbol), study.capital(),
          sets.statistics().overfitting().pbo(), sets.recommended().deflatedSharpe());
      SymbolRobustness result = new SymbolRobustness(recommendation, sets, monteCarlo, gates);
      results.put(symbol, result);
      robustness.put(symbol, robustnessDocument(study, smoothing, result, summaries.get(symbol)));
      stable.put(symbol, stableDocument(study, smoothing, result, summaries.get(symbol)));
      print(study, smoothing, symbol, result);
    }
    run.writeText("robustness.json", OptimizeJob.json().writeValueAsString(robustness));
    run.writeText("stable_settings.json", OptimizeJob.json().writeValueAsString(stable));
    return results;
  }

  /**
   * How the recommended set's plateau is scored: {@code robustness.plateau}, else the study's plateau objective,
   * else the mean over the search's default neighbourhood.
   */
  public static ParameterPlateau.Smoothing smoothing(Study study) {
    if (study.robustness().plateau() != null) {
      return study.robustness().plateau();
    }
    return study.plateau() != null ? study.plateau()
        : ParameterPlateau.Smoothing.defaultFor(study.search() instanceof Search.Grid, ParameterPlateau.Aggregate.MEAN);
  }

  /**
   * Per symbol, on an executor: every set's objective over the whole span (from the {@code span_*} columns of
   * {@code pnl/}, read without the daily P&amp;L), smoothed over its neighbourhood; the best plateau's centre.
   */
  private Map<String, Recommendation> recommend(RunDirectory run, Study study, ParameterPlateau.Smoothing smoothing) {
    ParameterSpace space = study.space();
    Objective objective = study.objective();
    List<Column> columns = new ArrayList<>(List.of(functions.col("symbol"), functions.col("set_id")));
    TrialTables.METRICS.forEach(metric -> columns.add(functions.col("span_" + metric)));
    JavaSparkContext.fromSparkContext(spark.sparkContext()).setJobDescription("plateau optimize: recommendations");
    List<Recommendation> found = spark.read().parquet(new Path(run.staging(), "pnl").toString())
        .select(columns.toArray(new Column[0])).toJavaRDD()
        .groupBy(row -> row.getString(0))
        .map(group -> {
          List<Row> rows = new ArrayList<>();
          group._2().forEach(rows::add);
          long[] ids = new long[rows.size()];
          SpanMetrics[] metrics = new SpanMetrics[rows.size()];
          double[] values = new double[rows.size()];
          for (int i = 0; i < ids.length; i++) {
            Row row = rows.get(i);
            ids[i] = row.getLong(1);
            metrics[i] = OptimizeJob.metrics(row, 2);
            values[i] = objective.of(metrics[i]);
          }
          ParameterPlateau plateau = ParameterPlateau.of(space, ids, values, smoothing.neighbourhood(),
              smoothing.aggregate());
          int best = plateau.recommendedIndex();
          return new Recommendation(group._1(), ids[best], values[best], plateau.smoothed(best),
              plateau.sensitivity(best), plateau.neighbourCount(best), metrics[best]);
        }).collect();
    Map<String, Recommendation> bySymbol = new LinkedHashMap<>();
    found.forEach(recommendation -> bySymbol.put(recommendation.symbol(), recommendation));
    return bySymbol;
  }

  /** The recommended set's trades, from a run on an executor, resampled on the driver; null without trades. */
  private TradeMonteCarlo.Result monteCarlo(Study study, Map<String, StudyCalendar> calendars, String symbol,
      long setId) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    context.setJobDescription("plateau optimize: trades of the recommended set, " + symbol);
    double[] trades = context.parallelize(List.of(setId), 1)
        .map(id -> new TrialRunner(study, BarCache.bars(study, symbol), calendars.get(symbol)).tradeNetPnl(id))
        .collect().get(0);
    return trades.length == 0 ? null
        : TradeMonteCarlo.simulate(trades, study.robustness().monteCarlo(study.capital()));
  }

  private static Map<String, Object> robustnessDocument(Study study, ParameterPlateau.Smoothing smoothing,
      SymbolRobustness result, WalkForwardSummary summary) {
    BacktestOverfitting.Result cscv = result.sets().statistics().overfitting();
    Map<String, Object> overfitting = new LinkedHashMap<>();
    overfitting.put("pbo", cscv.pbo());
    overfitting.put("probability_of_out_of_sample_loss", cscv.probabilityOfOutOfSampleLoss());
    overfitting.put("degradation", OptimizeJob.ordered("slope", cscv.degradationSlope(), "intercept",
        cscv.degradationIntercept(), "r_squared", cscv.degradationRSquared()));
    overfitting.put("partitions", cscv.partitions());
    overfitting.put("combinations", cscv.combinations());
    overfitting.put("days", cscv.periods());
    overfitting.put("sets", cscv.trials());
    overfitting.put("logits", cscv.logits());
    overfitting.put("in_sample_sharpe", cscv.inSampleMetrics());
    overfitting.put("out_of_sample_sharpe", cscv.outOfSampleMetrics());
    OverfittingStatistics.TrialSharpe best = result.sets().statistics().best();
    Map<String, Object> bestSet = sharpeDocument(best);
    if (best.trial() >= 0) {
      long id = result.sets().setIds()[best.trial()];
      bestSet.put("set_id", id);
      bestSet.put("params", study.space().values(id));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("recommended_set", recommendationDocument(study, smoothing, result));
    document.put("walk_forward", summary);
    document.put("overfitting", overfitting);
    document.put("best_full_sample_set", bestSet);
    document.put("monte_carlo", monteCarloDocument(result.monteCarlo()));
    document.put("gates", result.gates());
    return document;
  }

  private static Map<String, Object> stableDocument(Study study, ParameterPlateau.Smoothing smoothing,
      SymbolRobustness result, WalkForwardSummary summary) {
    Map<String, Object> document = recommendationDocument(study, smoothing, result);
    document.put("walk_forward", summary);
    document.put("pbo", result.sets().statistics().overfitting().pbo());
    TradeMonteCarlo.Result monteCarlo = result.monteCarlo();
    document.put("monte_carlo", monteCarlo == null ? null : OptimizeJob.ordered("max_drawdown_95",
        monteCarlo.maxDrawdown95(), "probability_of_ruin", monteCarlo.probabilityOfRuin()));
    document.put("gates", result.gates().gates());
    document.put("verdict", result.gates().verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    document.put("reasons", result.gates().reasons());
    return document;
  }

  private static Map<String, Object> recommendationDocument(Study study, ParameterPlateau.Smoothing smoothing,
      SymbolRobustness result) {
    Recommendation recommendation = result.recommendation();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("set_id", recommendation.setId());
    document.put("params", study.space().values(recommendation.setId()));
    document.put("plateau", OptimizeJob.ordered("smoothing", smoothing.describe(), "objective",
        study.objective().configName(), "own_objective", recommendation.objective(), "plateau_objective",
        recommendation.smoothedObjective(), "sensitivity_per_step", recommendation.sensitivity(), "neighbours",
        recommendation.neighbours()));
    document.put("whole_span_metrics", recommendation.whole());
    document.put("sharpe", sharpeDocument(result.sets().recommended()));
    return document;
  }

  private static Map<String, Object> sharpeDocument(OverfittingStatistics.TrialSharpe sharpe) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("sharpe_annualized", sharpe.sharpeAnnualized());
    document.put("probabilistic_sharpe", sharpe.probabilisticSharpe());
    document.put("deflated_sharpe", sharpe.deflatedSharpe());
    document.put("expected_max_sharpe_annualized",
        sharpe.expectedMaxSharpe() * Math.sqrt(Ratios.TRADING_DAYS_PER_YEAR));
    document.put("trial_sharpe_variance", sharpe.trialSharpeVariance());
    document.put("min_track_record_days", sharpe.minTrackRecordLength());
    document.put("min_backtest_years", sharpe.minBacktestLengthYears());
    return document;
  }

  private static Map<String, Object> monteCarloDocument(TradeMonteCarlo.Result monteCarlo) {
    if (monteCarlo == null) {
      return null;
    }
    Map<String, Object> drawdowns = new LinkedHashMap<>();
    Map<String, Object> finals = new LinkedHashMap<>();
    for (double percent : TradeMonteCarlo.REPORTED_PERCENTILES) {
      String key = "p" + (int) percent;
      drawdowns.put(key, monteCarlo.maxDrawdownPercentile(percent));
      finals.put(key, monteCarlo.finalEquityPercentile(percent));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("mode", monteCarlo.settings().mode().name().toLowerCase(Locale.ROOT));
    document.put("runs", monteCarlo.settings().runs());
    document.put("seed", monteCarlo.settings().seed());
    document.put("trades", monteCarlo.tradesPerRun());
    document.put("ruin_equity", monteCarlo.settings().ruinEquity());
    document.put("probability_of_ruin", monteCarlo.probabilityOfRuin());
    document.put("max_drawdown", drawdowns);
    document.put("max_drawdown_percent_95", monteCarlo.maxDrawdownFractionPercentile(95) * 100);
    document.put("final_equity", finals);
    document.put("max_drawdowns", monteCarlo.maxDrawdowns());
    return document;
  }

  private void print(Study study, ParameterPlateau.Smoothing smoothing, String symbol, SymbolRobustness result) {
    Recommendation recommendation = result.recommendation();
    OverfittingStatistics.TrialSharpe sharpe = result.sets().recommended();
    BacktestOverfitting.Result cscv = result.sets().statistics().overfitting();
    out.printf(Locale.ROOT, "%s recommended: %s (%s %s, own %,.2f; sensitivity %,.2f per step)%n", symbol,
        study.space().varyingValues(recommendation.setId()), smoothing.describe(), format(recommendation
            .smoothedObjective()), recommendation.objective(), recommendation.sensitivity());
    out.printf(Locale.ROOT, "  PBO %.2f over %,d splits of %,d sets; Sharpe %.2f, deflated Sharpe %.2f%s%n",
        cscv.pbo(), cscv.combinations(), cscv.trials(), sharpe.sharpeAnnualized(), sharpe.deflatedSharpe(),
        result.monteCarlo() == null ? "; no trades" : String.format(Locale.ROOT,
            "; Monte Carlo: 95%% of drawdowns below %,.0f, probability of ruin %.1f%%",
            result.monteCarlo().maxDrawdown95(), result.monteCarlo().probabilityOfRuin() * 100));
    Gates.Report gates = result.gates();
    out.printf(Locale.ROOT, "  verdict: %s%s%n", gates.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        gates.reasons().isEmpty() ? "" : " (" + String.join("; ", gates.reasons()) + ")");
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.2f", value);
  }
}
