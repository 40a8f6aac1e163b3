package io.plateau.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Assertions;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.data.BarParquetReader;
import io.plateau.data.BarStore;
import io.plateau.data.SourceRecord;
import io.plateau.data.StoreUpdate;
import io.plateau.data.SymbolMetadata;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bar store is one dataset for Spark and for plain Java: each reads what the other wrote. */
class BarStoreSparkTest extends JavaDataFrameSuiteBase {

  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  private static final Instrument M2K = CATALOG.get("M2K");

  /** The store as Spark sees it: every column nullable (Spark reads files that way), symbol and year from paths. */
  private static final StructType STORE_ROWS = new StructType()
      .add("ts", DataTypes.TimestampType, true)
      .add("trading_date", DataTypes.DateType, true)
      .add("open", DataTypes.DoubleType, true)
      .add("high", DataTypes.DoubleType, true)
      .add("low", DataTypes.DoubleType, true)
      .add("close", DataTypes.DoubleType, true)
      .add("volume", DataTypes.LongType, true)
      .add("buy_volume", DataTypes.LongType, true)
      .add("sell_volume", DataTypes.LongType, true)
      .add("contract", DataTypes.StringType, true)
      .add("symbol", DataTypes.StringType, true)
      .add("year", DataTypes.IntegerType, true);

  @TempDir
  Path dir;

  @Override
  public boolean enableHiveSupport() {
    return false;
  }

  @BeforeEach
  void startSpark() {
    runBefore();
  }

  @AfterAll
  static void stopSpark() {
    runAfterClass();
  }

  /** M2K bars across a year end, prices on the 0.1 grid (not exact in binary: the hard case for doubles). */
  private static BarSeries m2kBars() {
    BarSeries.Builder builder = BarSeries.builder(M2K, BarInterval.ONE_MINUTE);
    long start = Instant.parse("2023-12-29T14:30:00Z").toEpochMilli();
    for (int i = 0; i < 300; i++) {
      int open = 20_371 + (i * 7) % 13;
      builder.add(start + i * 60_000L, open, open + 4, open - 3, open + 1, 50 + i, 30 + i, 20, "M2KH24");
    }
    long sunday = Instant.parse("2023-12-31T23:00:00Z").toEpochMilli(); // 17:00 CT: trading date 2024-01-02
    for (int i = 0; i < 300; i++) {
      int open = 20_500 - (i * 5) % 11;
      builder.add(sunday + i * 60_000L, open, open + 2, open - 5, open - 1, 70 + i, 35, 35 + i, "M2KH24");
    }
    return builder.build();
  }

  @Test
  void sparkReadsExactlyWhatPlainJavaWrote() {
    BarSeries bars = m2kBars();
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      update.merge(bars, SymbolMetadata.Origin.INGESTED,
          List.of(new SourceRecord("fixture", "f1", "generic", bars.size(), Instant.EPOCH)));
      update.commit();
    }

    Dataset<Row> read = spark().read().parquet(dir.toString());

    List<Row> expected = new ArrayList<>();
    for (int i = 0; i < bars.size(); i++) {
      LocalDate tradingDate = bars.tradingDate(i);
      expected.add(RowFactory.create(Timestamp.from(Instant.ofEpochMilli(bars.startMillis(i))),
          Date.valueOf(tradingDate), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i),
          bars.buyVolume(i), bars.sellVolume(i), bars.contract(i), "M2K", tradingDate.getYear()));
    }
    Dataset<Row> expectedFrame = spark().createDataFrame(expected, STORE_ROWS);
    assertEquals(2, read.select("year").distinct().count(), "two year partitions");
    assertDataFrameNoOrderEquals(expectedFrame, read.select(
        "ts", "trading_date", "open", "high", "low", "close", "volume", "buy_volume", "sell_volume", "contract",
        "symbol", "year"));
  }

  @Test
  void plainJavaReadsWhatSparkWrote() throws Exception {
    BarSeries bars = m2kBars();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < bars.size(); i++) {
      LocalDate tradingDate = bars.tradingDate(i);
      rows.add(RowFactory.create(Timestamp.from(Instant.ofEpochMilli(bars.startMillis(i))),
          Date.valueOf(tradingDate), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i),
          bars.buyVolume(i), bars.sellVolume(i), bars.contract(i), "M2K", tradingDate.getYear()));
    }
    Path out = dir.resolve("spark-store");
    spark().conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    spark().createDataFrame(rows, STORE_ROWS).coalesce(1).sortWithinPartitions("ts")
        .write().partitionBy("symbol", "year").parquet(out.toString());

    BarSeries.Builder builder = BarSeries.builder(M2K, BarInterval.ONE_MINUTE);
    FileSystem fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
    Assertions.assertTrue(files.size() >= 2, "one file per year partition at least: " + files);
    for (Path file : files) {
      BarParquetReader.read(fs, new org.apache.hadoop.fs.Path(file.toUri()), builder, M2K.tickGrid());
    }
    Assertions.assertTrue(bars.sameBarsAs(builder.build()));
  }
}
