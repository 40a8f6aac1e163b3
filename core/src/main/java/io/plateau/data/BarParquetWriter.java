package io.plateau.data;

import io.plateau.bar.BarSeries;
import io.plateau.instrument.TickGrid;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes bars to one Parquet file in {@link BarSchema}, straight from the series' primitive columns: no row
 * objects, no boxing. Plain parquet-hadoop; no Spark.
 */
public final class BarParquetWriter {

  /** Zstandard gives files about a third smaller than Snappy on bars at a similar write speed; all readers know it. */
  static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
  private static final int ROW_GROUP_BYTES = 64 * 1024 * 1024;

  private BarParquetWriter() {}

  /** Writes bars {@code [from, to)} of {@code series} to a new file at {@code path} (which must not exist). */
  public static void write(FileSystem fs, Path path, BarSeries series, int from, int to) throws IOException {
    Cursor cursor = new Cursor(series);
    try (ParquetWriter<Cursor> writer = new Builder(new FileSystemOutputFile(fs, path), series)
        .withCompressionCodec(CODEC)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withRowGroupSize(ROW_GROUP_BYTES)
        // Dictionaries pay off for prices (a year revisits a few thousand levels) and contracts; times, dates and
        // volumes are nearly unique or small deltas, where delta encoding is both smaller and much faster.
        .withDictionaryEncoding(true)
        .withDictionaryEncoding(BarSchema.TS, false)
        .withDictionaryEncoding(BarSchema.TRADING_DATE, false)
        .withDictionaryEncoding(BarSchema.VOLUME, false)
        .withDictionaryEncoding(BarSchema.BUY_VOLUME, false)
        .withDictionaryEncoding(BarSchema.SELL_VOLUME, false)
        // Version 2 pages allow delta encodings: timestamps one minute apart cost bits, not bytes.
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
        .withConf(fs.getConf())
        .build()) {
      for (int i = from; i < to; i++) {
        cursor.index = i;
        writer.write(cursor);
      }
    }
  }

  /** The row being written: the series and an index into it, reused for every row. */
  static final class Cursor {
    final BarSeries series;
    int index;

    Cursor(BarSeries series) {
      this.series = series;
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Cursor, Builder> {
    private final BarSeries series;

    Builder(OutputFile file, BarSeries series) {
      super(file);
      this.series = series;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Cursor> getWriteSupport(Configuration conf) {
      return new BarWriteSupport(series);
    }
  }

  private static final class BarWriteSupport extends WriteSupport<Cursor> {
    private static final long MICROS_PER_MILLI = 1000L;

    private final BarSeries series;
    private final TickGrid grid;
    private final long[] startMillis;
    private final int[] tradingDay;
    private final int[] open;
    private final int[] high;
    private final int[] low;
    private final int[] close;
    private final long[] volume;
    private final long[] buyVolume;
    private final long[] sellVolume;
    private final Binary[] contractBinaries;
    private RecordConsumer consumer;

    BarWriteSupport(BarSeries series) {
      this.series = series;
      this.grid = series.instrument().tickGrid();
      this.startMillis = series.startMillisUnsafe();
      this.tradingDay = series.tradingDayUnsafe();
      this.open = series.openTicksUnsafe();
      this.high = series.highTicksUnsafe();
      this.low = series.lowTicksUnsafe();
      this.close = series.closeTicksUnsafe();
      this.volume = series.volumeUnsafe();
      this.buyVolume = series.buyVolumeUnsafe();
      this.sellVolume = series.sellVolumeUnsafe();
      this.contractBinaries = series.hasContracts() ? contractBinaries(series) : null;
    }

    /** One Binary per distinct contract string (a series has a handful), so rows share them. */
    private static Binary[] contractBinaries(BarSeries series) {
      Map<String, Binary> distinct = new HashMap<>();
      Binary[] binaries = new Binary[series.size()];
      for (int i = 0; i < binaries.length; i++) {
        binaries[i] = distinct.computeIfAbsent(series.contract(i), Binary::fromString);
      }
      return binaries;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      Map<String, String> footer = new HashMap<>();
      footer.put(BarSchema.FOOTER_SYMBOL, series.symbol());
      footer.put(BarSchema.FOOTER_TICK_SIZE, Double.toString(grid.tickSize()));
      footer.put(BarSchema.FOOTER_INTERVAL, series.interval().toString());
      footer.put(BarSchema.FOOTER_SCHEMA_VERSION, BarSchema.SCHEMA_VERSION);
      return new WriteContext(BarSchema.SCHEMA, footer);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Cursor cursor) {
      int i = cursor.index;
      RecordConsumer c = consumer;
      c.startMessage();
      c.startField(BarSchema.TS, 0);
      c.addLong(startMillis[i] * MICROS_PER_MILLI);
      c.endField(BarSchema.TS, 0);
      c.startField(BarSchema.TRADING_DATE, 1);
      c.addInteger(tradingDay[i]);
      c.endField(BarSchema.TRADING_DATE, 1);
      c.startField(BarSchema.OPEN, 2);
      c.addDouble(grid.toPrice(open[i]));
      c.endField(BarSchema.OPEN, 2);
      c.startField(BarSchema.HIGH, 3);
      c.addDouble(grid.toPrice(high[i]));
      c.endField(BarSchema.HIGH, 3);
      c.startField(BarSchema.LOW, 4);
      c.addDouble(grid.toPrice(low[i]));
      c.endField(BarSchema.LOW, 4);
      c.startField(BarSchema.CLOSE, 5);
      c.addDouble(grid.toPrice(close[i]));
      c.endField(BarSchema.CLOSE, 5);
      c.startField(BarSchema.VOLUME, 6);
      c.addLong(volume[i]);
      c.endField(BarSchema.VOLUME, 6);
      if (buyVolume != null) {
        c.startField(BarSchema.BUY_VOLUME, 7);
        c.addLong(buyVolume[i]);
        c.endField(BarSchema.BUY_VOLUME, 7);
        c.startField(BarSchema.SELL_VOLUME, 8);
        c.addLong(sellVolume[i]);
        c.endField(BarSchema.SELL_VOLUME, 8);
      }
      if (contractBinaries != null) {
        c.startField(BarSchema.CONTRACT, 9);
        c.addBinary(contractBinaries[i]);
        c.endField(BarSchema.CONTRACT, 9);
      }
      c.endMessage();
    }
  }

  /** An {@link OutputFile} on a given Hadoop file system (so local stores use the raw, checksum-free one). */
  private record FileSystemOutputFile(FileSystem fs, Path path) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      return HadoopStreams.wrap(fs.create(path, false));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      return HadoopStreams.wrap(fs.create(path, true));
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return path.toString();
    }
  }
}
