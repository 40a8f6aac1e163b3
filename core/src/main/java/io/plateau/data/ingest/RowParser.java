package io.plateau.data.ingest;

import io.plateau.util.InputException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the split fields of one line of a vendor file into a {@link Row}. One instance per file: it learns the
 * file's layout from its header (or first line) and keeps it.
 *
 * <p>{@link #parse} checks only what the text itself says (field counts, numbers, time stamps, the format's own
 * codes); the checks that need the instrument or earlier rows are the ingester's and the sinks'.
 */
abstract class RowParser {

  /** What the rows of a file are. */
  enum Shape {
    MINUTE_BARS,
    DAILY_BARS,
    TRADES
  }

  static final int OK = 0;
  static final int SKIP = 1;
  static final int REJECT = 2;

  final FieldParser fields = new FieldParser();
  final String fileName;
  Shape shape;

  RowParser(String fileName) {
    this.fileName = fileName;
  }

  /** The byte between fields. */
  byte delimiter() {
    return ',';
  }

  /**
   * Looks at the first non-blank line (already split) and returns true when it is a header, which is then not a
   * row. Throws an {@link InputException} when the file cannot be in this format at all.
   */
  abstract boolean header(LineReader line);

  /** Parses the current line into {@code row}: {@link #OK}, {@link #SKIP} (reason in the row) or {@link #REJECT}. */
  abstract int parse(LineReader line, Row row);

  /** The file's shape; known once the header or the first row has been seen. */
  Shape shape() {
    return shape;
  }

  /** A header's column names, lower-cased, to their positions; duplicates are an input error. */
  Map<String, Integer> columns(LineReader line) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < line.fieldCount(); i++) {
      String name = line.fieldText(i).toLowerCase(Locale.ROOT);
      if (columns.put(name, i) != null) {
        throw new InputException(fileName + ":" + line.lineNumber() + ": column '" + name + "' appears twice");
      }
    }
    return columns;
  }

  /** The position of a required column, or an input error naming what the format needs. */
  int required(Map<String, Integer> columns, String name, String layout, LineReader line) {
    Integer index = columns.get(name);
    if (index == null) {
      throw new InputException(fileName + ":" + line.lineNumber() + ": header lacks the column '" + name
          + "'; this format expects " + layout);
    }
    return index;
  }

  /** Rejects columns outside {@code allowed}: in our own formats a misspelt column must not vanish silently. */
  void onlyKnown(Map<String, Integer> columns, Set<String> allowed, String layout, LineReader line) {
    for (String name : columns.keySet()) {
      if (!allowed.contains(name)) {
        throw new InputException(fileName + ":" + line.lineNumber() + ": unknown column '" + name
            + "'; this format expects " + layout);
      }
    }
  }

  /** Whether the line has exactly {@code expected} fields; otherwise a rejection saying which way it is off. */
  static boolean fieldCount(LineReader line, int expected, Row row) {
    int count = line.fieldCount();
    if (count < expected) {
      return row.reject(RejectReason.MISSING_FIELD, count + " fields, expected " + expected);
    }
    if (count > expected) {
      return row.reject(RejectReason.UNPARSEABLE_LINE, count + " fields, expected " + expected);
    }
    return true;
  }

  /** Whether the line has at least {@code expected} fields (formats whose extra trailing columns are ignored). */
  static boolean atLeast(LineReader line, int expected, Row row) {
    return line.fieldCount() >= expected
        || row.reject(RejectReason.MISSING_FIELD, line.fieldCount() + " fields, expected " + expected);
  }

  static boolean present(LineReader line, int field, String name, Row row) {
    return !line.isEmpty(field) || row.reject(RejectReason.MISSING_FIELD, name + " is empty");
  }

  /** A decimal field into {@link FieldParser#number}. */
  boolean decimal(LineReader line, int field, String name, Row row) {
    if (!present(line, field, name, row)) {
      return false;
    }
    return fields.decimal(line.bytes(), line.start(field), line.end(field))
        || row.reject(RejectReason.UNPARSEABLE_LINE, name + " '" + line.fieldText(field) + "' is not a number");
  }

  /** A signed whole-number field into {@link FieldParser#integer}. */
  boolean integer(LineReader line, int field, String name, Row row) {
    if (!present(line, field, name, row)) {
      return false;
    }
    return fields.signedInteger(line.bytes(), line.start(field), line.end(field))
        || row.reject(RejectReason.UNPARSEABLE_LINE, name + " '" + line.fieldText(field) + "' is not a whole number");
  }

  /**
   * A time stamp of our own formats: ISO-8601 with an offset or {@code Z} (UTC), without one (naive local time),
   * a date alone (a trading date: daily bars), or 12-13 digits of epoch milliseconds (UTC).
   */
  boolean isoOrEpochMillis(LineReader line, int field, Row row) {
    if (!present(line, field, "timestamp", row)) {
      return false;
    }
    byte[] b = line.bytes();
    int from = line.start(field);
    int to = line.end(field);
    if (fields.unsignedInteger(b, from, to)) {
      if (to - from < 12 || to - from > 13) {
        return row.reject(RejectReason.UNPARSEABLE_LINE, "timestamp '" + line.fieldText(field)
            + "': a number must be epoch milliseconds (12 or 13 digits)");
      }
      row.time = Row.Time.UTC;
      row.millis = fields.integer;
      return true;
    }
    FieldParser.Stamp stamp = fields.iso(b, from, to);
    if (stamp == null) {
      return row.reject(RejectReason.UNPARSEABLE_LINE, "timestamp '" + line.fieldText(field)
          + "' is not ISO-8601 (2024-01-02T14:30:00Z, 2024-01-02 08:30, 2024-01-02) or epoch milliseconds");
    }
    row.millis = fields.millis;
    row.time = stamp == FieldParser.Stamp.DATE ? Row.Time.TRADING_DATE
        : fields.absolute ? Row.Time.UTC : Row.Time.LOCAL;
    return true;
  }
}
