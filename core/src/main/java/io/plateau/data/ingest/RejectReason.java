package io.plateau.data.ingest;

/**
 * Why a row was rejected. A row gets one reason: the first check it fails, in the order of this enum (which is
 * the order the checks run in). Exact duplicate rows and skipped rows are not rejections; see {@link IngestCounts}.
 */
public enum RejectReason {
  UNPARSEABLE_LINE("unparseable line"),
  MISSING_FIELD("missing field"),
  UNKNOWN_CONTRACT("symbol is not a contract of the instrument"),
  BAD_PRICE("non-positive or non-finite price"),
  NEGATIVE_VOLUME("negative volume"),
  AGGRESSOR_EXCEEDS_VOLUME("buy plus sell volume exceeds volume"),
  HIGH_BELOW_LOW("high below low"),
  OPEN_CLOSE_OUTSIDE_RANGE("open or close outside [low, high]"),
  OFF_TICK_GRID("price off the tick grid"),
  NONEXISTENT_LOCAL_TIME("local time skipped by a DST change"),
  OUTSIDE_SESSION("outside the trading session"),
  OUT_OF_ORDER("out of order"),
  DUPLICATE_CONFLICT("duplicate time stamp with different values"),
  SPIKE("spike or gap beyond the ATR multiple");

  private final String description;

  RejectReason(String description) {
    this.description = description;
  }

  /** The name used in reports and the quarantine file: {@code high_below_low}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String description() {
    return description;
  }
}
