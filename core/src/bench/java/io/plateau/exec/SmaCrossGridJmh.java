package io.plateau.exec;

import io.plateau.bar.BarSeries;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.instrument.InstrumentCatalog;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: an {@code sma-cross} grid of 1,000 parameter sets (fast 5..125 step 5 × slow 130..520 step 10, the grid of
 * {@link CoreGridBench}) over about 2.1 million MES one-minute bars, with {@link SmaCrossGrid} (its moving averages
 * computed per block of bars from prefix sums, inside the measured time). Bar-evaluations per second = 1,000 × bars / (seconds per operation). Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the
 * bytes allocated per operation, the per-set state arrays, independent of the number of bars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class SmaCrossGridJmh {

  private static final int SETS = 1_000;

  private int[] fast;
  private int[] slow;
  private SmaCrossGrid.Output figures;
  private SmaCrossGrid grid;

  @Setup(Level.Trial)
  public void bars() {
    LocalDate from = LocalDate.of(2016, 1, 1);
    LocalDate to = LocalDate.of(2021, 12, 31);
    BarSeries bars = SyntheticMarket.create(InstrumentCatalog.builtIn(), SyntheticConfig.builtIn(), 7, from, to)
        .generate("MES", from, to);
    fast = new int[SETS];
    slow = new int[SETS];
    for (int s = 0; s < SETS; s++) {
      fast[s] = 5 + 5 * (s % 25);
      slow[s] = 130 + 10 * (s / 25);
    }
    figures = new SmaCrossGrid.Output(SETS, 0);
    grid = new SmaCrossGrid(bars, CostModel.of(bars.instrument()), 1, 25_000);
    System.out.printf("%n%,d bars x %,d sets per operation%n", bars.size(), SETS);
  }

  @Benchmark
  public double thousandParameterSets() {
    grid.evaluate(fast, slow, true, true, figures);
    return figures.netProfit[0];
  }
}
