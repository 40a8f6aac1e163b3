package io.plateau.data;

import io.plateau.bar.BarSeries;
import io.plateau.instrument.TickGrid;
import io.plateau.util.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads Parquet bar files ({@link BarSchema}) into a {@link BarSeries.Builder}, column values going straight
 * into primitives. Only the columns a series needs are read (the trading date is recomputed from the time
 * zone). Prices must lie on the instrument's tick grid: a file that breaks it is rejected, naming the file.
 */
public final class BarParquetReader {

  private BarParquetReader() {}

  /** Appends every bar of the file at {@code path} to {@code into}. */
  public static void read(FileSystem fs, Path path, BarSeries.Builder into, TickGrid grid) throws IOException {
    Configuration conf = fs.getConf();
    RowSink sink = new RowSink(into, grid, path);
    try (ParquetReader<Object> reader =
        ParquetReader.builder(new BarReadSupport(sink), path)
            .withConf(conf)
            .build()) {
      while (reader.read() != null) {
        // Each read() materializes one row into the sink; nothing to do with the returned marker.
      }
    }
  }

  /** Collects one row's values from the converters and appends the bar when the row ends. */
  private static final class RowSink {
    final BarSeries.Builder builder;
    final TickGrid grid;
    final Path path;
    long startMillis;
    int open;
    int high;
    int low;
    int close;
    long volume;
    long buyVolume;
    long sellVolume;
    String contract;
    long row;

    RowSink(BarSeries.Builder builder, TickGrid grid, Path path) {
      this.builder = builder;
      this.grid = grid;
      this.path = path;
    }

    void start() {
      buyVolume = -1;
      sellVolume = -1;
      contract = null;
    }

    int ticks(double price, String column) {
      if (!grid.isOnGrid(price)) {
        throw new InputException(path + ": row " + row + ": " + column + " " + price
            + " is not on the tick grid of " + grid.tickSize());
      }
      return (int) grid.toTicks(price);
    }

    void end() {
      builder.add(startMillis, open, high, low, close, volume, buyVolume, sellVolume, contract);
      row++;
    }
  }

  private static final class BarReadSupport extends ReadSupport<Object> {
    private static final List<String> REQUIRED = List.of(BarSchema.TS, BarSchema.OPEN, BarSchema.HIGH,
        BarSchema.LOW, BarSchema.CLOSE, BarSchema.VOLUME);
    private static final List<String> OPTIONAL = List.of(BarSchema.BUY_VOLUME, BarSchema.SELL_VOLUME,
        BarSchema.CONTRACT);

    private final RowSink sink;

    BarReadSupport(RowSink sink) {
      this.sink = sink;
    }

    @Override
    public ReadContext init(InitContext context) {
      MessageType file = context.getFileSchema();
      List<Type> projected = new ArrayList<>();
      for (String name : REQUIRED) {
        if (!file.containsField(name)) {
          throw new InputException(sink.path + ": not a bar file: column '" + name + "' is missing; expected "
              + BarSchema.SCHEMA);
        }
        projected.add(file.getType(name));
      }
      for (String name : OPTIONAL) {
        if (file.containsField(name)) {
          projected.add(file.getType(name));
        }
      }
      return new ReadContext(new MessageType(file.getName(), projected));
    }

    @Override
    public RecordMaterializer<Object> prepareForRead(Configuration conf, Map<String, String> keyValueMetaData,
        MessageType fileSchema, ReadContext readContext) {
      return new Materializer(readContext.getRequestedSchema(), sink);
    }
  }

  private static final class Materializer extends RecordMaterializer<Object> {
    private final RowGroupConverter root;

    Materializer(MessageType schema, RowSink sink) {
      this.root = new RowGroupConverter(schema, sink);
    }

    @Override
    public Object getCurrentRecord() {
      // A non-null marker: the reader treats null as "row filtered out".
      return Boolean.TRUE;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  private static final class RowGroupConverter extends GroupConverter {
    private final RowSink sink;
    private final Converter[] converters;

    RowGroupConverter(MessageType schema, RowSink sink) {
      this.sink = sink;
      this.converters = new Converter[schema.getFieldCount()];
      for (int i = 0; i < converters.length; i++) {
        converters[i] = converterFor(schema.getType(i), sink);
      }
    }

    private static Converter converterFor(Type type, RowSink sink) {
      String name = type.getName();
      requirePrimitive(type, sink, name);
      PrimitiveType primitive = type.asPrimitiveType();
      switch (name) {
        case BarSchema.TS -> {
          long microsPerUnit = timestampMicrosPerUnit(primitive, sink);
          return new PrimitiveConverter() {
            @Override
            public void addLong(long value) {
              sink.startMillis = microsPerUnit >= 1000 ? value * (microsPerUnit / 1000)
                  : Math.floorDiv(value * microsPerUnit, 1000);
            }
          };
        }
        case BarSchema.OPEN, BarSchema.HIGH, BarSchema.LOW, BarSchema.CLOSE -> {
          requireType(primitive, PrimitiveTypeName.DOUBLE, sink);
          return priceConverter(name, sink);
        }
        case BarSchema.VOLUME, BarSchema.BUY_VOLUME, BarSchema.SELL_VOLUME -> {
          requireType(primitive, PrimitiveTypeName.INT64, sink);
          return new PrimitiveConverter() {
            @Override
            public void addLong(long value) {
              switch (name) {
                case BarSchema.VOLUME -> sink.volume = value;
                case BarSchema.BUY_VOLUME -> sink.buyVolume = value;
                default -> sink.sellVolume = value;
              }
            }
          };
        }
        case BarSchema.CONTRACT -> {
          requireType(primitive, PrimitiveTypeName.BINARY, sink);
          return new ContractConverter(sink);
        }
        default -> throw new IllegalStateException("unexpected projected column " + name);
      }
    }

    private static PrimitiveConverter priceConverter(String name, RowSink sink) {
      return switch (name) {
        case BarSchema.OPEN -> new PrimitiveConverter() {
          @Override
          public void addDouble(double value) {
            sink.open = sink.ticks(value, BarSchema.OPEN);
          }
        };
        case BarSchema.HIGH -> new PrimitiveConverter() {
          @Override
          public void addDouble(double value) {
            sink.high = sink.ticks(value, BarSchema.HIGH);
          }
        };
        case BarSchema.LOW -> new PrimitiveConverter() {
          @Override
          public void addDouble(double value) {
            sink.low = sink.ticks(value, BarSchema.LOW);
          }
        };
        default -> new PrimitiveConverter() {
          @Override
          public void addDouble(double value) {
            sink.close = sink.ticks(value, BarSchema.CLOSE);
          }
        };
      };
    }

    /** Microseconds per stored unit of the timestamp column (millis 1000, micros 1); nanos are not supported. */
    private static long timestampMicrosPerUnit(PrimitiveType type, RowSink sink) {
      requireType(type, PrimitiveTypeName.INT64, sink);
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
      throw new InputException(sink.path + ": column 'ts' must be an INT64 timestamp in millis or micros, was "
          + type);
    }

    private static void requirePrimitive(Type type, RowSink sink, String name) {
      if (!type.isPrimitive()) {
        throw new InputException(sink.path + ": column '" + name + "' must be a primitive column, was " + type);
      }
    }

    private static void requireType(PrimitiveType type, PrimitiveTypeName expected, RowSink sink) {
      if (type.getPrimitiveTypeName() != expected) {
        throw new InputException(sink.path + ": column '" + type.getName() + "' must be " + expected + ", was "
            + type.getPrimitiveTypeName());
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return converters[fieldIndex];
    }

    @Override
    public void start() {
      sink.start();
    }

    @Override
    public void end() {
      sink.end();
    }
  }

  /** Decodes each dictionary entry once; rows then share the decoded strings. */
  private static final class ContractConverter extends PrimitiveConverter {
    private final RowSink sink;
    private String[] decoded;

    ContractConverter(RowSink sink) {
      this.sink = sink;
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary dictionary) {
      decoded = new String[dictionary.getMaxId() + 1];
      for (int id = 0; id < decoded.length; id++) {
        decoded[id] = dictionary.decodeToBinary(id).toStringUsingUTF8();
      }
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
      sink.contract = decoded[dictionaryId];
    }

    @Override
    public void addBinary(Binary value) {
      sink.contract = value.toStringUsingUTF8();
    }
  }
}
