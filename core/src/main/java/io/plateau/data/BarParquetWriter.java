package io.plateau.data;

import io.plateau.bar.BarSeries;
import io.plateau.instrument.TickGrid;
import io.plateau.util.Hashing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;

/**
 * Writes bars to one Parquet file in {@link BarSchema}, straight from the series' primitive columns. Plain
 * parquet-hadoop; no Spark.
 *
 * <p>It encodes whole pages itself with Parquet's value encoders and hands them to {@link ParquetFileWriter},
 * rather than feeding values one by one through Parquet's column writers: those update statistics and
 * run-length encode a definition and a repetition level for every value, even for required columns whose
 * levels are always zero, which cost more than the encoding itself. Here statistics come from the tick
 * columns per page, required columns carry no level bytes, and an optional column that is all present or all
 * null gets its levels as one run.
 *
 * <p>Encodings (Parquet version 2 data pages, Snappy): times, dates and volumes {@code DELTA_BINARY_PACKED}
 * (timestamps one minute apart cost bits, not bytes); prices and contracts dictionary-encoded
 * ({@code RLE_DICTIONARY}: a year revisits a few thousand price levels), falling back to {@code PLAIN} prices
 * when a row group has more distinct prices than {@value #MAX_DICTIONARY_ENTRIES}.
 */
public final class BarParquetWriter {

  /**
   * Snappy: on bars the encodings do most of the shrinking, and Zstandard saved only 6% more (73.6 vs 78.0 MB
   * for 25 years of MES) while writing 30-50% slower (BarStoreWriteBench).
   */
  static final CompressionCodecName CODEC = CompressionCodecName.SNAPPY;
  private static final long ROW_GROUP_BYTES = 128L * 1024 * 1024;
  /** Rows per row group; a year of 1-minute bars (about 350,000) fits in one. */
  private static final int ROWS_PER_GROUP = 1 << 20;
  /** Rows per data page: about 256 KB of plain doubles, the granularity of Parquet's page index. */
  private static final int ROWS_PER_PAGE = 1 << 15;
  static final int MAX_DICTIONARY_ENTRIES = 1 << 16;
  private static final int COLUMN_INDEX_TRUNCATE_BYTES = 64;
  private static final int DELTA_BLOCK_SIZE = 128;
  private static final int DELTA_MINIBLOCKS = 4;
  private static final long MICROS_PER_MILLI = 1000L;
  private static final ByteBufferAllocator ALLOCATOR = new HeapByteBufferAllocator();

  private BarParquetWriter() {}

  /**
   * Writes bars {@code [from, to)} of {@code series} to a new file at {@code path} (which must not exist). The footer
   * records the SHA-256 of the bytes before it that bars are decoded from ({@link BarSchema#FOOTER_DATA_SHA256}), so
   * that a file damaged later is recognised before a job relies on it ({@link VerifiedBarFile}).
   */
  public static void write(FileSystem fs, Path path, BarSeries series, int from, int to) throws IOException {
    FileSystemOutputFile output = new FileSystemOutputFile(fs, path);
    // Parquet's own page checksums would serve, but parquet-mr 1.13 writes none for version 2 data pages.
    ParquetFileWriter file = new ParquetFileWriter(output, BarSchema.SCHEMA,
        ParquetFileWriter.Mode.CREATE, ROW_GROUP_BYTES, 0, COLUMN_INDEX_TRUNCATE_BYTES, Integer.MAX_VALUE, false);
    CodecFactory codecs = new CodecFactory(fs.getConf(), ROWS_PER_PAGE * Long.BYTES);
    try {
      PageWriter pages = new PageWriter(file, codecs.getCompressor(CODEC), series);
      file.start();
      for (int groupStart = from; groupStart < to; groupStart += ROWS_PER_GROUP) {
        int groupEnd = Math.min(to, groupStart + ROWS_PER_GROUP);
        file.startBlock(groupEnd - groupStart);
        pages.writeRowGroup(groupStart, groupEnd);
        file.endBlock();
      }
      // Every column chunk is written; end() adds the page index and the footer, which the digest cannot cover.
      Map<String, String> footer = footer(series);
      footer.put(BarSchema.FOOTER_DATA_BYTES, Long.toString(output.bytesSoFar()));
      footer.put(BarSchema.FOOTER_DATA_SHA256, output.sealDigest());
      file.end(footer);
    } finally {
      codecs.release();
    }
  }

  private static Map<String, String> footer(BarSeries series) {
    Map<String, String> footer = new HashMap<>();
    footer.put(BarSchema.FOOTER_SYMBOL, series.symbol());
    footer.put(BarSchema.FOOTER_TICK_SIZE, Double.toString(series.instrument().tickSize()));
    footer.put(BarSchema.FOOTER_INTERVAL, series.interval().toString());
    footer.put(BarSchema.FOOTER_SCHEMA_VERSION, BarSchema.SCHEMA_VERSION);
    return footer;
  }

  /** Encodes the columns of one series, row group by row group, page by page. */
  private static final class PageWriter {
    private final ParquetFileWriter file;
    private final CodecFactory.BytesCompressor compressor;
    private final BarSeries series;
    private final TickGrid grid;

    PageWriter(ParquetFileWriter file, CodecFactory.BytesCompressor compressor, BarSeries series) {
      this.file = file;
      this.compressor = compressor;
      this.series = series;
      this.grid = series.instrument().tickGrid();
    }

    void writeRowGroup(int from, int to) throws IOException {
      longColumn(BarSchema.TS, series.startMillisUnsafe(), MICROS_PER_MILLI, from, to, false);
      dateColumn(series.tradingDayUnsafe(), from, to);
      priceColumn(BarSchema.OPEN, series.openTicksUnsafe(), from, to);
      priceColumn(BarSchema.HIGH, series.highTicksUnsafe(), from, to);
      priceColumn(BarSchema.LOW, series.lowTicksUnsafe(), from, to);
      priceColumn(BarSchema.CLOSE, series.closeTicksUnsafe(), from, to);
      volumeColumn(BarSchema.VOLUME, series.volumeUnsafe(), from, to, false);
      volumeColumn(BarSchema.BUY_VOLUME, series.buyVolumeUnsafe(), from, to, true);
      volumeColumn(BarSchema.SELL_VOLUME, series.sellVolumeUnsafe(), from, to, true);
      contractColumn(from, to);
    }

    /** A delta-encoded INT64 column of volumes; a null array writes nulls. */
    private void volumeColumn(String name, int[] values, int from, int to, boolean optional) throws IOException {
      long[] widened = null;
      if (values != null) {
        widened = new long[to - from];
        for (int i = from; i < to; i++) {
          widened[i - from] = values[i];
        }
      }
      // Pages are cut relative to the row group's first row, so the widened copy pages the same way.
      longColumn(name, widened, 1, 0, to - from, optional);
    }

    /** A delta-encoded INT64 column of {@code values × scale}; a null array writes nulls. */
    private void longColumn(String name, long[] values, long scale, int from, int to, boolean optional)
        throws IOException {
      ColumnDescriptor column = descriptor(name);
      file.startColumn(column, to - from, CODEC);
      for (int start = from; start < to; start += ROWS_PER_PAGE) {
        int end = Math.min(to, start + ROWS_PER_PAGE);
        if (values == null) {
          nullPage(column, end - start);
          continue;
        }
        DeltaBinaryPackingValuesWriterForLong encoder = new DeltaBinaryPackingValuesWriterForLong(DELTA_BLOCK_SIZE,
            DELTA_MINIBLOCKS, (end - start) * 2, ROWS_PER_PAGE * Long.BYTES, ALLOCATOR);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = start; i < end; i++) {
          long value = values[i] * scale;
          encoder.writeLong(value);
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
        Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
        statistics.updateStats(min);
        statistics.updateStats(max);
        dataPage(column, end - start, optional, encoder.getBytes(), Encoding.DELTA_BINARY_PACKED, statistics);
        encoder.close();
      }
      file.endColumn();
    }

    private void dateColumn(int[] days, int from, int to) throws IOException {
      ColumnDescriptor column = descriptor(BarSchema.TRADING_DATE);
      file.startColumn(column, to - from, CODEC);
      for (int start = from; start < to; start += ROWS_PER_PAGE) {
        int end = Math.min(to, start + ROWS_PER_PAGE);
        DeltaBinaryPackingValuesWriterForInteger encoder = new DeltaBinaryPackingValuesWriterForInteger(
            DELTA_BLOCK_SIZE, DELTA_MINIBLOCKS, end - start, ROWS_PER_PAGE * Integer.BYTES, ALLOCATOR);
        for (int i = start; i < end; i++) {
          encoder.writeInteger(days[i]);
        }
        Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
        // Trading days never decrease within a series.
        statistics.updateStats(days[start]);
        statistics.updateStats(days[end - 1]);
        dataPage(column, end - start, false, encoder.getBytes(), Encoding.DELTA_BINARY_PACKED, statistics);
        encoder.close();
      }
      file.endColumn();
    }

    /** A DOUBLE price column from ticks: dictionary-encoded unless the row group has too many distinct prices. */
    private void priceColumn(String name, int[] ticks, int from, int to) throws IOException {
      ColumnDescriptor column = descriptor(name);
      TickDictionary dictionary = TickDictionary.of(ticks, from, to);
      file.startColumn(column, to - from, CODEC);
      if (dictionary != null) {
        ByteBuffer plain = ByteBuffer.allocate(dictionary.size() * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int id = 0; id < dictionary.size(); id++) {
          plain.putDouble(grid.toPrice(dictionary.tickOf(id)));
        }
        BytesInput raw = BytesInput.from(plain.array());
        file.writeDictionaryPage(new DictionaryPage(compressor.compress(raw), (int) raw.size(), dictionary.size(),
            Encoding.PLAIN));
      }
      for (int start = from; start < to; start += ROWS_PER_PAGE) {
        int end = Math.min(to, start + ROWS_PER_PAGE);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = start; i < end; i++) {
          min = Math.min(min, ticks[i]);
          max = Math.max(max, ticks[i]);
        }
        Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
        statistics.updateStats(grid.toPrice(min));
        statistics.updateStats(grid.toPrice(max));
        if (dictionary != null) {
          dataPage(column, end - start, false, dictionary.encode(ticks, start, end), Encoding.RLE_DICTIONARY,
              statistics);
        } else {
          ByteBuffer plain = ByteBuffer.allocate((end - start) * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
          for (int i = start; i < end; i++) {
            plain.putDouble(grid.toPrice(ticks[i]));
          }
          dataPage(column, end - start, false, BytesInput.from(plain.array()), Encoding.PLAIN, statistics);
        }
      }
      file.endColumn();
    }

    /** The contract column: a dictionary of the few contract codes, or all nulls when the series has none. */
    private void contractColumn(int from, int to) throws IOException {
      ColumnDescriptor column = descriptor(BarSchema.CONTRACT);
      file.startColumn(column, to - from, CODEC);
      if (!series.hasContracts()) {
        for (int start = from; start < to; start += ROWS_PER_PAGE) {
          nullPage(column, Math.min(to, start + ROWS_PER_PAGE) - start);
        }
        file.endColumn();
        return;
      }
      Map<String, Integer> ids = new LinkedHashMap<>();
      int[] idOf = new int[to - from];
      String previous = null;
      int previousId = -1;
      for (int i = from; i < to; i++) {
        String code = series.contract(i);
        if (!code.equals(previous)) {
          previous = code;
          previousId = ids.computeIfAbsent(code, c -> ids.size());
        }
        idOf[i - from] = previousId;
      }
      java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
      for (String code : ids.keySet()) {
        byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
        plain.write(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array(), 0,
            Integer.BYTES);
        plain.write(bytes, 0, bytes.length);
      }
      BytesInput raw = BytesInput.from(plain.toByteArray());
      file.writeDictionaryPage(new DictionaryPage(compressor.compress(raw), (int) raw.size(), ids.size(),
          Encoding.PLAIN));
      String[] codes = ids.keySet().toArray(new String[0]);
      int bitWidth = BytesUtils.getWidthFromMaxInt(Math.max(ids.size() - 1, 0));
      for (int start = from; start < to; start += ROWS_PER_PAGE) {
        int end = Math.min(to, start + ROWS_PER_PAGE);
        Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64,
            ROWS_PER_PAGE, ALLOCATOR);
        int lastId = -1;
        for (int i = start; i < end; i++) {
          int id = idOf[i - from];
          encoder.writeInt(id);
          if (id != lastId) {
            statistics.updateStats(Binary.fromString(codes[id]));
            lastId = id;
          }
        }
        BytesInput data = BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), encoder.toBytes());
        dataPage(column, end - start, true, data, Encoding.RLE_DICTIONARY, statistics);
        encoder.close();
      }
      file.endColumn();
    }

    /** A page of {@code rows} present values; an optional column gets its definition levels as one run of 1s. */
    private void dataPage(ColumnDescriptor column, int rows, boolean optional, BytesInput data, Encoding encoding,
        Statistics<?> statistics) throws IOException {
      BytesInput copied = BytesInput.copy(data);
      BytesInput levels = optional ? levelRun(rows, 1) : BytesInput.empty();
      file.writeDataPageV2(rows, 0, rows, BytesInput.empty(), levels, encoding, compressor.compress(copied),
          (int) copied.size(), statistics);
    }

    /** A page of {@code rows} nulls: definition levels only. */
    private void nullPage(ColumnDescriptor column, int rows) throws IOException {
      Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
      statistics.incrementNumNulls(rows);
      BytesInput empty = BytesInput.empty();
      file.writeDataPageV2(rows, rows, rows, BytesInput.empty(), levelRun(rows, 0), Encoding.PLAIN,
          compressor.compress(empty), 0, statistics);
    }

    /** One RLE run of {@code count} copies of a 1-bit level: varint(count << 1) then the value byte. */
    private static BytesInput levelRun(int count, int level) {
      return BytesInput.concat(BytesInput.fromUnsignedVarInt(count << 1), BytesInput.from(new byte[] {(byte) level}));
    }

    private static ColumnDescriptor descriptor(String name) {
      return BarSchema.SCHEMA.getColumnDescription(new String[] {name});
    }
  }

  /** Distinct ticks of a column chunk, numbered in order of appearance, and the chunk's ids bit-packed per page. */
  private static final class TickDictionary {
    private final int[] ticks;
    private final int size;
    private final int minTick;
    private final int[] idByOffset;

    private TickDictionary(int[] ticks, int size, int minTick, int[] idByOffset) {
      this.ticks = ticks;
      this.size = size;
      this.minTick = minTick;
      this.idByOffset = idByOffset;
    }

    /**
     * The dictionary of {@code column[from, to)}, or null when it would not pay: more than
     * {@link #MAX_DICTIONARY_ENTRIES} distinct prices. Ticks of a row group span a bounded range, so a direct
     * table indexed by tick minus the minimum replaces hashing when that range is at most a few million ticks.
     */
    static TickDictionary of(int[] column, int from, int to) {
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      for (int i = from; i < to; i++) {
        min = Math.min(min, column[i]);
        max = Math.max(max, column[i]);
      }
      long span = (long) max - min + 1;
      if (from >= to || span > 1 << 24) {
        return null;
      }
      int[] idByOffset = new int[(int) span];
      Arrays.fill(idByOffset, -1);
      int[] ticks = new int[Math.min((int) span, MAX_DICTIONARY_ENTRIES)];
      int size = 0;
      for (int i = from; i < to; i++) {
        int offset = column[i] - min;
        if (idByOffset[offset] < 0) {
          if (size == MAX_DICTIONARY_ENTRIES) {
            return null;
          }
          idByOffset[offset] = size;
          ticks[size++] = column[i];
        }
      }
      return new TickDictionary(ticks, size, min, idByOffset);
    }

    int size() {
      return size;
    }

    int tickOf(int id) {
      return ticks[id];
    }

    /** The ids of {@code column[from, to)}: bit width byte, then Parquet's RLE/bit-packing hybrid. */
    BytesInput encode(int[] column, int from, int to) throws IOException {
      int bitWidth = BytesUtils.getWidthFromMaxInt(Math.max(size - 1, 0));
      RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64,
          ROWS_PER_PAGE * 4, ALLOCATOR);
      for (int i = from; i < to; i++) {
        encoder.writeInt(idByOffset[column[i] - minTick]);
      }
      BytesInput bytes = BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), encoder.toBytes());
      BytesInput copy = BytesInput.copy(bytes);
      encoder.close();
      return copy;
    }
  }

  /**
   * An {@link OutputFile} on a given Hadoop file system (so local stores use the raw, checksum-free one) that hashes
   * the bytes written to it until {@link #sealDigest()}.
   */
  private static final class FileSystemOutputFile implements OutputFile {
    private final FileSystem fs;
    private final Path path;
    private final MessageDigest digest = Hashing.newSha256();
    private long bytes;
    private boolean sealed;

    FileSystemOutputFile(FileSystem fs, Path path) {
      this.fs = fs;
      this.path = path;
    }

    long bytesSoFar() {
      return bytes;
    }

    /** The hex SHA-256 of everything written so far; later bytes are not hashed. */
    String sealDigest() {
      sealed = true;
      return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      return new Hashed(HadoopStreams.wrap(fs.create(path, false)));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      return new Hashed(HadoopStreams.wrap(fs.create(path, true)));
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

    /** The file's stream, feeding the digest on the way (ParquetFileWriter writes every byte through it). */
    private final class Hashed extends PositionOutputStream {
      private final PositionOutputStream out;

      Hashed(PositionOutputStream out) {
        this.out = out;
      }

      @Override
      public long getPos() throws IOException {
        return out.getPos();
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        if (!sealed) {
          digest.update((byte) b);
          bytes++;
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        if (!sealed) {
          digest.update(b, off, len);
          bytes += len;
        }
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    }
  }
}
