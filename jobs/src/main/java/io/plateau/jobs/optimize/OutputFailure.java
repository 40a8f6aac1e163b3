package io.plateau.jobs.optimize;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.Path;

/**
 * Recognises a write the output's file system refused (no space left, read-only, over quota, no permission): the
 * user's to fix, not a bug. Found by the operating system's message anywhere in the causes, because a failure on an
 * executor reaches the driver as text inside a {@code SparkException}, its cause not always attached.
 */
final class OutputFailure {

  /** The operating system's words (strerror) and what we call them. */
  private static final List<String[]> REFUSALS = List.of(
      new String[] {"No space left on device", "no space left on the device"},
      new String[] {"Disk quota exceeded", "disk quota exceeded"},
      new String[] {"Read-only file system", "read-only file system"},
      new String[] {"Permission denied", "permission denied"});

  private static final String WRITE_PREFIX = "cannot write ";
  private static final String EXCEPTION = "Exception: ";

  private OutputFailure() {}

  /**
   * A refused write: {@code reason} in our words, and {@code detail}, the line of the failure that says so (which
   * names the file when our code wrote it, e.g. "cannot write .../trials/block-00003.parquet: No space left on
   * device"), without Spark's summary of the task around it.
   */
  record Refusal(String reason, String detail) {}

  /** Why the file system refused a write, if that is what {@code failure} (or one of its causes) says. */
  static Optional<Refusal> refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      for (String[] refusal : REFUSALS) {
        for (String line : message.split("\n")) {
          if (line.contains(refusal[0])) {
            return Optional.of(new Refusal(refusal[1], detail(line)));
          }
        }
      }
      if (cause instanceof AccessDeniedException) {
        return Optional.of(new Refusal("permission denied", message));
      }
    }
    return Optional.empty();
  }

  /** From our own "cannot write FILE: ..." on, or else what follows the last exception class name. */
  private static String detail(String line) {
    int ours = line.indexOf(WRITE_PREFIX);
    if (ours >= 0) {
      return line.substring(ours);
    }
    int exception = line.lastIndexOf(EXCEPTION);
    return (exception >= 0 ? line.substring(exception + EXCEPTION.length()) : line).trim();
  }

  /**
   * A failed write of {@code target} as an {@link IOException} that names it. Hadoop's local file system reports a
   * full disk as {@link FSError}, an {@link Error} that says neither which file nor that it is only I/O.
   */
  static IOException asIOException(Path target, Throwable failure) {
    Throwable cause = failure instanceof FSError && failure.getCause() != null ? failure.getCause() : failure;
    return new IOException(String.format(Locale.ROOT, "%s%s: %s", WRITE_PREFIX, target, cause.getMessage()), cause);
  }
}
