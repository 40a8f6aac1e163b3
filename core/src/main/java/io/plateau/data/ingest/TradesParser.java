package io.plateau.data.ingest;

import io.plateau.util.InputException;
import java.util.Map;
import java.util.Set;

/**
 * Plateau's own trade format: {@code timestamp,price,size[,side]}, side {@code B}/{@code S} or {@code buy}/{@code
 * sell} (any case), empty or absent when unknown (the tick rule then decides). Time stamps as in
 * {@link RowParser#isoOrEpochMillis}, dates alone excepted. Without a header the columns are taken in that order.
 */
final class TradesParser extends RowParser {

  static final String LAYOUT = "timestamp,price,size[,side]";
  private static final Set<String> KNOWN = Set.of("timestamp", "price", "size", "side");

  private int timestamp = 0;
  private int price = 1;
  private int size = 2;
  private int side = -1;
  private int columnCount = 3;

  TradesParser(String fileName) {
    super(fileName);
    shape = Shape.TRADES;
  }

  @Override
  boolean header(LineReader line) {
    if (!line.fieldText(0).equalsIgnoreCase("timestamp")) {
      int count = line.fieldCount();
      if (count != 3 && count != 4) {
        throw new InputException(fileName + ":" + line.lineNumber() + ": no header and " + count
            + " fields; a trades file has the header " + LAYOUT + " or, without it, 3 or 4 columns in that order");
      }
      side = count == 4 ? 3 : -1;
      columnCount = count;
      return false;
    }
    Map<String, Integer> columns = columns(line);
    onlyKnown(columns, KNOWN, LAYOUT, line);
    timestamp = required(columns, "timestamp", LAYOUT, line);
    price = required(columns, "price", LAYOUT, line);
    size = required(columns, "size", LAYOUT, line);
    side = columns.getOrDefault("side", -1);
    columnCount = columns.size();
    return true;
  }

  @Override
  int parse(LineReader line, Row row) {
    if (!fieldCount(line, columnCount, row) || !isoOrEpochMillis(line, timestamp, row)) {
      return REJECT;
    }
    if (row.time == Row.Time.TRADING_DATE) {
      row.reject(RejectReason.UNPARSEABLE_LINE, "a trade needs a time of day, not just a date");
      return REJECT;
    }
    if (!decimal(line, price, "price", row)) {
      return REJECT;
    }
    row.price = fields.number;
    if (!integer(line, size, "size", row)) {
      return REJECT;
    }
    row.volume = fields.integer;
    if (side >= 0 && !line.isEmpty(side) && !side(line, row)) {
      return REJECT;
    }
    return OK;
  }

  private boolean side(LineReader line, Row row) {
    byte[] b = line.bytes();
    int from = line.start(side);
    int length = line.end(side) - from;
    char first = (char) (b[from] | 0x20);
    if (length == 1 && first == 'b' || length == 3 && first == 'b' && matches(b, from, "buy")) {
      row.side = 1;
      return true;
    }
    if (length == 1 && first == 's' || length == 4 && first == 's' && matches(b, from, "sell")) {
      row.side = -1;
      return true;
    }
    return row.reject(RejectReason.UNPARSEABLE_LINE,
        "side '" + line.fieldText(side) + "' is not B, S, buy or sell");
  }

  /** Case-insensitive comparison with a lower-case ASCII word. */
  private static boolean matches(byte[] b, int from, String word) {
    for (int i = 0; i < word.length(); i++) {
      if ((b[from + i] | 0x20) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
