package io.plateau.data.ingest;

import io.plateau.util.InputException;

/**
 * NinjaTrader 8 text exports, semicolon-separated and without a header. The first line decides the layout:
 * <ul>
 *   <li>minute bars {@code yyyyMMdd HHmmss;open;high;low;close;volume}
 *   <li>daily bars {@code yyyyMMdd;open;high;low;close;volume}
 *   <li>ticks {@code yyyyMMdd HHmmss;price;volume}, or as NinjaTrader 8 writes them,
 *       {@code yyyyMMdd HHmmss fffffff;last;bid;ask;volume} (bid and ask are not used: ticks carry no aggressor
 *       side, so the tick rule assigns one)
 * </ul>
 * Times are naive; their zone (UTC by default) and whether a bar is stamped at its end (the default) are options,
 * because the export settings decide them and DOMAIN.md marks both unverified.
 */
final class NinjaTraderParser extends RowParser {

  static final String LAYOUT = "yyyyMMdd HHmmss;open;high;low;close;volume (minute), yyyyMMdd;open;high;low;close;volume"
      + " (daily) or yyyyMMdd HHmmss[ fffffff];price[;bid;ask];volume (tick)";

  private int columnCount;

  NinjaTraderParser(String fileName) {
    super(fileName);
  }

  @Override
  byte delimiter() {
    return ';';
  }

  @Override
  boolean header(LineReader line) {
    columnCount = line.fieldCount();
    int stampLength = line.end(0) - line.start(0);
    if (columnCount == 6 && stampLength == 8) {
      shape = Shape.DAILY_BARS;
    } else if (columnCount == 6 && stampLength == 15) {
      shape = Shape.MINUTE_BARS;
    } else if ((columnCount == 3 || columnCount == 5) && (stampLength == 15 || stampLength == 23)) {
      shape = Shape.TRADES;
    } else {
      throw new InputException(fileName + ":" + line.lineNumber() + ": '" + line.lineText()
          + "' is not a NinjaTrader export line; expected " + LAYOUT);
    }
    return false;
  }

  @Override
  int parse(LineReader line, Row row) {
    if (!fieldCount(line, columnCount, row) || !present(line, 0, "time stamp", row)) {
      return REJECT;
    }
    byte[] b = line.bytes();
    boolean stampOk = shape == Shape.DAILY_BARS
        ? fields.compactDate(b, line.start(0), line.end(0))
        : fields.compactDateTime(b, line.start(0), line.end(0));
    if (!stampOk) {
      row.reject(RejectReason.UNPARSEABLE_LINE, "time stamp '" + line.fieldText(0) + "' is not "
          + (shape == Shape.DAILY_BARS ? "yyyyMMdd" : "yyyyMMdd HHmmss"));
      return REJECT;
    }
    row.millis = fields.millis;
    row.time = shape == Shape.DAILY_BARS ? Row.Time.TRADING_DATE : Row.Time.LOCAL;
    if (shape == Shape.TRADES) {
      if (!decimal(line, 1, "price", row)) {
        return REJECT;
      }
      row.price = fields.number;
      if (!integer(line, columnCount - 1, "volume", row)) {
        return REJECT;
      }
      row.volume = fields.integer;
      return OK;
    }
    if (!decimal(line, 1, "open", row)) {
      return REJECT;
    }
    row.open = fields.number;
    if (!decimal(line, 2, "high", row)) {
      return REJECT;
    }
    row.high = fields.number;
    if (!decimal(line, 3, "low", row)) {
      return REJECT;
    }
    row.low = fields.number;
    if (!decimal(line, 4, "close", row)) {
      return REJECT;
    }
    row.close = fields.number;
    if (!integer(line, 5, "volume", row)) {
      return REJECT;
    }
    row.volume = fields.integer;
    return OK;
  }
}
