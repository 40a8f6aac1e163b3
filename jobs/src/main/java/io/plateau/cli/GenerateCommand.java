package io.plateau.cli;

import io.plateau.bar.BarSeries;
import io.plateau.data.BarStore;
import io.plateau.data.MergeReport;
import io.plateau.data.SourceRecord;
import io.plateau.data.StoreUpdate;
import io.plateau.data.SymbolMetadata;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.Hashing;
import io.plateau.util.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plateau generate}: synthetic 1-minute bars into a bar store, the default data. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generates realistic synthetic 1-minute bars (deterministic for a seed) into a bar store.")
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--symbols", required = true, split = ",", paramLabel = "SYM",
      description = "Catalog symbols, e.g. MES,M2K.")
  private List<String> symbols;

  @Option(names = "--start", required = true, paramLabel = "yyyy-MM-dd", description = "First trading date.")
  private LocalDate start;

  @Option(names = "--end", required = true, paramLabel = "yyyy-MM-dd", description = "Last trading date.")
  private LocalDate end;

  @Option(names = "--out", required = true, paramLabel = "STORE", description = "The bar store to write.")
  private String out;

  @Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Model parameters (default: conf/synthetic.yaml, built in).")
  private Path config;

  @Option(names = "--replace",
      description = "Replace the symbols' bars already in the store instead of merging with them.")
  private boolean replace;

  @Option(names = "--threads", paramLabel = "N",
      description = "Years generated and written in parallel (default: the number of cores).")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Mixin
  private CatalogOptions catalogOptions;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (end.isBefore(start)) {
      throw new InputException("--end " + end + " is before --start " + start);
    }
    if (threads < 1) {
      throw new InputException("--threads must be >= 1, was " + threads);
    }
    InstrumentCatalog catalog = catalogOptions.catalog();
    symbols.forEach(catalog::get);
    SyntheticConfig model = config == null ? SyntheticConfig.builtIn() : SyntheticConfig.load(config);
    SyntheticMarket market = SyntheticMarket.create(catalog, model, seed, start, end);
    BarStore store = BarStore.open(out, catalog);
    PrintWriter console = spec.commandLine().getOut();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (StoreUpdate update = store.update()) {
      for (String symbol : symbols) {
        long began = System.nanoTime();
        boolean fresh = replace || store.metadata(symbol).isEmpty();
        if (replace) {
          update.removeSymbolYears(symbol);
        }
        SourceRecord source = new SourceRecord("synthetic seed=" + seed + " " + start + ".." + end,
            Hashing.sha256(model + "|" + seed + "|" + symbol + "|" + start + "|" + end),
            "synthetic", 0, Instant.now());
        List<Future<MergeReport>> years = new ArrayList<>();
        for (int year = start.getYear(); year <= end.getYear(); year++) {
          LocalDate from = year == start.getYear() ? start : LocalDate.of(year, 1, 1);
          LocalDate to = year == end.getYear() ? end : LocalDate.of(year, 12, 31);
          years.add(pool.submit(() -> {
            BarSeries bars = market.generate(symbol, from, to);
            if (fresh) {
              update.writeYear(bars, 0, bars.size());
              return new MergeReport(symbol, null, bars.size(), bars.size(), 0, List.of(), bars);
            }
            return update.merge(bars, SymbolMetadata.Origin.SYNTHETIC, List.of(source));
          }));
        }
        long bars = 0;
        long added = 0;
        int conflicts = 0;
        for (Future<MergeReport> year : years) {
          MergeReport report = await(year);
          bars += report.incoming();
          added += report.added();
          conflicts += report.conflicts().size();
        }
        if (conflicts > 0) {
          throw new InputException(out + ": " + conflicts + " generated " + symbol + " bars differ from bars the "
              + "store already has (another seed, range or model?); nothing was written. Use --replace to "
              + "regenerate " + symbol + ", or another --out");
        }
        if (fresh || added > 0) {
          SymbolMetadata base = fresh
              ? new SymbolMetadata(symbol, "1m", catalog.get(symbol).tickSize(), SymbolMetadata.Origin.SYNTHETIC,
                  null, List.of(), List.of())
              : store.metadata(symbol).orElseThrow();
          update.setMetadata(base.withSources(List.of(new SourceRecord(source.name(), source.sha256(),
              source.format(), bars, source.addedAt()))));
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        console.printf("generated %s %s..%s: %,d bars (%,d new) in %.1f s, %.2f M bars/s%n", symbol, start, end,
            bars, added, seconds, bars / seconds / 1e6);
        console.flush();
      }
      update.commit();
    } finally {
      pool.shutdownNow();
    }
    for (String symbol : symbols) {
      console.printf("%s: %.1f MB on disk in %s%n", symbol, store.sizeBytes(symbol) / 1e6, store.location());
    }
    return PlateauCli.EXIT_OK;
  }

  /** The year's result, or the exception its task threw (an InputException stays one: exit code 2). */
  private static MergeReport await(Future<MergeReport> year) throws Exception {
    try {
      return year.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
