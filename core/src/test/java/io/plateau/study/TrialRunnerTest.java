package io.plateau.study;

import static io.plateau.study.TrialRunnerFixtures.equityAt;
import static io.plateau.study.TrialRunnerFixtures.firstBarOn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.exec.DailyEquity;
import io.plateau.exec.SimulationResult;
import io.plateau.exec.Simulator;
import io.plateau.indicator.IndicatorCache;
import io.plateau.robust.SpanMetrics;
import io.plateau.robust.Window;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrialRunnerTest {

  private static final String STUDY = """
      bars: {store: unused, symbols: [MES], start: 2023-01-01, end: 2023-06-30, bar_size: 15m}
      strategy:
        name: sma-cross
        params: {fast: [5, 10], slow: [20, 40], direction: [long, both]}
      walk_forward: {in_sample: 30 days, out_of_sample: 15 days, warm_up: 5 days}
      """;

  private static Study study;
  private static BarSeries bars;
  private static StudyCalendar calendar;

  @BeforeAll
  static void bars() {
    study = StudyReader.parse(STUDY.getBytes(StandardCharsets.UTF_8), "test.yaml");
    bars = TrialRunnerFixtures.mesFifteenMinutes();
    calendar = StudyCalendar.of(study, "MES", bars.instrument().sessions(), bars.tradingDate(0),
        bars.tradingDate(bars.size() - 1));
  }

  @Test
  void aTrialIsTheSimulatorsRunCutIntoWindows() {
    assertTrue(calendar.windows().size() >= 5, "windows: " + calendar.windows().size());
    for (long id = 0; id < study.space().size(); id++) {
      if (!study.space().admits(id)) {
        continue;
      }
      Trial trial = new TrialRunner(study, bars, calendar).run(id);
      SimulationResult direct = new Simulator(bars, study.costs(bars.instrument()), study.sizing(), study.risk(),
          study.capital(), study.fill()).run(study.space().strategy().compile(study.space().spec(id), bars,
              new IndicatorCache(bars)));
      DailyEquity equity = direct.equity();
      double total = 0;
      for (float pnl : trial.dailyPnl()) {
        total += pnl;
      }
      assertEquals(equity.endingEquity() - study.capital(), total, 0.05, "daily P&L adds up to the run's");
      for (Window window : calendar.windows()) {
        double before = equityAt(equity, window.inSampleStart().minusDays(1));
        double isEnd = equityAt(equity, window.inSampleEnd());
        double oosEnd = equityAt(equity, window.outOfSampleEnd());
        assertEquals(isEnd - before, trial.inSample().get(window.index()).netProfit(), 1e-6);
        assertEquals(oosEnd - isEnd, trial.outOfSample().get(window.index()).netProfit(), 1e-6);
      }
    }
  }

  @Test
  void aSetsTradesAreThoseOfItsRunFromTheFirstInSampleDate() {
    long id = study.space().admittedIn(0, study.space().size())[0];
    TrialRunner runner = new TrialRunner(study, bars, calendar);
    Trial trial = runner.run(id);
    double[] trades = runner.tradeNetPnl(id);
    assertEquals(trial.whole().trades(), trades.length);
    assertTrue(trades.length > 0);
    double net = 0;
    int winners = 0;
    for (double pnl : trades) {
      net += pnl;
      winners += pnl > 0 ? 1 : 0;
    }
    assertEquals(trial.whole().expectancy(), net / trades.length, 1e-9);
    assertEquals(trial.whole().winRate(), (double) winners / trades.length, 1e-12);
  }

  @Test
  void theSmaCrossFastPathGivesTheSimulatorsTrials() {
    long[] ids = study.space().admittedIn(0, study.space().size());
    List<Trial> fast = new TrialRunner(study, bars, calendar).run(ids);
    List<Trial> simulated = new TrialRunner(study, bars, calendar, false).run(ids);
    for (int k = 0; k < ids.length; k++) {
      Trial a = fast.get(k);
      Trial b = simulated.get(k);
      assertEquals(ids[k], a.setId());
      assertEquals(ids[k], b.setId());
      assertArrayEquals(b.dailyPnl(), a.dailyPnl(), 1e-3f);
      for (int w = 0; w < calendar.windows().size(); w++) {
        assertSame(b.inSample().get(w), a.inSample().get(w), ids[k] + " in-sample " + w);
        assertSame(b.outOfSample().get(w), a.outOfSample().get(w), ids[k] + " out-of-sample " + w);
      }
      assertSame(b.whole(), a.whole(), ids[k] + " whole");
      assertTrue(a.whole().trades() > 0);
    }
  }

  private static void assertSame(SpanMetrics expected, SpanMetrics actual, String what) {
    assertEquals(expected.netProfit(), actual.netProfit(), 1e-6, what);
    assertEquals(expected.annualizedProfit(), actual.annualizedProfit(), 1e-6, what);
    assertEquals(expected.sharpe(), actual.sharpe(), 1e-9, what);
    assertEquals(expected.maxDrawdown(), actual.maxDrawdown(), 1e-6, what);
    assertEquals(expected.returnToDrawdown(), actual.returnToDrawdown(), 1e-9, what);
    assertEquals(expected.profitFactor(), actual.profitFactor(), 1e-9, what);
    assertEquals(expected.trades(), actual.trades(), what);
    assertEquals(expected.tradingDays(), actual.tradingDays(), what);
  }

  @Test
  void aReRunStartsFlatAndSeesNothingAfterItsWindow() {
    Window window = calendar.windows().get(2);
    long id = study.space().id(new int[] {0, 0, 1, 0, 0});
    WindowRun run = new TrialRunner(study, bars, calendar).rerun(id, window);
    assertEquals(window.index(), run.window().index());
    int oosDays = calendar.indexAtOrAfter(window.outOfSampleEnd()) - calendar.indexAtOrAfter(
        window.outOfSampleStart()) + 1;
    assertEquals(oosDays, run.dailyPnl().length);
    assertTrue(run.outOfSample().trades() > 0, "the set trades in the window");

    // Replace every bar after the window by the bars of the span reversed: a different future.
    int end = firstBarOn(bars, window.outOfSampleEnd().plusDays(1));
    BarSeries.Builder shuffled = BarSeries.builder(bars.instrument(), bars.interval());
    for (int i = 0; i < bars.size(); i++) {
      int source = i < end ? i : bars.size() - 1 - (i - end);
      shuffled.add(bars.startMillis(i), bars.openTicks(source), bars.highTicks(source), bars.lowTicks(source),
          bars.closeTicks(source), bars.volume(source), -1, -1, null);
    }
    BarSeries future = shuffled.build();
    assertNotEquals(bars.closeTicks(bars.size() - 1), future.closeTicks(bars.size() - 1), "the future changed");
    WindowRun again = new TrialRunner(study, future, calendar).rerun(id, window);
    assertArrayEquals(run.dailyPnl(), again.dailyPnl(), 0);
    assertEquals(run.outOfSample(), again.outOfSample());
  }
}
