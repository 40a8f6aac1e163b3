package io.plateau.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.Session;
import io.plateau.exec.Sizing;
import io.plateau.param.Search;
import io.plateau.robust.Gates;
import io.plateau.robust.Objective;
import io.plateau.robust.ParameterPlateau;
import io.plateau.robust.RobustnessSettings;
import io.plateau.robust.TradeMonteCarlo;
import io.plateau.robust.Period;
import io.plateau.robust.WalkForwardScheme;
import io.plateau.util.InputException;
import io.plateau.util.PathRoots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudyReaderTest {

  private static final String STUDY = """
      name: test
      bars:
        store: data/bars
        symbols: [MES, M2K]
        start: 2019-01-01
        end: 2023-12-31
        bar_size: 5m
        session: regular
      strategy:
        name: sma-cross
        params:
          fast: {from: 5, to: 50, step: 5}
          slow: [60, 120, 240]
          direction: both
        constraints: ["fast < slow"]
      search: {method: random, count: 7, seed: 3}
      costs: {commission_per_side: 0.5, slippage_ticks: 2}
      account: {capital: 10000}
      sizing: {method: fixed-fractional, risk_percent: 1}
      risk: {max_entries: 2, max_contracts: 6, add_when: in-profit, daily_loss_limit_percent: 1.5}
      walk_forward: {scheme: anchored, in_sample: 12 months, out_of_sample: 3 months, warm_up: 30 days}
      objective: sharpe
      output: out/runs
      """;

  private static Study parse(String text) {
    return StudyReader.parse(text.getBytes(StandardCharsets.UTF_8), "conf/studies/test.yaml");
  }

  @Test
  void everyKeyIsRead() {
    Study study = parse(STUDY);
    assertEquals("test", study.name());
    assertEquals(List.of("MES", "M2K"), study.symbols());
    assertEquals(LocalDate.of(2019, 1, 1), study.start());
    assertEquals("5m", study.barSize());
    assertEquals(Session.REGULAR, study.session());
    assertEquals(10 * 3, study.space().size());
    assertEquals(List.of("5", "10", "15", "20", "25", "30", "35", "40", "45", "50"),
        study.space().axes().get(0).values());
    assertEquals(List.of("both"), study.space().axes().get(2).values());
    assertEquals(new Search.Random(7, 3), study.search());
    assertEquals(0.5, study.commissionPerSide());
    assertEquals(2, study.slippageTicks());
    assertEquals(10_000, study.capital());
    assertEquals(new Sizing.FixedFractional(0.01, 0, false), study.sizing());
    assertEquals(2, study.risk().maxEntries());
    assertEquals(0.015, study.risk().dailyLossLimitFraction(), 1e-12);
    assertTrue(study.walkForward().anchored());
    assertEquals(new Period(30, Period.Unit.DAYS), study.walkForward().warmUp());
    assertEquals(Objective.SHARPE, study.objective());
    assertEquals("out/runs", study.output());
  }

  @Test
  void withoutALimitTheDailyLossLimitIsTheStrategysSeed001sOneAndAHalfPercentForItsIntradaySystems() {
    String noLimit = STUDY.replace(", daily_loss_limit_percent: 1.5", "");
    assertEquals(0, parse(noLimit).risk().dailyLossLimitFraction(), "sma-cross: off");
    String orb = "  name: orb\n";
    String orbStudy = noLimit.replaceAll("(?s)  name: sma-cross.*?constraints: \\[\"fast < slow\"\\]\n", orb);
    assertEquals(0.015, parse(orbStudy).risk().dailyLossLimitFraction(), 1e-12);
    assertEquals(2, parse(orbStudy).risk().maxEntries(), "the rest of the risk section is kept");
    assertEquals(0.015, parse(orbStudy.replaceAll("risk: \\{.*\\}\n", "")).risk().dailyLossLimitFraction(),
        1e-12, "no risk section at all");
    assertEquals(0, parse(orbStudy.replace("add_when: in-profit", "add_when: in-profit, daily_loss_limit_percent: 0"))
        .risk().dailyLossLimitFraction(), "0 switches it off");
  }

  @Test
  void decimalRangesStepExactly() {
    Study study = parse(STUDY.replace("direction: both", "direction: both\n    atr_stop: {from: 0.1, to: 0.5, step: 0.1}"));
    assertEquals(List.of("0.1", "0.2", "0.3", "0.4", "0.5"), study.space().axes().get(3).values());
  }

  @Test
  void aPlateauObjectiveDefaultsToABoxForGridsAndNearestSetsForSamples() {
    assertEquals(null, parse(STUDY).plateau());
    Study random = parse(STUDY.replace("objective: sharpe", "objective: {metric: sharpe, plateau: {}}"));
    assertEquals(Objective.SHARPE, random.objective());
    assertEquals(new ParameterPlateau.Smoothing(new ParameterPlateau.Neighbourhood.Nearest(8),
        ParameterPlateau.Aggregate.MEAN), random.plateau());
    Study grid = parse(STUDY.replace("search: {method: random, count: 7, seed: 3}", "search: {method: grid}")
        .replace("objective: sharpe", "objective: {metric: net-profit, plateau: {aggregate: minimum}}"));
    assertEquals(new ParameterPlateau.Smoothing(ParameterPlateau.DEFAULT_NEIGHBOURHOOD,
        ParameterPlateau.Aggregate.MINIMUM), grid.plateau());
    assertEquals("plateau minimum over ±1 step", grid.plateau().describe());
    Study box = parse(STUDY.replace("objective: sharpe", "objective: {plateau: {aggregate: median, radius: 2}}"));
    assertEquals(Objective.NET_PROFIT, box.objective());
    assertEquals(new ParameterPlateau.Smoothing(new ParameterPlateau.Neighbourhood.Box(2),
        ParameterPlateau.Aggregate.MEDIAN), box.plateau());
  }

  @Test
  void aWalkForwardMatrixIsEveryPairOfLengthsWithTheMainSchemesKindAndWarmUp() {
    assertEquals(List.of(), parse(STUDY).matrix());
    Study study = parse(STUDY.replace("warm_up: 30 days}",
        "warm_up: 30 days, matrix: {in_sample: [6 months, 12 months], out_of_sample: [1 months, 60 days]}}"));
    Period warmUp = new Period(30, Period.Unit.DAYS);
    Period six = new Period(6, Period.Unit.MONTHS);
    Period twelve = new Period(12, Period.Unit.MONTHS);
    Period one = new Period(1, Period.Unit.MONTHS);
    Period sixtyDays = new Period(60, Period.Unit.DAYS);
    assertEquals(List.of(new WalkForwardScheme(true, six, one, warmUp), new WalkForwardScheme(true, six, sixtyDays,
        warmUp), new WalkForwardScheme(true, twelve, one, warmUp), new WalkForwardScheme(true, twelve, sixtyDays,
        warmUp)), study.matrix());
  }

  @Test
  void trialsAreContinuousUnlessTheStudySaysPerWindow() {
    assertEquals(TrialSimulation.CONTINUOUS, parse(STUDY).trials());
    assertEquals(TrialSimulation.PER_WINDOW, parse(STUDY.replace("warm_up: 30 days}",
        "warm_up: 30 days, trials: per-window}")).trials());
    assertEquals(TrialSimulation.CONTINUOUS, parse(STUDY.replace("warm_up: 30 days}",
        "warm_up: 30 days, trials: continuous}")).trials());
  }

  @Test
  void robustnessSettingsDefaultToTradeStationsGatesAndAreReadWhole() {
    assertEquals(RobustnessSettings.DEFAULTS, parse(STUDY).robustness());
    Study study = parse(STUDY.replace("output: out/runs", """
        robustness:
          partitions: 8
          monte_carlo: {mode: bootstrap, runs: 500, seed: 4, ruin_percent: 30}
          gates: {min_efficiency_percent: 60, distinction_efficiency_percent: 120, max_pbo: 0.4, min_deflated_sharpe: 0.9}
          plateau: {aggregate: median, nearest: 5}
        output: out/runs"""));
    assertEquals(new RobustnessSettings(8, TradeMonteCarlo.Mode.BOOTSTRAP, 500, 4, 0.3, new Gates(0.6, 1.2, 0.5,
        0.8, 0.5, 0.4, 0.4, 0.2, 0.9), new ParameterPlateau.Smoothing(new ParameterPlateau.Neighbourhood.Nearest(5),
        ParameterPlateau.Aggregate.MEDIAN)), study.robustness());
  }

  /** The studies shipped in conf/studies (quickstart, seed 002's M2K systems) are valid. */
  @Test
  void everyShippedStudyIsValid() throws java.io.IOException {
    try (var files = java.nio.file.Files.list(Path.of("../conf/studies"))) {
      List<Path> studies = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertTrue(studies.size() >= 3, studies.toString());
      for (Path file : studies) {
        Study study = StudyReader.read(file);
        assertTrue(study.space().admittedCount() > 0, file.toString());
      }
    }
  }

  @Test
  void aRelativeStoreIsMadeAbsoluteAndAUriIsKept() {
    assertEquals(Path.of("data/bars").toAbsolutePath().toString(), parse(STUDY).store());
    PathRoots withBucket = PathRoots.parse(".:s3a://bucket/", "test");
    assertEquals("s3a://bucket/bars", StudyReader.parse(STUDY.replace("store: data/bars", "store: s3a://bucket/bars")
        .getBytes(StandardCharsets.UTF_8), "conf/studies/test.yaml", withBucket).store());
  }

  /**
   * A study's paths stay in the roots: by default the working directory and the study file's own directory, so a
   * study next to its store reads; a store beside it, or a symbolic link out of its directory, is refused naming
   * the file, the line and key, the resolved path and the roots. A run's copy of its study is not checked again.
   */
  @Test
  void pathsOutsideTheRootsAreRefusedNamingTheFileKeyLineResolvedPathAndRoots(@TempDir Path temp)
      throws java.io.IOException {
    Path studyDir = java.nio.file.Files.createDirectories(temp.resolve("study")).toRealPath();
    Path beside = java.nio.file.Files.createDirectories(temp.resolve("beside")).toRealPath();
    Path file = studyDir.resolve("s.yaml");
    String study = STUDY.replace("out/runs", studyDir + "/runs");
    java.nio.file.Files.writeString(file, study.replace("data/bars", studyDir.resolve("bars").toString()));
    assertEquals(studyDir.resolve("bars").toString(), StudyReader.read(file).store());

    java.nio.file.Files.writeString(file, study.replace("data/bars", studyDir + "/../beside/bars"));
    InputException dotDot = assertThrows(InputException.class, () -> StudyReader.read(file));
    assertTrue(dotDot.getMessage().startsWith(file + ":3: bars.store: '" + studyDir + "/../beside/bars' resolves to "
        + beside.resolve("bars") + ", outside the roots a study's paths must stay in: ["), dotDot.getMessage());
    assertTrue(dotDot.getMessage().contains(studyDir + "] (the default: the working directory and the study "
        + "file's directory; PLATEAU_ROOTS sets others)"), dotDot.getMessage());

    java.nio.file.Files.createSymbolicLink(studyDir.resolve("link"), beside);
    java.nio.file.Files.writeString(file, study.replace("data/bars", studyDir + "/link/bars"));
    InputException link = assertThrows(InputException.class, () -> StudyReader.read(file));
    assertTrue(link.getMessage().contains("resolves to " + beside.resolve("bars") + ","), link.getMessage());
    assertEquals(studyDir + "/link/bars", StudyReader.read(file, PathRoots.parse(temp.toString(), "test")).store(),
        "roots given explicitly");
    assertEquals(studyDir + "/link/bars", StudyReader.readRunCopy(file).store());
  }

  /**
   * Study files are data: a tag naming a class, an alias bomb and a strategy outside the registry are refused with
   * the file and line, and nothing runs. (Constraints have a fixed grammar: see the cases of
   * {@link #badStudiesAreRefusedNamingTheKeyAndValue}.)
   */
  @Test
  void aStudyIsDataTagsAliasesUnknownStrategiesAndExpressionsAreRefused(@TempDir Path temp)
      throws java.io.IOException {
    Path file = temp.resolve("evil.yaml");
    Path touched = temp.resolve("touched");
    java.nio.file.Files.writeString(file, STUDY.replace("objective: sharpe",
        "objective: !!java.lang.ProcessBuilder [[touch, " + touched + "]]"));
    InputException tag = assertThrows(InputException.class, () -> StudyReader.read(file));
    assertTrue(tag.getMessage().startsWith(file + ":22: the YAML tag '!!java.lang.ProcessBuilder' is not allowed"),
        tag.getMessage());
    assertTrue(!java.nio.file.Files.exists(touched), "nothing was run");

    java.nio.file.Files.writeString(file, "laughs: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "more: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" + "most: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        + STUDY);
    InputException bomb = assertThrows(InputException.class, () -> StudyReader.read(file));
    assertTrue(bomb.getMessage().startsWith(file + ":1: the anchor '&a' is not allowed"), bomb.getMessage());

    java.nio.file.Files.writeString(file, STUDY.replace("name: sma-cross", "name: io.plateau.strategy.SmaCross"));
    InputException strategy = assertThrows(InputException.class, () -> StudyReader.read(file));
    assertTrue(strategy.getMessage().startsWith(file + ":10: strategy.name: unknown strategy "
        + "'io.plateau.strategy.SmaCross'; known: sma-cross"), strategy.getMessage());
  }

  @Test
  void anAdaptiveSearchTakesHyperoptsDefaults() {
    Study study = parse(STUDY.replace("method: random, count: 7, seed: 3", "method: adaptive, batches: 4, seed: 9"));
    assertEquals(new Search.Adaptive(4, 50, 50, 0.25, 24, 9), study.search());
  }

  /** Each bad study: the replaced text, and what the message must say (file, key path, value, what is allowed). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "objective: sharpe|objectve: sharpe|conf/studies/test.yaml:22: objectve: unknown key; allowed here:",
      "session: regular|sessions: regular|bars.sessions: unknown key",
      "bar_size: 5m|bar_size: 7m|bars.bar_size: '7m' is not allowed; expected one of",
      "end: 2023-12-31|end: 2018-12-31|bars.end: '2018-12-31' is not allowed; expected a date after bars.start",
      "start: 2019-01-01|start: 2019-13-01|bars.start: '2019-13-01' is not allowed; expected a date yyyy-mm-dd",
      "name: sma-cross|name: sma-crossing|strategy.name: unknown strategy 'sma-crossing'; known: sma-cross",
      "name: sma-cross|name: java.lang.Runtime|test.yaml:10: strategy.name: unknown strategy 'java.lang.Runtime'; known:",
      "fast < slow|fast < slow; System.exit(1)|test.yaml:15: strategy.constraints[0]: constraint 'fast < slow; System.exit(1)' is not 'A OP B'",
      "fast < slow|Runtime.getRuntime().exec(x) < slow|constraint 'Runtime.getRuntime().exec(x) < slow' is not 'A OP B'",
      "fast < slow|fast < slow and 1 == 1|constraint 'fast < slow and 1 == 1' is not 'A OP B'",
      "fast < slow|${jndi:ldap://example.invalid/x} < slow|is not 'A OP B'",
      "fast < slow|fast + 0 < slow|is not 'A OP B'",
      "objective: sharpe|objective: !!java.lang.ProcessBuilder [[id]]|test.yaml:22: the YAML tag '!!java.lang.ProcessBuilder' is not allowed",
      "output: out/runs|output: *runs|test.yaml:23: the alias '*runs' is not allowed",
      "output: out/runs|output: /|test.yaml:23: output: '/' resolves to /, outside the roots",
      "store: data/bars|store: ../../elsewhere/bars|test.yaml:3: bars.store: '../../elsewhere/bars' resolves to",
      "store: data/bars|store: s3a://bucket/bars|test.yaml:3: bars.store: 's3a://bucket/bars' resolves to s3a://bucket/bars, outside the roots",
      "store: data/bars|store: s3a://AKIAFAKE:fake-secret@bucket/bars|test.yaml:3: bars.store: 's3a://<credentials removed>@bucket/bars' has credentials in it",
      "direction: both|direction: sideways|strategy.params.direction: value sideways must be one of [long, short, both]",
      "direction: both|directoin: both|strategy.params.directoin: unknown parameter of sma-cross",
      "slow: [60, 120, 240]|slow: [60, 60]|strategy.params.slow: values repeat",
      "step: 5}|step: 0}|strategy.params.fast.step: '0' is not allowed; expected a step > 0",
      "fast: {from: 5, to: 50, step: 5}|fast: {from: 0, to: 50, step: 5}|value 0 must be a whole number in [1, 10000]",
      "fast < slow|fast > slow|no parameter set of the 30-point grid satisfies the constraints [fast > slow]",
      "fast < slow|fast < slw|constraint 'fast < slw' names 'slw', which is not a parameter",
      "count: 7, |count: 0, |search.count: '0' is not allowed; expected a whole number >= 1",
      "method: random|method: adaptive-ish|search.method: 'adaptive-ish' is not allowed; expected grid, random or adaptive",
      "method: random, count: 7|method: adaptive, batches: 0|search.batches: '0' is not allowed; expected a whole number",
      "method: random, count: 7|method: adaptive, gamma: 1.5|search.gamma: '1.5' is not allowed; expected the share",
      "method: random, count: 7|method: grid, count: 7|search.count: unknown key",
      "in_sample: 12 months|in_sample: 1 months|walk_forward.in_sample: 1 months is shorter than the warm-up (30 days)",
      "in_sample: 12 months|in_sample: a year|walk_forward.in_sample: 'a year' is not a length",
      "scheme: anchored|scheme: sliding|walk_forward.scheme: 'sliding' is not allowed; expected rolling or anchored",
      "risk_percent: 1|risk_percent: 150|sizing.risk_percent: '150' is not allowed; expected a percent in (0, 100)",
      "objective: sharpe|objective: sortino|objective: 'sortino' is not allowed; expected one of [net-profit, sharpe",
      "capital: 10000|capital: -5|account.capital: '-5' is not allowed; expected an amount > 0",
      "objective: sharpe|objective: {metric: sharpe, plateau: {aggregate: mode}}|objective.plateau.aggregate: 'mode' is not allowed; expected mean, median or minimum",
      "objective: sharpe|objective: {metric: sharpe, plateau: {radius: 1, nearest: 4}}|objective.plateau: give radius (a box of grid steps) or nearest",
      "objective: sharpe|objective: {metric: sharpe, plateau: {radius: 0}}|objective.plateau.radius: '0' is not allowed; expected a whole number >= 1",
      "objective: sharpe|objective: {metric: sharpe, smoothing: {}}|objective.smoothing: unknown key",
      "objective: sharpe|objective: {metric: calmar}|objective.metric: 'calmar' is not allowed; expected one of",
      "warm_up: 30 days}|warm_up: 30 days, matrix: {in_sample: [1 months], out_of_sample: [1 months]}}|walk_forward.matrix.in_sample[0]: 1 months is shorter than the warm-up (30 days)",
      "warm_up: 30 days}|warm_up: 30 days, matrix: {in_sample: [6 months], out_of_sample: [0 days]}}|walk_forward.matrix.out_of_sample[0]: '0 days' is not allowed; expected a length of at least 1 day",
      "warm_up: 30 days}|warm_up: 30 days, matrix: {in_sample: [6 months, 6 months], out_of_sample: [1 months]}}|walk_forward.matrix: lengths repeat",
      "warm_up: 30 days}|warm_up: 30 days, matrix: {is: [6 months]}}|walk_forward.matrix.is: unknown key",
      "warm_up: 30 days}|warm_up: 30 days, trials: each}|walk_forward.trials: 'each' is not allowed; expected continuous (one simulation over the span) or per-window",
      "warm_up: 30 days}|warm_up: 30 days, trials: per-window, matrix: {in_sample: [6 months], out_of_sample: [1 months]}}|walk_forward.trials: per-window trials cannot feed walk_forward.matrix",
      "output: out/runs|robustness: {partitions: 7}|robustness.partitions: '7' is not allowed; expected an even number from 2 to 32",
      "output: out/runs|robustness: {monte_carlo: {mode: jackknife}}|robustness.monte_carlo.mode: 'jackknife' is not allowed; expected reshuffle or bootstrap",
      "output: out/runs|robustness: {monte_carlo: {ruin_percent: 0}}|robustness.monte_carlo.ruin_percent: '0' is not allowed",
      "output: out/runs|robustness: {gates: {max_pbo: 0.1}}|robustness.gates: a distinction must be at least as strict as its gate",
      "output: out/runs|robustness: {gates: {max_pbo: 2}}|robustness.gates.max_pbo: '2' is not allowed; expected a number from 0 to 1",
      "output: out/runs|robustness: {gate: {}}|robustness.gate: unknown key",
      "symbols: [MES, M2K]|symbols: [MES, MES]|bars.symbols: a list is not allowed; expected a non-empty list of distinct",
  })
  void badStudiesAreRefusedNamingTheKeyAndValue(String original, String replacement, String expected) {
    assertTrue(STUDY.contains(original), "the test's study contains " + original);
    InputException error = assertThrows(InputException.class, () -> parse(STUDY.replace(original, replacement)));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
    assertTrue(error.getMessage().startsWith("conf/studies/test.yaml"), error.getMessage());
  }

  @Test
  void aMissingFileAndBrokenYamlAreInputErrors() {
    InputException missing = assertThrows(InputException.class,
        () -> StudyReader.read(Path.of("no/such/study.yaml")));
    assertTrue(missing.getMessage().contains("no such study file"), missing.getMessage());
    InputException broken = assertThrows(InputException.class, () -> parse("bars: [unclosed\nname: x\n"));
    assertTrue(broken.getMessage().startsWith("conf/studies/test.yaml:"), broken.getMessage());
    assertTrue(broken.getMessage().contains("not valid YAML"), broken.getMessage());
  }
}
