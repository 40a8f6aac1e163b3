package io.plateau.cli;

import io.plateau.bar.BarSeries;
import io.plateau.bar.ContinuousContract;
import io.plateau.bar.Roll;
import io.plateau.bar.RollRule;
import io.plateau.data.BarConflict;
import io.plateau.data.BarStore;
import io.plateau.data.MergeReport;
import io.plateau.data.SourceRecord;
import io.plateau.data.StoreUpdate;
import io.plateau.data.SymbolMetadata;
import io.plateau.data.ingest.BarStamp;
import io.plateau.data.ingest.FileReport;
import io.plateau.data.ingest.IngestOptions;
import io.plateau.data.ingest.IngestRequest;
import io.plateau.data.ingest.IngestResult;
import io.plateau.data.ingest.Ingester;
import io.plateau.data.ingest.OnError;
import io.plateau.data.ingest.QuarantineCsv;
import io.plateau.data.ingest.VendorFormat;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.Hashing;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plateau ingest}: vendor files into the bar store, checked row by row, losing nothing.
 *
 * <p>Rows that fail a check go to {@code quarantine.csv} beside the report ({@code ingest-report.txt/json}). In
 * {@code fail} mode the first problem stops the ingest and the store is not touched. Bars the store already has
 * with other values are conflicts: written to {@code store-conflicts.csv} with the file and line they came from,
 * never merged; in {@code fail} mode they also leave the store untouched. Per-contract files are kept raw in the
 * store, and the continuous series is rebuilt from all the symbol's contracts by back-adjustment.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Ingests vendor bar or trade files into a bar store, with a report and a quarantine of bad rows.")
final class IngestCommand implements Callable<Integer> {

  static final String CONFLICTS_FILE = "store-conflicts.csv";

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "generic | ninjatrader | tradestation | databento-ohlcv | databento-trades | trades")
  private String format;

  @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "The catalog symbol, e.g. MES.")
  private String symbol;

  @Option(names = "--input", required = true, paramLabel = "FILE|DIR",
      description = "A file, or a directory whose files are read in name order (.gz is read directly).")
  private Path input;

  @Option(names = "--out", required = true, paramLabel = "STORE", description = "The bar store to add to.")
  private String out;

  @Option(names = "--on-error", defaultValue = "quarantine", paramLabel = "MODE",
      description = "quarantine (default): keep the good rows; fail: stop at the first problem, store untouched.")
  private String onError;

  @Option(names = "--tz", paramLabel = "ZONE",
      description = "Time zone of naive time stamps (default: the format's; exchange time for TradeStation).")
  private String timeZone;

  @Option(names = "--bar-time", paramLabel = "start|end",
      description = "Whether the file stamps a bar with its start or its end (default: the format's).")
  private String barTime;

  @Option(names = "--roll", defaultValue = "calendar:6", paramLabel = "RULE",
      description = "Roll rule for per-contract files: calendar:N (trading days before expiry) or volume "
          + "(default: ${DEFAULT-VALUE}, CME's customary roll).")
  private String roll;

  @Option(names = "--spike-atr-multiple", defaultValue = "20", paramLabel = "X",
      description = "Reject a bar moving more than X times the recent average true range (default: ${DEFAULT-VALUE}).")
  private double spikeAtrMultiple;

  @Option(names = "--spike-atr-bars", defaultValue = "30", paramLabel = "N",
      description = "Bars in that average true range (default: ${DEFAULT-VALUE}).")
  private int spikeAtrBars;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Where the report, quarantine.csv and store-conflicts.csv go "
          + "(default: ingest-reports/SYM-yyyyMMdd-HHmmss).")
  private Path reportDir;

  @Mixin
  private CatalogOptions catalogOptions;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    InstrumentCatalog catalog = catalogOptions.catalog();
    Instrument instrument = catalog.get(symbol);
    VendorFormat vendorFormat = VendorFormat.parse(format, "--format");
    IngestOptions options = options();
    if (!Files.exists(input)) {
      throw new InputException("--input " + input + ": no such file or directory");
    }
    Path reports = reportDir != null ? reportDir : Path.of("ingest-reports",
        symbol + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    PrintWriter console = spec.commandLine().getOut();

    long began = System.nanoTime();
    IngestResult result;
    try (QuarantineCsv quarantine = QuarantineCsv.create(reports)) {
      result = Ingester.run(new IngestRequest(vendorFormat, instrument, input, options), quarantine);
    }
    result.report().writeTo(reports);
    double parseSeconds = (System.nanoTime() - began) / 1e9;
    console.print(result.report().toText());
    console.printf("read %,d rows in %.1f s (%.2f M rows/s)%n", result.report().total().rowsRead(), parseSeconds,
        result.report().total().rowsRead() / parseSeconds / 1e6);
    console.println("report and quarantine: " + reports.toAbsolutePath());
    console.flush();
    if (!result.completed()) {
      throw new InputException("stopped at the first problem (--on-error fail), the store is untouched: "
          + result.firstProblem().orElseThrow());
    }
    if (result.series().isEmpty()) {
      throw new InputException(input + ": no bar survived the checks; the store is untouched (see " + reports + ")");
    }

    BarStore store = BarStore.open(out, catalog);
    List<SourceRecord> sources = sources(result);
    List<String> conflictRows = new ArrayList<>();
    String outcome;
    try (StoreUpdate update = store.update()) {
      outcome = result.contractBars().isEmpty()
          ? mergeContinuous(update, result, sources, conflictRows)
          : mergeContracts(store, update, result, instrument, options.rollRule(), sources, conflictRows);
      writeConflicts(reports, conflictRows);
      if (!conflictRows.isEmpty() && options.onError() == OnError.FAIL) {
        throw new InputException(conflictRows.size() + " bars differ from bars already in " + out
            + " (--on-error fail): the store is untouched; see " + reports.resolve(CONFLICTS_FILE));
      }
      update.commit();
    }
    console.println(outcome);
    if (!conflictRows.isEmpty()) {
      console.printf("warning: %,d bars differ from bars already in the store and were not merged: %s%n",
          conflictRows.size(), reports.resolve(CONFLICTS_FILE).toAbsolutePath());
    }
    console.flush();
    return PlateauCli.EXIT_OK;
  }

  private IngestOptions options() {
    IngestOptions options = IngestOptions.defaults()
        .withOnError(OnError.parse(onError, "--on-error"))
        .withRollRule(RollRule.parse(roll, "--roll"));
    if (timeZone != null) {
      options = options.withTimeZone(IngestOptions.parseTimeZone(timeZone, "--tz"));
    }
    if (barTime != null) {
      options = options.withBarStamp(BarStamp.parse(barTime, "--bar-time"));
    }
    if (!(spikeAtrMultiple > 0) || spikeAtrBars < 1) {
      throw new InputException("--spike-atr-multiple must be > 0 and --spike-atr-bars >= 1, were "
          + spikeAtrMultiple + " and " + spikeAtrBars);
    }
    return options.withSpikeCheck(spikeAtrMultiple, spikeAtrBars);
  }

  private String mergeContinuous(StoreUpdate update, IngestResult result, List<SourceRecord> sources,
      List<String> conflictRows) {
    MergeReport merged = update.merge(result.series(), SymbolMetadata.Origin.INGESTED, sources);
    for (BarConflict conflict : merged.conflicts()) {
      conflictRows.add(conflictRow(result.sourceOf(conflict.incomingIndex()), conflict));
    }
    return String.format("store %s: %s %,d bars offered, %,d added, %,d already there, %,d conflicts",
        out, symbol, merged.incoming(), merged.added(), merged.identical(), merged.conflicts().size());
  }

  /**
   * Merges each contract's raw bars, then rebuilds the continuous series from every contract the store holds
   * (a new contract changes the back-adjustment of all earlier history). Nothing is rewritten when no contract
   * gained a bar and the roll rule is the stored one.
   */
  private String mergeContracts(BarStore store, StoreUpdate update, IngestResult result, Instrument instrument,
      RollRule rollRule, List<SourceRecord> sources, List<String> conflictRows) {
    Map<String, BarSeries> contracts = new LinkedHashMap<>();
    for (String stored : store.contracts(symbol)) {
      contracts.put(stored, store.readContract(symbol, stored));
    }
    int added = 0;
    int identical = 0;
    for (IngestResult.ContractBars part : result.contractBars()) {
      MergeReport merged = update.mergeContract(part.contract(), part.bars());
      added += merged.added();
      identical += merged.identical();
      for (BarConflict conflict : merged.conflicts()) {
        conflictRows.add(conflictRow(result.sourceOf(part, conflict.incomingIndex()), conflict));
      }
      contracts.put(part.contract(), merged.merged());
    }
    SymbolMetadata current = store.metadata(symbol).orElse(null);
    boolean sameRule = current != null && rollRule.toString().equals(current.rollRule());
    String counts = String.format("%,d contract bars added, %,d already there, %,d conflicts", added, identical,
        conflictRows.size());
    if (added == 0 && sameRule) {
      return "store " + out + ": " + symbol + " unchanged: " + counts;
    }
    BarSeries continuous;
    List<Roll> rolls = List.of();
    if (contracts.size() == 1) {
      continuous = contracts.values().iterator().next();
    } else {
      ContinuousContract adjusted = ContinuousContract.backAdjust(instrument, contracts, rollRule);
      continuous = adjusted.series();
      rolls = adjusted.rolls();
    }
    SymbolMetadata base = current != null ? current : new SymbolMetadata(symbol, continuous.interval().toString(),
        instrument.tickSize(), SymbolMetadata.Origin.CONTRACTS, null, List.of(), List.of());
    update.replaceSeries(continuous, base.withRolls(rollRule.toString(), rolls).withSources(sources));
    return String.format("store %s: %s rebuilt from %d contracts (%s, %d rolls): %,d bars; %s", out, symbol,
        contracts.size(), rollRule, rolls.size(), continuous.size(), counts);
  }

  private static String conflictRow(String source, BarConflict conflict) {
    return String.join(",", source, Instant.ofEpochMilli(conflict.startMillis()).toString(),
        conflict.contract() == null ? "" : conflict.contract(), values(conflict.existing()),
        values(conflict.incoming()));
  }

  private static String values(BarConflict.BarValues v) {
    return "\"o=" + v.openTicks() + " h=" + v.highTicks() + " l=" + v.lowTicks() + " c=" + v.closeTicks() + " v="
        + v.volume() + (v.buyVolume() < 0 ? "" : " buy=" + v.buyVolume() + " sell=" + v.sellVolume()) + "\"";
  }

  private static void writeConflicts(Path reports, List<String> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    try (Writer writer = Files.newBufferedWriter(reports.resolve(CONFLICTS_FILE), StandardCharsets.UTF_8)) {
      writer.write("source,bar_start_utc,contract,stored_ticks,incoming_ticks\n");
      for (String row : rows) {
        writer.write(row);
        writer.write('\n');
      }
    }
  }

  /** One source record per file read, with its content hash and the bars it gave the series. */
  private static List<SourceRecord> sources(IngestResult result) throws IOException {
    List<SourceRecord> sources = new ArrayList<>();
    Instant now = Instant.now();
    List<FileReport> files = result.report().files();
    for (int f = 0; f < result.files().size(); f++) {
      Path file = result.files().get(f);
      long bars = f < files.size() ? files.get(f).counts().barsProduced() : 0;
      sources.add(new SourceRecord(file.getFileName().toString(), Hashing.sha256(file),
          result.report().format().configName(), bars, now));
    }
    return sources;
  }
}
