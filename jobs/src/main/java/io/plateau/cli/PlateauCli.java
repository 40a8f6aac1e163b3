package io.plateau.cli;

import io.plateau.util.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code plateau} command line. Exit codes: 0 success, 2 bad input or config, 1 internal error.
 *
 * <p>Each subcommand is a class of its own in this package; this class only wires them and maps failures to
 * exit codes: an {@link InputException} (or a picocli usage error) is the user's to fix and exits 2 with its
 * message, anything else is ours and exits 1 with a stack trace.
 */
@Command(
    name = "plateau",
    mixinStandardHelpOptions = true,
    versionProvider = PlateauCli.Version.class,
    description = "Finds futures-strategy settings that stay profitable out of sample.",
    subcommands = {GenerateCommand.class, IngestCommand.class, InspectCommand.class, IndicatorsCommand.class, BacktestCommand.class, OptimizeCommand.class, ReoptimizeCommand.class, PboCommand.class, ReportCommand.class, DollarRangeCommand.class, CommandLine.HelpCommand.class})
public final class PlateauCli {

  public static final int EXIT_OK = 0;
  public static final int EXIT_INTERNAL = 1;
  public static final int EXIT_BAD_INPUT = 2;
  /** A scheduled batch found nothing new to work on. */
  public static final int EXIT_NOTHING_TO_DO = 3;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    CommandLine commandLine = commandLine();
    return commandLine.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new PlateauCli());
    commandLine.setExitCodeExceptionMapper(e -> e instanceof InputException ? EXIT_BAD_INPUT : EXIT_INTERNAL);
    commandLine.setExecutionExceptionHandler(PlateauCli::handleFailure);
    commandLine.setParameterExceptionHandler(PlateauCli::handleUsageError);
    return commandLine;
  }

  private static int handleFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof InputException) {
      err.println("plateau " + commandLine.getCommandName() + ": " + e.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
    err.println("plateau " + commandLine.getCommandName() + ": internal error: " + e);
    e.printStackTrace(err);
    err.flush();
    return EXIT_INTERNAL;
  }

  private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("plateau " + commandLine.getCommandName() + ": " + e.getMessage());
    err.println("Try 'plateau " + commandLine.getCommandName() + " --help'.");
    err.flush();
    return EXIT_BAD_INPUT;
  }

  /** The version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PlateauCli.class.getPackage().getImplementationVersion();
      return new String[] {"plateau " + (version == null ? "development" : version)};
    }
  }
}
