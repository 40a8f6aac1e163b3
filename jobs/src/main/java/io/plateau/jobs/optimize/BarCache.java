package io.plateau.jobs.optimize;

import io.plateau.bar.BarSeries;
import io.plateau.data.BarStore;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.study.Study;
import io.plateau.study.StudyBars;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bars of the symbols an executor JVM works on, loaded once from the store and shared by all its tasks. Holds
 * a few series at most (the least recently used goes first), as a task works on one symbol. A series is read again
 * when the store's files for it changed (a scheduled batch after an ingest, in the same JVM).
 */
public final class BarCache {

  private static final int MAX_SERIES = 2;
  private static final Map<String, BarSeries> SERIES = new LinkedHashMap<>(4, 0.75f, true);

  private BarCache() {}

  public static BarSeries bars(Study study, String symbol) {
    String key = study.store() + "|" + symbol + "|" + study.start() + "|" + study.end() + "|" + study.barSize() + "|"
        + study.session() + "|" + BarStore.open(study.store(), InstrumentCatalog.builtIn()).version(symbol);
    synchronized (SERIES) {
      BarSeries cached = SERIES.get(key);
      if (cached != null) {
        return cached;
      }
      BarSeries loaded = StudyBars.load(study, symbol, InstrumentCatalog.builtIn());
      SERIES.put(key, loaded);
      while (SERIES.size() > MAX_SERIES) {
        SERIES.remove(SERIES.keySet().iterator().next());
      }
      return loaded;
    }
  }
}
