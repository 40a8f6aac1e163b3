package io.plateau.jobs.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plateau.robust.SpanMetrics;
import io.plateau.study.Study;
import io.plateau.study.Trial;
import io.plateau.study.TrialSimulation;
import io.plateau.util.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * The windows a run of a per-window study takes from an earlier published run instead of simulating them: those
 * whose fingerprints ({@link io.plateau.study.TrialRunner#windowFingerprints}) the earlier run recorded, when it ran
 * the same study text with the same code. The run then keeps the earlier run's first-batch blocks (the same sets in
 * each), and each block reads its sets' reused windows back from the earlier run's {@code trials/} and {@code pnl/}
 * files of the same block.
 */
final class WindowReuse implements Serializable {

  private final String previousRun;
  private final Map<String, Set<Integer>> windows;
  private final List<Block> previousBlocks;

  private WindowReuse(String previousRun, Map<String, Set<Integer>> windows, List<Block> previousBlocks) {
    this.previousRun = previousRun;
    this.windows = windows;
    this.previousBlocks = previousBlocks;
  }

  /** Nothing to reuse. */
  static final WindowReuse NONE = new WindowReuse(null, Map.of(), List.of());

  /**
   * What a run of {@code study} with window {@code fingerprints} (per symbol) may take from the published run in
   * {@code previousRun}; each decision is said on {@code out}. A missing or unreadable earlier run reuses nothing.
   */
  static WindowReuse of(String previousRun, Study study, Map<String, List<String>> fingerprints, String codeVersion,
      PrintStream out) {
    if (previousRun == null || study.trials() != TrialSimulation.PER_WINDOW) {
      return NONE;
    }
    Path dir = new Path(previousRun);
    JsonNode manifest;
    List<Block> blocks;
    try {
      FileSystem fs = dir.getFileSystem(RunDirectory.outputConf());
      try (InputStream in = fs.open(new Path(dir, "manifest.json"))) {
        manifest = new ObjectMapper().readTree(in);
      }
      blocks = RunDirectory.readPlan(fs, dir);
    } catch (IOException e) {
      out.printf(Locale.ROOT, "reuse: nothing taken from %s, which cannot be read (%s)%n", previousRun,
          e.getMessage());
      return NONE;
    }
    if (!manifest.path("study").path("sha256").asText().equals(Hashing.sha256(study.text()))) {
      out.printf(Locale.ROOT, "reuse: nothing taken from %s: it ran another study text%n", previousRun);
      return NONE;
    }
    if (!manifest.path("code_version").asText().equals(codeVersion)) {
      out.printf(Locale.ROOT, "reuse: nothing taken from %s: it ran other code (%s)%n", previousRun,
          manifest.path("code_version").asText());
      return NONE;
    }
    Map<String, Set<Integer>> windows = new TreeMap<>();
    fingerprints.forEach((symbol, now) -> {
      JsonNode before = manifest.path("window_fingerprints").path(symbol);
      Set<Integer> same = new TreeSet<>();
      for (int w = 0; w < Math.min(now.size(), before.size()); w++) {
        if (before.get(w).asText().equals(now.get(w))) {
          same.add(w);
        }
      }
      out.printf(Locale.ROOT, "reuse: %s: %d of %d windows' trials taken from %s%s%n", symbol, same.size(),
          now.size(), previousRun, same.size() == before.size() ? ""
              : String.format(Locale.ROOT, " (%d of its %d windows' bars differ)", before.size() - same.size(),
                  before.size()));
      if (!same.isEmpty()) {
        windows.put(symbol, same);
      }
    });
    return windows.isEmpty() ? NONE : new WindowReuse(previousRun, windows, blocks.stream()
        .filter(b -> b.batch() == 0).toList());
  }

  /**
   * This reuse for a run whose plan is {@code blocks} (a resumed run's), or none, said on {@code out}, when its
   * first-batch blocks do not hold the same sets as the earlier run's: a block reads its reused windows from the
   * earlier run's block of the same number.
   */
  WindowReuse forPlan(List<Block> blocks, PrintStream out) {
    List<Block> first = blocks.stream().filter(b -> b.batch() == 0).toList();
    boolean same = first.size() == previousBlocks.size();
    for (int b = 0; same && b < first.size(); b++) {
      Block mine = first.get(b);
      Block theirs = previousBlocks.get(b);
      same = mine.index() == theirs.index() && mine.symbol().equals(theirs.symbol())
          && mine.fromId() == theirs.fromId() && mine.toId() == theirs.toId()
          && Arrays.equals(mine.ids(), theirs.ids());
    }
    if (!any() || same) {
      return this;
    }
    out.printf(Locale.ROOT, "reuse: nothing taken from %s after all: the resumed run's blocks hold other sets%n",
        previousRun);
    return NONE;
  }

  /** Whether any window is reused: the run must then keep the earlier run's first-batch blocks. */
  boolean any() {
    return !windows.isEmpty();
  }

  /** The earlier run's first-batch blocks. */
  List<Block> previousBlocks() {
    return previousBlocks;
  }

  /** The earlier run, or null. */
  String previousRun() {
    return previousRun;
  }

  /** The reused windows of {@code symbol}, by index; empty when none. */
  Set<Integer> windows(String symbol) {
    return windows.getOrDefault(symbol, Set.of());
  }

  /** Per symbol, the reused windows (for the manifest). */
  Map<String, Set<Integer>> windows() {
    return windows;
  }

  /** Whether {@code block} runs with reused windows: a first-batch block of a symbol with any. */
  boolean appliesTo(Block block) {
    return block.batch() == 0 && !windows(block.symbol()).isEmpty();
  }

  /**
   * Per set of {@code block}, its trial read back from the earlier run's files of the same block: the metrics of
   * every window it recorded, its daily P&amp;L and its trades; what {@link io.plateau.study.TrialRunner#run(long[],
   * Map, Set)} takes the reused windows from.
   */
  Map<Long, Trial> previousTrials(Configuration conf, Block block) throws IOException {
    Path dir = new Path(previousRun);
    String name = block.name() + ".parquet";
    Map<Long, List<SpanMetrics>> inSample = new HashMap<>();
    Map<Long, List<SpanMetrics>> outOfSample = new HashMap<>();
    for (Group row : rows(conf, new Path(dir, "trials/" + name))) {
      if (row.getInteger("scheme", 0) != 0) {
        continue;
      }
      long id = row.getLong("set_id", 0);
      int window = row.getInteger("window_index", 0);
      put(inSample.computeIfAbsent(id, k -> new ArrayList<>()), window, metrics(row, "is_"));
      put(outOfSample.computeIfAbsent(id, k -> new ArrayList<>()), window, metrics(row, "oos_"));
    }
    Map<Long, Trial> trials = new HashMap<>();
    for (Group row : rows(conf, new Path(dir, "pnl/" + name))) {
      long id = row.getLong("set_id", 0);
      Group daily = row.getGroup("daily_pnl", 0);
      float[] pnl = new float[daily.getFieldRepetitionCount("list")];
      for (int d = 0; d < pnl.length; d++) {
        pnl[d] = daily.getGroup("list", d).getFloat("element", 0);
      }
      Group tradePnl = row.getGroup("trade_net_pnl", 0);
      Group tradeDay = row.getGroup("trade_exit_day", 0);
      double[] netPnl = new double[tradePnl.getFieldRepetitionCount("list")];
      int[] exitDay = new int[netPnl.length];
      for (int t = 0; t < netPnl.length; t++) {
        netPnl[t] = tradePnl.getGroup("list", t).getDouble("element", 0);
        exitDay[t] = tradeDay.getGroup("list", t).getInteger("element", 0);
      }
      trials.put(id, new Trial(id, inSample.get(id), outOfSample.get(id), List.of(), metrics(row, "span_"), pnl,
          netPnl, exitDay));
    }
    return trials;
  }

  private static void put(List<SpanMetrics> list, int index, SpanMetrics metrics) {
    while (list.size() <= index) {
      list.add(null);
    }
    list.set(index, metrics);
  }

  /** The {@link SpanMetrics} in the {@code prefix} columns of {@code row}. */
  private static SpanMetrics metrics(Group row, String prefix) {
    return new SpanMetrics(row.getDouble(prefix + "net_profit", 0), row.getDouble(prefix + "annualized_profit", 0),
        row.getDouble(prefix + "sharpe", 0), row.getDouble(prefix + "max_drawdown", 0),
        row.getDouble(prefix + "return_drawdown", 0), row.getDouble(prefix + "profit_factor", 0),
        row.getDouble(prefix + "win_rate", 0), row.getDouble(prefix + "expectancy", 0),
        row.getInteger(prefix + "trades", 0), row.getInteger(prefix + "days", 0));
  }

  private static List<Group> rows(Configuration conf, Path file) throws IOException {
    List<Group> rows = new ArrayList<>();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
      for (Group row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    }
    return rows;
  }
}
