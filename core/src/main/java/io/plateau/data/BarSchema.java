package io.plateau.data;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of bar files, in standard types every reader knows (Spark, pyarrow, DuckDB).
 *
 * <pre>
 * ts            INT64  TIMESTAMP(MICROS, UTC)  bar start
 * trading_date  INT32  DATE                    exchange trading date (the evening session belongs to the next day)
 * open/high/low/close  DOUBLE                  prices, on the instrument's tick grid
 * volume        INT64                          contracts traded
 * buy_volume    INT64, nullable                buy-aggressor volume (null when the source had no side)
 * sell_volume   INT64, nullable                sell-aggressor volume
 * contract      BINARY STRING, nullable        source contract, e.g. MESH24
 * </pre>
 *
 * The symbol and year are not columns: they are the Hive partition directories {@code symbol=SYM/year=YYYY}.
 * Each file's footer also carries {@code plateau.symbol}, {@code plateau.tick_size} and {@code plateau.interval}
 * so a lone file describes itself.
 */
public final class BarSchema {

  public static final String TS = "ts";
  public static final String TRADING_DATE = "trading_date";
  public static final String OPEN = "open";
  public static final String HIGH = "high";
  public static final String LOW = "low";
  public static final String CLOSE = "close";
  public static final String VOLUME = "volume";
  public static final String BUY_VOLUME = "buy_volume";
  public static final String SELL_VOLUME = "sell_volume";
  public static final String CONTRACT = "contract";

  public static final String FOOTER_SYMBOL = "plateau.symbol";
  public static final String FOOTER_TICK_SIZE = "plateau.tick_size";
  public static final String FOOTER_INTERVAL = "plateau.interval";
  public static final String FOOTER_SCHEMA_VERSION = "plateau.schema_version";
  /**
   * Hex SHA-256 of the file's first {@link #FOOTER_DATA_BYTES} bytes as written: the leading magic number and every
   * column chunk, i.e. all the bytes bars are decoded from (the page index and the footer follow them).
   */
  public static final String FOOTER_DATA_SHA256 = "plateau.data_sha256";
  /** How many leading bytes of the file {@link #FOOTER_DATA_SHA256} covers. */
  public static final String FOOTER_DATA_BYTES = "plateau.data_bytes";
  public static final String SCHEMA_VERSION = "1";

  public static final MessageType SCHEMA = Types.buildMessage()
      .required(PrimitiveTypeName.INT64)
          .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(TS)
      .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(TRADING_DATE)
      .required(PrimitiveTypeName.DOUBLE).named(OPEN)
      .required(PrimitiveTypeName.DOUBLE).named(HIGH)
      .required(PrimitiveTypeName.DOUBLE).named(LOW)
      .required(PrimitiveTypeName.DOUBLE).named(CLOSE)
      .required(PrimitiveTypeName.INT64).named(VOLUME)
      .optional(PrimitiveTypeName.INT64).named(BUY_VOLUME)
      .optional(PrimitiveTypeName.INT64).named(SELL_VOLUME)
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(CONTRACT)
      .named("bar");

  private BarSchema() {}
}
