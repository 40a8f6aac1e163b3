package io.plateau.study;

import io.plateau.bar.BarSeries;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.robust.SpanMetrics;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (run by {@code scripts/bench-optimize}, never by the tests): a study's trials computed by the core alone,
 * in one JVM on one thread, with no Spark — the baseline {@code plateau optimize} is measured against. It does what
 * an optimize task does for each block, minus writing files: load the first symbol's bars, then run the admitted
 * sets block by block (the same number of sets per block as the job's planner would give one core) through {@link
 * TrialRunner}. Prints the seconds to load, the seconds to simulate and the bar-evaluations per second.
 *
 * <p>Arguments: the study file, and the bar-evaluations per block (the job's {@code BLOCK_BAR_EVALUATIONS}).
 */
public final class CoreStudyBench {

  private CoreStudyBench() {}

  public static void main(String[] args) {
    Study study = StudyReader.read(Path.of(args[0]));
    long evaluationsPerBlock = Long.parseLong(args[1]);
    String symbol = study.symbols().get(0);
    long start = System.nanoTime();
    BarSeries bars = StudyBars.load(study, symbol, InstrumentCatalog.builtIn());
    StudyCalendar calendar = StudyCalendar.of(study, symbol, bars.instrument().sessions(), bars.tradingDate(0),
        bars.tradingDate(bars.size() - 1));
    double loadSeconds = (System.nanoTime() - start) / 1e9;

    long[] ids = study.space().admittedIn(0, study.space().size());
    int perBlock = (int) Math.max(1, Math.min(ids.length, evaluationsPerBlock / bars.size()));
    TrialRunner runner = new TrialRunner(study, bars, calendar);
    long simulationStart = System.nanoTime();
    double checksum = 0;
    for (int from = 0; from < ids.length; from += perBlock) {
      List<Trial> trials = runner.run(Arrays.copyOfRange(ids, from, Math.min(ids.length, from + perBlock)));
      for (Trial trial : trials) {
        for (SpanMetrics window : trial.inSample()) {
          checksum += window.netProfit();
        }
      }
    }
    double simulationSeconds = (System.nanoTime() - simulationStart) / 1e9;
    double evaluations = (double) ids.length * bars.size();
    System.out.printf(Locale.ROOT, "core alone: %s, %,d sets x %,d bars, %d windows; load %.1f s, simulate %.1f s "
        + "(%,d sets per block), total %.1f s, %.1f M bar-evaluations/s on one thread (checksum %.2f)%n",
        symbol, ids.length, bars.size(), calendar.windows().size(), loadSeconds, simulationSeconds, perBlock,
        loadSeconds + simulationSeconds, evaluations / simulationSeconds / 1e6, checksum);
  }
}
