package io.plateau.cli;

import io.plateau.jobs.optimize.OptimizeJob;
import io.plateau.study.Study;
import io.plateau.study.StudyReader;
import io.plateau.study.TrialSimulation;
import io.plateau.util.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plateau optimize}: a study's walk-forward optimization on Spark. */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs a study (conf/studies/*.yaml): parameter sets on Spark, walk-forward windows, outputs under "
        + "OUT/RUN_ID/.")
final class OptimizeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study file.")
  private Path studyFile;

  @Option(names = "--out", paramLabel = "DIR", description = "Where runs go (default: the study's output key).")
  private String out;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: spark-submit's, else local[*], all cores of this machine).")
  private String master;

  @Option(names = "--resume", description = "Continue the newest interrupted run of this study: only blocks not "
      + "committed yet are run.")
  private boolean resume;

  @Option(names = "--reuse", paramLabel = "RUN_DIR",
      description = "A per-window study only: take the trials of the windows whose bars are unchanged from this "
          + "earlier run of the same study text and code, and simulate only the others.")
  private Path reuse;

  @Option(names = "--blocks", paramLabel = "N", defaultValue = "0",
      description = "Blocks (Spark tasks) per symbol; 0 (default) sizes them from the work and the cores.")
  private int blocks;

  @Override
  public Integer call() throws Exception {
    // Every key of the study is checked before Spark starts.
    Study study = StudyReader.read(studyFile);
    if (blocks < 0) {
      throw new InputException("--blocks must be >= 0, was " + blocks);
    }
    if (reuse != null && study.trials() != TrialSimulation.PER_WINDOW) {
      throw new InputException("--reuse: " + studyFile + " simulates continuous trials, whose windows depend on "
          + "every bar before them; set walk_forward.trials: per-window to reuse windows");
    }
    if (reuse != null && !Files.isRegularFile(reuse.resolve("manifest.json"))) {
      throw new InputException("--reuse: " + reuse + " is not a published run (no manifest.json in it)");
    }
    SparkSession spark = SparkCommands.session("plateau optimize " + study.name(), master);
    try {
      OptimizeJob job = new OptimizeJob(spark, System.out, blocks);
      job.run(study, out, resume, job.verifyInputs(study), reuse == null ? null : reuse.toString());
      return PlateauCli.EXIT_OK;
    } catch (Exception e) {
      throw SparkCommands.inputProblemWithin(e);
    } finally {
      spark.stop();
    }
  }
}
