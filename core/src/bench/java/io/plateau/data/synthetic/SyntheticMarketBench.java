package io.plateau.data.synthetic;

import io.plateau.bar.BarSeries;
import io.plateau.instrument.InstrumentCatalog;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Throughput of the synthetic market: bars per second for 25 years of MES (about 8.7 million bars) generated in
 * one call on one thread, after warm-up runs; the time includes building the {@code BarSeries} and allocating its
 * columns. A benchmark, never run by the tests.
 *
 * <p>Run from the repository root with a fixed, pre-touched heap (it must hold two 25-year series, about 600 MB
 * each):
 * <pre>
 * mvn -o -q -B -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) \
 *     io.plateau.data.synthetic.SyntheticMarketBench [symbol] [first-date] [last-date]
 * </pre>
 */
public final class SyntheticMarketBench {

  private static final int WARM_UP_RUNS = 3;
  private static final int MEASURED_RUNS = 5;

  private SyntheticMarketBench() {}

  public static void main(String[] args) {
    String symbol = args.length > 0 ? args[0] : "MES";
    LocalDate first = LocalDate.parse(args.length > 1 ? args[1] : "2000-01-01");
    LocalDate last = LocalDate.parse(args.length > 2 ? args[2] : "2024-12-31");
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    SyntheticConfig config = SyntheticConfig.builtIn();

    long createStart = System.nanoTime();
    SyntheticMarket market = SyntheticMarket.create(catalog, config, 7, first, last);
    double createMillis = (System.nanoTime() - createStart) / 1e6;
    System.out.printf(Locale.ROOT, "create (daily paths of every family): %.1f ms%n", createMillis);

    long checksum = 0;
    for (int run = 0; run < WARM_UP_RUNS; run++) {
      checksum += market.generate(symbol, first, last).closeTicks(0);
    }
    double best = Double.MAX_VALUE;
    double total = 0;
    int bars = 0;
    for (int run = 0; run < MEASURED_RUNS; run++) {
      // Collect the previous run's 600 MB of garbage outside the timed region: the figure is generation, not the
      // collector's pause for this benchmark's own discarded results.
      System.gc();
      long start = System.nanoTime();
      BarSeries series = market.generate(symbol, first, last);
      double seconds = (System.nanoTime() - start) / 1e9;
      bars = series.size();
      checksum += series.closeTicks(bars - 1);
      best = Math.min(best, seconds);
      total += seconds;
    }
    System.out.printf(Locale.ROOT, "%s %s..%s: %,d bars; best %.3f s = %,.0f bars/s; mean %.3f s = %,.0f bars/s"
            + " (one thread, BarSeries included; checksum %d)%n",
        symbol, first, last, bars, best, bars / best, total / MEASURED_RUNS, bars / (total / MEASURED_RUNS),
        checksum);
  }
}
