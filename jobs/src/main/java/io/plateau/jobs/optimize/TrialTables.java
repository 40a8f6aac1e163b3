package io.plateau.jobs.optimize;

import io.plateau.param.Axis;
import io.plateau.param.ParameterSpace;
import io.plateau.robust.SpanMetrics;
import io.plateau.robust.WalkForwardMatrix;
import io.plateau.robust.WalkForwardSummary;
import io.plateau.strategy.Param;
import io.plateau.study.Trial;
import io.plateau.study.WindowRun;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The Parquet tables of an optimize run: their schemas and how rows are written. Files are written whole by one
 * writer (a block's trials, a block's P&amp;L, the walk-forward windows) with no timestamps in their metadata, so the
 * same inputs give the same bytes.
 *
 * <pre>
 *   trials/block-NNNNN.parquet   one row per (set, scheme, window): set_id, symbol, the parameters as columns,
 *                                scheme (0 the study's walk-forward, 1.. the matrix cells), window_index,
 *                                is_* and oos_* metrics of the set's run, is_objective
 *   pnl/block-NNNNN.parquet      one row per set: set_id, symbol, span_* metrics from the first in-sample date
 *                                to the end, daily_pnl (list of float, one per trading date of calendar.parquet),
 *                                trade_net_pnl and trade_exit_day (lists: the trades span_* counts, the exit as a
 *                                day_index)
 *   calendar.parquet             symbol, day_index, date
 *   walkforward/windows.parquet  one row per (symbol, window): dates, chosen set_id and parameters, its in-sample
 *                                objective (raw and plateau-smoothed), is_* metrics of the continuous run, oos_*
 *                                metrics of the flat-start re-run
 *   walkforward/stitched.parquet symbol, date, pnl, equity of the re-runs, window after window
 *   walkforward/matrix.parquet   with a walk-forward matrix, one row per (symbol, cell): the lengths, the cell's
 *                                walk-forward summary, whether it passes and whether it is the best
 * </pre>
 */
final class TrialTables {

  static final List<String> METRICS = List.of("net_profit", "annualized_profit", "sharpe", "max_drawdown",
      "return_drawdown", "profit_factor", "win_rate", "expectancy", "trades", "days");

  private TrialTables() {}

  static MessageType trialsSchema(ParameterSpace space) {
    Types.MessageTypeBuilder schema = Types.buildMessage();
    schema.required(PrimitiveTypeName.INT64).named("set_id");
    schema.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("symbol");
    parameters(schema, space);
    schema.required(PrimitiveTypeName.INT32).named("scheme");
    schema.required(PrimitiveTypeName.INT32).named("window_index");
    metrics(schema, "is_");
    metrics(schema, "oos_");
    schema.required(PrimitiveTypeName.DOUBLE).named("is_objective");
    return schema.named("trial");
  }

  static MessageType pnlSchema() {
    Types.MessageTypeBuilder schema = Types.buildMessage();
    schema.required(PrimitiveTypeName.INT64).named("set_id")
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("symbol");
    metrics(schema, "span_");
    return schema.requiredList().requiredElement(PrimitiveTypeName.FLOAT).named("daily_pnl")
        .requiredList().requiredElement(PrimitiveTypeName.DOUBLE).named("trade_net_pnl")
        .requiredList().requiredElement(PrimitiveTypeName.INT32).named("trade_exit_day")
        .named("pnl");
  }

  static MessageType calendarSchema() {
    return Types.buildMessage()
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("symbol")
        .required(PrimitiveTypeName.INT32).named("day_index")
        .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("date")
        .named("calendar");
  }

  static MessageType windowsSchema(ParameterSpace space) {
    Types.MessageTypeBuilder schema = Types.buildMessage();
    schema.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("symbol");
    schema.required(PrimitiveTypeName.INT32).named("window_index");
    for (String date : List.of("is_start", "is_end", "oos_start", "oos_end")) {
      schema.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(date);
    }
    schema.required(PrimitiveTypeName.INT64).named("set_id");
    parameters(schema, space);
    schema.required(PrimitiveTypeName.DOUBLE).named("is_objective");
    schema.required(PrimitiveTypeName.DOUBLE).named("is_smoothed_objective");
    metrics(schema, "is_");
    metrics(schema, "oos_");
    return schema.named("window_index");
  }

  static MessageType matrixSchema() {
    Types.MessageTypeBuilder schema = Types.buildMessage();
    schema.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("symbol");
    schema.required(PrimitiveTypeName.INT32).named("scheme");
    for (String length : List.of("in_sample", "out_of_sample")) {
      schema.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(length);
    }
    schema.required(PrimitiveTypeName.INT32).named("windows");
    for (String figure : List.of("efficiency", "profitable_window_share", "largest_window_share", "oos_net_profit",
        "annualized_oos_profit", "stitched_max_drawdown")) {
      schema.required(PrimitiveTypeName.DOUBLE).named(figure);
    }
    schema.required(PrimitiveTypeName.BOOLEAN).named("passes");
    schema.required(PrimitiveTypeName.BOOLEAN).named("best");
    return schema.named("matrix");
  }

  static Group matrixRow(MessageType schema, String symbol, int scheme, WalkForwardMatrix.Cell cell, boolean best) {
    WalkForwardSummary summary = cell.summary();
    return new SimpleGroupFactory(schema).newGroup().append("symbol", symbol).append("scheme", scheme)
        .append("in_sample", cell.scheme().inSample().toString())
        .append("out_of_sample", cell.scheme().outOfSample().toString()).append("windows", summary.windows())
        .append("efficiency", summary.efficiency()).append("profitable_window_share", summary.profitableWindowShare())
        .append("largest_window_share", summary.largestWindowShare())
        .append("oos_net_profit", summary.outOfSampleNetProfit())
        .append("annualized_oos_profit", cell.annualizedOutOfSampleProfit())
        .append("stitched_max_drawdown", summary.stitchedMaxDrawdown()).append("passes", cell.passes())
        .append("best", best);
  }

  static MessageType stitchedSchema() {
    return Types.buildMessage()
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("symbol")
        .required(PrimitiveTypeName.INT32).named("window_index")
        .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("date")
        .required(PrimitiveTypeName.DOUBLE).named("pnl")
        .required(PrimitiveTypeName.DOUBLE).named("equity")
        .named("stitched");
  }

  /** The rows of one trial, one per window of the main scheme (0) and of each matrix cell (1, 2, ...). */
  static void addTrial(List<Group> rows, MessageType schema, ParameterSpace space, String symbol, Trial trial,
      io.plateau.robust.Objective objective) {
    SimpleGroupFactory factory = new SimpleGroupFactory(schema);
    List<Trial.Cell> schemes = new ArrayList<>();
    schemes.add(new Trial.Cell(trial.inSample(), trial.outOfSample()));
    schemes.addAll(trial.matrix());
    for (int scheme = 0; scheme < schemes.size(); scheme++) {
      Trial.Cell cell = schemes.get(scheme);
      for (int w = 0; w < cell.inSample().size(); w++) {
        Group row = factory.newGroup().append("set_id", trial.setId()).append("symbol", symbol);
        parameterValues(row, space, trial.setId());
        row.append("scheme", scheme).append("window_index", w);
        metricValues(row, "is_", cell.inSample().get(w));
        metricValues(row, "oos_", cell.outOfSample().get(w));
        row.append("is_objective", objective.of(cell.inSample().get(w)));
        rows.add(row);
      }
    }
  }

  /**
   * Writes one P&amp;L row per trial of {@code symbol} to {@code file}, replacing it. The rows go straight to
   * Parquet's record consumer: a block holds hundreds of thousands of daily values, and a {@link Group} per value
   * (the example writer's way) costs more than simulating them.
   */
  static void writePnl(Configuration conf, Path file, String symbol, List<Trial> trials) throws IOException {
    try (ParquetWriter<Trial> writer = new PnlWriter(file, symbol).withConf(conf)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
      for (Trial trial : trials) {
        writer.write(trial);
      }
    }
  }

  private static final class PnlWriter extends ParquetWriter.Builder<Trial, PnlWriter> {
    private final String symbol;

    PnlWriter(Path file, String symbol) {
      super(file);
      this.symbol = symbol;
    }

    @Override
    protected PnlWriter self() {
      return this;
    }

    @Override
    protected WriteSupport<Trial> getWriteSupport(Configuration conf) {
      return new PnlWriteSupport(symbol);
    }
  }

  /** {@link #pnlSchema()}'s fields in order: set_id, symbol, the span_ metrics, then the three lists. */
  private static final class PnlWriteSupport extends WriteSupport<Trial> {
    private final Binary symbol;
    private RecordConsumer consumer;

    PnlWriteSupport(String symbol) {
      this.symbol = Binary.fromString(symbol);
    }

    @Override
    public WriteContext init(Configuration conf) {
      return new WriteContext(pnlSchema(), Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Trial trial) {
      consumer.startMessage();
      int field = 0;
      consumer.startField("set_id", field);
      consumer.addLong(trial.setId());
      consumer.endField("set_id", field++);
      consumer.startField("symbol", field);
      consumer.addBinary(symbol);
      consumer.endField("symbol", field++);
      SpanMetrics whole = trial.whole();
      double[] values = {whole.netProfit(), whole.annualizedProfit(), whole.sharpe(), whole.maxDrawdown(),
          whole.returnToDrawdown(), whole.profitFactor(), whole.winRate(), whole.expectancy()};
      for (int m = 0; m < METRICS.size(); m++) {
        String name = "span_" + METRICS.get(m);
        consumer.startField(name, field);
        if (m < values.length) {
          consumer.addDouble(values[m]);
        } else {
          consumer.addInteger(m == values.length ? whole.trades() : whole.tradingDays());
        }
        consumer.endField(name, field++);
      }
      float[] daily = trial.dailyPnl();
      list("daily_pnl", field++, daily.length, i -> consumer.addFloat(daily[i]));
      list("trade_net_pnl", field++, trial.tradeNetPnl().length, i -> consumer.addDouble(trial.tradeNetPnl()[i]));
      list("trade_exit_day", field, trial.tradeExitDay().length, i -> consumer.addInteger(trial.tradeExitDay()[i]));
      consumer.endMessage();
    }

    /** A Parquet LIST field of {@code size} required elements, each added by {@code element}. */
    private void list(String name, int field, int size, java.util.function.IntConsumer element) {
      consumer.startField(name, field);
      consumer.startGroup();
      if (size > 0) {
        consumer.startField("list", 0);
        for (int i = 0; i < size; i++) {
          consumer.startGroup();
          consumer.startField("element", 0);
          element.accept(i);
          consumer.endField("element", 0);
          consumer.endGroup();
        }
        consumer.endField("list", 0);
      }
      consumer.endGroup();
      consumer.endField(name, field);
    }
  }

  static Group windowRow(MessageType schema, ParameterSpace space, String symbol, WindowRun run, double objective,
      double smoothedObjective, SpanMetrics inSample) {
    Group row = new SimpleGroupFactory(schema).newGroup().append("symbol", symbol)
        .append("window_index", run.window().index())
        .append("is_start", day(run.window().inSampleStart())).append("is_end", day(run.window().inSampleEnd()))
        .append("oos_start", day(run.window().outOfSampleStart()))
        .append("oos_end", day(run.window().outOfSampleEnd()))
        .append("set_id", run.setId());
    parameterValues(row, space, run.setId());
    row.append("is_objective", objective).append("is_smoothed_objective", smoothedObjective);
    metricValues(row, "is_", inSample);
    metricValues(row, "oos_", run.outOfSample());
    return row;
  }

  static int day(LocalDate date) {
    return (int) date.toEpochDay();
  }

  /** Writes {@code rows} to {@code file}, replacing it: one Snappy-compressed file, no timestamps. */
  static void write(Configuration conf, Path file, MessageType schema, List<Group> rows) throws IOException {
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withConf(conf).withType(schema)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withCompressionCodec(CompressionCodecName.SNAPPY)
        .withExtraMetaData(Map.of()).build()) {
      for (Group row : rows) {
        writer.write(row);
      }
    }
  }

  private static void parameters(Types.MessageTypeBuilder schema, ParameterSpace space) {
    for (Param param : space.strategy().parameters()) {
      switch (param.kind()) {
        case INT -> schema.required(PrimitiveTypeName.INT32).named(param.name());
        case DOUBLE -> schema.required(PrimitiveTypeName.DOUBLE).named(param.name());
        case CHOICE, TEXT -> schema.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
            .named(param.name());
      }
    }
  }

  private static void parameterValues(Group row, ParameterSpace space, long setId) {
    int[] steps = space.steps(setId);
    List<Param> params = space.strategy().parameters();
    for (int a = 0; a < params.size(); a++) {
      Axis axis = space.axes().get(a);
      String value = axis.value(steps[a]);
      switch (params.get(a).kind()) {
        case INT -> row.append(axis.name(), Integer.parseInt(value));
        case DOUBLE -> row.append(axis.name(), Double.parseDouble(value));
        case CHOICE, TEXT -> row.append(axis.name(), value);
      }
    }
  }

  private static void metrics(Types.MessageTypeBuilder schema, String prefix) {
    for (String metric : METRICS) {
      boolean count = metric.equals("trades") || metric.equals("days");
      schema.required(count ? PrimitiveTypeName.INT32 : PrimitiveTypeName.DOUBLE).named(prefix + metric);
    }
  }

  private static void metricValues(Group row, String prefix, SpanMetrics m) {
    row.append(prefix + "net_profit", m.netProfit()).append(prefix + "annualized_profit", m.annualizedProfit())
        .append(prefix + "sharpe", m.sharpe()).append(prefix + "max_drawdown", m.maxDrawdown())
        .append(prefix + "return_drawdown", m.returnToDrawdown()).append(prefix + "profit_factor", m.profitFactor())
        .append(prefix + "win_rate", m.winRate()).append(prefix + "expectancy", m.expectancy())
        .append(prefix + "trades", m.trades()).append(prefix + "days", m.tradingDays());
  }

  /** Parameter names that would collide with the tables' own columns. */
  static List<String> reservedColumns() {
    return List.of("set_id", "symbol", "scheme", "window_index", "is_objective", "is_smoothed_objective", "daily_pnl",
        "trade_net_pnl", "trade_exit_day", "is_start", "is_end", "oos_start", "oos_end");
  }
}
