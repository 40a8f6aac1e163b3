package io.plateau.data;

import io.plateau.bar.BarSeries;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One all-or-nothing write to a {@link BarStore}.
 *
 * <p>Everything is first written under {@code _staging/TX/}. {@link #commit()} then writes a journal listing
 * the files to move into place and the files they replace, moves and deletes accordingly, and removes the
 * journal. A crash before the journal exists leaves the store as it was (the staging area is swept later); a
 * crash after it is finished by the next {@link BarStore#open}. Closing an update that was not committed
 * discards it. The store's lock keeps other writers out meanwhile.
 *
 * <p>Merges read the committed state, so a symbol's bars of one year (and a contract's bars) may be merged at
 * most once per update. {@link #merge} of different years and {@link #writeYear} may run on several threads.
 */
public final class StoreUpdate implements AutoCloseable {

  /** One file moved into place at commit. */
  record Move(String from, String to) {}

  /** What a commit does; written before it does it, so a crash can be rolled forward. */
  record Journal(List<Move> moves, List<String> deletes) {}

  private final BarStore store;
  private final String txId;
  private final Path staging;
  private final List<Move> moves = new ArrayList<>();
  private final List<String> deletes = new ArrayList<>();
  private final Map<String, SymbolMetadata> metadata = new LinkedHashMap<>();
  private boolean finished;

  StoreUpdate(BarStore store) {
    this.store = store;
    store.acquireLock();
    store.markAsStore();
    this.txId = Long.toString(System.currentTimeMillis(), 36) + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.staging = new Path(new Path(store.root(), BarStore.STAGING_DIR), txId);
  }

  /**
   * Merges {@code incoming} into the symbol's continuous series: bars the store lacks are added, bars it has
   * with the same values are counted as identical, bars it has with other values are reported as conflicts and
   * left as stored. Records {@code sources} in the metadata, except those whose hash is already there.
   */
  public MergeReport merge(BarSeries incoming, SymbolMetadata.Origin origin, List<SourceRecord> sources) {
    String symbol = incoming.symbol();
    SymbolMetadata current = currentMetadata(symbol);
    if (current != null && current.origin() != origin) {
      throw new InputException(store.location() + ": " + symbol + " holds " + describe(current.origin())
          + "; it cannot also take " + describe(origin) + " (use another store, or remove symbol=" + symbol + ")");
    }
    requireSameInterval(current, incoming);
    store.hasAggressorVolume(symbol).filter(stored -> stored != incoming.hasAggressorVolume()).ifPresent(stored -> {
      throw new InputException(store.location() + ": " + symbol + "'s bars " + (stored ? "have" : "lack")
          + " buy/sell aggressor volume and the incoming bars " + (stored ? "lack" : "have")
          + " it; one symbol keeps one kind, or reading it whole would drop the split");
    });
    SymbolMetadata base = current != null ? current : new SymbolMetadata(symbol, incoming.interval().toString(),
        incoming.instrument().tickSize(), origin, null, List.of(), List.of());
    int added = 0;
    int identical = 0;
    List<BarConflict> conflicts = new ArrayList<>();
    // Years are independent partitions: merge and write them in parallel, then sum in year order.
    List<MergedBars> years = yearRanges(incoming).parallelStream()
        .map(range -> mergeYear(incoming, range[0], range[1], range[2]))
        .toList();
    for (MergedBars year : years) {
      added += year.added();
      identical += year.identical();
      conflicts.addAll(year.conflicts());
    }
    if (current == null || added > 0) {
      synchronized (this) {
        metadata.put(symbol, base.withSources(sources));
      }
    }
    return new MergeReport(symbol, null, incoming.size(), added, identical, conflicts, null);
  }

  /** Merges bars {@code [from, to)} of {@code incoming}, all of trading-date year {@code year}, into that partition. */
  private MergedBars mergeYear(BarSeries incoming, int from, int to, int year) {
    Path dir = store.yearDir(incoming.symbol(), year);
    BarSeries.Builder existing = BarSeries.builder(incoming.instrument(), incoming.interval());
    store.readFiles(dir, existing, incoming.instrument());
    if (existing.size() == 0) {
      stageReplacement(dir, incoming, from, to);
      return new MergedBars(null, to - from, 0, List.of());
    }
    MergedBars merged = MergedBars.merge(existing.build(), incoming, from, to, null);
    if (merged.added() > 0) {
      stageReplacement(dir, merged.bars(), 0, merged.bars().size());
    }
    return merged;
  }

  /** {@code [from, to, year]} of each trading-date year in {@code series}, in order. */
  private static List<int[]> yearRanges(BarSeries series) {
    List<int[]> ranges = new ArrayList<>();
    int[] days = series.tradingDayUnsafe();
    int from = 0;
    while (from < days.length) {
      int year = LocalDate.ofEpochDay(days[from]).getYear();
      long nextYear = LocalDate.of(year + 1, 1, 1).toEpochDay();
      int to = from;
      while (to < days.length && days[to] < nextYear) {
        to++;
      }
      ranges.add(new int[] {from, to, year});
      from = to;
    }
    return ranges;
  }

  /**
   * Merges raw bars of one contract (before back-adjustment) into {@code _contracts}, as {@link #merge} does. The
   * symbol's metadata is left to {@link #replaceSeries}, which writes the series rebuilt from the contracts.
   */
  public MergeReport mergeContract(String contract, BarSeries incoming) {
    String symbol = incoming.symbol();
    SymbolMetadata current = currentMetadata(symbol);
    if (current != null && current.origin() != SymbolMetadata.Origin.CONTRACTS) {
      throw new InputException(store.location() + ": " + symbol + " holds " + describe(current.origin())
          + "; it cannot also take per-contract files (use another store, or remove symbol=" + symbol + ")");
    }
    requireSameInterval(current, incoming);
    BarSeries.Builder existing = BarSeries.builder(incoming.instrument(), incoming.interval());
    Path dir = store.contractDir(symbol, contract);
    store.readFiles(dir, existing, incoming.instrument());
    MergedBars merged = MergedBars.merge(existing.build(), incoming, 0, incoming.size(), contract);
    if (merged.added() > 0) {
      stageReplacement(dir, merged.bars(), 0, merged.bars().size());
    }
    return new MergeReport(symbol, contract, incoming.size(), merged.added(), merged.identical(),
        merged.conflicts(), merged.bars());
  }

  /**
   * Replaces the symbol's whole continuous series with {@code series} (every year rewritten, years it no longer
   * covers removed) and its metadata with {@code newMetadata}. For series derived from per-contract bars,
   * whose back-adjustment changes all history when a contract is added, and for regenerated data.
   */
  public void replaceSeries(BarSeries series, SymbolMetadata newMetadata) {
    removeSymbolYears(series.symbol());
    yearRanges(series).parallelStream().forEach(range -> writeYear(series, range[0], range[1]));
    setMetadata(newMetadata);
  }

  /** Schedules every year of {@code symbol} for removal at commit (years written in this update are kept). */
  public void removeSymbolYears(String symbol) {
    for (int year : store.years(symbol)) {
      for (Path file : store.parquetFiles(store.yearDir(symbol, year))) {
        synchronized (this) {
          deletes.add(file.toString());
        }
      }
    }
  }

  /**
   * Writes bars {@code [from, to)} of {@code series}, which must all fall in one trading-date year, as that year's
   * partition, replacing what the store has for it. Thread-safe: years can be written in parallel.
   */
  public void writeYear(BarSeries series, int from, int to) {
    if (from >= to) {
      return;
    }
    int year = LocalDate.ofEpochDay(series.tradingDay(from)).getYear();
    int lastYear = LocalDate.ofEpochDay(series.tradingDay(to - 1)).getYear();
    if (year != lastYear) {
      throw new IllegalArgumentException("writeYear takes one trading-date year, got " + year + ".." + lastYear);
    }
    stageReplacement(store.yearDir(series.symbol(), year), series, from, to);
  }

  /** Sets the symbol's metadata written at commit. */
  public synchronized void setMetadata(SymbolMetadata newMetadata) {
    metadata.put(newMetadata.symbol(), newMetadata);
  }

  /** Whether committing would change the store. */
  public synchronized boolean hasChanges() {
    return !moves.isEmpty() || !deletes.isEmpty() || !metadata.isEmpty();
  }

  /** Makes every staged change visible at once (see the class comment), then releases the lock. */
  public void commit() {
    if (finished) {
      throw new IllegalStateException("update " + txId + " is already finished");
    }
    try {
      if (hasChanges()) {
        applyJournal(store, writeJournal());
      }
      store.removeStaging(staging);
    } catch (IOException e) {
      // Without a journal the staged files are swept by the next open; with one, the next open finishes the commit.
      throw new UncheckedIOException("commit of update " + txId + " to " + store.location() + " failed", e);
    } finally {
      finished = true;
      store.releaseLock();
    }
  }

  /** Discards the update if it was not committed. */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      store.removeStaging(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove staging area " + staging, e);
    } finally {
      store.releaseLock();
    }
  }

  /**
   * Stages the metadata, then writes the journal: the commit point. Before the journal's
   * rename nothing is visible; after it, the journal is applied now or by the next {@link BarStore#open}.
   */
  Path writeJournal() throws IOException {
    FileSystem fs = store.fs();
    stageMetadata();
    Path journalDir = new Path(store.root(), BarStore.JOURNAL_DIR);
    fs.mkdirs(journalDir);
    Path journal = new Path(journalDir, txId + ".json");
    Path journalTemp = new Path(staging, "journal.json");
    writeJson(journalTemp, new Journal(List.copyOf(moves), List.copyOf(deletes)));
    if (!fs.rename(journalTemp, journal)) {
      throw new IOException("cannot rename " + journalTemp + " to " + journal);
    }
    return journal;
  }

  /** Applies a journal: idempotent, so a crash while applying it is mended by applying it again. */
  static void applyJournal(BarStore store, Path journalFile) throws IOException {
    FileSystem fs = store.fs();
    Journal journal;
    try (InputStream in = fs.open(journalFile)) {
      journal = StoreJson.MAPPER.readValue(in, Journal.class);
    }
    for (Move move : journal.moves()) {
      Path from = new Path(move.from());
      Path to = new Path(move.to());
      if (!fs.exists(from)) {
        continue; // moved by an earlier, interrupted application
      }
      fs.mkdirs(to.getParent());
      if (fs.exists(to)) {
        fs.delete(to, false);
      }
      if (!fs.rename(from, to)) {
        throw new IOException("cannot move " + from + " to " + to);
      }
    }
    for (String delete : journal.deletes()) {
      fs.delete(new Path(delete), false);
    }
    fs.delete(journalFile, false);
    store.deleteIfEmpty(journalFile.getParent());
  }

  private SymbolMetadata currentMetadata(String symbol) {
    synchronized (this) {
      SymbolMetadata staged = metadata.get(symbol);
      if (staged != null) {
        return staged;
      }
    }
    return store.metadata(symbol).orElse(null);
  }

  private void requireSameInterval(SymbolMetadata current, BarSeries incoming) {
    if (current != null && !current.interval().equals(incoming.interval().toString())) {
      throw new InputException(store.location() + ": " + incoming.symbol() + " holds " + current.interval()
          + " bars; incoming bars are " + incoming.interval() + " (one interval per symbol; resample instead)");
    }
  }

  private static String describe(SymbolMetadata.Origin origin) {
    return switch (origin) {
      case SYNTHETIC -> "generated (synthetic) bars";
      case INGESTED -> "an ingested continuous series";
      case CONTRACTS -> "a series built from per-contract files";
    };
  }

  /** Writes bars {@code [from, to)} to a staged file that replaces every current file of {@code targetDir}. */
  private void stageReplacement(Path targetDir, BarSeries series, int from, int to) {
    String relative = store.root().toUri().relativize(targetDir.toUri()).getPath();
    String fileName = "part-" + txId + ".parquet";
    Path staged = new Path(new Path(staging, relative), fileName);
    try {
      BarParquetWriter.write(store.fs(), staged, series, from, to);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + staged, e);
    }
    List<Path> replaced = store.parquetFiles(targetDir);
    synchronized (this) {
      moves.add(new Move(staged.toString(), new Path(targetDir, fileName).toString()));
      for (Path old : replaced) {
        deletes.add(old.toString());
      }
    }
  }

  private void stageMetadata() throws IOException {
    for (SymbolMetadata symbolMetadata : metadata.values()) {
      Path target = new Path(store.symbolDir(symbolMetadata.symbol()), BarStore.SYMBOL_METADATA);
      Path staged = new Path(new Path(staging, "symbol=" + symbolMetadata.symbol()), BarStore.SYMBOL_METADATA);
      writeJson(staged, symbolMetadata);
      moves.add(new Move(staged.toString(), target.toString()));
    }
  }

  private void writeJson(Path path, Object value) throws IOException {
    try (OutputStream out = store.fs().create(path, true)) {
      StoreJson.MAPPER.writeValue(out, value);
    }
  }
}
