package io.plateau.data.ingest;

import io.plateau.util.InputException;
import java.util.Map;

/**
 * TradeStation / MultiCharts ASCII exports: {@code "Date","Time","Open","High","Low","Close","Up","Down"} for
 * intraday bars, {@code ...,"Vol","OI"} for daily bars. The header is required: it is the only way to tell the
 * two apart. Dates are {@code MM/dd/yyyy}, times {@code HH:mm} in exchange time, each bar stamped at its close.
 * Volume is {@code Up + Down}: those are up-tick and down-tick volume, not aggressor volume, so the bars get no
 * buy/sell split. A daily bar's volume is {@code Vol}; open interest is not kept.
 */
final class TradeStationParser extends RowParser {

  static final String LAYOUT = "\"Date\",\"Time\",\"Open\",\"High\",\"Low\",\"Close\",\"Up\",\"Down\" (intraday) or"
      + " ...,\"Vol\",\"OI\" (daily)";

  private int date;
  private int time;
  private int open;
  private int high;
  private int low;
  private int close;
  private int up = -1;
  private int down = -1;
  private int vol = -1;
  private int columnCount;

  TradeStationParser(String fileName) {
    super(fileName);
  }

  @Override
  boolean header(LineReader line) {
    if (!line.fieldText(0).equalsIgnoreCase("date")) {
      throw new InputException(fileName + ":" + line.lineNumber()
          + ": a TradeStation export starts with its header; expected " + LAYOUT);
    }
    Map<String, Integer> columns = columns(line);
    date = required(columns, "date", LAYOUT, line);
    time = required(columns, "time", LAYOUT, line);
    open = required(columns, "open", LAYOUT, line);
    high = required(columns, "high", LAYOUT, line);
    low = required(columns, "low", LAYOUT, line);
    close = required(columns, "close", LAYOUT, line);
    if (columns.containsKey("up")) {
      up = required(columns, "up", LAYOUT, line);
      down = required(columns, "down", LAYOUT, line);
      shape = Shape.MINUTE_BARS;
    } else {
      vol = required(columns, "vol", LAYOUT, line);
      shape = Shape.DAILY_BARS;
    }
    columnCount = columns.size();
    return true;
  }

  @Override
  int parse(LineReader line, Row row) {
    if (!fieldCount(line, columnCount, row) || !present(line, date, "date", row)) {
      return REJECT;
    }
    byte[] b = line.bytes();
    if (!fields.usDate(b, line.start(date), line.end(date))) {
      row.reject(RejectReason.UNPARSEABLE_LINE, "date '" + line.fieldText(date) + "' is not MM/dd/yyyy");
      return REJECT;
    }
    long dayMillis = fields.millis;
    if (shape == Shape.DAILY_BARS) {
      row.time = Row.Time.TRADING_DATE;
      row.millis = dayMillis;
    } else {
      if (!present(line, time, "time", row)) {
        return REJECT;
      }
      if (!fields.timeOfDay(b, line.start(time), line.end(time))) {
        row.reject(RejectReason.UNPARSEABLE_LINE, "time '" + line.fieldText(time) + "' is not HH:mm");
        return REJECT;
      }
      row.time = Row.Time.LOCAL;
      row.millis = dayMillis + fields.millis;
    }
    if (!decimal(line, open, "open", row)) {
      return REJECT;
    }
    row.open = fields.number;
    if (!decimal(line, high, "high", row)) {
      return REJECT;
    }
    row.high = fields.number;
    if (!decimal(line, low, "low", row)) {
      return REJECT;
    }
    row.low = fields.number;
    if (!decimal(line, close, "close", row)) {
      return REJECT;
    }
    row.close = fields.number;
    if (shape == Shape.DAILY_BARS) {
      if (!integer(line, vol, "vol", row)) {
        return REJECT;
      }
      row.volume = fields.integer;
      return OK;
    }
    if (!integer(line, up, "up", row)) {
      return REJECT;
    }
    long upVolume = fields.integer;
    if (!integer(line, down, "down", row)) {
      return REJECT;
    }
    long downVolume = fields.integer;
    // A negative part must stay visible to the volume check rather than be hidden inside the sum.
    row.volume = upVolume < 0 || downVolume < 0 ? Math.min(upVolume, downVolume) : upVolume + downVolume;
    return OK;
  }
}
