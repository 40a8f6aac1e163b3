package io.plateau.study;

import io.plateau.bar.BarSeries;
import io.plateau.bar.Session;
import io.plateau.data.BarSource;
import io.plateau.instrument.InstrumentCatalog;

/** Loads a study's bars for one symbol: its date range and bar size from the store, regular hours if asked. */
public final class StudyBars {

  private StudyBars() {}

  public static BarSeries load(Study study, String symbol, InstrumentCatalog catalog) {
    BarSeries bars = new BarSource(study.store(), symbol, null, study.start(), study.end(), study.sourceBarSize())
        .load(catalog);
    if (study.session() == Session.GLOBEX || study.barSize().equals("1d")) {
      return bars;
    }
    BarSeries.Builder regular = BarSeries.builder(bars.instrument(), bars.interval());
    boolean aggressor = bars.hasAggressorVolume();
    boolean contracts = bars.hasContracts();
    for (int i = 0; i < bars.size(); i++) {
      if (bars.isRegularHours(i)) {
        regular.add(bars.startMillis(i), bars.openTicks(i), bars.highTicks(i), bars.lowTicks(i), bars.closeTicks(i),
            bars.volume(i), aggressor ? bars.buyVolume(i) : -1, aggressor ? bars.sellVolume(i) : -1,
            contracts ? bars.contract(i) : null);
      }
    }
    return regular.build();
  }
}
