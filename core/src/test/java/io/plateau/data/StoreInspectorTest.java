package io.plateau.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.bar.Roll;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreInspectorTest {

  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  private static final Instrument MES = CATALOG.get("MES");

  @TempDir
  Path dir;

  /** Adds a bar for every scheduled minute of {@code date} (or only the first {@code limit} of them). */
  private static void addSession(BarSeries.Builder builder, LocalDate date, String contract, int limit) {
    int[] ranges = MES.sessions().openMinuteRanges(date);
    int added = 0;
    for (int r = 0; r < ranges.length; r += 2) {
      for (int minute = ranges[r]; minute < ranges[r + 1] && added < limit; minute++, added++) {
        long start = MES.sessions().instantAt(date, minute).toEpochMilli();
        builder.add(start, 20_000, 20_001, 19_999, 20_000, 10, 5, 5, contract);
      }
    }
  }

  @Test
  void reportsBarsPerYearMissingAndShortSessionsAndRollDates() {
    BarSeries.Builder builder = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    addSession(builder, LocalDate.of(2024, 3, 13), "MESH24", Integer.MAX_VALUE);
    // 2024-03-14 is missing; 2024-03-15 has only 100 of its 1380 scheduled minutes.
    addSession(builder, LocalDate.of(2024, 3, 15), "MESM24", 100);
    BarSeries series = builder.build();
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      update.merge(series, SymbolMetadata.Origin.INGESTED,
          List.of(new SourceRecord("t", "h", "generic", series.size(), Instant.EPOCH)));
      update.commit();
    }

    StoreInspector.SymbolSummary summary = StoreInspector.inspect(store, "MES");

    assertEquals(1380 + 100, summary.bars());
    assertEquals(Map.of(2024, 1480), summary.barsPerYear());
    assertEquals(Instant.parse("2024-03-12T22:00:00Z"), summary.firstBar(), "17:00 CDT the evening before");
    assertEquals(List.of(LocalDate.of(2024, 3, 14)), summary.missingSessions());
    assertEquals(List.of(new StoreInspector.ShortSession(LocalDate.of(2024, 3, 15), 100, 1380)),
        summary.shortSessions());
    assertEquals(List.of(new Roll(LocalDate.of(2024, 3, 15), "MESH24", "MESM24", 0)), summary.rolls());
  }
}
