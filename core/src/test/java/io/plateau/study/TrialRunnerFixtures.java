package io.plateau.study;

import io.plateau.bar.BarSeries;
import io.plateau.bar.Resampler;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.exec.DailyEquity;
import io.plateau.instrument.InstrumentCatalog;
import java.time.LocalDate;

/** What the trial runner's tests share: half a year of generated MES bars, and finding bars and equity by date. */
final class TrialRunnerFixtures {

  private TrialRunnerFixtures() {}

  /** Seed 5's generated MES from 2023-01-01 to 2023-06-30, as 15-minute bars. */
  static BarSeries mesFifteenMinutes() {
    LocalDate from = LocalDate.of(2023, 1, 1);
    LocalDate to = LocalDate.of(2023, 6, 30);
    BarSeries minutes = SyntheticMarket.create(InstrumentCatalog.builtIn(), SyntheticConfig.builtIn(), 5, from, to)
        .generate("MES", from, to);
    return Resampler.toMinutes(minutes, 15);
  }

  /** The index of the first bar of {@code series} whose trading date is on or after {@code date}. */
  static int firstBarOn(BarSeries series, LocalDate date) {
    int i = 0;
    while (i < series.size() && series.tradingDate(i).isBefore(date)) {
      i++;
    }
    return i;
  }

  /** The last simulated equity on or before {@code date}. */
  static double equityAt(DailyEquity equity, LocalDate date) {
    double value = equity.startingCapital();
    for (int i = 0; i < equity.size() && !equity.date(i).isAfter(date); i++) {
      value = equity.equity(i);
    }
    return value;
  }
}
