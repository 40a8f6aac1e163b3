package io.plateau.exec;

import io.plateau.bar.BarSeries;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.instrument.InstrumentCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Benchmark (run by {@code scripts/bench-core}, never by the tests): an {@code sma-cross} grid of 1,000 parameter
 * sets over 8 years of synthetic MES 1-minute bars (about 2.8 million), evaluated by {@link SmaCrossGrid} (all
 * sets per cache-sized block of bars, moving averages from prefix sums inside the measured time; held equal to the
 * per-set path and the simulator by tests) on one thread
 * and on every core;
 * then ta4j 0.16 (DoubleNum, its fastest number type) on the same bars for a few sets of the same grid, in the same
 * run; then the memory of a 25-year series. Prints bar-evaluations per second per core and the ratio to ta4j.
 */
public final class CoreGridBench {

  private CoreGridBench() {}

  public static void main(String[] args) throws Exception {
    LocalDate from = LocalDate.of(2016, 1, 1);
    LocalDate to = LocalDate.of(2023, 12, 31);
    SyntheticMarket market = SyntheticMarket.create(InstrumentCatalog.builtIn(), SyntheticConfig.builtIn(), 7,
        LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 31));
    BarSeries bars = market.generate("MES", from, to);
    System.out.printf(Locale.ROOT, "bars: MES %s..%s, %,d one-minute bars%n", from, to, bars.size());

    List<int[]> grid = new ArrayList<>();
    for (int fast = 5; fast <= 125; fast += 5) {
      for (int slow = 130; slow <= 520; slow += 10) {
        grid.add(new int[] {fast, slow});
      }
    }
    CostModel costs = CostModel.of(bars.instrument());
    double checksum = 0;
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      checksum += evaluate(bars, costs, grid, 0, grid.size());
      double seconds = (System.nanoTime() - start) / 1e9;
      double perSecond = (double) grid.size() * bars.size() / seconds;
      System.out.printf(Locale.ROOT, "plateau, 1 thread, round %d%s: %,d sets x %,d bars in %.2f s = %,.0f M "
          + "bar-evaluations/s per core%n", round, round == 1 ? " (warm-up)" : "", grid.size(), bars.size(), seconds,
          perSecond / 1e6);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    double plateauPerCore = 0;
    for (int round = 1; round <= 2; round++) {
      long start = System.nanoTime();
      List<Future<Double>> parts = new ArrayList<>();
      for (int c = 0; c < cores; c++) {
        int lo = grid.size() * c / cores;
        int hi = grid.size() * (c + 1) / cores;
        parts.add(pool.submit(() -> evaluate(bars, costs, grid, lo, hi)));
      }
      for (Future<Double> part : parts) {
        checksum += part.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double perSecond = (double) grid.size() * bars.size() / seconds;
      plateauPerCore = perSecond / cores;
      System.out.printf(Locale.ROOT, "plateau, %d threads, round %d: %.2f s = %,.0f M bar-evaluations/s, %,.0f M "
          + "per core%n", cores, round, seconds, perSecond / 1e6, plateauPerCore / 1e6);
    }
    pool.shutdown();

    double ta4jPerSecond = ta4j(bars, grid);
    System.out.printf(Locale.ROOT, "ratio: plateau %,.0f M bar-evaluations/s per core vs ta4j %,.2f M: %,.0fx%n",
        plateauPerCore / 1e6, ta4jPerSecond / 1e6, plateauPerCore / ta4jPerSecond);

    BarSeries decades = market.generate("MES", LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 31));
    System.out.printf(Locale.ROOT, "memory: 25 years of MES, %,d bars, %.1f MB of columns in memory (%.1f bytes/bar)%n",
        decades.size(), decades.heapBytes() / 1e6, (double) decades.heapBytes() / decades.size());
    System.out.println("checksum " + checksum);
  }

  /** Net profit of sets [from, to) summed (a checksum that keeps the work from being optimized away). */
  private static double evaluate(BarSeries bars, CostModel costs, List<int[]> grid, int from, int to) {
    int sets = to - from;
    int[] fast = new int[sets];
    int[] slow = new int[sets];
    for (int s = 0; s < sets; s++) {
      fast[s] = grid.get(from + s)[0];
      slow[s] = grid.get(from + s)[1];
    }
    SmaCrossGrid.Output figures = new SmaCrossGrid.Output(sets, 0);
    new SmaCrossGrid(bars, costs, 1, 25_000).evaluate(fast, slow, true, true, figures);
    double sum = 0;
    for (double netProfit : figures.netProfit) {
      sum += netProfit;
    }
    return sum;
  }

  /** ta4j's bar-evaluations per second, single thread, on three sets of the grid (long-only, next-open). */
  private static double ta4j(BarSeries bars, List<int[]> grid) {
    BaseBarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum::valueOf).build();
    for (int i = 0; i < bars.size(); i++) {
      series.addBar(Duration.ofMinutes(1), Instant.ofEpochMilli(bars.startMillis(i)).plusSeconds(60)
              .atZone(ZoneOffset.UTC), DoubleNum.valueOf(bars.open(i)), DoubleNum.valueOf(bars.high(i)),
          DoubleNum.valueOf(bars.low(i)), DoubleNum.valueOf(bars.close(i)), DoubleNum.valueOf(bars.volume(i)));
    }
    BarSeriesManager manager = new BarSeriesManager(series, new TradeOnNextOpenModel());
    int[][] sets = {grid.get(0), grid.get(grid.size() / 2), grid.get(grid.size() - 1)};
    long start = System.nanoTime();
    int positions = 0;
    for (int[] set : sets) {
      ClosePriceIndicator close = new ClosePriceIndicator(series);
      SMAIndicator fast = new SMAIndicator(close, set[0]);
      SMAIndicator slow = new SMAIndicator(close, set[1]);
      BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
          new CrossedDownIndicatorRule(fast, slow), set[1]);
      positions += manager.run(strategy).getPositionCount();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double perSecond = (double) sets.length * bars.size() / seconds;
    System.out.printf(Locale.ROOT, "ta4j 0.16 (DoubleNum), 1 thread: %d sets x %,d bars in %.2f s = %,.2f M "
        + "bar-evaluations/s (%d positions)%n", sets.length, bars.size(), seconds, perSecond / 1e6, positions);
    return perSecond;
  }
}
