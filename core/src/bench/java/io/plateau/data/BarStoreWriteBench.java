package io.plateau.data;

import io.plateau.bar.BarSeries;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.instrument.InstrumentCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark (not a test): generates 25 years of MES 1-minute bars and writes them to a fresh bar store year by
 * year on all cores, as {@code plateau generate} does; prints bars per second (generation + Parquet write +
 * commit) and bytes on disk. Then reads the store back and prints the read rate.
 *
 * <pre>
 * mvn -q -B -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx6g -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) io.plateau.data.BarStoreWriteBench [runs]
 * </pre>
 */
public final class BarStoreWriteBench {

  private BarStoreWriteBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int threads = Runtime.getRuntime().availableProcessors();
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    LocalDate first = LocalDate.of(2000, 1, 1);
    LocalDate last = LocalDate.of(2024, 12, 31);
    SyntheticMarket market = SyntheticMarket.create(catalog, SyntheticConfig.builtIn(), 7, first, last);
    for (int run = 1; run <= runs; run++) {
      Path dir = Files.createTempDirectory("plateau-bench-store");
      BarStore store = BarStore.open(dir.toString(), catalog);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long began = System.nanoTime();
      long bars = 0;
      try (StoreUpdate update = store.update()) {
        List<Future<Integer>> years = new ArrayList<>();
        for (int year = first.getYear(); year <= last.getYear(); year++) {
          LocalDate from = LocalDate.of(year, 1, 1);
          LocalDate to = LocalDate.of(year, 12, 31);
          years.add(pool.submit(() -> {
            BarSeries series = market.generate("MES", from, to);
            update.writeYear(series, 0, series.size());
            return series.size();
          }));
        }
        for (Future<Integer> year : years) {
          bars += year.get();
        }
        update.setMetadata(new SymbolMetadata("MES", "1m", 0.25, SymbolMetadata.Origin.SYNTHETIC, null,
            List.of(), List.of()));
        update.commit();
      } finally {
        pool.shutdown();
      }
      double writeSeconds = (System.nanoTime() - began) / 1e9;
      long readBegan = System.nanoTime();
      int read = readAll(store);
      double readSeconds = (System.nanoTime() - readBegan) / 1e9;
      System.out.printf("run %d: MES %s..%s %,d bars generated+written on %d threads in %.2f s = %.2f M bars/s; "
          + "%.1f MB on disk (%.1f bytes/bar); read back %,d bars in %.2f s = %.2f M bars/s%n", run, first, last,
          bars, threads, writeSeconds, bars / writeSeconds / 1e6, store.sizeBytes("MES") / 1e6,
          (double) store.sizeBytes("MES") / bars, read, readSeconds, read / readSeconds / 1e6);
      deleteRecursively(dir);
      System.gc();
    }
  }

  private static int readAll(BarStore store) {
    return store.read("MES").size();
  }

  private static void deleteRecursively(Path dir) throws Exception {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
