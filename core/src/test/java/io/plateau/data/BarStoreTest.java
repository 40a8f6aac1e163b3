package io.plateau.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarStoreTest {

  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  private static final Instrument MES = CATALOG.get("MES");
  private static final SourceRecord SOURCE =
      new SourceRecord("test.csv", "abc123", "generic", 0, Instant.parse("2024-01-01T00:00:00Z"));

  @TempDir
  Path dir;

  /** {@code count} one-minute MES bars from {@code start}, prices drifting by a tick, with aggressor volume. */
  static BarSeries bars(String start, int count, int basePriceTicks) {
    BarSeries.Builder builder = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    long t = Instant.parse(start).toEpochMilli();
    for (int i = 0; i < count; i++) {
      int open = basePriceTicks + i % 7;
      builder.add(t + i * 60_000L, open, open + 3, open - 2, open + 1, 100 + i, 60 + i, 40, "MESH24");
    }
    return builder.build();
  }

  @Test
  void writtenBarsReadBackIdentically() {
    BarSeries bars = bars("2023-12-31T22:00:00Z", 600, 19_000); // Sunday 16:00 CT: an hour later trading date 2024-01-01 begins
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      MergeReport report = update.merge(bars, SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      assertEquals(600, report.added());
      update.commit();
    }
    BarStore reopened = BarStore.open(dir.toString(), CATALOG);
    assertEquals(List.of("MES"), reopened.symbols());
    BarSeries read = reopened.read("MES");
    assertTrue(bars.sameBarsAs(read), "read " + read + " differs from written " + bars);
    assertEquals(List.of(2023, 2024), reopened.years("MES"));
    assertEquals(19_000 * 0.25, read.open(0));
  }

  @Test
  void readingADateRangeReturnsOnlyThoseTradingDates() {
    BarSeries bars = bars("2024-03-04T14:30:00Z", 3 * 1440, 20_000);
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      update.merge(bars, SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      update.commit();
    }
    BarSeries march5 = store.read("MES", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5));
    assertFalse(march5.isEmpty());
    for (int i = 0; i < march5.size(); i++) {
      assertEquals(LocalDate.of(2024, 3, 5), march5.tradingDate(i));
    }
  }

  @Test
  void ingestingTheSameBarsTwiceChangesNothing() throws IOException {
    BarSeries bars = bars("2024-03-04T14:30:00Z", 500, 20_000);
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      update.merge(bars, SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      update.commit();
    }
    Map<String, Long> before = listing();
    String version = store.version("MES");
    try (StoreUpdate update = store.update()) {
      MergeReport again = update.merge(bars, SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      assertEquals(0, again.added());
      assertEquals(500, again.identical());
      assertTrue(again.conflicts().isEmpty());
      assertFalse(update.hasChanges());
      update.commit();
    }
    assertEquals(before, listing());
    assertEquals(version, store.version("MES"), "nothing rewritten: the same version");
    try (StoreUpdate update = store.update()) {
      update.merge(bars("2024-03-04T14:30:00Z", 600, 20_000), SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      update.commit();
    }
    assertFalse(version.equals(store.version("MES")), "bars added: another version");
  }

  @Test
  void overlappingBarsWithOtherValuesAreReportedAndNotMerged() {
    BarSeries first = bars("2024-03-04T14:30:00Z", 100, 20_000);
    BarSeries overlapping = bars("2024-03-04T15:00:00Z", 100, 20_004); // 70 bars overlap with other prices
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      update.merge(first, SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      update.commit();
    }
    MergeReport report;
    try (StoreUpdate update = store.update()) {
      report = update.merge(overlapping, SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      update.commit();
    }
    assertEquals(30, report.added());
    assertEquals(70, report.conflicts().size());
    BarConflict firstConflict = report.conflicts().get(0);
    assertEquals(0, firstConflict.incomingIndex());
    assertEquals(first.openTicks(30), firstConflict.existing().openTicks());
    assertEquals(overlapping.openTicks(0), firstConflict.incoming().openTicks());
    BarSeries stored = store.read("MES");
    assertEquals(130, stored.size());
    assertEquals(first.openTicks(30), stored.openTicks(30), "the stored bar wins");
  }

  @Test
  void anUpdateClosedWithoutCommitLeavesNoTrace() throws IOException {
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      update.merge(bars("2024-03-04T14:30:00Z", 100, 20_000), SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
    }
    assertEquals(List.of(), store.symbols());
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(dir, dir.resolve(BarStore.STORE_MARKER)), files.sorted().collect(Collectors.toList()),
          "only the store marker remains");
    }
  }

  @Test
  void aCommitInterruptedAfterItsJournalIsFinishedByTheNextOpen() throws IOException {
    BarSeries bars = bars("2024-03-04T14:30:00Z", 100, 20_000);
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    StoreUpdate update = store.update();
    update.merge(bars, SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
    update.writeJournal();
    // The writer "dies" here: its journal is written, nothing is applied, and its lock names a dead process.
    assertEquals(List.of(), store.symbols());
    Files.writeString(dir.resolve(BarStore.LOCK_FILE), "2147483646@" + java.net.InetAddress.getLocalHost().getHostName());
    BarStore reopened = BarStore.open(dir.toString(), CATALOG);
    assertTrue(bars.sameBarsAs(reopened.read("MES")));
    assertFalse(Files.exists(dir.resolve(BarStore.LOCK_FILE)));
    assertFalse(Files.exists(dir.resolve(BarStore.STAGING_DIR)) && Files.list(dir.resolve(BarStore.STAGING_DIR)).findAny().isPresent());
  }

  @Test
  void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() {
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate first = store.update()) {
      InputException refused = assertThrows(InputException.class, store::update);
      assertTrue(refused.getMessage().contains("another plateau process is writing"), refused.getMessage());
    }
    store.update().close(); // free again once the first is closed
  }

  @Test
  void aDirectoryThatIsNotAStoreIsRefused() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "hello");
    InputException refused = assertThrows(InputException.class, () -> BarStore.open(dir.toString(), CATALOG));
    assertTrue(refused.getMessage().contains("not a Plateau bar store"), refused.getMessage());
  }

  @Test
  void barsWithoutAggressorVolumeCannotJoinBarsWithIt() {
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      update.merge(bars("2024-03-04T14:30:00Z", 10, 20_000), SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      update.commit();
    }
    BarSeries.Builder plain = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    plain.add(Instant.parse("2024-03-04T16:00:00Z").toEpochMilli(), 20_000, 20_001, 19_999, 20_000, 5, -1, -1, null);
    try (StoreUpdate update = store.update()) {
      assertThrows(InputException.class,
          () -> update.merge(plain.build(), SymbolMetadata.Origin.INGESTED, List.of(SOURCE)));
    }
  }

  @Test
  void aYearWithoutAggressorVolumeCannotJoinASymbolThatHasIt() {
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      update.merge(bars("2023-03-06T14:30:00Z", 10, 20_000), SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      update.commit();
    }
    assertEquals(java.util.Optional.of(true), store.hasAggressorVolume("MES"));
    BarSeries.Builder nextYear = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    nextYear.add(Instant.parse("2024-03-04T16:00:00Z").toEpochMilli(), 20_000, 20_001, 19_999, 20_000, 5, -1, -1,
        null);
    try (StoreUpdate update = store.update()) {
      InputException refused = assertThrows(InputException.class,
          () -> update.merge(nextYear.build(), SymbolMetadata.Origin.INGESTED, List.of(SOURCE)));
      assertTrue(refused.getMessage().contains("aggressor"), refused.getMessage());
    }
  }

  @Test
  void noChecksumFilesAreWrittenNextToTheData() throws IOException {
    BarStore store = BarStore.open(dir.toString(), CATALOG);
    try (StoreUpdate update = store.update()) {
      update.merge(bars("2024-03-04T14:30:00Z", 10, 20_000), SymbolMetadata.Origin.INGESTED, List.of(SOURCE));
      update.commit();
    }
    assertTrue(listing().keySet().stream().noneMatch(name -> name.endsWith(".crc")), listing().toString());
  }

  private Map<String, Long> listing() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      Map<String, Long> result = new TreeMap<>();
      for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
        result.put(dir.relativize(file).toString(), Files.getLastModifiedTime(file).toMillis());
      }
      return result;
    }
  }
}
