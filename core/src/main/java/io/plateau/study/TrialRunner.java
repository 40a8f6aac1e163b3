package io.plateau.study;

import io.plateau.bar.BarSeries;
import io.plateau.exec.DailyEquity;
import io.plateau.exec.SimulationResult;
import io.plateau.exec.Simulator;
import io.plateau.exec.TradeLog;
import io.plateau.indicator.IndicatorCache;
import io.plateau.robust.Period;
import io.plateau.robust.SpanMetrics;
import io.plateau.robust.Window;
import io.plateau.strategy.StrategyDefinition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a study's parameter sets on one symbol's bars: {@link #run} simulates a set once over the whole span and
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

  public TrialRunner(Study study, BarSeries bars, StudyCalendar calendar) {
    this.study = study;
    this.bars = bars;
    this.calendar = calendar;
    this.strategy = study.space().strategy();
    this.indicators = new IndicatorCache(bars);
    this.simulator = simulator(bars);
  }

  /** Set {@code setId} over the whole span, with its metrics per window. */
  public Trial run(long setId) {
    SimulationResult result = simulator.run(strategy.compile(study.space().spec(setId), bars, indicators));
    double[] equity = onCalendar(result.equity(), 0, calendar.size());
    int[] exits = exitIndexes(result.trades(), 0);
    double[] pnl = result.trades().netPnlUnsafe();
    List<SpanMetrics> inSample = new ArrayList<>();
    List<SpanMetrics> outOfSample = new ArrayList<>();
    for (Window window : calendar.windows()) {
      int isFrom = calendar.indexAtOrAfter(window.inSampleStart());
      int oosFrom = calendar.indexAtOrAfter(window.outOfSampleStart());
      int oosTo = calendar.indexAtOrAfter(window.outOfSampleEnd()) + 1;
      inSample.add(SpanMetrics.of(equity, study.capital(), isFrom, oosFrom, pnl, exits));
      outOfSample.add(SpanMetrics.of(equity, study.capital(), oosFrom, oosTo, pnl, exits));
    }
    int first = calendar.indexAtOrAfter(calendar.windows().get(0).inSampleStart());
    SpanMetrics whole = SpanMetrics.of(equity, study.capital(), first, calendar.size(), pnl, exits);
    float[] daily = new float[equity.length];
    double previous = study.capital();
    for (int d = 0; d < equity.length; d++) {
      daily[d] = (float) (equity[d] - previous);
      previous = equity[d];
    }
    return new Trial(setId, inSample, outOfSample, whole, daily);
  }

  /**
   * Set {@code setId} re-run on {@code window}'s out-of-sample span: the bars from the warm-up before the span to its
   * end, nothing later; decisions from the span's first bar on, so the account is flat when the span starts.
   */
  public WindowRun rerun(long setId, Window window) {
    int oosFrom = calendar.indexAtOrAfter(window.outOfSampleStart());
    int oosTo = calendar.indexAtOrAfter(window.outOfSampleEnd()) + 1;
    LocalDate warmUpStart = warmUpStart(oosFrom);
    int[] day = bars.tradingDayUnsafe();
    int fromBar = firstBarOnOrAfter(day, warmUpStart.toEpochDay());
    int toBar = firstBarOnOrAfter(day, window.outOfSampleEnd().toEpochDay() + 1);
    BarSeries slice = bars.slice(fromBar, toBar);
    int firstDecision = firstBarOnOrAfter(slice.tradingDayUnsafe(), window.outOfSampleStart().toEpochDay());
    SimulationResult result = simulator(slice).run(
        strategy.compile(study.space().spec(setId), slice, new IndicatorCache(slice)), firstDecision);
    double[] equity = onCalendar(result.equity(), oosFrom, oosTo);
    int[] exits = exitIndexes(result.trades(), oosFrom);
    SpanMetrics metrics = SpanMetrics.of(equity, study.capital(), 0, equity.length,
        result.trades().netPnlUnsafe(), exits);
    double[] daily = new double[equity.length];
    double previous = study.capital();
    for (int d = 0; d < equity.length; d++) {
      daily[d] = equity[d] - previous;
      previous = equity[d];
    }
    return new WindowRun(setId, window, metrics, daily);
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
   * The equity at the end of calendar dates {@code [from, to)}: the last simulated equity on or before each date,
   * the starting capital before the first.
   */
  private double[] onCalendar(DailyEquity daily, int from, int to) {
    int[] dates = calendar.tradingDatesUnsafe();
    double[] equity = new double[to - from];
    double last = daily.startingCapital();
    int next = 0;
    for (int d = from; d < to; d++) {
      while (next < daily.size() && daily.epochDay(next) <= dates[d]) {
        last = daily.equity(next);
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
