package io.plateau.data;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.bar.Resampler;
import io.plateau.bar.Session;
import io.plateau.data.ingest.IngestOptions;
import io.plateau.data.ingest.IngestRequest;
import io.plateau.data.ingest.IngestResult;
import io.plateau.data.ingest.Ingester;
import io.plateau.data.ingest.OnError;
import io.plateau.data.ingest.VendorFormat;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The bars a command works on: from a bar store, a generic CSV file or a Parquet bar file, narrowed to trading
 * dates and resampled to a bar size. A CSV file is read with every ingest check in {@code fail} mode, so a bad row
 * stops the command with its file and line; it is priced as the named catalog instrument (tick grid, session).
 *
 * @param bars a store directory (or URI), a {@code .csv} file or a {@code .parquet} file
 * @param symbol the symbol to read from a store (optional when the store holds one symbol)
 * @param instrument the catalog instrument a file is priced as (defaults to {@code symbol}, or a Parquet
 *     file's own {@code plateau.symbol})
 * @param start first trading date, or null
 * @param end last trading date, or null
 * @param barSize {@code 1m}, {@code 5m}, ..., {@code 1d} (Globex day) or {@code 1d-rth} (regular session), or null
 *     to keep the bars as they are
 */
public record BarSource(String bars, String symbol, String instrument, LocalDate start, LocalDate end,
    String barSize) {

  /** Loads, narrows and resamples the bars. */
  public BarSeries load(InstrumentCatalog catalog) {
    if (start != null && end != null && end.isBefore(start)) {
      throw new InputException("--end " + end + " is before --start " + start);
    }
    String lower = bars.toLowerCase(Locale.ROOT);
    BarSeries series;
    if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
      series = readCsv(catalog);
    } else if (lower.endsWith(".parquet")) {
      series = readParquet(catalog);
    } else {
      series = readStore(catalog);
    }
    series = BarStore.sliceByTradingDate(series, start, end);
    if (series.isEmpty()) {
      throw new InputException(bars + ": no bars" + (start == null && end == null ? ""
          : " between " + (start == null ? "the start" : start) + " and " + (end == null ? "the end" : end)));
    }
    return resample(series);
  }

  private BarSeries readStore(InstrumentCatalog catalog) {
    BarStore store = BarStore.open(bars, catalog);
    List<String> symbols = store.symbols();
    if (symbols.isEmpty()) {
      throw new InputException("--bars " + bars + ": not a bar store, a .csv or a .parquet file with bars");
    }
    String chosen = symbol;
    if (chosen == null) {
      if (symbols.size() > 1) {
        throw new InputException("--bars " + bars + " holds " + symbols + ": choose one with --symbol");
      }
      chosen = symbols.get(0);
    }
    if (!symbols.contains(chosen)) {
      throw new InputException("--symbol " + chosen + ": not in " + bars + ", which holds " + symbols);
    }
    return store.read(chosen, start, end);
  }

  private BarSeries readCsv(InstrumentCatalog catalog) {
    Instrument priced = catalog.get(instrumentOrSymbol(Optional.empty()));
    Path file = Path.of(bars);
    if (!Files.isRegularFile(file)) {
      throw new InputException("--bars " + bars + ": no such file");
    }
    IngestResult result = Ingester.run(new IngestRequest(VendorFormat.GENERIC, priced, file,
        IngestOptions.defaults().withOnError(OnError.FAIL)), rejection -> { });
    if (!result.completed()) {
      throw new InputException("--bars " + bars + ": " + result.firstProblem().orElseThrow());
    }
    return result.series();
  }

  private BarSeries readParquet(InstrumentCatalog catalog) {
    try {
      Configuration conf = new Configuration();
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(bars);
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw new InputException("--bars " + bars + ": no such file");
      }
      java.util.Map<String, String> footer;
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
        footer = reader.getFooter().getFileMetaData().getKeyValueMetaData();
      }
      Instrument priced = catalog.get(instrumentOrSymbol(Optional.ofNullable(footer.get(BarSchema.FOOTER_SYMBOL))));
      String interval = footer.getOrDefault(BarSchema.FOOTER_INTERVAL, "1m");
      BarSeries.Builder builder = BarSeries.builder(priced, interval.equals("1d") ? BarInterval.DAILY
          : BarInterval.ofMinutes(Integer.parseInt(interval.substring(0, interval.length() - 1))));
      BarParquetReader.read(fs, path, builder, priced.tickGrid());
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + bars, e);
    }
  }

  private String instrumentOrSymbol(Optional<String> fromFile) {
    if (instrument != null) {
      return instrument;
    }
    if (symbol != null) {
      return symbol;
    }
    return fromFile.orElseThrow(() -> new InputException("--bars " + bars
        + ": a file does not say which contract it holds; name the catalog instrument with --instrument (e.g. MES)"));
  }

  private BarSeries resample(BarSeries series) {
    if (barSize == null) {
      return series;
    }
    String size = barSize.trim().toLowerCase(Locale.ROOT);
    if (size.equals("1d") || size.equals("1d-rth")) {
      if (series.interval().isDaily()) {
        return series;
      }
      return Resampler.toDaily(series, size.equals("1d") ? Session.GLOBEX : Session.REGULAR);
    }
    int minutes;
    try {
      minutes = size.endsWith("h") ? 60 * Integer.parseInt(size.substring(0, size.length() - 1))
          : Integer.parseInt(size.substring(0, size.length() - (size.endsWith("m") ? 1 : 0)));
    } catch (NumberFormatException e) {
      throw badBarSize(series);
    }
    if (minutes == series.interval().minutes() && !series.interval().isDaily()) {
      return series;
    }
    if (series.interval().isDaily() || minutes <= 0 || minutes >= 1440 || minutes % series.interval().minutes() != 0) {
      throw badBarSize(series);
    }
    return Resampler.toMinutes(series, minutes);
  }

  private InputException badBarSize(BarSeries series) {
    return new InputException("--bar-size " + barSize + ": expected Nm (a multiple of the bars' " + series.interval()
        + "), Nh, 1d (Globex day) or 1d-rth (regular session)");
  }
}
