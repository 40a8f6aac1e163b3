package io.plateau.study;

import io.plateau.bar.BarSeries;
import io.plateau.exec.DailyEquity;
import io.plateau.exec.FillTiming;
import io.plateau.exec.SimulationResult;
import io.plateau.exec.Simulator;
import io.plateau.exec.Sizing;
import io.plateau.exec.SmaCrossGrid;
import io.plateau.exec.TradeLog;
import io.plateau.indicator.IndicatorCache;
import io.plateau.robust.Period;
import io.plateau.robust.SpanMetrics;
import io.plateau.robust.Window;
import io.plateau.strategy.Strategies;
import io.plateau.strategy.StrategyDefinition;
import io.plateau.strategy.StrategySpec;
import io.plateau.util.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a study's parameter sets on one symbol's bars: {@link #run} simulates each set for the walk-forward windows
 * (once over the whole span, cut into windows, or window by window: {@link TrialSimulation}); {@link #rerun}
 * re-simulates a window's chosen set on its out-of-sample span alone. Indicators of the whole span are computed once
 * per runner and shared by every set it runs over it. Not thread-safe: one per task.
 */
public final class TrialRunner {

  private final Study study;
  private final BarSeries bars;
  private final StudyCalendar calendar;
  private final StrategyDefinition strategy;
  private final IndicatorCache indicators;
  private final Simulator simulator;
  /** Contracts per trade on the {@code sma-cross} fast path, or 0 when the study's rules need the simulator. */
  private final int fastPathContracts;
  private SmaCrossGrid grid;
  /** Bars simulated so far, set by set: what throughput figures count. */
  private long barEvaluations;

  public TrialRunner(Study study, BarSeries bars, StudyCalendar calendar) {
    this(study, bars, calendar, true);
  }

  /** With {@code fastPath} false every set runs on the simulator (tests compare the two paths). */
  TrialRunner(Study study, BarSeries bars, StudyCalendar calendar, boolean fastPath) {
    this.study = study;
    this.bars = bars;
    this.calendar = calendar;
    this.strategy = study.space().strategy();
    this.indicators = new IndicatorCache(bars);
    this.simulator = simulator(bars);
    boolean signalRules = strategy.name().equals("sma-cross") && study.fill() == FillTiming.NEXT_OPEN
        && study.risk().dailyLossLimitFraction() == 0 && study.trials() == TrialSimulation.CONTINUOUS;
    this.fastPathContracts = fastPath && signalRules && study.sizing() instanceof Sizing.Fixed fixed
        ? Math.min(fixed.contractsPerEntry(), study.risk().maxContracts()) : 0;
  }

  /** Set {@code setId}, with its metrics per window. */
  public Trial run(long setId) {
    return run(new long[] {setId}).get(0);
  }

  /** Sets {@code ids}, in order, every window simulated: {@link #run(long[], Map, Set)} without reuse. */
  public List<Trial> run(long[] ids) {
    return run(ids, Map.of(), Set.of());
  }

  /**
   * Sets {@code ids}, in order. {@code sma-cross} sets of continuous trials without a protective stop, under fixed
   * sizing, next-open fills and no daily loss limit, run together on the {@link SmaCrossGrid} fast path (held equal
   * to the simulator by tests); every other set runs on the {@link Simulator}.
   *
   * @param previous per-window trials only: each set's trial from an earlier run of the same study and code
   * @param reusedWindows the windows whose fingerprints ({@link #windowFingerprints}) that run shares: their metrics,
   *     daily P&amp;L and trades are taken from {@code previous}, and only the other windows are simulated
   */
  public List<Trial> run(long[] ids, Map<Long, Trial> previous, Set<Integer> reusedWindows) {
    if (!reusedWindows.isEmpty() && study.trials() != TrialSimulation.PER_WINDOW) {
      throw new IllegalArgumentException("only per-window trials reuse windows");
    }
    Trial[] trials = new Trial[ids.length];
    Map<String, List<Integer>> gridByDirection = new TreeMap<>();
    for (int k = 0; k < ids.length; k++) {
      StrategySpec spec = study.space().spec(ids[k]);
      if (fastPathContracts > 0 && spec.doubleParam("atr_stop") == 0) {
        gridByDirection.computeIfAbsent(spec.text("direction"), d -> new ArrayList<>()).add(k);
      } else if (study.trials() == TrialSimulation.CONTINUOUS) {
        barEvaluations += bars.size();
        SimulationResult result = simulator.run(strategy.compile(spec, bars, indicators));
        DailyEquity daily = result.equity();
        trials[k] = continuous(ids[k], daily.epochDaysUnsafe(), daily.equityUnsafe(), daily.size(),
            result.trades().netPnlUnsafe(), exitIndexes(result.trades(), 0));
      } else {
        Trial before = reusedWindows.isEmpty() ? null : previous.get(ids[k]);
        if (!reusedWindows.isEmpty() && before == null) {
          throw new IllegalArgumentException("no earlier trial of set " + ids[k] + " to reuse windows of");
        }
        trials[k] = perWindow(ids[k], spec, before, reusedWindows);
      }
    }
    for (Map.Entry<String, List<Integer>> group : gridByDirection.entrySet()) {
      runGrid(ids, group.getKey(), group.getValue(), trials);
    }
    return Arrays.asList(trials);
  }

  private void runGrid(long[] ids, String direction, List<Integer> members, Trial[] trials) {
    int[] fast = new int[members.size()];
    int[] slow = new int[members.size()];
    for (int m = 0; m < fast.length; m++) {
      StrategySpec spec = study.space().spec(ids[members.get(m)]);
      fast[m] = spec.intParam("fast");
      slow[m] = spec.intParam("slow");
    }
    SmaCrossGrid grid = smaCrossGrid();
    int[] dayEnds = grid.dayEndsUnsafe();
    int[] dayEpochs = new int[dayEnds.length];
    int[] dayCalendarIndex = new int[dayEnds.length];
    for (int d = 0; d < dayEnds.length; d++) {
      dayEpochs[d] = bars.tradingDay(dayEnds[d]);
      dayCalendarIndex[d] = calendar.indexAtOrAfter(bars.tradingDate(dayEnds[d]));
    }
    SmaCrossGrid.Output out = new SmaCrossGrid.Output(fast.length, dayEnds.length);
    barEvaluations += (long) fast.length * bars.size();
    grid.evaluate(fast, slow, !direction.equals("short"), !direction.equals("long"), out);
    for (int m = 0; m < fast.length; m++) {
      double[] pnl = new double[out.trades[m]];
      int[] exits = new int[out.trades[m]];
      for (int t = 0; t < pnl.length; t++) {
        pnl[t] = out.tradeNetPnl(m, t);
        exits[t] = dayCalendarIndex[out.tradeExitDay(m, t)];
      }
      long id = ids[members.get(m)];
      trials[members.get(m)] = continuous(id, dayEpochs, out.dayEquity[m], dayEpochs.length, pnl, exits);
    }
  }

  private SmaCrossGrid smaCrossGrid() {
    if (grid == null) {
      grid = new SmaCrossGrid(bars, study.costs(bars.instrument()), fastPathContracts, study.capital());
    }
    return grid;
  }

  /**
   * A continuous trial from a run over the whole span: its end-of-day equity ({@code size} days) and its trades' net
   * P&amp;L and exit indexes.
   */
  private Trial continuous(long setId, int[] epochDays, double[] dayEquity, int size, double[] tradePnl,
      int[] tradeExitIndex) {
    double[] equity = onCalendar(epochDays, dayEquity, size, 0, calendar.size());
    Trial.Cell main = cell(calendar.windows(), equity, tradePnl, tradeExitIndex);
    List<Trial.Cell> matrix = new ArrayList<>();
    for (List<Window> windows : calendar.matrixWindows()) {
      matrix.add(cell(windows, equity, tradePnl, tradeExitIndex));
    }
    float[] daily = new float[equity.length];
    double previous = study.capital();
    for (int d = 0; d < equity.length; d++) {
      daily[d] = (float) (equity[d] - previous);
      previous = equity[d];
    }
    Trades counted = new Trades();
    counted.addExitingIn(tradePnl, tradeExitIndex, 0, firstDay(), calendar.size());
    return new Trial(setId, main.inSample(), main.outOfSample(), matrix,
        SpanMetrics.of(equity, study.capital(), firstDay(), calendar.size(), tradePnl, tradeExitIndex), daily,
        counted.netPnl(), counted.exitDays());
  }

  /**
   * A per-window trial: each window simulated flat from its in-sample start to its out-of-sample end (those in
   * {@code reused} taken from {@code previous}), pieced together for the whole-span figures from the first window's
   * span and each later window's out-of-sample span: the days of {@link #spanEnd} and their trades. The pieced
   * equity is summed from the daily P&amp;L as stored (floats), so a trial pieced from reused windows equals one
   * simulated afresh.
   */
  private Trial perWindow(long setId, StrategySpec spec, Trial previous, Set<Integer> reused) {
    List<Window> windows = calendar.windows();
    List<SpanMetrics> inSample = new ArrayList<>();
    List<SpanMetrics> outOfSample = new ArrayList<>();
    float[] daily = new float[calendar.size()];
    Trades trades = new Trades();
    for (Window window : windows) {
      int w = window.index();
      int isFrom = calendar.indexAtOrAfter(window.inSampleStart());
      int oosFrom = calendar.indexAtOrAfter(window.outOfSampleStart());
      int oosTo = calendar.indexAtOrAfter(window.outOfSampleEnd()) + 1;
      int piece = w == 0 ? isFrom : oosFrom;
      if (reused.contains(w)) {
        inSample.add(previous.inSample().get(w));
        outOfSample.add(previous.outOfSample().get(w));
        System.arraycopy(previous.dailyPnl(), piece, daily, piece, oosTo - piece);
        trades.addExitingIn(previous.tradeNetPnl(), previous.tradeExitDay(), 0, piece, oosTo);
        continue;
      }
      FlatRun run = runFlat(strategy, spec, isFrom, window);
      inSample.add(SpanMetrics.of(run.equity(), study.capital(), 0, oosFrom - isFrom, run.tradeNetPnl(),
          run.tradeExitIndex()));
      outOfSample.add(SpanMetrics.of(run.equity(), study.capital(), oosFrom - isFrom, oosTo - isFrom,
          run.tradeNetPnl(), run.tradeExitIndex()));
      for (int d = piece; d < oosTo; d++) {
        double before = d == isFrom ? study.capital() : run.equity()[d - isFrom - 1];
        daily[d] = (float) (run.equity()[d - isFrom] - before);
      }
      trades.addExitingIn(run.tradeNetPnl(), run.tradeExitIndex(), isFrom, piece, oosTo);
    }
    double[] equity = new double[daily.length];
    double running = study.capital();
    for (int d = 0; d < daily.length; d++) {
      running += daily[d];
      equity[d] = running;
    }
    double[] tradePnl = trades.netPnl();
    int[] tradeDays = trades.exitDays();
    return new Trial(setId, inSample, outOfSample, List.of(),
        SpanMetrics.of(equity, study.capital(), firstDay(), spanEnd(study, calendar), tradePnl, tradeDays), daily,
        tradePnl, tradeDays);
  }

  /** The bars this runner has simulated, summed over its sets' runs. */
  public long barEvaluations() {
    return barEvaluations;
  }

  /**
   * The end (exclusive, a calendar index) of the days a trial's whole-span metrics and the robustness statistics
   * cover: the calendar's end for continuous trials, the last window's out-of-sample end for per-window trials
   * (nothing simulates the days after it).
   */
  public static int spanEnd(Study study, StudyCalendar calendar) {
    List<Window> windows = calendar.windows();
    if (study.trials() == TrialSimulation.CONTINUOUS || windows.isEmpty()) {
      return calendar.size();
    }
    return calendar.indexAtOrAfter(windows.get(windows.size() - 1).outOfSampleEnd()) + 1;
  }

  /** The calendar index of the first in-sample date: where whole-span figures start. */
  private int firstDay() {
    return calendar.indexAtOrAfter(calendar.windows().get(0).inSampleStart());
  }

  /** Trades gathered from runs, in exit order: net P&amp;L and exit day (a calendar index). */
  private static final class Trades {
    private double[] netPnl = new double[16];
    private int[] exitDays = new int[16];
    private int size;

    /** The trades of a run whose exit index plus {@code offset} is in {@code [from, to)}. */
    void addExitingIn(double[] runPnl, int[] runExits, int offset, int from, int to) {
      for (int t = 0; t < runExits.length; t++) {
        int day = runExits[t] + offset;
        if (day >= from && day < to) {
          if (size == netPnl.length) {
            netPnl = Arrays.copyOf(netPnl, 2 * size);
            exitDays = Arrays.copyOf(exitDays, 2 * size);
          }
          netPnl[size] = runPnl[t];
          exitDays[size] = day;
          size++;
        }
      }
    }

    double[] netPnl() {
      return Arrays.copyOf(netPnl, size);
    }

    int[] exitDays() {
      return Arrays.copyOf(exitDays, size);
    }
  }

  /** The in-sample and out-of-sample metrics of {@code windows} from a run's equity on the calendar and trades. */
  private Trial.Cell cell(List<Window> windows, double[] equity, double[] tradePnl, int[] tradeExitIndex) {
    List<SpanMetrics> inSample = new ArrayList<>();
    List<SpanMetrics> outOfSample = new ArrayList<>();
    for (Window window : windows) {
      int isFrom = calendar.indexAtOrAfter(window.inSampleStart());
      int oosFrom = calendar.indexAtOrAfter(window.outOfSampleStart());
      int oosTo = calendar.indexAtOrAfter(window.outOfSampleEnd()) + 1;
      inSample.add(SpanMetrics.of(equity, study.capital(), isFrom, oosFrom, tradePnl, tradeExitIndex));
      outOfSample.add(SpanMetrics.of(equity, study.capital(), oosFrom, oosTo, tradePnl, tradeExitIndex));
    }
    return new Trial.Cell(inSample, outOfSample);
  }

  /**
   * The net P&amp;L of each trade of set {@code setId} that the whole-span figures count, in exit order, simulated on
   * the {@link Simulator} (the trade list a Monte Carlo of the set resamples).
   */
  public double[] tradeNetPnl(long setId) {
    StrategySpec spec = study.space().spec(setId);
    if (study.trials() == TrialSimulation.PER_WINDOW) {
      return perWindow(setId, spec, null, Set.of()).tradeNetPnl();
    }
    SimulationResult result = simulator.run(strategy.compile(spec, bars, indicators));
    DailyEquity daily = result.equity();
    return continuous(setId, daily.epochDaysUnsafe(), daily.equityUnsafe(), daily.size(),
        result.trades().netPnlUnsafe(), exitIndexes(result.trades(), 0)).tradeNetPnl();
  }

  /**
   * Set {@code setId} re-run on {@code window}'s out-of-sample span: the bars from the warm-up before the span to its
   * end, nothing later; decisions from the span's first bar on, so the account is flat when the span starts.
   */
  public WindowRun rerun(long setId, Window window) {
    return rerun(setId, study.space().spec(setId), window);
  }

  /**
   * Settings that need not be a set of the study's grid, nor of its strategy (the settings in production), re-run
   * on {@code window}'s out-of-sample span like {@link #rerun(long, Window)}: the metrics of the span.
   */
  public SpanMetrics outOfSample(StrategySpec spec, Window window) {
    return rerun(-1, spec, window).outOfSample();
  }

  private WindowRun rerun(long setId, StrategySpec spec, Window window) {
    StrategyDefinition definition = spec.name().equals(strategy.name()) ? strategy : Strategies.get(spec.name());
    FlatRun run = runFlat(definition, spec, calendar.indexAtOrAfter(window.outOfSampleStart()), window);
    double[] equity = run.equity();
    SpanMetrics metrics = SpanMetrics.of(equity, study.capital(), 0, equity.length, run.tradeNetPnl(),
        run.tradeExitIndex());
    double[] pnl = new double[equity.length];
    double previous = study.capital();
    for (int d = 0; d < equity.length; d++) {
      pnl[d] = equity[d] - previous;
      previous = equity[d];
    }
    return new WindowRun(setId, window, metrics, pnl);
  }

  /**
   * A run flat at calendar date {@code from} to {@code window}'s out-of-sample end: its equity at the end of each
   * calendar date from {@code from}, and its trades' net P&amp;L and exit indexes counted from {@code from}.
   */
  private record FlatRun(double[] equity, double[] tradeNetPnl, int[] tradeExitIndex) {}

  /**
   * {@code spec} simulated on the bars from the warm-up before calendar date {@code from} to {@code window}'s
   * out-of-sample end, nothing later, deciding from the first bar of {@code from} on: the account is flat there.
   */
  private FlatRun runFlat(StrategyDefinition definition, StrategySpec spec, int from, Window window) {
    int to = calendar.indexAtOrAfter(window.outOfSampleEnd()) + 1;
    int[] day = bars.tradingDayUnsafe();
    int fromBar = firstBarOnOrAfter(day, warmUpStart(from).toEpochDay());
    int toBar = firstBarOnOrAfter(day, window.outOfSampleEnd().toEpochDay() + 1);
    BarSeries slice = bars.slice(fromBar, toBar);
    barEvaluations += slice.size();
    int firstDecision = firstBarOnOrAfter(slice.tradingDayUnsafe(), calendar.date(from).toEpochDay());
    SimulationResult result = simulator(slice).run(definition.compile(spec, slice, new IndicatorCache(slice)),
        firstDecision);
    DailyEquity daily = result.equity();
    return new FlatRun(onCalendar(daily.epochDaysUnsafe(), daily.equityUnsafe(), daily.size(), from, to),
        result.trades().netPnlUnsafe(), exitIndexes(result.trades(), from));
  }

  private Simulator simulator(BarSeries series) {
    return new Simulator(series, study.costs(series.instrument()), study.sizing(), study.risk(), study.capital(),
        study.fill());
  }

  /** The first date of the warm-up before calendar date {@code from}. */
  private LocalDate warmUpStart(int from) {
    Period warmUp = study.walkForward().warmUp();
    if (warmUp.unit() == Period.Unit.DAYS) {
      return calendar.date(Math.max(0, from - warmUp.amount()));
    }
    return calendar.date(from).minusMonths(warmUp.amount());
  }

  /**
   * Per window, a SHA-256 (hex) of everything in the bars its per-window trials depend on: the window's dates, the
   * calendar dates from its warm-up start to its out-of-sample end with their calendar indexes, and every field of
   * every bar of those dates. With the same study and code, windows with equal fingerprints have equal trials.
   */
  public List<String> windowFingerprints() {
    byte[][] days = dayDigests();
    List<String> fingerprints = new ArrayList<>();
    for (Window window : calendar.windows()) {
      MessageDigest digest = Hashing.newSha256();
      digest.update((window.inSampleStart() + " " + window.inSampleEnd() + " " + window.outOfSampleStart() + " "
          + window.outOfSampleEnd()).getBytes(StandardCharsets.UTF_8));
      int from = calendar.indexAtOrAfter(warmUpStart(calendar.indexAtOrAfter(window.inSampleStart())));
      int to = calendar.indexAtOrAfter(window.outOfSampleEnd()) + 1;
      ByteBuffer day = ByteBuffer.allocate(8);
      for (int d = from; d < to; d++) {
        digest.update(day.clear().putInt(d).putInt(calendar.tradingDatesUnsafe()[d]).array());
        digest.update(days[d]);
      }
      fingerprints.add(HexFormat.of().formatHex(digest.digest()));
    }
    return fingerprints;
  }

  /**
   * Per calendar date, a SHA-256 of the fields of its bars and of any bar dated after the date before it (of nothing
   * for a date without bars): every bar up to the last calendar date is in one digest.
   */
  private byte[][] dayDigests() {
    byte[][] digests = new byte[calendar.size()][];
    int[] day = bars.tradingDayUnsafe();
    // Order flow and session flags are optional columns: a missing one hashes as -1.
    int[] buyVolume = bars.buyVolumeUnsafe();
    int[] sellVolume = bars.sellVolumeUnsafe();
    boolean[] regularHours = bars.regularHoursUnsafe();
    ByteBuffer bar = ByteBuffer.allocate(45);
    int i = 0;
    for (int d = 0; d < digests.length; d++) {
      MessageDigest digest = Hashing.newSha256();
      for (; i < day.length && day[i] <= calendar.tradingDatesUnsafe()[d]; i++) {
        bar.clear().putLong(bars.startMillis(i)).putInt(bars.openTicks(i)).putInt(bars.highTicks(i))
            .putInt(bars.lowTicks(i)).putInt(bars.closeTicks(i)).putLong(bars.volume(i))
            .putInt(buyVolume == null ? -1 : buyVolume[i]).putInt(sellVolume == null ? -1 : sellVolume[i])
            .put((byte) (regularHours == null ? -1 : regularHours[i] ? 1 : 0));
        digest.update(bar.array(), 0, bar.position());
        digest.update(String.valueOf(bars.contract(i)).getBytes(StandardCharsets.UTF_8));
      }
      digests[d] = digest.digest();
    }
    return digests;
  }

  /**
   * The equity at the end of calendar dates {@code [from, to)} from a run's end-of-day equity ({@code size} days):
   * the last equity on or before each date, the starting capital before the first.
   */
  private double[] onCalendar(int[] epochDays, double[] dayEquity, int size, int from, int to) {
    int[] dates = calendar.tradingDatesUnsafe();
    double[] equity = new double[to - from];
    double last = study.capital();
    int next = 0;
    for (int d = from; d < to; d++) {
      while (next < size && epochDays[next] <= dates[d]) {
        last = dayEquity[next];
        next++;
      }
      equity[d - from] = last;
    }
    return equity;
  }

  /** Each trade's exit trading date as a calendar index minus {@code offset}. */
  private int[] exitIndexes(TradeLog trades, int offset) {
    int[] exits = new int[trades.size()];
    for (int t = 0; t < trades.size(); t++) {
      int bar = bars.indexAtOrAfter(trades.exitTimeMillis(t));
      if (bar == bars.size() || bars.startMillis(bar) > trades.exitTimeMillis(t)) {
        bar--;
      }
      exits[t] = calendar.indexAtOrAfter(bars.tradingDate(bar)) - offset;
    }
    return exits;
  }

  private static int firstBarOnOrAfter(int[] tradingDays, long epochDay) {
    int lo = 0;
    int hi = tradingDays.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tradingDays[mid] < epochDay) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
