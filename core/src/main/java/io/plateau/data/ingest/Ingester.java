package io.plateau.data.ingest;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.bar.ContinuousContract;
import io.plateau.bar.Roll;
import io.plateau.instrument.ExchangeClock;
import io.plateau.instrument.FuturesContract;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.SessionSchedule;
import io.plateau.instrument.TickGrid;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads vendor files into one checked bar series: the entry point of {@code plateau ingest}.
 *
 * <pre>
 *  file(s) ─▶ LineReader ─▶ RowParser (format) ─▶ row checks ─▶ contract sink (order, duplicates, spikes; trades → bars)
 *                                                      │                              │
 *                                                 rejections ─▶ RejectionSink     per-contract series ─▶ ContinuousContract
 * </pre>
 *
 * <p>Per row, in this order (the order of {@link RejectReason}; a row gets the first reason it fails): the
 * parser's checks (fields, numbers, time stamp), the contract (from the {@code symbol} column, else the file
 * name), prices finite and positive, volumes not negative, buy + sell within volume, high ≥ low, open and close in
 * [low, high], prices on the tick grid, the local time existing (DST), the bar start inside the instrument's
 * session ({@link SessionSchedule#isScheduled}), then the contract sink's order, duplicate and spike checks.
 *
 * <p>Time stamps become bar starts in UTC: naive times are placed in the {@code --tz} zone or the format's
 * default, end-stamped 1-minute bars move back one minute, and a daily bar starts at its trading date's session
 * open (17:00 CT the evening before, for CME). Trades are bucketed into 1-minute bars by their own time.
 *
 * <p>Contracts: a file whose name holds a contract code of the instrument ({@code MESH24.csv}, {@code MESH4},
 * NinjaTrader's {@code MES 03-24.Last.txt}) holds that contract; a Databento {@code symbol} column names the
 * contract row by row. Per-contract bars are joined by {@link ContinuousContract#backAdjust} under the roll rule.
 * Files that name no contract form one series as they are; mixing the two is an input error.
 *
 * <p>Single-threaded and fast: the reading loop works on the bytes of a large buffer and allocates nothing per
 * accepted row (see the benchmark {@code IngestBenchmark}). Rejections, being rare, may allocate freely.
 */
public final class Ingester {

  private static final String MONTH_CODES = "FGHJKMNQUVXZ";
  private static final Pattern NINJATRADER_CONTRACT = Pattern.compile("(?:^|[^A-Z0-9])([A-Z0-9]+) (\\d{2})-(\\d{2})(?:[^0-9]|$)");
  private static final List<String> UNSUPPORTED_COMPRESSION = List.of(".zst", ".zip", ".bz2", ".xz", ".7z");

  private final VendorFormat format;
  private final Instrument instrument;
  private final IngestOptions options;
  private final Path input;
  private final List<Path> files;
  private final Tally tally;
  private final SessionSchedule sessions;
  private final TickGrid grid;
  private final ExchangeClock clock;
  private final SessionMemo sessionMemo;
  private final Row row = new Row();

  private final Map<FuturesContract, ContractSink> contractSinks = new TreeMap<>();
  private ContractSink plainSink;
  /** The first file that named no contract, for the error when others do. */
  private String plainFile;
  private RowParser.Shape shape;
  private String shapeFile;

  private long memoTradingDay = Long.MIN_VALUE;
  private long memoDailyStart;

  private Ingester(IngestRequest request, RejectionSink rejections) {
    this.format = request.format();
    this.instrument = request.instrument();
    this.options = request.options();
    this.input = request.input();
    this.files = listFiles(input);
    this.sessions = instrument.sessions();
    this.grid = instrument.tickGrid();
    this.clock = new ExchangeClock(sessions.timeZone());
    this.sessionMemo = new SessionMemo(sessions);
    String[] names = files.stream().map(f -> f.getFileName().toString()).toArray(String[]::new);
    this.tally = new Tally(names, options.onError(), rejections);
    checkOptions();
  }

  /**
   * Reads, checks and joins the input of {@code request}, sending each rejected row to {@code rejections} as it is
   * found. Row problems never throw: they are counted and rejected ({@code quarantine}) or end the ingest with
   * {@link IngestResult#firstProblem()} set ({@code fail}).
   *
   * @throws InputException when the input as a whole cannot be read as asked: no such file, no files in the
   *     directory, a file not in the format, naive times without a zone, files of different bar kinds, files with
   *     and without contracts, contracts that cannot be joined
   */
  public static IngestResult run(IngestRequest request, RejectionSink rejections) {
    return new Ingester(request, rejections).run();
  }

  private void checkOptions() {
    if (options.timeZone().isPresent() && !format.acceptsTimeZone()) {
      throw new InputException("--tz does not apply to " + format.configName()
          + ": its time stamps are UTC nanoseconds");
    }
    if (options.barStamp().isPresent() && format.defaultBarStamp().isEmpty()) {
      throw new InputException("--bar-time does not apply to " + format.configName()
          + ": it holds trades, which are stamped with their own time");
    }
  }

  private IngestResult run() {
    try {
      for (int f = 0; f < files.size(); f++) {
        read(f, files.get(f));
      }
      for (ContractSink sink : allSinks()) {
        sink.finish();
      }
    } catch (Tally.Stop stop) {
      BarSeries empty = BarSeries.builder(instrument, interval()).build();
      return new IngestResult(empty, List.of(), report(empty, List.of(), Optional.of(stop.rejection)), files,
          new int[0], new long[0], List.of());
    }
    if (plainSink != null && !contractSinks.isEmpty()) {
      throw new InputException(plainFile + " names no contract but other files hold contracts ("
          + contractSinks.keySet().iterator().next() + ", ...); ingest per-contract files and continuous files"
          + " separately");
    }
    BarSeries series;
    List<Roll> rolls = List.of();
    List<IngestResult.ContractBars> contractBars = new ArrayList<>();
    if (contractSinks.isEmpty()) {
      series = plainSink == null ? BarSeries.builder(instrument, interval()).build()
          : plainSink.bars.toSeries(instrument, interval(), null);
    } else {
      Map<String, BarSeries> byContract = new LinkedHashMap<>();
      for (ContractSink sink : contractSinks.values()) {
        BarSeries bars = sink.bars.toSeries(instrument, interval(), sink.contract);
        byContract.put(sink.contract, bars);
        contractBars.add(new IngestResult.ContractBars(sink.contract, bars,
            Arrays.copyOf(sink.bars.sourceFile, bars.size()), Arrays.copyOf(sink.bars.sourceLine, bars.size())));
      }
      if (byContract.size() == 1) {
        series = byContract.values().iterator().next();
      } else {
        ContinuousContract continuous = ContinuousContract.backAdjust(instrument, byContract, options.rollRule());
        series = continuous.series();
        rolls = continuous.rolls();
      }
    }
    int[] sourceFile = new int[series.size()];
    long[] sourceLine = new long[series.size()];
    traceSources(series, sourceFile, sourceLine);
    return new IngestResult(series, rolls, report(series, rolls, Optional.empty()), files, sourceFile, sourceLine,
        contractBars);
  }

  private List<ContractSink> allSinks() {
    List<ContractSink> sinks = new ArrayList<>(contractSinks.values());
    if (plainSink != null) {
      sinks.add(plainSink);
    }
    return sinks;
  }

  private BarInterval interval() {
    return shape == RowParser.Shape.DAILY_BARS ? BarInterval.DAILY : BarInterval.ONE_MINUTE;
  }

  /**
   * Finds each bar of the series in its contract's columns, which remember the file and line. The series takes
   * each contract's bars in time order, so one forward cursor per contract finds them all in linear time.
   */
  private void traceSources(BarSeries series, int[] sourceFile, long[] sourceLine) {
    Map<String, ContractSink> byCode = new LinkedHashMap<>();
    for (ContractSink sink : contractSinks.values()) {
      byCode.put(sink.contract, sink);
    }
    Map<ContractSink, int[]> cursors = new LinkedHashMap<>();
    String lastCode = null;
    Columns columns = plainSink == null ? null : plainSink.bars;
    int[] cursor = new int[1];
    for (int i = 0; i < series.size(); i++) {
      String code = series.contract(i);
      if (code != null && !code.equals(lastCode)) {
        ContractSink sink = byCode.get(code);
        columns = sink.bars;
        cursor = cursors.computeIfAbsent(sink, s -> new int[1]);
        lastCode = code;
      }
      long start = series.startMillis(i);
      int at = cursor[0];
      while (columns.startMillis[at] < start) {
        at++;
      }
      assert columns.startMillis[at] == start : "bar " + i + " of the series is not in its contract's columns";
      cursor[0] = at;
      sourceFile[i] = columns.sourceFile[at];
      sourceLine[i] = columns.sourceLine[at];
      tally.barInSeries(sourceFile[i]);
    }
  }

  private IngestReport report(BarSeries series, List<Roll> rolls, Optional<Rejection> stoppedAt) {
    List<FileReport> fileReports = tally.fileReports();
    IngestCounts total = IngestCounts.sum(fileReports.stream().map(FileReport::counts).toList());
    Optional<Instant> first = series.isEmpty() ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(series.startMillis(0)));
    Optional<Instant> last = series.isEmpty() ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(series.startMillis(series.size() - 1)));
    return new IngestReport(format, instrument.symbol(), input.toString(), options, fileReports, total, rolls, series.size(),
        first, last, stoppedAt);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading one file

  /** What one file needs while it is read. */
  private static final class FileState {
    final int index;
    final String name;
    final RowParser parser;
    final LocalTimeResolver resolver;
    final String zoneText;
    final boolean endStamped;
    /** A contract code found in the file name, still to be resolved to a year by the first row. */
    final String nameContract;
    ContractSink fileSink;
    boolean shapeChecked;
    /** Symbol bytes → sink (null: not a contract of the instrument), for files with a symbol column. */
    final List<byte[]> symbols = new ArrayList<>();
    final List<ContractSink> symbolSinks = new ArrayList<>();

    FileState(int index, String name, RowParser parser, ZoneId zone, boolean endStamped, String nameContract) {
      this.index = index;
      this.name = name;
      this.parser = parser;
      this.resolver = zone == null ? null : new LocalTimeResolver(zone);
      this.zoneText = zone == null ? null : zone.getId();
      this.endStamped = endStamped;
      this.nameContract = nameContract;
    }
  }

  private void read(int index, Path path) {
    String name = path.getFileName().toString();
    ZoneId zone = options.timeZone().or(() -> format.defaultTimeZone(instrument)).orElse(null);
    boolean endStamped = options.barStamp().or(format::defaultBarStamp).orElse(BarStamp.START) == BarStamp.END;
    FileState file = new FileState(index, name, format.newParser(name), zone, endStamped,
        contractInFileName(name, instrument.symbol()));
    try (LineReader line = new LineReader(open(path))) {
      boolean first = true;
      RowParser parser = file.parser;
      Row row = this.row;
      while (line.next()) {
        if (line.isBlank()) {
          tally.row(index);
          tally.skip(index, SkipReason.BLANK_LINE);
          continue;
        }
        line.split(parser.delimiter());
        if (first) {
          first = false;
          if (parser.header(line)) {
            continue;
          }
        }
        tally.row(index);
        row.clear();
        int status = parser.parse(line, row);
        if (status == RowParser.OK) {
          accept(file, line, row);
        } else if (status == RowParser.SKIP) {
          tally.skip(index, row.skip);
        } else {
          tally.reject(index, line.lineNumber(), row.reason, row.detail, line.lineText());
        }
      }
    } catch (IOException e) {
      throw new InputException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static InputStream open(Path path) throws IOException {
    String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String extension : UNSUPPORTED_COMPRESSION) {
      if (lower.endsWith(extension)) {
        throw new InputException(path + ": " + extension + " files are not read directly; decompress it first"
            + " (gzip, .gz, is read as it is)");
      }
    }
    InputStream in = Files.newInputStream(path);
    return lower.endsWith(".gz") ? new GZIPInputStream(in, LineReader.BUFFER_BYTES) : in;
  }

  /** The checks and routing of a row the parser accepted. */
  private void accept(FileState file, LineReader line, Row row) {
    if (!file.shapeChecked) {
      checkShape(file);
    }
    ContractSink sink = sinkFor(file, line, row);
    if (sink == null) {
      return;
    }
    if (shape == RowParser.Shape.TRADES) {
      acceptTrade(file, line, row, (TradeSink) sink);
    } else {
      acceptBar(file, line, row, (BarSink) sink);
    }
  }

  private void checkShape(FileState file) {
    file.shapeChecked = true;
    RowParser.Shape fileShape = file.parser.shape();
    if (shape == null) {
      shape = fileShape;
      shapeFile = file.name;
    } else if (shape != fileShape) {
      throw new InputException(file.name + " holds " + describe(fileShape) + " but " + shapeFile + " holds "
          + describe(shape) + "; ingest them separately");
    }
  }

  private static String describe(RowParser.Shape shape) {
    return switch (shape) {
      case MINUTE_BARS -> "1-minute bars";
      case DAILY_BARS -> "daily bars";
      case TRADES -> "trades";
    };
  }

  private void acceptBar(FileState file, LineReader line, Row row, BarSink sink) {
    int index = file.index;
    long lineNumber = line.lineNumber();
    if (!positive(row.open, "open", index, line) || !positive(row.high, "high", index, line)
        || !positive(row.low, "low", index, line) || !positive(row.close, "close", index, line)) {
      return;
    }
    if (row.volume < 0) {
      tally.reject(index, lineNumber, RejectReason.NEGATIVE_VOLUME, "volume " + row.volume + " < 0", line.lineText());
      return;
    }
    if (row.buyVolume != Row.ABSENT) {
      if (row.buyVolume < 0 || row.sellVolume < 0) {
        tally.reject(index, lineNumber, RejectReason.NEGATIVE_VOLUME, "buy volume " + row.buyVolume
            + ", sell volume " + row.sellVolume + ": neither may be < 0", line.lineText());
        return;
      }
      if (row.buyVolume + row.sellVolume > row.volume) {
        tally.reject(index, lineNumber, RejectReason.AGGRESSOR_EXCEEDS_VOLUME, "buy " + row.buyVolume + " + sell "
            + row.sellVolume + " > volume " + row.volume, line.lineText());
        return;
      }
    }
    if (row.high < row.low) {
      tally.reject(index, lineNumber, RejectReason.HIGH_BELOW_LOW, "high " + row.high + " < low " + row.low,
          line.lineText());
      return;
    }
    if (row.open < row.low || row.open > row.high || row.close < row.low || row.close > row.high) {
      tally.reject(index, lineNumber, RejectReason.OPEN_CLOSE_OUTSIDE_RANGE, "open " + row.open + ", close "
          + row.close + ", range [" + row.low + ", " + row.high + "]", line.lineText());
      return;
    }
    if (!onGrid(row.open, "open", index, line) || !onGrid(row.high, "high", index, line)
        || !onGrid(row.low, "low", index, line) || !onGrid(row.close, "close", index, line)) {
      return;
    }
    long start = startMillis(file, line, row);
    if (start == LocalTimeResolver.NONEXISTENT || !inSession(start, index, line)) {
      return;
    }
    // Columns mark a bar without aggressor volume with -1.
    long buy = row.buyVolume == Row.ABSENT ? -1 : row.buyVolume;
    long sell = row.sellVolume == Row.ABSENT ? -1 : row.sellVolume;
    sink.add(start, (int) grid.toTicks(row.open), (int) grid.toTicks(row.high), (int) grid.toTicks(row.low),
        (int) grid.toTicks(row.close), row.volume, buy, sell, index, lineNumber, line);
  }

  private void acceptTrade(FileState file, LineReader line, Row row, TradeSink sink) {
    int index = file.index;
    if (!positive(row.price, "price", index, line)) {
      return;
    }
    if (row.volume < 0) {
      tally.reject(index, line.lineNumber(), RejectReason.NEGATIVE_VOLUME, "size " + row.volume + " < 0",
          line.lineText());
      return;
    }
    if (!onGrid(row.price, "price", index, line)) {
      return;
    }
    long millis = startMillis(file, line, row);
    if (millis == LocalTimeResolver.NONEXISTENT || !inSession(millis, index, line)) {
      return;
    }
    sink.add(millis, (int) grid.toTicks(row.price), row.volume, row.side, index, line.lineNumber(), line);
  }

  /** Finite, positive and small enough to count in ticks; otherwise rejected. */
  private boolean positive(double price, String name, int index, LineReader line) {
    if (price > 0 && price / grid.tickSize() <= Integer.MAX_VALUE) {
      return true;
    }
    tally.reject(index, line.lineNumber(), RejectReason.BAD_PRICE, name + " " + price
        + (price > 0 && Double.isFinite(price) ? " is beyond the tick grid's range" : " must be finite and > 0"),
        line.lineText());
    return false;
  }

  private boolean onGrid(double price, String name, int index, LineReader line) {
    if (grid.isOnGrid(price)) {
      return true;
    }
    tally.reject(index, line.lineNumber(), RejectReason.OFF_TICK_GRID, name + " " + price
        + " is not a multiple of the tick size " + grid.tickSize(), line.lineText());
    return false;
  }

  /**
   * The row's time as a UTC bar start (or trade time): naive times placed in the file's zone, daily bars at their
   * session open, end stamps moved back one minute. {@link LocalTimeResolver#NONEXISTENT} after rejecting a local
   * time that DST skips.
   */
  private long startMillis(FileState file, LineReader line, Row row) {
    long millis;
    switch (row.time) {
      case UTC -> millis = row.millis;
      case TRADING_DATE -> {
        return dailyStart(Math.floorDiv(row.millis, FieldParser.MILLIS_PER_DAY));
      }
      case LOCAL -> {
        if (file.resolver == null) {
          throw new InputException(file.name + ":" + line.lineNumber() + ": the time stamp in '" + line.lineText()
              + "' has no UTC offset; give the zone it was written in with --tz (e.g. America/Chicago,"
              + " America/New_York or UTC) or write times with an offset or Z");
        }
        millis = file.resolver.toUtcMillis(row.millis);
        if (millis == LocalTimeResolver.NONEXISTENT) {
          tally.reject(file.index, line.lineNumber(), RejectReason.NONEXISTENT_LOCAL_TIME,
              LocalDateTime.ofEpochSecond(Math.floorDiv(row.millis, 1000L), 0, ZoneOffset.UTC) + " does not exist in "
                  + file.zoneText + " (skipped when daylight saving time began)", line.lineText());
          return LocalTimeResolver.NONEXISTENT;
        }
      }
      default -> throw new IllegalStateException("unknown time kind " + row.time);
    }
    if (file.endStamped && shape == RowParser.Shape.MINUTE_BARS) {
      millis -= FieldParser.MILLIS_PER_MINUTE;
    }
    return millis;
  }

  /** The session open of a trading date: the start a daily bar is stamped with (see {@link BarSeries}). */
  private long dailyStart(long tradingDay) {
    if (tradingDay != memoTradingDay) {
      memoDailyStart = sessions.instantAt(LocalDate.ofEpochDay(tradingDay), sessions.globexOpenMinute())
          .toEpochMilli();
      memoTradingDay = tradingDay;
    }
    return memoDailyStart;
  }

  /** Whether {@code startMillis} lies in the instrument's session ({@link SessionMemo}), else a rejection. */
  private boolean inSession(long startMillis, int index, LineReader line) {
    long localMillis = clock.toLocalMillis(startMillis);
    if (sessionMemo.isScheduled(localMillis)) {
      return true;
    }
    LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000L), 0, ZoneOffset.UTC);
    tally.reject(index, line.lineNumber(), RejectReason.OUTSIDE_SESSION, local + " " + sessions.timeZone().getId()
        + " (" + local.getDayOfWeek().toString().toLowerCase(Locale.ROOT) + ") is outside the "
        + instrument.symbol() + " session '" + sessions.name() + "'", line.lineText());
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Contracts

  /** The sink of the row's contract; null (after rejecting the row) when its symbol is not one of ours. */
  private ContractSink sinkFor(FileState file, LineReader line, Row row) {
    if (row.symbolStart >= 0) {
      byte[] bytes = line.bytes();
      int length = row.symbolEnd - row.symbolStart;
      for (int i = 0; i < file.symbols.size(); i++) {
        byte[] known = file.symbols.get(i);
        if (known.length == length && Arrays.equals(known, 0, length, bytes, row.symbolStart, row.symbolEnd)) {
          return orReject(file.symbolSinks.get(i), file, line, known);
        }
      }
      byte[] symbol = Arrays.copyOfRange(bytes, row.symbolStart, row.symbolEnd);
      String code = new String(symbol, java.nio.charset.StandardCharsets.US_ASCII);
      ContractSink sink = FuturesContract.parse(code, instrument.symbol(), yearOf(row))
          .map(contract -> contractSink(contract, file)).orElse(null);
      file.symbols.add(symbol);
      file.symbolSinks.add(sink);
      return orReject(sink, file, line, symbol);
    }
    if (file.fileSink == null) {
      file.fileSink = file.nameContract == null ? plainSink(file)
          : contractSink(FuturesContract.parse(file.nameContract, instrument.symbol(), yearOf(row)).orElseThrow(), file);
    }
    return file.fileSink;
  }

  private ContractSink orReject(ContractSink sink, FileState file, LineReader line, byte[] symbol) {
    if (sink == null) {
      String text = new String(symbol, java.nio.charset.StandardCharsets.US_ASCII);
      // Databento's continuous symbols (MES.v.0, MES.c.0) join contracts without adjusting them: say what to ask for.
      String hint = text.startsWith(instrument.symbol() + ".") ? "; a vendor-rolled series is not back-adjusted,"
          + " so request the outright contracts (Databento parent symbol " + instrument.symbol() + ".FUT)" : "";
      tally.reject(file.index, line.lineNumber(), RejectReason.UNKNOWN_CONTRACT, "symbol '" + text + "' is not a "
          + instrument.symbol() + " contract" + hint, line.lineText());
    }
    return sink;
  }

  private ContractSink contractSink(FuturesContract contract, FileState file) {
    tally.contract(file.index, contract.code());
    return contractSinks.computeIfAbsent(contract, c -> newSink(c.code()));
  }

  private ContractSink plainSink(FileState file) {
    if (plainSink == null) {
      plainSink = newSink(null);
      plainFile = file.name;
    }
    return plainSink;
  }

  private ContractSink newSink(String contract) {
    SpikeGuard guard = new SpikeGuard(options.spikeAtrMultiple(), options.spikeAtrBars());
    return shape == RowParser.Shape.TRADES ? new TradeSink(tally, guard, grid, contract)
        : new BarSink(tally, guard, grid, contract);
  }

  /** The calendar year of the row's time, to resolve one- and two-digit contract years to the nearest one. */
  private static int yearOf(Row row) {
    return LocalDate.ofEpochDay(Math.floorDiv(row.millis, FieldParser.MILLIS_PER_DAY)).getYear();
  }

  /**
   * The contract code of {@code root} in a file name, or null when it names none: a name part such as
   * {@code MESH24}, {@code MESH4} or {@code MESH2024} (parts split at anything but letters and digits), or
   * NinjaTrader's {@code MES 03-24}. Two different codes in one name are an input error.
   */
  static String contractInFileName(String fileName, String root) {
    String upper = fileName.toUpperCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    for (String part : upper.split("[^A-Z0-9]+")) {
      if (!part.isEmpty() && FuturesContract.parse(part, root, 2000).isPresent()) {
        found.add(part);
      }
    }
    Matcher ninja = NINJATRADER_CONTRACT.matcher(upper);
    while (ninja.find()) {
      int month = Integer.parseInt(ninja.group(2));
      if (ninja.group(1).equals(root) && month >= 1 && month <= 12) {
        found.add(root + MONTH_CODES.charAt(month - 1) + ninja.group(3));
      }
    }
    if (found.stream().distinct().count() > 1) {
      throw new InputException(fileName + ": the name holds several contract codes " + found
          + "; name each per-contract file after one contract");
    }
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Path> listFiles(Path input) {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    if (!Files.isDirectory(input)) {
      throw new InputException(input + ": no such file or directory");
    }
    try (Stream<Path> entries = Files.list(input)) {
      List<Path> found = entries
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
      if (found.isEmpty()) {
        throw new InputException(input + ": the directory holds no files to ingest");
      }
      return found;
    } catch (IOException e) {
      throw new InputException(input + ": cannot list the directory: " + e.getMessage(), e);
    }
  }
}
