package io.plateau.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.plateau.bar.BarSeries;
import io.plateau.data.BarSource;
import io.plateau.data.BarStore;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.metrics.DollarRange;
import io.plateau.util.AtomicFiles;
import io.plateau.util.InputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plateau dollar-range}: each market's average true range in dollars, and against a risk per trade. */
@Command(name = "dollar-range", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Prints each symbol's average true range over the last daily sessions, in points and in dollars "
        + "(times the point value), and the dollar range over a risk per trade (seed 003); writes CSV and JSON.")
final class DollarRangeCommand implements Callable<Integer> {

  @Option(names = "--bars", required = true, paramLabel = "STORE", description = "The bar store.")
  private String bars;

  @Option(names = "--symbols", split = ",", paramLabel = "SYM", description = "Only these symbols (default: all).")
  private List<String> symbols;

  @Option(names = "--atr-days", defaultValue = "100", paramLabel = "N",
      description = "Daily sessions averaged (default: ${DEFAULT-VALUE}).")
  private int atrDays;

  @Option(names = "--risk", defaultValue = "500", paramLabel = "DOLLARS",
      description = "Risk per trade the dollar range is compared with (default: ${DEFAULT-VALUE}).")
  private double risk;

  @Option(names = "--session", defaultValue = "globex", paramLabel = "globex|regular",
      description = "Daily bars of the whole Globex day or the regular session (default: ${DEFAULT-VALUE}).")
  private String session;

  @Option(names = "--end", paramLabel = "yyyy-MM-dd", description = "The last session (default: the store's last).")
  private LocalDate end;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/dollar-range.csv and .json.")
  private Path out;

  @Mixin
  private CatalogOptions catalogOptions;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (atrDays < 1) {
      throw new InputException("--atr-days: " + atrDays + " is not allowed; expected a whole number >= 1");
    }
    if (!(risk > 0)) {
      throw new InputException("--risk: " + risk + " is not allowed; expected an amount > 0");
    }
    String barSize = switch (session) {
      case "globex" -> "1d";
      case "regular" -> "1d-rth";
      default -> throw new InputException("--session: '" + session + "' is not allowed; expected globex or regular");
    };
    InstrumentCatalog catalog = catalogOptions.catalog();
    BarStore store = BarStore.open(bars, catalog);
    List<String> chosen = symbols != null ? symbols : store.symbols();
    if (chosen.isEmpty()) {
      throw new InputException("--bars " + bars + ": no symbols in this store");
    }
    List<DollarRange> ranges = new ArrayList<>();
    for (String symbol : chosen) {
      if (!store.symbols().contains(symbol)) {
        throw new InputException("--symbols: '" + symbol + "' is not in " + bars + "; it has " + store.symbols());
      }
      // Enough calendar days for the sessions asked (about 250 a year) and the close before them.
      LocalDate last = end != null ? end : lastSession(store, symbol);
      LocalDate first = last.minusDays(atrDays * 7L / 5 + 30);
      BarSeries daily = new BarSource(bars, symbol, null, first, last, barSize).load(catalog);
      if (daily.size() < atrDays + 1) {
        throw new InputException(bars + ": " + symbol + " has " + daily.size() + " daily sessions up to " + last
            + "; --atr-days " + atrDays + " needs " + (atrDays + 1));
      }
      ranges.add(DollarRange.of(daily, atrDays, risk));
    }
    ranges.sort(Comparator.comparingDouble(DollarRange::dollarRange).reversed());
    PrintWriter console = spec.commandLine().getOut();
    console.printf(Locale.ROOT, "%-6s %-10s %12s %10s %14s %12s%n", "symbol", "last day", "ATR points", "$/point",
        "dollar range", "÷ $" + String.format(Locale.ROOT, "%,.0f", risk));
    for (DollarRange range : ranges) {
      console.printf(Locale.ROOT, "%-6s %-10s %12.2f %10.2f %14s %12.2f%n", range.symbol(), range.lastDate(),
          range.averageTrueRange(), range.pointValue(), String.format(Locale.ROOT, "$%,.2f", range.dollarRange()),
          range.rangeToRisk());
    }
    console.printf(Locale.ROOT, "average true range over the last %d %s sessions%n", atrDays, session);
    console.flush();
    if (out != null) {
      write(ranges);
      console.printf(Locale.ROOT, "written: %s, %s%n", out.resolve("dollar-range.csv"),
          out.resolve("dollar-range.json"));
      console.flush();
    }
    return PlateauCli.EXIT_OK;
  }

  /** The last trading date the store has for {@code symbol} (its last year partition is read). */
  private static LocalDate lastSession(BarStore store, String symbol) {
    List<Integer> years = store.years(symbol);
    BarSeries lastYear = store.read(symbol, LocalDate.of(years.get(years.size() - 1), 1, 1), null);
    return lastYear.tradingDate(lastYear.size() - 1);
  }

  private void write(List<DollarRange> ranges) throws java.io.IOException {
    Files.createDirectories(out);
    StringBuilder csv = new StringBuilder("symbol,last_date,sessions,atr_points,point_value,dollar_range,"
        + "risk_per_trade,range_to_risk\n");
    for (DollarRange r : ranges) {
      csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.2f,%.2f,%.2f,%.4f%n", r.symbol(), r.lastDate(),
          r.sessions(),
          r.averageTrueRange(), r.pointValue(), r.dollarRange(), r.riskPerTrade(), r.rangeToRisk()));
    }
    AtomicFiles.writeString(out.resolve("dollar-range.csv"), csv.toString());
    AtomicFiles.writeString(out.resolve("dollar-range.json"), new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).writeValueAsString(ranges));
  }
}
