package io.plateau.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plateau.exec.DailyEquity;
import io.plateau.metrics.PeriodAnalysis;
import io.plateau.metrics.PeriodProfit;
import io.plateau.param.Axis;
import io.plateau.jobs.optimize.RobustnessStage;
import io.plateau.param.ParameterSpace;
import io.plateau.robust.ParameterPlateau;
import io.plateau.study.Study;
import io.plateau.study.StudyReader;
import io.plateau.util.AtomicFiles;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * {@code report.html} of a run: one self-contained file (the data and Apache ECharts inlined) that a trader opens in a
 * browser. Per symbol: the verdict and the gates; the stitched out-of-sample equity and drawdown; the walk-forward
 * windows with the chosen parameters; heatmaps of the whole-span objective over each pair of varying parameters
 * with the recommended set marked; the walk-forward matrix; the PBO logit histogram and the degradation scatter; the
 * Monte Carlo drawdown distribution; the annual net profit of the stitched curve (seed 000's mark-to-market period
 * analysis); the top settings. Built from the run directory's files alone, so {@code plateau report RUN_DIR}
 * rebuilds it.
 */
public final class RunReport {

  /** Rows of the top-settings table. */
  private static final int TOP_SETTINGS = 20;
  private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private static final String TEMPLATE = "/io/plateau/report/report.html";

  private final Path run;
  private final ObjectMapper json = new ObjectMapper();

  private RunReport(Path run) {
    this.run = run;
  }

  /** Writes {@code report.html} into the run directory {@code run} (atomically) and returns its path. */
  public static Path write(Path run) throws IOException {
    Path target = run.resolve("report.html");
    AtomicFiles.writeString(target, new RunReport(run).html());
    return target;
  }

  private String html() throws IOException {
    for (String required : List.of("study.yaml", "walkforward/summary.json", "robustness.json")) {
      if (!Files.isRegularFile(run.resolve(required))) {
        throw new InputException(run + ": not a complete optimize run; " + required + " is missing");
      }
    }
    Study study = StudyReader.readRunCopy(run.resolve("study.yaml"));
    JsonNode summary = json.readTree(run.resolve("walkforward/summary.json").toFile());
    JsonNode robustness = json.readTree(run.resolve("robustness.json").toFile());
    ObjectNode data = json.createObjectNode();
    // Built in the staging directory (.RUN_ID.staging) before the run is published, or in RUN_ID afterwards.
    data.put("run", run.getFileName().toString().replaceFirst("^\\.", "").replaceFirst("\\.staging$", ""));
    data.put("study", study.name());
    data.put("objective", study.objective().configName());
    ObjectNode symbols = data.putObject("symbols");
    Map<String, List<double[]>> stitched = stitched();
    Map<String, List<Map.Entry<Long, Double>>> objectives = spanObjectives(study);
    for (String symbol : study.symbols()) {
      ObjectNode node = symbols.putObject(symbol);
      node.set("walk_forward", summary.get(symbol));
      node.set("robustness", robustness.get(symbol));
      node.set("stitched", curve(stitched.getOrDefault(symbol, List.of()), study.capital()));
      node.set("periods", periods(stitched.getOrDefault(symbol, List.of()), study.capital()));
      node.set("heatmaps", heatmaps(study.space(), objectives.getOrDefault(symbol, List.of()),
          robustness.get(symbol).get("recommended_set").get("set_id").longValue()));
      node.put("plateau_radius", plateauRadius(study));
      node.set("top", top(study.space(), objectives.getOrDefault(symbol, List.of())));
    }
    String template = resource(TEMPLATE);
    return template.replace("/*ECHARTS*/", resource(ECHARTS).replace("</script", "<\\/script"))
        .replace("/*DATA*/", json.writeValueAsString(data).replace("</", "<\\/"));
  }

  /** Per symbol, the stitched curve's rows: epoch day, daily P&amp;L, equity. */
  private Map<String, List<double[]>> stitched() throws IOException {
    Map<String, List<double[]>> curves = new LinkedHashMap<>();
    for (Group row : rows(run.resolve("walkforward/stitched.parquet"), null)) {
      curves.computeIfAbsent(row.getString("symbol", 0), s -> new ArrayList<>()).add(new double[] {
          row.getInteger("date", 0), row.getDouble("pnl", 0), row.getDouble("equity", 0)});
    }
    curves.values().forEach(curve -> curve.sort(Comparator.comparingDouble(r -> r[0])));
    return curves;
  }

  /** Dates, equity and drawdown (from the running peak, the account size counting as the first peak). */
  private ObjectNode curve(List<double[]> rows, double capital) {
    ObjectNode node = json.createObjectNode();
    ArrayNode dates = node.putArray("dates");
    ArrayNode equity = node.putArray("equity");
    ArrayNode drawdown = node.putArray("drawdown");
    double peak = capital;
    for (double[] row : rows) {
      peak = Math.max(peak, row[2]);
      dates.add(LocalDate.ofEpochDay((long) row[0]).toString());
      equity.add(round(row[2]));
      drawdown.add(round(row[2] - peak));
    }
    return node;
  }

  private ArrayNode periods(List<double[]> rows, double capital) {
    DailyEquity.Builder equity = DailyEquity.builder(capital);
    rows.forEach(row -> equity.add((int) row[0], row[2]));
    ArrayNode table = json.createArrayNode();
    for (PeriodProfit period : PeriodAnalysis.of(equity.build())) {
      table.addObject().put("period", period.period()).put("net_profit", round(period.netProfit()))
          .put("return_percent", round(period.returnPercent()));
    }
    return table;
  }

  /** Per symbol, every set's whole-span objective, from the {@code span_*} column of the P&amp;L files. */
  private Map<String, List<Map.Entry<Long, Double>>> spanObjectives(Study study) throws IOException {
    String column = "span_" + switch (study.objective()) {
      case NET_PROFIT -> "net_profit";
      case SHARPE -> "sharpe";
      case PROFIT_FACTOR -> "profit_factor";
      case RETURN_DRAWDOWN -> "return_drawdown";
    };
    Map<String, List<Map.Entry<Long, Double>>> bySymbol = new LinkedHashMap<>();
    try (var files = Files.list(run.resolve("pnl"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
        for (Group row : rows(file, "message pnl { required int64 set_id; required binary symbol (STRING); "
            + "required double " + column + "; }")) {
          bySymbol.computeIfAbsent(row.getString("symbol", 0), s -> new ArrayList<>())
              .add(Map.entry(row.getLong("set_id", 0), row.getDouble(column, 0)));
        }
      }
    }
    return bySymbol;
  }

  /**
   * For each pair of varying parameters, the best objective of the sets at each pair of values (the other
   * parameters free), and the recommended set's position.
   */
  private ArrayNode heatmaps(ParameterSpace space, List<Map.Entry<Long, Double>> objectives, long recommended) {
    List<Integer> varying = new ArrayList<>();
    for (int a = 0; a < space.axes().size(); a++) {
      if (space.axes().get(a).size() > 1) {
        varying.add(a);
      }
    }
    ArrayNode maps = json.createArrayNode();
    int[] marked = space.steps(recommended);
    for (int i = 0; i < varying.size(); i++) {
      for (int j = i + 1; j < varying.size(); j++) {
        Axis x = space.axes().get(varying.get(i));
        Axis y = space.axes().get(varying.get(j));
        Double[][] best = new Double[x.size()][y.size()];
        for (Map.Entry<Long, Double> set : objectives) {
          int[] steps = space.steps(set.getKey());
          int sx = steps[varying.get(i)];
          int sy = steps[varying.get(j)];
          double value = set.getValue();
          if (!Double.isNaN(value) && (best[sx][sy] == null || value > best[sx][sy])) {
            best[sx][sy] = value;
          }
        }
        ObjectNode map = maps.addObject().put("x", x.name()).put("y", y.name());
        x.values().forEach(map.putArray("x_values")::add);
        y.values().forEach(map.putArray("y_values")::add);
        ArrayNode cells = map.putArray("cells");
        for (int sx = 0; sx < x.size(); sx++) {
          for (int sy = 0; sy < y.size(); sy++) {
            if (best[sx][sy] != null && Double.isFinite(best[sx][sy])) {
              cells.addArray().add(sx).add(sy).add(round(best[sx][sy]));
            }
          }
        }
        map.putArray("marked").add(marked[varying.get(i)]).add(marked[varying.get(j)]);
      }
    }
    return maps;
  }

  /** The half-width in steps of the plateau box drawn around the recommended set; 0 for nearest neighbours. */
  private static int plateauRadius(Study study) {
    ParameterPlateau.Neighbourhood neighbourhood = RobustnessStage.smoothing(study).neighbourhood();
    return neighbourhood instanceof ParameterPlateau.Neighbourhood.Box box ? box.radius() : 0;
  }

  private ArrayNode top(ParameterSpace space, List<Map.Entry<Long, Double>> objectives) {
    ArrayNode rows = json.createArrayNode();
    objectives.stream().filter(e -> !Double.isNaN(e.getValue()))
        .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_SETTINGS).forEach(e -> {
          ObjectNode row = rows.addObject().put("set_id", e.getKey()).put("objective", round(e.getValue()));
          space.varyingValues(e.getKey()).forEach(row::put);
        });
    return rows;
  }

  /** The rows of {@code file}, only the columns of {@code projection} (a Parquet schema) when it is not null. */
  private static List<Group> rows(Path file, String projection) throws IOException {
    Configuration conf = new Configuration();
    if (projection != null) {
      conf.set(ReadSupport.PARQUET_READ_SCHEMA, projection);
    }
    List<Group> rows = new ArrayList<>();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).withConf(conf).build()) {
      for (Group row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RunReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static double round(double value) {
    return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : value;
  }
}
