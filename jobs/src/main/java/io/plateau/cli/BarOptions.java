package io.plateau.cli;

import io.plateau.bar.BarSeries;
import io.plateau.data.BarSource;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.InputException;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * How a command chooses its bars ({@code indicators}, {@code backtest}). {@code --bars} is needed by {@link #load}
 * but not marked required, so that {@code backtest --study} can take its bars from the study instead.
 */
final class BarOptions {

  @Option(names = "--bars", paramLabel = "STORE|FILE",
      description = "A bar store, a generic CSV file (timestamp,open,high,low,close,volume[,buy_volume,sell_volume])"
          + " or a Parquet bar file. Required (backtest: unless --study gives the bars).")
  private String bars;

  @Option(names = "--symbol", paramLabel = "SYM",
      description = "The symbol to read from a store (backtest --study: one of the study's symbols, default its first).")
  private String symbol;

  @Option(names = "--instrument", paramLabel = "SYM",
      description = "The catalog instrument a file is priced as (tick grid, session), e.g. M2K.")
  private String instrument;

  @Option(names = "--start", paramLabel = "yyyy-MM-dd", description = "First trading date.")
  private LocalDate start;

  @Option(names = "--end", paramLabel = "yyyy-MM-dd", description = "Last trading date.")
  private LocalDate end;

  @Option(names = "--bar-size", paramLabel = "SIZE",
      description = "Resample to Nm, Nh, 1d (Globex day) or 1d-rth (regular session); default: as stored.")
  private String barSize;

  /** The {@code --symbol} given, or null. */
  String symbol() {
    return symbol;
  }

  BarSeries load(InstrumentCatalog catalog) {
    if (bars == null) {
      throw new InputException("missing --bars STORE|FILE: a bar store, a generic CSV file or a Parquet bar file");
    }
    return new BarSource(bars, symbol, instrument, start, end, barSize).load(catalog);
  }
}
