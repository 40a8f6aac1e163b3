package io.plateau.cli;

import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.indicator.IndicatorSpec;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plateau indicators}: indicator values over bars, as a CSV a trader can check against a chart. */
@Command(name = "indicators", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Computes indicators over bars and writes timestamp plus one column per output "
        + "(empty where not yet available).")
final class IndicatorsCommand implements Callable<Integer> {

  @Mixin
  private BarOptions barOptions;

  @Option(names = "--indicator", required = true, paramLabel = "SPEC",
      description = "Repeatable: sma:N, ema:N, rsi:N, tr, atr:N, adx:N, bbands:N:K, stddev:N, vwap[:K][:globex], "
          + "volavg:N, highest:N, lowest:N, orb:MINUTES, cumdelta[:globex].")
  private List<String> indicators;

  @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV to write.")
  private Path out;

  @Mixin
  private CatalogOptions catalogOptions;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<IndicatorSpec> specs = new ArrayList<>();
    for (String text : indicators) {
      specs.add(IndicatorSpec.parse(text, "--indicator"));
    }
    BarSeries bars = barOptions.load(catalogOptions.catalog());
    IndicatorCache cache = new IndicatorCache(bars);
    List<String> header = new ArrayList<>(List.of("timestamp"));
    List<double[]> columns = new ArrayList<>();
    for (IndicatorSpec indicator : specs) {
      header.addAll(indicator.outputs());
      columns.addAll(List.of(cache.valuesUnsafe(indicator)));
    }
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    // Written beside the target and moved over it at the end: a failure never leaves half a file.
    Path staged = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try (BufferedWriter writer = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
      writer.write(String.join(",", header));
      writer.newLine();
      StringBuilder line = new StringBuilder(256);
      for (int i = 0; i < bars.size(); i++) {
        line.setLength(0);
        line.append(Instant.ofEpochMilli(bars.startMillis(i)));
        for (double[] column : columns) {
          line.append(',');
          if (!Double.isNaN(column[i])) {
            line.append(column[i]);
          }
        }
        writer.write(line.toString());
        writer.newLine();
      }
    } catch (RuntimeException | java.io.IOException e) {
      Files.deleteIfExists(staged);
      throw e;
    }
    Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    PrintWriter console = spec.commandLine().getOut();
    console.printf("%s: %,d bars of %s (%s), %d indicator columns%n", target, bars.size(), bars.symbol(),
        bars.interval(), columns.size());
    console.flush();
    return PlateauCli.EXIT_OK;
  }
}
