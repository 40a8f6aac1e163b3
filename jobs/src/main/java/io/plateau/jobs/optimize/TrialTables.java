package io.plateau.jobs.optimize;

import io.plateau.param.Axis;
import io.plateau.param.ParameterSpace;
import io.plateau.robust.SpanMetrics;
import io.plateau.strategy.Param;
import io.plateau.study.Trial;
import io.plateau.study.WindowRun;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
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
 *   trials/block-NNNNN.parquet   one row per (set, window): set_id, symbol, the parameters as columns,
 *                                window_index,
 *                                is_* and oos_* metrics of the continuous run, is_objective
 *   pnl/block-NNNNN.parquet      one row per set: set_id, symbol, span_* metrics from the first in-sample date
 *                                to the end, daily_pnl (list of float, one per trading date of calendar.parquet)
 *   calendar.parquet             symbol, day_index, date
 *   walkforward/windows.parquet  one row per (symbol, window): dates, chosen set_id and parameters, is_* metrics
 *                                of the continuous run, oos_* metrics of the flat-start re-run
 *   walkforward/stitched.parquet symbol, date, pnl, equity of the re-runs, window after window
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
    return schema.requiredList().requiredElement(PrimitiveTypeName.FLOAT).named("daily_pnl").named("pnl");
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
    metrics(schema, "is_");
    metrics(schema, "oos_");
    return schema.named("window_index");
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

  /** The rows of one trial, one per window. */
  static void addTrial(List<Group> rows, MessageType schema, ParameterSpace space, String symbol, Trial trial,
      io.plateau.robust.Objective objective) {
    SimpleGroupFactory factory = new SimpleGroupFactory(schema);
    for (int w = 0; w < trial.inSample().size(); w++) {
      Group row = factory.newGroup().append("set_id", trial.setId()).append("symbol", symbol);
      parameterValues(row, space, trial.setId());
      row.append("window_index", w);
      metricValues(row, "is_", trial.inSample().get(w));
      metricValues(row, "oos_", trial.outOfSample().get(w));
      row.append("is_objective", objective.of(trial.inSample().get(w)));
      rows.add(row);
    }
  }

  static Group pnlRow(MessageType schema, String symbol, Trial trial) {
    Group row = new SimpleGroupFactory(schema).newGroup().append("set_id", trial.setId()).append("symbol", symbol);
    metricValues(row, "span_", trial.whole());
    Group list = row.addGroup("daily_pnl");
    for (float pnl : trial.dailyPnl()) {
      list.addGroup("list").append("element", pnl);
    }
    return row;
  }

  static Group windowRow(MessageType schema, ParameterSpace space, String symbol, WindowRun run,
      SpanMetrics inSample) {
    Group row = new SimpleGroupFactory(schema).newGroup().append("symbol", symbol)
        .append("window_index", run.window().index())
        .append("is_start", day(run.window().inSampleStart())).append("is_end", day(run.window().inSampleEnd()))
        .append("oos_start", day(run.window().outOfSampleStart()))
        .append("oos_end", day(run.window().outOfSampleEnd()))
        .append("set_id", run.setId());
    parameterValues(row, space, run.setId());
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
        case CHOICE -> schema.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
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
        case CHOICE -> row.append(axis.name(), value);
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
    return List.of("set_id", "symbol", "window_index", "is_objective", "daily_pnl", "is_start", "is_end", "oos_start",
        "oos_end");
  }
}
