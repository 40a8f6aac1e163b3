package io.plateau.data.ingest;

import io.plateau.util.Checks;

/**
 * One rejected row, with everything needed to find and fix it.
 *
 * @param file the file's name
 * @param line the 1-based line number in that file
 * @param reason why it was rejected
 * @param detail the offending value and the rule it broke ({@code high 4800.0 < low 4801.25})
 * @param text the original line, without its terminator
 */
public record Rejection(String file, long line, RejectReason reason, String detail, String text) {

  public Rejection {
    Checks.notBlank(file, "file");
    Checks.notNull(reason, "reason");
    Checks.notNull(detail, "detail");
    Checks.notNull(text, "text");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, was " + line);
    }
  }

  /** {@code file.csv:12: high below low (high 4800.0 < low 4801.25): <text>}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + reason.description() + " (" + detail + "): " + text;
  }
}
