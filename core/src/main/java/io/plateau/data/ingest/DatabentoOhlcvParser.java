package io.plateau.data.ingest;

import java.util.Map;

/**
 * Databento OHLCV-1m CSV: {@code ts_event,rtype,publisher_id,instrument_id,open,high,low,close,volume[,symbol]},
 * one bar per minute with trades, stamped at the bar's start. Rows of another record type (rtype other than 33,
 * e.g. 1-second or daily bars) are rejected as unparseable: they are not 1-minute bars.
 */
final class DatabentoOhlcvParser extends DatabentoParser {

  static final String LAYOUT = "ts_event,rtype,publisher_id,instrument_id,open,high,low,close,volume[,symbol]";
  /** Databento's record type of 1-minute OHLCV bars. */
  private static final long RTYPE_OHLCV_1M = 33;

  private int rtype;
  private int open;
  private int high;
  private int low;
  private int close;
  private int volume;

  DatabentoOhlcvParser(String fileName) {
    super(fileName);
    shape = Shape.MINUTE_BARS;
  }

  @Override
  String layout() {
    return LAYOUT;
  }

  @Override
  boolean header(LineReader line) {
    Map<String, Integer> columns = databentoHeader(line);
    rtype = required(columns, "rtype", LAYOUT, line);
    open = required(columns, "open", LAYOUT, line);
    high = required(columns, "high", LAYOUT, line);
    low = required(columns, "low", LAYOUT, line);
    close = required(columns, "close", LAYOUT, line);
    volume = required(columns, "volume", LAYOUT, line);
    return true;
  }

  @Override
  int parse(LineReader line, Row row) {
    int common = common(line, row);
    if (common != OK) {
      return common;
    }
    if (!integer(line, rtype, "rtype", row)) {
      return REJECT;
    }
    if (fields.integer != RTYPE_OHLCV_1M) {
      row.reject(RejectReason.UNPARSEABLE_LINE, "rtype " + fields.integer + " is not ohlcv-1m (33)");
      return REJECT;
    }
    if (!price(line, open, "open", row)) {
      return REJECT;
    }
    row.open = fields.number;
    if (!price(line, high, "high", row)) {
      return REJECT;
    }
    row.high = fields.number;
    if (!price(line, low, "low", row)) {
      return REJECT;
    }
    row.low = fields.number;
    if (!price(line, close, "close", row)) {
      return REJECT;
    }
    row.close = fields.number;
    if (!integer(line, volume, "volume", row)) {
      return REJECT;
    }
    row.volume = fields.integer;
    return OK;
  }
}
