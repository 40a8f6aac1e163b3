package io.plateau.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.plateau.bar.Roll;
import io.plateau.data.BarStore;
import io.plateau.data.StoreInspector;
import io.plateau.data.StoreInspector.SymbolSummary;
import io.plateau.util.InputException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plateau inspect STORE}: what a bar store holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Prints the symbols of a bar store with first/last bar, bars per year, sessions with missing "
        + "bars and the continuous contract's roll dates.")
final class InspectCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "STORE", description = "The bar store (local path or Hadoop URI).")
  private String location;

  @Option(names = "--symbols", split = ",", paramLabel = "SYM", description = "Only these symbols.")
  private List<String> symbols;

  @Option(names = "--max-listed", defaultValue = "12", paramLabel = "N",
      description = "How many dates to list per finding (default: ${DEFAULT-VALUE}); --json lists all.")
  private int maxListed;

  @Option(names = "--json", description = "Print the summary as JSON.")
  private boolean json;

  @Mixin
  private CatalogOptions catalogOptions;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BarStore store = BarStore.open(location, catalogOptions.catalog());
    List<String> inStore = store.symbols();
    if (inStore.isEmpty()) {
      throw new InputException(location + ": no bars here; create a store with 'plateau generate' or "
          + "'plateau ingest'");
    }
    List<String> chosen = symbols == null ? inStore : symbols;
    List<SymbolSummary> summaries = new ArrayList<>();
    for (String symbol : chosen) {
      if (!inStore.contains(symbol)) {
        throw new InputException("--symbols: '" + symbol + "' is not in " + location + "; it has " + inStore);
      }
      summaries.add(StoreInspector.inspect(store, symbol));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(Map.of("store", store.location(), "symbols", summaries)));
    } else {
      out.printf("bar store %s: %d symbol(s)%n", store.location(), inStore.size());
      for (SymbolSummary summary : summaries) {
        print(out, summary);
      }
    }
    out.flush();
    return PlateauCli.EXIT_OK;
  }

  private void print(PrintWriter out, SymbolSummary s) {
    out.printf("%n%s  %s bars, %s, %,d bars, %s .. %s%n", s.symbol(), s.interval(),
        s.origin().name().toLowerCase(java.util.Locale.ROOT), s.bars(), s.firstBar(), s.lastBar());
    StringBuilder years = new StringBuilder();
    s.barsPerYear().forEach((year, count) -> years.append(String.format(" %d:%,d", year, count)));
    out.println("  bars per trading-date year:" + years);
    out.println("  missing sessions (scheduled trading dates without bars): " + s.missingSessions().size()
        + listed(s.missingSessions().stream().map(Object::toString).toList()));
    out.println("  short sessions (< " + Math.round(StoreInspector.SHORT_SESSION_SHARE * 100)
        + "% of scheduled minutes): " + s.shortSessions().size() + listed(s.shortSessions().stream()
            .map(x -> x.date() + " (" + x.bars() + "/" + x.scheduledBars() + ")").toList()));
    List<String> rolls = new ArrayList<>();
    for (Roll roll : s.rolls()) {
      rolls.add(roll.date() + " " + roll.fromContract() + "->" + roll.toContract()
          + (roll.gapTicks() == 0 ? "" : " gap " + roll.gapTicks() + " ticks"));
    }
    out.println("  roll dates: " + s.rolls().size() + listed(rolls));
    if (!s.contracts().isEmpty()) {
      out.println("  per-contract series kept: " + s.contracts().size() + listed(s.contracts()));
    }
  }

  private String listed(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    List<String> shown = items.size() <= maxListed ? items : items.subList(0, maxListed);
    return ": " + String.join(", ", shown) + (items.size() > shown.size() ? ", ... (" + (items.size()
        - shown.size()) + " more)" : "");
  }
}
