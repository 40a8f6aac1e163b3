package io.plateau.cli;

import io.plateau.data.BarStore;
import io.plateau.data.SourceRecord;
import io.plateau.data.SymbolMetadata;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.jobs.reoptimize.ReoptimizeJob;
import io.plateau.study.Study;
import io.plateau.study.StudyReader;
import io.plateau.util.Hashing;
import io.plateau.util.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plateau reoptimize}: one scheduled re-optimization batch over a state directory. */
@Command(name = "reoptimize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "One scheduled batch: ingest new vendor files from a drop folder (optional); when the bars hold a "
        + "walk-forward window the last batch did not, re-run the study and promote its recommended settings if they "
        + "pass the gates and beat the champion on the latest out-of-sample span. Exit 0 done (promoted or kept), 3 "
        + "nothing to do, 2 bad input, 1 failure (another batch holds the state directory included).")
final class ReoptimizeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "STUDY.yaml",
      description = "The study file; 'end: latest' lets its windows grow with the bars.")
  private Path studyFile;

  @Option(names = "--state", required = true, paramLabel = "DIR",
      description = "The state directory: runs/, champion.json, watermark.json, history.jsonl, the lock.")
  private Path stateDir;

  @Option(names = "--drop", paramLabel = "DIR",
      description = "A folder of vendor files to ingest into the study's store first; a file already ingested (same "
          + "SHA-256) is skipped.")
  private Path drop;

  @Option(names = "--format", paramLabel = "FORMAT", description = "The drop folder's vendor format (see ingest).")
  private String format;

  @Option(names = "--symbol", paramLabel = "SYM",
      description = "The symbol of the drop folder's files (default: the study's only symbol).")
  private String symbol;

  @Option(names = "--tz", paramLabel = "ZONE", description = "The drop folder's time zone, as for ingest.")
  private String timeZone;

  @Option(names = "--margin", defaultValue = "10", paramLabel = "PCT",
      description = "How much better than the champion's objective, in percent of its magnitude, the challenger's "
          + "must be on the latest out-of-sample span (default: ${DEFAULT-VALUE}).")
  private double marginPercent;

  @Option(names = "--break-stale-lock",
      description = "Remove a lock left by a batch that is verifiably gone (same host, no such process).")
  private boolean breakStaleLock;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: spark-submit's, else local[*]).")
  private String master;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Study study = StudyReader.read(studyFile);
    if (!(marginPercent >= 0)) {
      throw new InputException("--margin must be a percent >= 0, was " + marginPercent);
    }
    String dropSymbol = drop == null ? null : dropSymbol(study);
    SparkSession spark = SparkCommands.session("plateau reoptimize " + study.name(), master);
    try {
      ReoptimizeJob.Outcome outcome = new ReoptimizeJob(spark, System.out).run(study, stateDir, marginPercent,
          breakStaleLock, drop == null ? () -> { } : () -> ingestDrop(study, dropSymbol));
      return outcome.ending() == ReoptimizeJob.Ending.NOTHING_TO_DO ? PlateauCli.EXIT_NOTHING_TO_DO
          : PlateauCli.EXIT_OK;
    } catch (ReoptimizeJob.HeldException e) {
      spec.commandLine().getErr().println("plateau reoptimize: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return PlateauCli.EXIT_INTERNAL;
    } catch (Exception e) {
      throw SparkCommands.inputProblemWithin(e);
    } finally {
      spark.stop();
    }
  }

  private String dropSymbol(Study study) {
    if (format == null) {
      throw new InputException("--drop " + drop + " needs --format FORMAT (the vendor format of its files)");
    }
    if (!Files.isDirectory(drop)) {
      throw new InputException("--drop " + drop + ": not a directory");
    }
    if (symbol != null) {
      return symbol;
    }
    if (study.symbols().size() != 1) {
      throw new InputException("--drop: the study has symbols " + study.symbols() + "; say which one the files "
          + "are with --symbol");
    }
    return study.symbols().get(0);
  }

  /** Ingests the drop folder's files the store has not recorded (by SHA-256), one store transaction each. */
  private void ingestDrop(Study study, String dropSymbol) throws IOException {
    BarStore store = BarStore.open(study.store(), InstrumentCatalog.builtIn());
    Set<String> known = store.metadata(dropSymbol).map(SymbolMetadata::sources).orElse(List.of()).stream()
        .map(SourceRecord::sha256).collect(Collectors.toSet());
    List<Path> files;
    try (Stream<Path> listing = Files.list(drop)) {
      files = listing.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
    int skipped = 0;
    int ingested = 0;
    for (Path file : files) {
      if (known.contains(Hashing.sha256(file))) {
        skipped++;
        continue;
      }
      Path reports = stateDir.resolve("ingest-reports").resolve(file.getFileName().toString());
      List<String> args = new ArrayList<>(List.of("ingest", "--format", format, "--symbol", dropSymbol,
          "--input", file.toString(), "--out", study.store(), "--report", reports.toString()));
      if (timeZone != null) {
        args.addAll(List.of("--tz", timeZone));
      }
      int exit = PlateauCli.run(args.toArray(String[]::new));
      if (exit != PlateauCli.EXIT_OK) {
        throw new InputException("--drop: ingesting " + file + " failed (exit " + exit + ", see its messages above "
            + "and " + reports + "); the store keeps what earlier files added, and no batch ran");
      }
      ingested++;
    }
    System.out.printf("drop %s: %d file(s) ingested, %d already in the store%n", drop, ingested, skipped);
  }
}
