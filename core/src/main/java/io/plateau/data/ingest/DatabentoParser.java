package io.plateau.data.ingest;

import io.plateau.util.InputException;
import java.util.Map;

/**
 * What Databento's CSV encodings share: a header naming the columns (extra columns are ignored: Databento adds
 * some depending on the request), {@code ts_event} as nanoseconds since the epoch or, with {@code pretty_ts}, as
 * ISO-8601 in UTC, prices as int64 units of 1e-9 or, with {@code pretty_px}, as decimals, and an optional
 * {@code symbol} column (with {@code map_symbols}) naming the contract of each row ({@code MESH4}).
 * Rows of spread symbols ({@code MESH4-MESM4}) are skipped: they are not outright contracts.
 */
abstract class DatabentoParser extends RowParser {

  /** Databento's UNDEF_PRICE: a price field that holds no price. */
  private static final long UNDEFINED_PRICE = Long.MAX_VALUE;
  private static final double NANOS_PER_UNIT = 1e9;

  int tsEvent;
  int symbol = -1;
  int columnCount;

  DatabentoParser(String fileName) {
    super(fileName);
  }

  abstract String layout();

  /** Reads the header; subclasses then look up their own columns in the returned map. */
  Map<String, Integer> databentoHeader(LineReader line) {
    if (!line.fieldText(0).toLowerCase(java.util.Locale.ROOT).startsWith("ts_")) {
      throw new InputException(fileName + ":" + line.lineNumber()
          + ": a Databento CSV starts with its header; expected " + layout());
    }
    Map<String, Integer> columns = columns(line);
    tsEvent = required(columns, "ts_event", layout(), line);
    symbol = columns.getOrDefault("symbol", -1);
    columnCount = columns.size();
    return columns;
  }

  /** The columns common to all rows: field count, time stamp, and the symbol (which may skip the row). */
  int common(LineReader line, Row row) {
    if (!atLeast(line, columnCount, row) || !present(line, tsEvent, "ts_event", row)) {
      return REJECT;
    }
    byte[] b = line.bytes();
    int from = line.start(tsEvent);
    int to = line.end(tsEvent);
    if (fields.unsignedInteger(b, from, to)) {
      row.millis = Math.floorDiv(fields.integer, FieldParser.NANOS_PER_MILLI);
    } else if (fields.iso(b, from, to) == FieldParser.Stamp.DATE_TIME && fields.absolute) {
      row.millis = fields.millis;
    } else {
      row.reject(RejectReason.UNPARSEABLE_LINE, "ts_event '" + line.fieldText(tsEvent)
          + "' is neither nanoseconds since the epoch nor ISO-8601 with Z");
      return REJECT;
    }
    row.time = Row.Time.UTC;
    if (symbol >= 0 && !line.isEmpty(symbol)) {
      row.symbolStart = line.start(symbol);
      row.symbolEnd = line.end(symbol);
      for (int i = row.symbolStart; i < row.symbolEnd; i++) {
        if (b[i] == '-') {
          row.skip = SkipReason.SPREAD_SYMBOL;
          return SKIP;
        }
      }
    }
    return OK;
  }

  /** A price into {@link FieldParser#number}: a decimal when it has a point, else int64 units of 1e-9. */
  boolean price(LineReader line, int field, String name, Row row) {
    if (!present(line, field, name, row)) {
      return false;
    }
    byte[] b = line.bytes();
    int from = line.start(field);
    int to = line.end(field);
    for (int i = from; i < to; i++) {
      if (b[i] == '.') {
        return decimal(line, field, name, row);
      }
    }
    if (!fields.signedInteger(b, from, to)) {
      return fields.unsignedInteger(b, from, to) && fields.integer == UNDEFINED_PRICE
          ? row.reject(RejectReason.MISSING_FIELD, name + " is undefined (INT64_MAX)")
          : row.reject(RejectReason.UNPARSEABLE_LINE, name + " '" + line.fieldText(field) + "' is not a price");
    }
    if (fields.integer == UNDEFINED_PRICE) {
      return row.reject(RejectReason.MISSING_FIELD, name + " is undefined (INT64_MAX)");
    }
    // One correctly rounded division: 4800250000000 / 1e9 is exactly the double nearest 4800.25.
    fields.number = fields.integer / NANOS_PER_UNIT;
    return true;
  }
}
