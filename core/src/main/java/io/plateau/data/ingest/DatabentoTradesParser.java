package io.plateau.data.ingest;

import java.util.Map;

/**
 * Databento trades CSV: {@code ts_recv,ts_event,rtype,publisher_id,instrument_id,action,side,depth,price,size,
 * flags,ts_in_delta,sequence[,symbol]}. Trades are bucketed by {@code ts_event} (the exchange's match time).
 * {@code side} is the side of the aggressing order: {@code B} a buyer lifted the offer, {@code A} a seller hit
 * the bid, {@code N} not known, in which case the tick rule decides.
 */
final class DatabentoTradesParser extends DatabentoParser {

  static final String LAYOUT = "ts_recv,ts_event,rtype,publisher_id,instrument_id,action,side,depth,price,size,"
      + "flags,ts_in_delta,sequence[,symbol]";

  private int side;
  private int price;
  private int size;

  DatabentoTradesParser(String fileName) {
    super(fileName);
    shape = Shape.TRADES;
  }

  @Override
  String layout() {
    return LAYOUT;
  }

  @Override
  boolean header(LineReader line) {
    Map<String, Integer> columns = databentoHeader(line);
    side = required(columns, "side", LAYOUT, line);
    price = required(columns, "price", LAYOUT, line);
    size = required(columns, "size", LAYOUT, line);
    return true;
  }

  @Override
  int parse(LineReader line, Row row) {
    int common = common(line, row);
    if (common != OK) {
      return common;
    }
    if (!price(line, price, "price", row)) {
      return REJECT;
    }
    row.price = fields.number;
    if (!integer(line, size, "size", row)) {
      return REJECT;
    }
    row.volume = fields.integer;
    if (!present(line, side, "side", row)) {
      return REJECT;
    }
    byte code = line.end(side) - line.start(side) == 1 ? line.bytes()[line.start(side)] : 0;
    switch (code) {
      case 'B' -> row.side = 1;
      case 'A' -> row.side = -1;
      case 'N' -> row.side = 0;
      default -> {
        row.reject(RejectReason.UNPARSEABLE_LINE, "side '" + line.fieldText(side) + "' is not B, A or N");
        return REJECT;
      }
    }
    return OK;
  }
}
