package io.plateau.data;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The bar store: a Parquet dataset of continuous bar series, one Hive partition per symbol and trading-date
 * year, plus raw per-contract bars and small JSON metadata files.
 *
 * <pre>
 * STORE/
 *   _store.json                                      marks the directory as a bar store (format version)
 *   symbol=MES/_symbol.json                          {@link SymbolMetadata}: origin, interval, rolls, sources
 *   symbol=MES/year=2024/part-TX.parquet             the continuous series, {@link BarSchema}
 *   _contracts/symbol=MES/contract=MESH24/part-TX.parquet   per-contract bars before back-adjustment
 *   _journal/TX.json, _staging/TX/, _lock            the write protocol (see {@link StoreUpdate})
 * </pre>
 *
 * Names starting with {@code _} are skipped by Spark's and pyarrow's dataset discovery, so the store root reads
 * as one dataset with columns {@code symbol} and {@code year} from the paths. Plain Java (parquet-hadoop) and
 * Spark both read and write it. The location is a local path or any URI the Hadoop client knows
 * ({@code hdfs://}, {@code s3a://}).
 *
 * <p>Writes go through {@link #update()}: staged, then committed by a journal so that a failure never leaves a
 * half-written store. Reading a store with a committed-but-unapplied journal (a crash mid-commit) first
 * finishes that commit.
 */
public final class BarStore {

  static final String STORE_MARKER = "_store.json";
  static final String SYMBOL_METADATA = "_symbol.json";
  static final String CONTRACTS_DIR = "_contracts";
  static final String JOURNAL_DIR = "_journal";
  static final String STAGING_DIR = "_staging";
  static final String LOCK_FILE = "_lock";
  private static final String PARQUET_SUFFIX = ".parquet";

  private final FileSystem fs;
  private final Path root;
  private final InstrumentCatalog catalog;

  private BarStore(FileSystem fs, Path root, InstrumentCatalog catalog) {
    this.fs = fs;
    this.root = root;
    this.catalog = catalog;
  }

  /**
   * Opens the store at {@code location} (created by the first commit if it does not exist). A directory that
   * exists, is not empty and lacks {@code _store.json} is refused: it is not a bar store.
   */
  public static BarStore open(String location, InstrumentCatalog catalog) {
    try {
      Configuration conf = new Configuration();
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(conf);
      if (fs instanceof LocalFileSystem local) {
        // The checksum file system would litter the store with .crc files that other readers do not expect.
        fs = local.getRawFileSystem();
      }
      Path root = fs.makeQualified(path);
      if (fs.exists(root)) {
        if (!fs.getFileStatus(root).isDirectory()) {
          throw new InputException(location + ": a bar store is a directory, this is a file");
        }
        if (!fs.exists(new Path(root, STORE_MARKER)) && fs.listStatus(root).length > 0) {
          throw new InputException(location + ": not a Plateau bar store (no " + STORE_MARKER
              + ") and not empty; choose an empty or new directory");
        }
      }
      BarStore store = new BarStore(fs, root, catalog);
      store.finishInterruptedCommits();
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open bar store " + location, e);
    }
  }

  public String location() {
    return root.toString();
  }

  public InstrumentCatalog catalog() {
    return catalog;
  }

  /** Symbols with a continuous series, sorted. */
  public List<String> symbols() {
    List<String> symbols = new ArrayList<>();
    for (FileStatus status : list(root)) {
      String name = status.getPath().getName();
      if (status.isDirectory() && name.startsWith("symbol=")) {
        symbols.add(name.substring("symbol=".length()));
      }
    }
    symbols.sort(null);
    return symbols;
  }

  /** The symbol's metadata, empty when the store lacks the symbol. */
  public Optional<SymbolMetadata> metadata(String symbol) {
    Path file = new Path(symbolDir(symbol), SYMBOL_METADATA);
    try {
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(file)) {
        return Optional.of(StoreJson.MAPPER.readValue(in, SymbolMetadata.class));
      }
    } catch (IOException e) {
      throw new InputException(file + ": unreadable symbol metadata: " + e.getMessage(), e);
    }
  }

  /** Trading-date years with data for {@code symbol}, ascending. */
  public List<Integer> years(String symbol) {
    List<Integer> years = new ArrayList<>();
    for (FileStatus status : list(symbolDir(symbol))) {
      String name = status.getPath().getName();
      if (status.isDirectory() && name.startsWith("year=")) {
        years.add(Integer.parseInt(name.substring("year=".length())));
      }
    }
    years.sort(null);
    return years;
  }

  /** The whole continuous series of {@code symbol}. */
  public BarSeries read(String symbol) {
    return read(symbol, null, null);
  }

  /**
   * The continuous series of {@code symbol} for trading dates {@code [first, last]}; a null bound is open.
   * Only the partitions of the years concerned are read.
   */
  public BarSeries read(String symbol, LocalDate first, LocalDate last) {
    SymbolMetadata metadata = metadata(symbol).orElseThrow(() -> new InputException(symbols().contains(symbol)
        ? symbolDir(symbol) + " lacks " + SYMBOL_METADATA + ": not written by Plateau, or its commit was lost"
        : root + ": no symbol '" + symbol + "' in the store; it has " + symbols()));
    Instrument instrument = catalog.get(symbol);
    BarInterval interval = intervalOf(metadata);
    List<Integer> years = years(symbol).stream()
        .filter(year -> (first == null || year >= first.getYear()) && (last == null || year <= last.getYear()))
        .toList();
    // Year partitions decode independently: on the common pool's cores, then joined in year order.
    List<BarSeries> parts = years.parallelStream().map(year -> {
      BarSeries.Builder part = BarSeries.builder(instrument, interval);
      readFiles(yearDir(symbol, year), part, instrument);
      return part.build();
    }).toList();
    BarSeries.Builder builder = BarSeries.builder(instrument, interval);
    parts.forEach(builder::addAll);
    BarSeries all = builder.build();
    if (first == null && last == null) {
      return all;
    }
    return sliceByTradingDate(all, first, last);
  }

  /**
   * Verifies each file {@link #read(String, LocalDate, LocalDate)} would read for the same arguments (see {@link
   * VerifiedBarFile}), in path order; throws {@link InputException} naming the first bad file. Files are hashed in
   * parallel; nothing is kept in memory.
   */
  public List<VerifiedBarFile> verify(String symbol, LocalDate first, LocalDate last) {
    Instrument instrument = catalog.get(symbol);
    BarInterval interval = metadata(symbol).map(BarStore::intervalOf).orElse(BarInterval.ONE_MINUTE);
    List<Path> files = new ArrayList<>();
    for (int year : years(symbol)) {
      if ((first == null || year >= first.getYear()) && (last == null || year <= last.getYear())) {
        files.addAll(parquetFiles(yearDir(symbol, year)));
      }
    }
    return files.parallelStream().map(file -> VerifiedBarFile.verify(fs, file, instrument, interval)).toList();
  }

  /** Contracts with raw per-contract bars for {@code symbol}, sorted by code. */
  public List<String> contracts(String symbol) {
    List<String> contracts = new ArrayList<>();
    for (FileStatus status : list(contractsDir(symbol))) {
      String name = status.getPath().getName();
      if (status.isDirectory() && name.startsWith("contract=")) {
        contracts.add(name.substring("contract=".length()));
      }
    }
    contracts.sort(null);
    return contracts;
  }

  /** The raw (unadjusted) bars of one contract of {@code symbol}. */
  public BarSeries readContract(String symbol, String contract) {
    Instrument instrument = catalog.get(symbol);
    BarInterval interval = metadata(symbol).map(BarStore::intervalOf).orElse(BarInterval.ONE_MINUTE);
    BarSeries.Builder builder = BarSeries.builder(instrument, interval);
    readFiles(contractDir(symbol, contract), builder, instrument);
    return builder.build();
  }

  /**
   * Whether the symbol's stored bars carry buy/sell aggressor volume, from the footer statistics of its latest
   * year (a null count equal to the row count means absent); empty when the store has no bars for it.
   */
  public Optional<Boolean> hasAggressorVolume(String symbol) {
    List<Integer> stored = years(symbol);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    for (Path file : parquetFiles(yearDir(symbol, stored.get(stored.size() - 1)))) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, fs.getConf()))) {
        for (BlockMetaData block : reader.getFooter().getBlocks()) {
          for (ColumnChunkMetaData column : block.getColumns()) {
            if (column.getPath().toDotString().equals(BarSchema.BUY_VOLUME)) {
              return Optional.of(column.getStatistics().getNumNulls() < block.getRowCount());
            }
          }
        }
        return Optional.of(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the footer of " + file, e);
      }
    }
    return Optional.empty();
  }

  /** Bytes on disk of the symbol's continuous series (all years; metadata and per-contract bars excluded). */
  public long sizeBytes(String symbol) {
    long bytes = 0;
    for (int year : years(symbol)) {
      for (FileStatus status : list(yearDir(symbol, year))) {
        bytes += status.getLen();
      }
    }
    return bytes;
  }

  /**
   * The state of the symbol's continuous series on disk: each year's files by name, length and modification time.
   * An update replaces the files it changes, so a reader that caches bars compares this to see when to read again.
   */
  public String version(String symbol) {
    StringBuilder version = new StringBuilder();
    for (int year : years(symbol)) {
      for (FileStatus status : list(yearDir(symbol, year))) {
        version.append(year).append('/').append(status.getPath().getName()).append(':').append(status.getLen())
            .append(':').append(status.getModificationTime()).append(';');
      }
    }
    return version.toString();
  }

  /** Starts a write. Only one update may be open per store at a time: the lock file enforces it. */
  public StoreUpdate update() {
    return new StoreUpdate(this);
  }

  // ---- paths and file-system helpers shared with StoreUpdate ----

  FileSystem fs() {
    return fs;
  }

  Path root() {
    return root;
  }

  Path symbolDir(String symbol) {
    return new Path(root, "symbol=" + symbol);
  }

  Path yearDir(String symbol, int year) {
    return new Path(symbolDir(symbol), "year=" + year);
  }

  Path contractsDir(String symbol) {
    return new Path(new Path(root, CONTRACTS_DIR), "symbol=" + symbol);
  }

  Path contractDir(String symbol, String contract) {
    return new Path(contractsDir(symbol), "contract=" + contract);
  }

  /** The Parquet files directly in {@code dir}, by name; empty if it does not exist. */
  List<Path> parquetFiles(Path dir) {
    List<Path> files = new ArrayList<>();
    for (FileStatus status : list(dir)) {
      String name = status.getPath().getName();
      if (status.isFile() && name.endsWith(PARQUET_SUFFIX) && !name.startsWith("_") && !name.startsWith(".")) {
        files.add(status.getPath());
      }
    }
    files.sort(null);
    return files;
  }

  /**
   * Appends the bars of every file in {@code dir}. A file that cannot be decoded is bad input, named in the message
   * (Parquet's own errors name no file, or only inside a stack trace).
   */
  void readFiles(Path dir, BarSeries.Builder builder, Instrument instrument) {
    for (Path file : parquetFiles(dir)) {
      try {
        BarParquetReader.read(fs, file, builder, instrument.tickGrid());
      } catch (InputException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new InputException(file + ": cannot read its bars, the file is truncated or corrupt (" + e.getMessage()
            + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()) + ")", e);
      }
    }
  }

  FileStatus[] list(Path dir) {
    try {
      return fs.exists(dir) ? fs.listStatus(dir) : new FileStatus[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  static BarInterval intervalOf(SymbolMetadata metadata) {
    String text = metadata.interval();
    if (text.equals("1d")) {
      return BarInterval.DAILY;
    }
    if (text.endsWith("m")) {
      return BarInterval.ofMinutes(Integer.parseInt(text.substring(0, text.length() - 1)));
    }
    throw new InputException("symbol " + metadata.symbol() + ": bad interval '" + text + "' in metadata");
  }

  static BarSeries sliceByTradingDate(BarSeries series, LocalDate first, LocalDate last) {
    int[] days = series.tradingDayUnsafe();
    int from = 0;
    int to = days.length;
    if (first != null) {
      long firstDay = first.toEpochDay();
      while (from < to && days[from] < firstDay) {
        from++;
      }
    }
    if (last != null) {
      long lastDay = last.toEpochDay();
      while (to > from && days[to - 1] > lastDay) {
        to--;
      }
    }
    return from == 0 && to == days.length ? series : series.slice(from, to);
  }

  // ---- lock and journal recovery ----

  /** Takes the writer lock, or fails naming the holder; a lock left by a dead process on this host is taken over. */
  void acquireLock() {
    Path lock = new Path(root, LOCK_FILE);
    String me = ProcessHandle.current().pid() + "@" + hostName();
    try {
      fs.mkdirs(root);
      if (fs.exists(lock)) {
        String holder = readText(lock).trim();
        if (!isDeadLocalProcess(holder)) {
          throw new InputException(root + ": another plateau process is writing this store (" + LOCK_FILE + " held by "
              + holder + "); wait for it, or delete " + lock + " if that process is gone");
        }
        fs.delete(lock, false);
      }
      try (OutputStream out = fs.create(lock, false)) {
        out.write((me + " " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock store " + root, e);
    }
  }

  void releaseLock() {
    try {
      fs.delete(new Path(root, LOCK_FILE), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unlock store " + root, e);
    }
  }

  private static boolean isDeadLocalProcess(String holder) {
    String[] parts = holder.split("[@ ]");
    if (parts.length < 2 || !parts[1].equals(hostName())) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(parts[0])).map(handle -> !handle.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  /** Writes {@code _store.json} if missing, so a directory being written is recognisably a store. */
  void markAsStore() {
    Path marker = new Path(root, STORE_MARKER);
    try {
      if (!fs.exists(marker)) {
        try (OutputStream out = fs.create(marker, false)) {
          StoreJson.MAPPER.writeValue(out, java.util.Map.of("format", "plateau-bar-store", "version", 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + marker, e);
    }
  }

  /** Removes one update's staging area, and the staging directory itself once no update uses it. */
  void removeStaging(Path updateStaging) throws IOException {
    fs.delete(updateStaging, true);
    deleteIfEmpty(updateStaging.getParent());
  }

  void deleteIfEmpty(Path dir) throws IOException {
    if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
      fs.delete(dir, false);
    }
  }

  String readText(Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Applies journals a crashed commit left behind and removes staging areas of updates that never committed. */
  private void finishInterruptedCommits() throws IOException {
    Path journalDir = new Path(root, JOURNAL_DIR);
    Path stagingDir = new Path(root, STAGING_DIR);
    boolean pendingJournal = list(journalDir).length > 0;
    boolean leftoverStaging = list(stagingDir).length > 0;
    if (!pendingJournal && !leftoverStaging) {
      return;
    }
    Path lock = new Path(root, LOCK_FILE);
    if (fs.exists(lock) && !isDeadLocalProcess(readText(lock).trim())) {
      return; // a live writer is mid-update; it finishes its own commit
    }
    acquireLock();
    try {
      FileStatus[] journals = list(journalDir);
      Arrays.sort(journals);
      for (FileStatus journal : journals) {
        StoreUpdate.applyJournal(this, journal.getPath());
      }
      fs.delete(stagingDir, true);
      deleteIfEmpty(journalDir);
    } finally {
      releaseLock();
    }
  }
}
