package io.plateau.cli;

import io.plateau.jobs.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plateau report RUN_DIR}: rebuilds a run's {@code report.html}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Rebuilds RUN_DIR/report.html from the run's files: one self-contained page to open in a browser.")
final class ReportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory written by 'plateau optimize'.")
  private Path run;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(run)) {
      throw new io.plateau.util.InputException(run + ": no such run directory");
    }
    spec.commandLine().getOut().println("report: " + RunReport.write(run));
    spec.commandLine().getOut().flush();
    return PlateauCli.EXIT_OK;
  }
}
