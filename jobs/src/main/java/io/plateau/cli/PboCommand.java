package io.plateau.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plateau.data.ReturnsMatrix;
import io.plateau.robust.BacktestOverfitting;
import io.plateau.robust.OverfittingStatistics;
import io.plateau.util.InputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plateau pbo --returns FILE}: the overfitting statistics of any T × N returns matrix, as JSON. */
@Command(name = "pbo", mixinStandardHelpOptions = true,
    description = "Prints, as JSON, the probability of backtest overfitting (CSCV) of a returns matrix (columns = "
        + "trials, rows = periods; a leading date column is skipped) with its logits and degradation regression, "
        + "and the probabilistic and deflated Sharpe ratios of the best trial.")
final class PboCommand implements Callable<Integer> {

  @Option(names = "--returns", required = true, paramLabel = "FILE",
      description = "CSV with a header of trial names, or Parquet with one numeric column per trial.")
  private Path returns;

  @Option(names = "--partitions", defaultValue = "16", paramLabel = "S",
      description = "Blocks the periods are cut into, even, 2..32 (default: ${DEFAULT-VALUE}: C(16, 8) = 12,870 "
          + "splits).")
  private int partitions;

  @Option(names = "--metric", defaultValue = "sharpe", paramLabel = "M",
      description = "What ranks the trials in each split: sharpe or total (default: ${DEFAULT-VALUE}).")
  private String metric;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BacktestOverfitting.Metric ranking = switch (metric) {
      case "sharpe" -> BacktestOverfitting.Metric.SHARPE;
      case "total" -> BacktestOverfitting.Metric.TOTAL;
      default -> throw new InputException("--metric: '" + metric + "' is not allowed; expected sharpe or total");
    };
    ReturnsMatrix matrix = ReturnsMatrix.read(returns);
    if (partitions < 2 || partitions % 2 != 0 || partitions > BacktestOverfitting.MAX_PARTITIONS
        || partitions > matrix.periods()) {
      throw new InputException("--partitions: " + partitions + " is not allowed; expected an even number from 2 to "
          + Math.min(BacktestOverfitting.MAX_PARTITIONS, matrix.periods()) + " (the file has " + matrix.periods()
          + " periods)");
    }
    OverfittingStatistics statistics = OverfittingStatistics.of(matrix.byTrial(), partitions, ranking);
    BacktestOverfitting.Result cscv = statistics.overfitting();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("file", returns.toString());
    document.put("trials", cscv.trials());
    document.put("periods", cscv.periods());
    document.put("partitions", cscv.partitions());
    document.put("combinations", cscv.combinations());
    document.put("metric", metric);
    document.put("pbo", cscv.pbo());
    document.put("probability_of_out_of_sample_loss", cscv.probabilityOfOutOfSampleLoss());
    document.put("degradation", Map.of("slope", cscv.degradationSlope(), "intercept", cscv.degradationIntercept(),
        "r_squared", cscv.degradationRSquared()));
    OverfittingStatistics.TrialSharpe bestTrial = statistics.best();
    Map<String, Object> best = new LinkedHashMap<>();
    best.put("trial", bestTrial.trial() < 0 ? null : matrix.trials().get(bestTrial.trial()));
    best.put("sharpe_per_period", bestTrial.sharpe());
    best.put("sharpe_annualized", bestTrial.sharpeAnnualized());
    best.put("probabilistic_sharpe", bestTrial.probabilisticSharpe());
    best.put("deflated_sharpe", bestTrial.deflatedSharpe());
    best.put("expected_max_sharpe_per_period", bestTrial.expectedMaxSharpe());
    best.put("trial_sharpe_variance", bestTrial.trialSharpeVariance());
    best.put("min_track_record_periods", bestTrial.minTrackRecordLength());
    best.put("min_backtest_years", bestTrial.minBacktestLengthYears());
    document.put("best_trial", best);
    document.put("logits", cscv.logits());
    spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(document));
    spec.commandLine().getOut().flush();
    return PlateauCli.EXIT_OK;
  }
}
