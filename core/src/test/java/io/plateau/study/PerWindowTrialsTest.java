package io.plateau.study;

import static io.plateau.study.TrialRunnerFixtures.equityAt;
import static io.plateau.study.TrialRunnerFixtures.firstBarOn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.exec.DailyEquity;
import io.plateau.exec.SimulationResult;
import io.plateau.exec.Simulator;
import io.plateau.indicator.IndicatorCache;
import io.plateau.robust.SpanMetrics;
import io.plateau.robust.Window;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code walk_forward.trials: per-window}: each window simulated on its own, and old windows reused. */
class PerWindowTrialsTest {

  private static final String STUDY = """
      bars: {store: unused, symbols: [MES], start: 2023-01-01, end: 2023-06-30, bar_size: 15m}
      strategy:
        name: sma-cross
        params: {fast: [5, 10], slow: [20, 40], direction: [long, both]}
      walk_forward: {in_sample: 30 days, out_of_sample: 15 days, warm_up: 5 days, trials: per-window}
      """;

  private static Study study;
  private static BarSeries bars;
  private static StudyCalendar calendar;
  private static long[] ids;

  @BeforeAll
  static void bars() {
    study = StudyReader.parse(STUDY.getBytes(StandardCharsets.UTF_8), "test.yaml");
    bars = TrialRunnerFixtures.mesFifteenMinutes();
    calendar = calendar(bars);
    ids = study.space().admittedIn(0, study.space().size());
  }

  private static StudyCalendar calendar(BarSeries series) {
    return StudyCalendar.of(study, "MES", series.instrument().sessions(), series.tradingDate(0),
        series.tradingDate(series.size() - 1));
  }

  @Test
  void eachWindowIsTheSimulatorsRunFlatFromItsInSampleStart() {
    assertTrue(calendar.windows().size() >= 5, "windows: " + calendar.windows().size());
    List<Trial> trials = new TrialRunner(study, bars, calendar).run(ids);
    int differFromContinuous = 0;
    Study continuousStudy = StudyReader.parse(STUDY.replace(", trials: per-window", "")
        .getBytes(StandardCharsets.UTF_8), "test.yaml");
    List<Trial> continuous = new TrialRunner(continuousStudy, bars, calendar).run(ids);
    for (int k = 0; k < ids.length; k++) {
      for (Window window : calendar.windows()) {
        // The reference: the simulator on the bars from 5 trading days before the in-sample start to the
        // out-of-sample end, deciding from the in-sample start's first bar.
        int isFrom = calendar.indexAtOrAfter(window.inSampleStart());
        LocalDate warmUp = calendar.date(Math.max(0, isFrom - 5));
        BarSeries slice = bars.slice(firstBarOn(bars, warmUp), firstBarOn(bars, window.outOfSampleEnd().plusDays(1)));
        SimulationResult direct = new Simulator(slice, study.costs(slice.instrument()), study.sizing(), study.risk(),
            study.capital(), study.fill()).run(study.space().strategy().compile(study.space().spec(ids[k]), slice,
                new IndicatorCache(slice)), firstBarOn(slice, window.inSampleStart()));
        DailyEquity equity = direct.equity();
        double isEnd = equityAt(equity, window.inSampleEnd());
        double oosEnd = equityAt(equity, window.outOfSampleEnd());
        assertEquals(isEnd - study.capital(), trials.get(k).inSample().get(window.index()).netProfit(), 1e-6);
        assertEquals(oosEnd - isEnd, trials.get(k).outOfSample().get(window.index()).netProfit(), 1e-6);
        if (Math.abs(continuous.get(k).inSample().get(window.index()).netProfit()
            - trials.get(k).inSample().get(window.index()).netProfit()) > 1e-6) {
          differFromContinuous++;
        }
      }
    }
    assertTrue(differFromContinuous > 0, "some window carries a position in from before it under continuous trials");
  }

  @Test
  void theWholeSpanIsTheFirstWindowThenEachOutOfSampleSpan() {
    TrialRunner runner = new TrialRunner(study, bars, calendar);
    int first = calendar.indexAtOrAfter(calendar.windows().get(0).inSampleStart());
    int end = TrialRunner.spanEnd(study, calendar);
    List<Window> windows = calendar.windows();
    assertEquals(calendar.indexAtOrAfter(windows.get(windows.size() - 1).outOfSampleEnd()) + 1, end);
    assertTrue(end < calendar.size(), "the calendar runs past the last complete window");
    for (long id : ids) {
      Trial trial = runner.run(id);
      double pieces = trial.inSample().get(0).netProfit();
      int trades = trial.inSample().get(0).trades();
      for (int w = 0; w < windows.size(); w++) {
        pieces += trial.outOfSample().get(w).netProfit();
        trades += trial.outOfSample().get(w).trades();
      }
      double total = 0;
      for (int d = 0; d < trial.dailyPnl().length; d++) {
        total += trial.dailyPnl()[d];
        if (d < first || d >= end) {
          assertEquals(0f, trial.dailyPnl()[d], "nothing is simulated on day " + d);
        }
      }
      assertEquals(pieces, total, 0.05, "daily P&L adds up to the pieces");
      assertEquals(pieces, trial.whole().netProfit(), 0.05);
      assertEquals(end - first, trial.whole().tradingDays());
      assertEquals(trades, trial.whole().trades());
      assertEquals(trades, trial.tradeNetPnl().length);
      assertArrayEquals(trial.tradeNetPnl(), runner.tradeNetPnl(id), 0);
      assertEquals(List.of(), trial.matrix());
    }
  }

  @Test
  void reusedWindowsGiveTheTrialsOfAFreshRun() {
    // An earlier batch saw the bars through the end of May; this one sees June too.
    int mayEnd = firstBarOn(bars, LocalDate.of(2023, 6, 1));
    BarSeries earlierBars = bars.slice(0, mayEnd);
    StudyCalendar earlierCalendar = calendar(earlierBars);
    TrialRunner earlierRunner = new TrialRunner(study, earlierBars, earlierCalendar);
    List<Trial> earlier = earlierRunner.run(ids);
    List<String> before = earlierRunner.windowFingerprints();
    TrialRunner runner = new TrialRunner(study, bars, calendar);
    List<String> now = runner.windowFingerprints();
    assertTrue(now.size() > before.size(), "June completes a window: " + before.size() + " -> " + now.size());
    Set<Integer> reused = IntStream.range(0, before.size()).filter(w -> before.get(w).equals(now.get(w))).boxed()
        .collect(Collectors.toSet());
    assertEquals(before.size(), reused.size(), "every earlier window's bars are unchanged");

    Map<Long, Trial> previous = new HashMap<>();
    earlier.forEach(trial -> previous.put(trial.setId(), trial));
    List<Trial> pieced = runner.run(ids, previous, reused);
    List<Trial> fresh = new TrialRunner(study, bars, calendar).run(ids);
    for (int k = 0; k < ids.length; k++) {
      assertEquals(fresh.get(k).inSample(), pieced.get(k).inSample());
      assertEquals(fresh.get(k).outOfSample(), pieced.get(k).outOfSample());
      assertEquals(fresh.get(k).whole(), pieced.get(k).whole());
      assertArrayEquals(fresh.get(k).dailyPnl(), pieced.get(k).dailyPnl());
      assertArrayEquals(fresh.get(k).tradeNetPnl(), pieced.get(k).tradeNetPnl());
      assertArrayEquals(fresh.get(k).tradeExitDay(), pieced.get(k).tradeExitDay());
    }

    // Reused means taken, not simulated: a marked earlier window comes through as it is.
    Trial trial = earlier.get(0);
    SpanMetrics marked = new SpanMetrics(12345, 0, 0, 0, 0, 0, 0, 0, 7, 1);
    List<SpanMetrics> inSample = new java.util.ArrayList<>(trial.inSample());
    inSample.set(1, marked);
    Trial markedTrial = new Trial(trial.setId(), inSample, trial.outOfSample(), trial.matrix(), trial.whole(),
        trial.dailyPnl(), trial.tradeNetPnl(), trial.tradeExitDay());
    Trial taken = runner.run(new long[] {trial.setId()}, Map.of(trial.setId(), markedTrial), reused).get(0);
    assertEquals(marked, taken.inSample().get(1));
  }

  @Test
  void aChangedBarChangesTheFingerprintsOfTheWindowsThatReadIt() {
    List<Window> windows = calendar.windows();
    List<String> fingerprints = new TrialRunner(study, bars, calendar).windowFingerprints();
    assertEquals(windows.size(), fingerprints.size());
    assertEquals(fingerprints, new TrialRunner(study, bars, calendar).windowFingerprints(), "deterministic");
    LocalDate changed = windows.get(windows.size() - 1).outOfSampleStart();
    int bar = firstBarOn(bars, changed) + 3;
    List<String> after = new TrialRunner(study, rebuilt(bars, bar, 1), calendar).windowFingerprints();
    // The untouched copy: the same bars rebuilt the same way, so only the edit differs.
    List<String> unchanged = new TrialRunner(study, rebuilt(bars, bar, 0), calendar).windowFingerprints();
    for (Window window : windows) {
      int from = calendar.indexAtOrAfter(window.inSampleStart()) - 5;
      boolean reads = !calendar.date(Math.max(0, from)).isAfter(changed) && !window.outOfSampleEnd().isBefore(changed);
      if (reads) {
        assertNotEquals(unchanged.get(window.index()), after.get(window.index()), "window " + window.index());
      } else {
        assertEquals(unchanged.get(window.index()), after.get(window.index()), "window " + window.index());
      }
    }
    assertNotEquals(unchanged.get(windows.size() - 1), after.get(windows.size() - 1));
    assertEquals(unchanged.get(0), after.get(0));
  }

  @Test
  void continuousTrialsReuseNothing() {
    Study continuousStudy = StudyReader.parse(STUDY.replace(", trials: per-window", "")
        .getBytes(StandardCharsets.UTF_8), "test.yaml");
    TrialRunner runner = new TrialRunner(continuousStudy, bars, calendar);
    assertThrows(IllegalArgumentException.class, () -> runner.run(ids, Map.of(), Set.of(0)));
  }

  /** {@code series} rebuilt bar by bar (without order flow), bar {@code bar}'s volume raised by {@code extra}. */
  private static BarSeries rebuilt(BarSeries series, int bar, long extra) {
    BarSeries.Builder builder = BarSeries.builder(series.instrument(), series.interval());
    for (int i = 0; i < series.size(); i++) {
      builder.add(series.startMillis(i), series.openTicks(i), series.highTicks(i), series.lowTicks(i),
          series.closeTicks(i), series.volume(i) + (i == bar ? extra : 0), -1, -1, null);
    }
    return builder.build();
  }
}
