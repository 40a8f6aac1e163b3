package io.plateau.data;

import io.plateau.bar.BarSeries;
import io.plateau.instrument.TickGrid;
import io.plateau.util.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads Parquet bar files ({@link BarSchema}) into a {@link BarSeries.Builder}. Only the columns a series needs
 * are read (the trading date is recomputed from the time zone), each row group column by column into
 * primitive arrays through Parquet's column readers, which avoids record assembly. Files written by other
 * tools are accepted when their columns have the schema's names and types (timestamps in millis or micros).
 * Prices must lie on the instrument's tick grid: a file that breaks it is rejected, naming file and row.
 */
public final class BarParquetReader {

  private static final List<String> REQUIRED = List.of(BarSchema.TS, BarSchema.OPEN, BarSchema.HIGH,
      BarSchema.LOW, BarSchema.CLOSE, BarSchema.VOLUME);
  private static final List<String> OPTIONAL = List.of(BarSchema.BUY_VOLUME, BarSchema.SELL_VOLUME,
      BarSchema.CONTRACT);

  private BarParquetReader() {}

  /** Appends every bar of the file at {@code path} to {@code into}. */
  public static void read(FileSystem fs, Path path, BarSeries.Builder into, TickGrid grid) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, fs.getConf()))) {
      MessageType projection = projection(reader.getFooter().getFileMetaData().getSchema(), path);
      reader.setRequestedSchema(projection);
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      long microsPerUnit = timestampMicrosPerUnit(projection.getType(BarSchema.TS).asPrimitiveType(), path);
      long firstRow = 0;
      for (PageReadStore group = reader.readNextRowGroup(); group != null; group = reader.readNextRowGroup()) {
        ColumnReadStoreImpl columns = new ColumnReadStoreImpl(group, new NoRecords(projection), projection, createdBy);
        RowGroup rows = new RowGroup(Math.toIntExact(group.getRowCount()));
        rows.read(columns, projection, microsPerUnit, grid, path, firstRow);
        rows.appendTo(into);
        firstRow += rows.count;
      }
    }
  }

  private static MessageType projection(MessageType file, Path path) {
    List<Type> projected = new ArrayList<>();
    for (String name : REQUIRED) {
      if (!file.containsField(name)) {
        throw new InputException(path + ": not a bar file: column '" + name + "' is missing; expected "
            + BarSchema.SCHEMA);
      }
      projected.add(file.getType(name));
    }
    for (String name : OPTIONAL) {
      if (file.containsField(name)) {
        projected.add(file.getType(name));
      }
    }
    for (Type type : projected) {
      if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
        throw new InputException(path + ": column '" + type.getName() + "' must be a single primitive value, was "
            + type);
      }
      PrimitiveTypeName expected = switch (type.getName()) {
        case BarSchema.OPEN, BarSchema.HIGH, BarSchema.LOW, BarSchema.CLOSE -> PrimitiveTypeName.DOUBLE;
        case BarSchema.CONTRACT -> PrimitiveTypeName.BINARY;
        default -> PrimitiveTypeName.INT64;
      };
      if (type.asPrimitiveType().getPrimitiveTypeName() != expected) {
        throw new InputException(path + ": column '" + type.getName() + "' must be " + expected + ", was "
            + type.asPrimitiveType().getPrimitiveTypeName());
      }
    }
    return new MessageType(file.getName(), projected);
  }

  /** Microseconds per stored unit of the timestamp column (millis 1000, micros 1); nanos and INT96 are refused. */
  private static long timestampMicrosPerUnit(PrimitiveType type, Path path) {
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    if (annotation instanceof TimestampLogicalTypeAnnotation timestamp) {
      switch (timestamp.getUnit()) {
        case MILLIS:
          return 1000;
        case MICROS:
          return 1;
        default:
          break;
      }
    }
    throw new InputException(path + ": column 'ts' must be an INT64 timestamp in millis or micros, was " + type);
  }

  /** One row group's values as primitives. */
  private static final class RowGroup {
    final int count;
    final long[] startMillis;
    final int[][] prices = new int[4][];
    final long[] volume;
    long[] buyVolume;
    long[] sellVolume;
    String[] contract;

    RowGroup(int count) {
      this.count = count;
      this.startMillis = new long[count];
      this.volume = new long[count];
    }

    void read(ColumnReadStoreImpl columns, MessageType schema, long microsPerUnit, TickGrid grid, Path path,
        long firstRow) {
      ColumnReader ts = reader(columns, schema, BarSchema.TS);
      for (int i = 0; i < count; i++) {
        long value = ts.getLong();
        startMillis[i] = microsPerUnit >= 1000 ? value * (microsPerUnit / 1000) : Math.floorDiv(value, 1000);
        ts.consume();
      }
      String[] priceNames = {BarSchema.OPEN, BarSchema.HIGH, BarSchema.LOW, BarSchema.CLOSE};
      for (int p = 0; p < priceNames.length; p++) {
        prices[p] = ticks(reader(columns, schema, priceNames[p]), grid, priceNames[p], path, firstRow);
      }
      ColumnReader volumes = reader(columns, schema, BarSchema.VOLUME);
      for (int i = 0; i < count; i++) {
        volume[i] = volumes.getLong();
        volumes.consume();
      }
      if (schema.containsField(BarSchema.BUY_VOLUME) && schema.containsField(BarSchema.SELL_VOLUME)) {
        buyVolume = optionalLongs(reader(columns, schema, BarSchema.BUY_VOLUME));
        sellVolume = optionalLongs(reader(columns, schema, BarSchema.SELL_VOLUME));
      }
      if (schema.containsField(BarSchema.CONTRACT)) {
        contract = strings(reader(columns, schema, BarSchema.CONTRACT));
      }
    }

    private int[] ticks(ColumnReader column, TickGrid grid, String name, Path path, long firstRow) {
      int[] ticks = new int[count];
      for (int i = 0; i < count; i++) {
        double price = column.getDouble();
        long tick = grid.toTicks(price);
        // Our own files hold exactly toPrice(tick); other writers may leave binary noise, which isOnGrid allows.
        if (grid.toPrice(tick) != price && !grid.isOnGrid(price)) {
          throw new InputException(path + ": row " + (firstRow + i) + ": " + name + " " + price
              + " is not on the tick grid of " + grid.tickSize());
        }
        ticks[i] = (int) tick;
        column.consume();
      }
      return ticks;
    }

    /** A nullable long column; null rows become -1 (absent), which drops the aggressor side for the series. */
    private long[] optionalLongs(ColumnReader column) {
      long[] values = new long[count];
      int defined = column.getDescriptor().getMaxDefinitionLevel();
      for (int i = 0; i < count; i++) {
        values[i] = column.getCurrentDefinitionLevel() == defined ? column.getLong() : -1;
        column.consume();
      }
      return values;
    }

    private String[] strings(ColumnReader column) {
      String[] values = new String[count];
      int defined = column.getDescriptor().getMaxDefinitionLevel();
      String previous = null;
      for (int i = 0; i < count; i++) {
        if (column.getCurrentDefinitionLevel() == defined) {
          String value = column.getBinary().toStringUsingUTF8();
          // Rows of one contract share one string instead of a copy each.
          previous = value.equals(previous) ? previous : value;
          values[i] = previous;
        }
        column.consume();
      }
      return values;
    }

    void appendTo(BarSeries.Builder into) {
      int[] open = prices[0];
      int[] high = prices[1];
      int[] low = prices[2];
      int[] close = prices[3];
      for (int i = 0; i < count; i++) {
        into.add(startMillis[i], open[i], high[i], low[i], close[i], volume[i],
            buyVolume == null ? -1 : buyVolume[i], sellVolume == null ? -1 : sellVolume[i],
            contract == null ? null : contract[i]);
      }
    }

    private static ColumnReader reader(ColumnReadStoreImpl columns, MessageType schema, String name) {
      ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {name});
      return columns.getColumnReader(descriptor);
    }
  }

  /**
   * The column store wants a record converter for dictionary handling; values are read from the column
   * readers directly, so its converters are never called with data.
   */
  private static final class NoRecords extends GroupConverter {
    private final Converter[] fields;

    NoRecords(MessageType schema) {
      fields = new Converter[schema.getFieldCount()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = new PrimitiveConverter() {};
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return fields[fieldIndex];
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }
}
