package io.plateau.data.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plateau.bar.Roll;
import io.plateau.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account of one ingest: per file and in total, how many rows were read, accepted, dropped as exact
 * duplicates, skipped and rejected (by reason), the rolls of the continuous series, and whether a {@code fail}
 * ingest stopped. Rendered as JSON ({@link #toJson()}, for programs) and as a short text ({@link #toText()}, for
 * people); {@link #writeTo} puts both beside the quarantine file.
 *
 * @param format the vendor format read
 * @param symbol the instrument symbol
 * @param input the file or directory given
 * @param options the options in force
 * @param files one report per input file, in reading order
 * @param total the sums over all files
 * @param rolls the rolls of the continuous series, oldest first
 * @param seriesBars bars in the resulting series
 * @param seriesFirstStart start of its first bar, when it has bars
 * @param seriesLastStart start of its last bar, when it has bars
 * @param stoppedAt in {@code fail} mode, the rejected row the ingest stopped at; the series is then empty
 */
public record IngestReport(
    VendorFormat format,
    String symbol,
    String input,
    IngestOptions options,
    List<FileReport> files,
    IngestCounts total,
    List<Roll> rolls,
    long seriesBars,
    Optional<Instant> seriesFirstStart,
    Optional<Instant> seriesLastStart,
    Optional<Rejection> stoppedAt) {

  public static final String JSON_FILE_NAME = "ingest-report.json";
  public static final String TEXT_FILE_NAME = "ingest-report.txt";

  public IngestReport {
    Checks.notNull(format, "format");
    Checks.notBlank(symbol, "symbol");
    Checks.notNull(input, "input");
    Checks.notNull(options, "options");
    files = List.copyOf(files);
    Checks.notNull(total, "total");
    rolls = List.copyOf(rolls);
    Checks.notNull(seriesFirstStart, "seriesFirstStart");
    Checks.notNull(seriesLastStart, "seriesLastStart");
    Checks.notNull(stoppedAt, "stoppedAt");
  }

  /** Whether the ingest ran to the end (always true in {@code quarantine} mode). */
  public boolean completed() {
    return stoppedAt.isEmpty();
  }

  /** The report as pretty-printed JSON; reasons are keyed by their codes ({@code high_below_low}). */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("format", format.configName());
    root.put("symbol", symbol);
    root.put("input", input);
    ObjectNode opts = root.putObject("options");
    opts.put("time_zone", options.timeZone().map(Object::toString).orElse("format default"));
    opts.put("bar_stamp", options.barStamp().map(BarStamp::configName).orElse("format default"));
    opts.put("roll_rule", options.rollRule().toString());
    opts.put("on_error", options.onError().configName());
    opts.put("spike_atr_multiple", options.spikeAtrMultiple());
    opts.put("spike_atr_bars", options.spikeAtrBars());
    root.put("completed", completed());
    stoppedAt.ifPresent(r -> putRejection(root.putObject("stopped_at"), r));
    putCounts(root.putObject("total"), total);
    ArrayNode fileNodes = root.putArray("files");
    for (FileReport file : files) {
      ObjectNode node = fileNodes.addObject();
      node.put("file", file.file());
      ArrayNode contracts = node.putArray("contracts");
      file.contracts().forEach(contracts::add);
      putCounts(node.putObject("counts"), file.counts());
      ArrayNode examples = node.putArray("examples");
      file.examples().forEach(r -> putRejection(examples.addObject(), r));
    }
    ArrayNode rollNodes = root.putArray("rolls");
    for (Roll roll : rolls) {
      ObjectNode node = rollNodes.addObject();
      node.put("date", roll.date().toString());
      node.put("from", roll.fromContract());
      node.put("to", roll.toContract());
      node.put("gap_ticks", roll.gapTicks());
    }
    ObjectNode series = root.putObject("series");
    series.put("bars", seriesBars);
    seriesFirstStart.ifPresent(t -> series.put("first_start", t.toString()));
    seriesLastStart.ifPresent(t -> series.put("last_start", t.toString()));
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serializes", e);
    }
  }

  private static void putCounts(ObjectNode node, IngestCounts counts) {
    node.put("rows_read", counts.rowsRead());
    node.put("rows_accepted", counts.rowsAccepted());
    node.put("rows_rejected", counts.rowsRejected());
    node.put("duplicates_dropped", counts.duplicatesDropped());
    node.put("rows_skipped", counts.rowsSkipped());
    node.put("bars_produced", counts.barsProduced());
    node.put("bars_in_series", counts.barsInSeries());
    ObjectNode rejected = node.putObject("rejected");
    counts.rejected().forEach((reason, n) -> rejected.put(reason.code(), n));
    ObjectNode skipped = node.putObject("skipped");
    counts.skipped().forEach((reason, n) -> skipped.put(reason.code(), n));
  }

  private static void putRejection(ObjectNode node, Rejection rejection) {
    node.put("file", rejection.file());
    node.put("line", rejection.line());
    node.put("reason", rejection.reason().code());
    node.put("detail", rejection.detail());
    node.put("text", rejection.text());
  }

  /** A summary for people: totals, then each file with its non-zero reasons and one example of each. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("ingest ").append(format.configName()).append(' ').append(symbol).append(" from ").append(input)
        .append(" (on-error ").append(options.onError().configName()).append(")\n");
    stoppedAt.ifPresent(r -> text.append("STOPPED at the first problem: ").append(r).append('\n'));
    text.append("total: ");
    appendCounts(text, total, "  ");
    for (FileReport file : files) {
      text.append(file.file());
      if (!file.contracts().isEmpty()) {
        text.append(" [").append(String.join(", ", file.contracts())).append(']');
      }
      text.append(": ");
      appendCounts(text, file.counts(), "  ");
      for (Rejection example : file.examples()) {
        text.append("    e.g. line ").append(example.line()).append(": ").append(example.detail()).append(": ")
            .append(example.text()).append('\n');
      }
    }
    for (Roll roll : rolls) {
      text.append("roll ").append(roll.date()).append(' ').append(roll.fromContract()).append(" -> ")
          .append(roll.toContract()).append(", gap ").append(roll.gapTicks()).append(" ticks\n");
    }
    text.append("series: ").append(seriesBars).append(" bars");
    if (seriesFirstStart.isPresent()) {
      text.append(", ").append(seriesFirstStart.get()).append(" .. ").append(seriesLastStart.orElseThrow());
    }
    text.append('\n');
    return text.toString();
  }

  private static void appendCounts(StringBuilder text, IngestCounts counts, String indent) {
    text.append(counts.rowsRead()).append(" rows read, ").append(counts.rowsAccepted()).append(" accepted, ")
        .append(counts.rowsRejected()).append(" rejected, ").append(counts.duplicatesDropped())
        .append(" exact duplicates dropped, ").append(counts.rowsSkipped()).append(" skipped; ")
        .append(counts.barsProduced()).append(" bars, ").append(counts.barsInSeries()).append(" in the series\n");
    for (Map.Entry<RejectReason, Long> entry : counts.rejected().entrySet()) {
      if (entry.getValue() > 0) {
        text.append(indent).append(entry.getKey().description()).append(": ").append(entry.getValue()).append('\n');
      }
    }
    for (Map.Entry<SkipReason, Long> entry : counts.skipped().entrySet()) {
      if (entry.getValue() > 0) {
        text.append(indent).append("skipped, ").append(entry.getKey().code().replace('_', ' ')).append(": ")
            .append(entry.getValue()).append('\n');
      }
    }
  }

  /** Writes {@value #JSON_FILE_NAME} and {@value #TEXT_FILE_NAME} into {@code directory} (created if needed). */
  public void writeTo(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(JSON_FILE_NAME), toJson(), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve(TEXT_FILE_NAME), toText(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ingest report into " + directory, e);
    }
  }
}
