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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a study's parameter sets on one symbol's bars: {@link #run} simulates each set once over the whole span and
 * cuts the result into windows; {@link #rerun} re-simulates a window's chosen set on its out-of-sample span alone.
 * Indicators are computed once per runner and shared by every set it runs. Not thread-safe: one per task.
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
        && study.risk().dailyLossLimitFraction() == 0;
    this.fastPathContracts = fastPath && signalRules && study.sizing() instanceof Sizing.Fixed fixed
        ? Math.min(fixed.contractsPerEntry(), study.risk().maxContracts()) : 0;
  }

  /** Set {@code setId} over the whole span, with its metrics per window. */
  public Trial run(long setId) {
    return run(new long[] {setId}).get(0);
  }

  /**
   * Sets {@code ids} over the whole span, in order. {@code sma-cross} sets without a protective stop, under fixed
   * sizing, next-open fills and no daily loss limit, run together on the {@link SmaCrossGrid} fast path (held equal
   * to the simulator by tests); every other set runs on the {@link Simulator}.
   */
  public List<Trial> run(long[] ids) {
    Trial[] trials = new Trial[ids.length];
    Map<String, List<Integer>> gridByDirection = new TreeMap<>();
    for (int k = 0; k < ids.length; k++) {
      StrategySpec spec = study.space().spec(ids[k]);
      if (fastPathContracts > 0 && spec.doubleParam("atr_stop") == 0) {
        gridByDirection.computeIfAbsent(spec.text("direction"), d -> new ArrayList<>()).add(k);
      } else {
        SimulationResult result = simulator.run(strategy.compile(spec, bars, indicators));
        DailyEquity daily = result.equity();
        trials[k] = trial(ids[k], daily.epochDaysUnsafe(), daily.equityUnsafe(), daily.size(),
            result.trades().netPnlUnsafe(), exitIndexes(result.trades(), 0));
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
    grid.evaluate(fast, slow, !direction.equals("short"), !direction.equals("long"), out);
    for (int m = 0; m < fast.length; m++) {
      double[] pnl = new double[out.trades[m]];
      int[] exits = new int[out.trades[m]];
      for (int t = 0; t < pnl.length; t++) {
        pnl[t] = out.tradeNetPnl(m, t);
        exits[t] = dayCalendarIndex[out.tradeExitDay(m, t)];
      }
      long id = ids[members.get(m)];
      trials[members.get(m)] = trial(id, dayEpochs, out.dayEquity[m], dayEpochs.length, pnl, exits);
    }
  }

  private SmaCrossGrid smaCrossGrid() {
    if (grid == null) {
      grid = new SmaCrossGrid(bars, study.costs(bars.instrument()), fastPathContracts, study.capital());
    }
    return grid;
  }

  /** A trial from a run's end-of-day equity ({@code size} days) and its trades' net P&amp;L and exit indexes. */
  private Trial trial(long setId, int[] epochDays, double[] dayEquity, int size, double[] tradePnl,
      int[] tradeExitIndex) {
    double[] equity = onCalendar(epochDays, dayEquity, size, 0, calendar.size());
    Trial.Cell main = cell(calendar.windows(), equity, tradePnl, tradeExitIndex);
    List<Trial.Cell> matrix = new ArrayList<>();
    for (List<Window> windows : calendar.matrixWindows()) {
      matrix.add(cell(windows, equity, tradePnl, tradeExitIndex));
    }
    int first = calendar.indexAtOrAfter(calendar.windows().get(0).inSampleStart());
    SpanMetrics whole = SpanMetrics.of(equity, study.capital(), first, calendar.size(), tradePnl, tradeExitIndex);
    float[] daily = new float[equity.length];
    double previous = study.capital();
    for (int d = 0; d < equity.length; d++) {
      daily[d] = (float) (equity[d] - previous);
      previous = equity[d];
    }
    return new Trial(setId, main.inSample(), main.outOfSample(), matrix, whole, daily);
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
   * The net P&amp;L of each trade of set {@code setId}'s continuous run that exited on or after the first in-sample
   * date, in exit order (the simulator's trade list: what a Monte Carlo of the set resamples).
   */
  public double[] tradeNetPnl(long setId) {
    SimulationResult result = simulator.run(strategy.compile(study.space().spec(setId), bars, indicators));
    int[] exits = exitIndexes(result.trades(), 0);
    int first = calendar.indexAtOrAfter(calendar.windows().get(0).inSampleStart());
    double[] pnl = result.trades().netPnlUnsafe();
    return java.util.stream.IntStream.range(0, result.trades().size()).filter(t -> exits[t] >= first)
        .mapToDouble(t -> pnl[t]).toArray();
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
    int oosFrom = calendar.indexAtOrAfter(window.outOfSampleStart());
    int oosTo = calendar.indexAtOrAfter(window.outOfSampleEnd()) + 1;
    LocalDate warmUpStart = warmUpStart(oosFrom);
    int[] day = bars.tradingDayUnsafe();
    int fromBar = firstBarOnOrAfter(day, warmUpStart.toEpochDay());
    int toBar = firstBarOnOrAfter(day, window.outOfSampleEnd().toEpochDay() + 1);
    BarSeries slice = bars.slice(fromBar, toBar);
    int firstDecision = firstBarOnOrAfter(slice.tradingDayUnsafe(), window.outOfSampleStart().toEpochDay());
    StrategyDefinition definition = spec.name().equals(strategy.name()) ? strategy : Strategies.get(spec.name());
    SimulationResult result = simulator(slice).run(definition.compile(spec, slice, new IndicatorCache(slice)),
        firstDecision);
    DailyEquity daily = result.equity();
    double[] equity = onCalendar(daily.epochDaysUnsafe(), daily.equityUnsafe(), daily.size(), oosFrom, oosTo);
    int[] exits = exitIndexes(result.trades(), oosFrom);
    SpanMetrics metrics = SpanMetrics.of(equity, study.capital(), 0, equity.length,
        result.trades().netPnlUnsafe(), exits);
    double[] pnl = new double[equity.length];
    double previous = study.capital();
    for (int d = 0; d < equity.length; d++) {
      pnl[d] = equity[d] - previous;
      previous = equity[d];
    }
    return new WindowRun(setId, window, metrics, pnl);
  }

  private Simulator simulator(BarSeries series) {
    return new Simulator(series, study.costs(series.instrument()), study.sizing(), study.risk(), study.capital(),
        study.fill());
  }

  private LocalDate warmUpStart(int oosFrom) {
    Period warmUp = study.walkForward().warmUp();
    if (warmUp.unit() == Period.Unit.DAYS) {
      return calendar.date(Math.max(0, oosFrom - warmUp.amount()));
    }
    return calendar.date(oosFrom).minusMonths(warmUp.amount());
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
