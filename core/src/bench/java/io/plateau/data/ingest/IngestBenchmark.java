package io.plateau.data.ingest;

import io.plateau.instrument.ExchangeClock;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.instrument.SessionSchedule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Throughput of the ingest: writes a large generic CSV of 1-minute MES bars (a seeded random walk over the CME
 * session, so every row passes every check) to a temporary file, then per pass parses and validates it with
 * {@link Ingester} (one thread) and commits the bars into a fresh Parquet bar store (years in parallel). It prints
 * rows per second of wall time and rows per CPU-second (the per-core figure), for parsing alone and for the whole
 * ingest into Parquet. The first pass warms the JIT up; the later ones are the figure. It prints figures and is
 * never a timed unit test.
 *
 * <pre>
 * mvn -o -q -B -pl core test-compile
 * java -Xmx3g -cp core/target/classes:core/target/test-classes:$(cat cp.txt) io.plateau.data.ingest.IngestBenchmark [rows] [passes]
 * </pre>
 * ({@code cp.txt} from {@code mvn -o -q -pl core dependency:build-classpath -Dmdep.outputFile=cp.txt}.)
 */
public final class IngestBenchmark {

  private static final long SEED = 7;

  private IngestBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Instrument mes = InstrumentCatalog.builtIn().get("MES");
    Path file = Files.createTempFile("plateau-ingest-bench", ".csv");
    try {
      long writeStart = System.nanoTime();
      write(file, mes, rows);
      System.out.printf(Locale.ROOT, "wrote %,d rows (%,d MB) in %.1f s to %s%n", rows, Files.size(file) >> 20,
          (System.nanoTime() - writeStart) / 1e9, file);
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      for (int pass = 1; pass <= passes; pass++) {
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        IngestResult result = Ingester.run(
            new IngestRequest(VendorFormat.GENERIC, mes, file, IngestOptions.defaults()), rejection -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        IngestCounts total = result.report().total();
        if (total.rowsAccepted() != rows) {
          throw new IllegalStateException("expected every row accepted: " + result.report().toText());
        }
        Path store = Files.createTempDirectory("plateau-ingest-bench-store");
        try (io.plateau.data.StoreUpdate update = io.plateau.data.BarStore.open(store.toString(),
            InstrumentCatalog.builtIn()).update()) {
          update.merge(result.series(), io.plateau.data.SymbolMetadata.Origin.INGESTED, java.util.List.of());
          update.commit();
        }
        double allSeconds = (System.nanoTime() - start) / 1e9;
        double allCpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long read = total.rowsRead();
        System.out.printf(Locale.ROOT, "pass %d%s: %,d rows parsed and validated in %.2f s = %,.0f rows/s "
            + "(%,.0f rows per CPU-second); into Parquet in %.2f s = %,.0f rows/s (%,.0f rows per CPU-second)%n",
            pass, pass == 1 ? " (warm-up)" : "", read, seconds, read / seconds, read / cpuSeconds, allSeconds,
            read / allSeconds, read / allCpuSeconds);
        try (java.util.stream.Stream<Path> walk = Files.walk(store)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Bars for every session minute from Monday 2010-01-04 on: a random walk of ±2 ticks, on the 0.25 grid. */
  private static void write(Path file, Instrument instrument, int rows) throws IOException {
    SessionSchedule sessions = instrument.sessions();
    ExchangeClock clock = new ExchangeClock(sessions.timeZone());
    SplittableRandom random = new SplittableRandom(SEED);
    long minute = Instant.parse("2010-01-04T00:00:00Z").toEpochMilli();
    int close = 4 * 1100;
    StringBuilder line = new StringBuilder(96);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      out.write("timestamp,open,high,low,close,volume\n");
      int written = 0;
      while (written < rows) {
        minute += ExchangeClock.MILLIS_PER_MINUTE;
        long local = clock.toLocalMillis(minute);
        if (!sessions.isScheduled(LocalDateTime.ofEpochSecond(local / 1000, 0, ZoneOffset.UTC))) {
          continue;
        }
        int open = close;
        close = Math.max(400, open + random.nextInt(5) - 2);
        int high = Math.max(open, close) + random.nextInt(3);
        int low = Math.min(open, close) - random.nextInt(3);
        line.setLength(0);
        line.append(Instant.ofEpochMilli(minute)).append(',');
        appendPrice(line, open).append(',');
        appendPrice(line, high).append(',');
        appendPrice(line, low).append(',');
        appendPrice(line, close).append(',').append(1 + random.nextInt(500)).append('\n');
        out.append(line);
        written++;
      }
    }
  }

  /** Quarter ticks as a decimal price with two places ({@code 4400.25}). */
  private static StringBuilder appendPrice(StringBuilder line, int ticks) {
    int cents = ticks * 25;
    return line.append(cents / 100).append('.').append((char) ('0' + cents % 100 / 10)).append((char) ('0' + cents % 10));
  }
}
