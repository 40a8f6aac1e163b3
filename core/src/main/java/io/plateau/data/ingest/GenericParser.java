package io.plateau.data.ingest;

import io.plateau.util.InputException;
import java.util.Map;
import java.util.Set;

/**
 * Plateau's own bar format: {@code timestamp,open,high,low,close,volume[,buy_volume,sell_volume]}.
 *
 * <p>The header names the columns (in any order; unknown names are an input error). Without a header the columns
 * are taken in that order, which reads headerless exports such as FirstRate Data's. Time stamps are those of
 * {@link RowParser#isoOrEpochMillis}; a file holds either daily bars (dates) or 1-minute bars (times), which its
 * first row decides.
 */
final class GenericParser extends RowParser {

  static final String LAYOUT = "timestamp,open,high,low,close,volume[,buy_volume,sell_volume]";
  private static final Set<String> KNOWN =
      Set.of("timestamp", "open", "high", "low", "close", "volume", "buy_volume", "sell_volume");

  private int timestamp = 0;
  private int open = 1;
  private int high = 2;
  private int low = 3;
  private int close = 4;
  private int volume = 5;
  private int buyVolume = -1;
  private int sellVolume = -1;
  private int columnCount = 6;

  GenericParser(String fileName) {
    super(fileName);
  }

  @Override
  boolean header(LineReader line) {
    if (!line.fieldText(0).equalsIgnoreCase("timestamp")) {
      int count = line.fieldCount();
      if (count != 6 && count != 8) {
        throw new InputException(fileName + ":" + line.lineNumber() + ": no header and " + count
            + " fields; a generic file has the header " + LAYOUT + " or, without it, 6 or 8 columns in that order");
      }
      if (count == 8) {
        buyVolume = 6;
        sellVolume = 7;
        columnCount = 8;
      }
      return false;
    }
    Map<String, Integer> columns = columns(line);
    onlyKnown(columns, KNOWN, LAYOUT, line);
    timestamp = required(columns, "timestamp", LAYOUT, line);
    open = required(columns, "open", LAYOUT, line);
    high = required(columns, "high", LAYOUT, line);
    low = required(columns, "low", LAYOUT, line);
    close = required(columns, "close", LAYOUT, line);
    volume = required(columns, "volume", LAYOUT, line);
    if (columns.containsKey("buy_volume") != columns.containsKey("sell_volume")) {
      throw new InputException(fileName + ":" + line.lineNumber()
          + ": buy_volume and sell_volume go together; the header has only one of them");
    }
    if (columns.containsKey("buy_volume")) {
      buyVolume = columns.get("buy_volume");
      sellVolume = columns.get("sell_volume");
    }
    columnCount = columns.size();
    return true;
  }

  @Override
  int parse(LineReader line, Row row) {
    if (!fieldCount(line, columnCount, row) || !isoOrEpochMillis(line, timestamp, row)) {
      return REJECT;
    }
    Shape rowShape = row.time == Row.Time.TRADING_DATE ? Shape.DAILY_BARS : Shape.MINUTE_BARS;
    if (shape == null) {
      shape = rowShape;
    } else if (shape != rowShape) {
      row.reject(RejectReason.UNPARSEABLE_LINE, shape == Shape.DAILY_BARS
          ? "a time of day in a file of daily bars" : "a date without a time in a file of 1-minute bars");
      return REJECT;
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
    if (!integer(line, volume, "volume", row)) {
      return REJECT;
    }
    row.volume = fields.integer;
    if (buyVolume >= 0) {
      if (!integer(line, buyVolume, "buy_volume", row)) {
        return REJECT;
      }
      row.buyVolume = fields.integer;
      if (!integer(line, sellVolume, "sell_volume", row)) {
        return REJECT;
      }
      row.sellVolume = fields.integer;
    }
    return OK;
  }
}
