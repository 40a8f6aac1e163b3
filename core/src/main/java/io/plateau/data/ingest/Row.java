package io.plateau.data.ingest;

/**
 * One parsed row, reused for every line of a file so that parsing allocates nothing per row. A parser fills the
 * fields its format has; {@link #clear()} resets the optional ones first.
 */
final class Row {

  /** How {@link #millis} is to be read. */
  enum Time {
    /** UTC epoch milliseconds. */
    UTC,
    /** Naive wall-clock milliseconds since 1970-01-01T00:00, to be placed in the file's time zone. */
    LOCAL,
    /** The midnight of a trading date (daily bars), as epoch milliseconds of that date. */
    TRADING_DATE
  }

  Time time;
  long millis;

  double open;
  double high;
  double low;
  double close;
  /** The traded price of a trade row. */
  double price;
  /** Bar volume, or the size of a trade. */
  long volume;
  /** What {@link #buyVolume} and {@link #sellVolume} hold when the row has no aggressor volume. */
  static final long ABSENT = Long.MIN_VALUE;

  /** Buy- and sell-aggressor volume of a bar; {@link #ABSENT} when the row has none. */
  long buyVolume;
  long sellVolume;
  /** Aggressor side of a trade: +1 buyer, -1 seller, 0 unknown (the tick rule decides). */
  int side;
  /** The symbol field as offsets into the line, or -1 when the row has none. */
  int symbolStart;
  int symbolEnd;

  RejectReason reason;
  String detail;
  SkipReason skip;

  void clear() {
    buyVolume = ABSENT;
    sellVolume = ABSENT;
    side = 0;
    symbolStart = -1;
    symbolEnd = -1;
  }

  /** Records a rejection and returns false, so a parser can write {@code return row.reject(...)}. */
  boolean reject(RejectReason why, String what) {
    reason = why;
    detail = what;
    return false;
  }
}
