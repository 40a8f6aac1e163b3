package io.plateau.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.strategy.Strategies;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TreeParzenTest {

  /** hyperopt's defaults: gamma 0.25, 24 candidates, 20 startup trials; 6 batches of 16 after the startup. */
  private static final Search.Adaptive SETTINGS = new Search.Adaptive(6, 16, 20, 0.25, 24, 11);

  /** fast 1..60 × slow 2..200 (sma-cross requires fast < slow) × direction long/short/both; stops fixed. */
  private static final ParameterSpace SMA_GRID = space(range(1, 60), range(2, 200), List.of("long", "short", "both"));

  /** The same grid with direction fixed to long. */
  private static final ParameterSpace SMA_GRID_LONG = space(range(1, 60), range(2, 200), List.of("long"));

  /** fast 5,10,15 × slow 10,20 × direction long,both: 12 points, 8 with fast < slow. */
  private static final ParameterSpace TINY = space(List.of("5", "10", "15"), List.of("10", "20"),
      List.of("long", "both"));

  /** A smooth bowl with its top at fast = 17, slow = 120. */
  private static final ToDoubleFunction<Map<String, String>> BOWL = values -> {
    double fast = Double.parseDouble(values.get("fast"));
    double slow = Double.parseDouble(values.get("slow"));
    return -Math.pow((fast - 17) / 60, 2) - Math.pow((slow - 120) / 200, 2);
  };

  private static ParameterSpace space(List<String> fast, List<String> slow, List<String> direction) {
    return new ParameterSpace(Strategies.get("sma-cross"), List.of(new Axis("fast", fast), new Axis("slow", slow),
        new Axis("direction", direction), new Axis("atr_stop", List.of("0")), new Axis("atr_period", List.of("14"))),
        List.of());
  }

  private static List<String> range(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
  }

  private static double[] scores(ParameterSpace space, long[] ids, ToDoubleFunction<Map<String, String>> objective) {
    return Arrays.stream(ids).mapToDouble(id -> objective.applyAsDouble(space.values(id))).toArray();
  }

  /** The ids of a whole adaptive study, in the order evaluated: the startup draw, then one proposal per batch. */
  private static long[] runStudy(ParameterSpace space, Search.Adaptive settings,
      ToDoubleFunction<Map<String, String>> objective) {
    long[] ids = settings.startupIds(space);
    for (int batch = 1; batch < settings.batches(); batch++) {
      long[] next = TreeParzen.propose(space, ids, scores(space, ids, objective), settings.batchSize(), settings, batch);
      long[] all = Arrays.copyOf(ids, ids.length + next.length);
      System.arraycopy(next, 0, all, ids.length, next.length);
      ids = all;
    }
    return ids;
  }

  private static long best(ParameterSpace space, long[] ids, ToDoubleFunction<Map<String, String>> objective) {
    double[] scores = scores(space, ids, objective);
    int best = 0;
    for (int i = 1; i < ids.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return ids[best];
  }

  @Test
  void sameInputsGiveTheSameProposalsWhateverTheOrderOfTrials() {
    long[] ids = SETTINGS.startupIds(SMA_GRID);
    double[] scores = scores(SMA_GRID, ids, BOWL);
    long[] proposed = TreeParzen.propose(SMA_GRID, ids, scores, 16, SETTINGS, 1);
    assertArrayEquals(proposed, TreeParzen.propose(SMA_GRID, ids, scores, 16, SETTINGS, 1));

    // The trials reversed, then shuffled (with their scores).
    long[] reversedIds = IntStream.range(0, ids.length).mapToLong(i -> ids[ids.length - 1 - i]).toArray();
    double[] reversedScores = IntStream.range(0, ids.length).mapToDouble(i -> scores[ids.length - 1 - i]).toArray();
    assertArrayEquals(proposed, TreeParzen.propose(SMA_GRID, reversedIds, reversedScores, 16, SETTINGS, 1));
    int[] shuffle = IntStream.range(0, ids.length).toArray();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = shuffle.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = shuffle[i];
      shuffle[i] = shuffle[j];
      shuffle[j] = swap;
    }
    long[] shuffledIds = Arrays.stream(shuffle).mapToLong(i -> ids[i]).toArray();
    double[] shuffledScores = Arrays.stream(shuffle).mapToDouble(i -> scores[i]).toArray();
    assertFalse(Arrays.equals(ids, shuffledIds), "the shuffle moved something");
    assertArrayEquals(proposed, TreeParzen.propose(SMA_GRID, shuffledIds, shuffledScores, 16, SETTINGS, 1));
  }

  @Test
  void anotherSeedOrBatchGivesOtherProposals() {
    long[] ids = SETTINGS.startupIds(SMA_GRID);
    double[] scores = scores(SMA_GRID, ids, BOWL);
    long[] proposed = TreeParzen.propose(SMA_GRID, ids, scores, 16, SETTINGS, 1);
    Search.Adaptive reseeded = new Search.Adaptive(6, 16, 20, 0.25, 24, 12);
    assertFalse(Arrays.equals(proposed, TreeParzen.propose(SMA_GRID, ids, scores, 16, reseeded, 1)));
    assertFalse(Arrays.equals(proposed, TreeParzen.propose(SMA_GRID, ids, scores, 16, SETTINGS, 2)));
  }

  @Test
  void proposalsAreExactlyCountDistinctAdmittedNewIdsAscending() {
    long[] ids = SETTINGS.startupIds(SMA_GRID);
    double[] scores = scores(SMA_GRID, ids, BOWL);
    for (int count : new int[] {1, 16, 200}) {
      long[] proposed = TreeParzen.propose(SMA_GRID, ids, scores, count, SETTINGS, 1);
      assertEquals(count, proposed.length);
      for (int i = 0; i < proposed.length; i++) {
        assertTrue(SMA_GRID.admits(proposed[i]), "admitted: " + SMA_GRID.values(proposed[i]));
        assertTrue(i == 0 || proposed[i - 1] < proposed[i], "ascending and distinct at " + i);
        long id = proposed[i];
        assertTrue(Arrays.stream(ids).noneMatch(e -> e == id), "not evaluated before: " + id);
      }
    }
  }

  @Test
  void whenFewerSetsAreLeftThanAskedAllOfThemAreProposed() {
    long[] admitted = TINY.admittedIn(0, TINY.size());
    assertEquals(8, admitted.length);
    long[] evaluated = Arrays.copyOf(admitted, 5);
    double[] scores = {0.1, 0.5, -0.2, Double.NaN, 0.3};
    Search.Adaptive settings = new Search.Adaptive(3, 5, 1, 0.25, 24, 3);
    assertArrayEquals(Arrays.copyOfRange(admitted, 5, 8), TreeParzen.propose(TINY, evaluated, scores, 5, settings, 1));

    long[] two = TreeParzen.propose(TINY, evaluated, scores, 2, settings, 1);
    assertEquals(2, two.length);
    assertTrue(two[0] < two[1]);
    assertTrue(Arrays.stream(two).allMatch(id -> Arrays.binarySearch(admitted, 5, 8, id) >= 0), Arrays.toString(two));

    long[] exhausted = TreeParzen.propose(TINY, admitted, new double[8], 5, settings, 2);
    assertEquals(0, exhausted.length, "nothing is left to propose");
  }

  @Test
  void nanScoresRankWorstAndTiesGoToTheLowerId() {
    long[] ids = {5, 3, 9, 1, 7};
    double[] scores = {Double.NaN, 1.0, Double.NaN, 0.5, Double.NEGATIVE_INFINITY};
    // ceil(0.4 · 5) = 2 good: the two real scores beat NaN, which Double.compare would rank highest.
    assertArrayEquals(new long[] {1, 3}, TreeParzen.goodIds(ids, scores, 0.4));
    // ceil(0.7 · 5) = 4: −∞ still beats NaN; of the two NaNs the lower id, 5, comes first.
    assertArrayEquals(new long[] {1, 3, 5, 7}, TreeParzen.goodIds(ids, scores, 0.7));
    assertArrayEquals(new long[] {3}, TreeParzen.goodIds(ids, scores, 0.01), "at least one good trial");
  }

  @Test
  void badInputsAreRejectedWithTheirValues() {
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> TreeParzen.propose(TINY, new long[] {0, 1}, new double[] {1}, 2, SETTINGS, 1));
    assertEquals("2 evaluated ids but 1 scores; need one score per id", lengths.getMessage());
    IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
        () -> TreeParzen.propose(TINY, new long[] {1, 0, 1}, new double[] {1, 2, 3}, 2, SETTINGS, 1));
    assertEquals("evaluated id 1 appears more than once", repeated.getMessage());
    IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
        () -> TreeParzen.propose(TINY, new long[] {0}, new double[] {1}, 2, SETTINGS, 0));
    assertTrue(batch.getMessage().startsWith("batchIndex must be in [1, 6), was 0"), batch.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TreeParzen.propose(TINY, new long[] {0}, new double[] {1}, 2, SETTINGS, 6));
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> TreeParzen.propose(TINY, new long[] {0}, new double[] {1}, 0, SETTINGS, 1));
    assertEquals("count must be >= 1, was 0", count.getMessage());
  }

  @Test
  void adaptiveSettingsValidateAndDefineTheStudysSchedule() {
    assertEquals("gamma must be in (0, 1), was 1.0",
        assertThrows(IllegalArgumentException.class, () -> new Search.Adaptive(2, 4, 5, 1.0, 24, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Search.Adaptive(2, 4, 5, Double.NaN, 24, 1));
    assertEquals("batches must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> new Search.Adaptive(0, 4, 5, 0.25, 24, 1)).getMessage());
    assertEquals("batchSize must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> new Search.Adaptive(2, 0, 5, 0.25, 24, 1)).getMessage());
    assertEquals("startup must be >= 1, was -1",
        assertThrows(IllegalArgumentException.class, () -> new Search.Adaptive(2, 4, -1, 0.25, 24, 1)).getMessage());
    assertEquals("candidates must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> new Search.Adaptive(2, 4, 5, 0.25, 0, 1)).getMessage());

    assertEquals(100, SETTINGS.maxEvaluations(), "20 startup + 5 batches of 16");
    assertEquals(20, new Search.Adaptive(1, 16, 20, 0.25, 24, 1).maxEvaluations(), "the startup batch alone");
    assertArrayEquals(new Search.Random(20, 11).ids(SMA_GRID), SETTINGS.startupIds(SMA_GRID));
  }

  @Test
  void parzenDensityMatchesHandComputedMassesForTwoObservations() {
    // Observations at steps 0 and 3 of 5: bin centres 0.1 and 0.7; the prior N(0.5, 1) goes between them.
    // Bandwidths: 0.1 → gap to 0.5 = 0.4; 0.7 → gap to 0.5 = 0.2, clipped up to 1 / min(100, 1 + 3) = 0.25;
    // the prior keeps 1. Weights 1/3 each. Step r has the mass of [r/5, (r+1)/5] divided by the mass of [0, 1].
    // Expected values from scipy.stats.norm.cdf with these mus, sigmas and weights.
    TreeParzen.Parzen parzen = TreeParzen.Parzen.fit(5, new int[] {3, 0});
    double[] expected = {0.1572316266146407, 0.18634453179685556, 0.23228535930992486, 0.2454488115048081,
        0.17868967077377082};
    double sum = 0;
    for (int r = 0; r < 5; r++) {
      assertEquals(expected[r], parzen.probability(r), 1e-12, "step " + r);
      sum += parzen.probability(r);
    }
    assertEquals(1.0, sum, 1e-12);

    // With no observation, the prior alone: symmetric around the middle step.
    TreeParzen.Parzen prior = TreeParzen.Parzen.fit(5, new int[0]);
    assertEquals(prior.probability(0), prior.probability(4), 1e-15);
    assertTrue(prior.probability(2) > prior.probability(1));

    // The normal tails the masses are built from, against scipy.stats.norm.sf and cdf.
    assertEquals(0.3820885778110474, TreeParzen.upperTail(0.3), 1e-15);
    assertEquals(0.006209665325776132, TreeParzen.upperTail(2.5), 1e-17);
    assertEquals(6.22096057427174e-16, TreeParzen.upperTail(8.0), 1e-28);
    assertEquals(0.540352071388616, TreeParzen.normalMass(-1.2, 0.4, 0, 1), 1e-15);
  }

  @Test
  void categoricalDensityAddsOnePseudoCountPerValue() {
    // Counts 2, 0, 1 over 3 values: (2 + 1, 0 + 1, 1 + 1) / (3 + 3).
    TreeParzen.Categorical categorical = TreeParzen.Categorical.fit(3, new int[] {0, 2, 0});
    assertEquals(0.5, categorical.probability(0), 1e-15);
    assertEquals(1.0 / 6, categorical.probability(1), 1e-15);
    assertEquals(1.0 / 3, categorical.probability(2), 1e-15);
    int[] drawn = new int[3];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 60_000; i++) {
      drawn[categorical.sample(random)]++;
    }
    assertEquals(30_000, drawn[0], 600);
    assertEquals(10_000, drawn[1], 600);
  }

  @Test
  void findsBetterSetsThanRandomSearchWithTheSameBudget() {
    // 20 startup + 5 batches of 16 = 100 evaluations, against 100 random draws, over 10 seeds.
    int seeds = 10;
    double tpeBest = 0;
    double randomBest = 0;
    double tpeDistance = 0;
    double randomDistance = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      Search.Adaptive settings = new Search.Adaptive(6, 16, 20, 0.25, 24, seed);
      long[] tpe = runStudy(SMA_GRID_LONG, settings, BOWL);
      assertEquals(settings.maxEvaluations(), Arrays.stream(tpe).distinct().count());
      long[] random = new Search.Random((int) settings.maxEvaluations(), seed).ids(SMA_GRID_LONG);
      long tpeTop = best(SMA_GRID_LONG, tpe, BOWL);
      long randomTop = best(SMA_GRID_LONG, random, BOWL);
      tpeBest += BOWL.applyAsDouble(SMA_GRID_LONG.values(tpeTop)) / seeds;
      randomBest += BOWL.applyAsDouble(SMA_GRID_LONG.values(randomTop)) / seeds;
      tpeDistance += stepsFromTop(SMA_GRID_LONG.values(tpeTop)) / seeds;
      randomDistance += stepsFromTop(SMA_GRID_LONG.values(randomTop)) / seeds;
    }
    System.out.printf("TPE vs random, mean over %d seeds of 100 evaluations: best score %.6f vs %.6f, "
        + "distance to the top in steps %.2f vs %.2f%n", seeds, tpeBest, randomBest, tpeDistance, randomDistance);
    assertTrue(tpeBest > randomBest, "mean best score: TPE " + tpeBest + ", random " + randomBest);
    assertTrue(tpeDistance < randomDistance, "mean distance: TPE " + tpeDistance + ", random " + randomDistance);
  }

  @Test
  void proposalsConcentrateOnTheCategoricalValueThatPays() {
    ToDoubleFunction<Map<String, String>> shortPays =
        values -> BOWL.applyAsDouble(values) + (values.get("direction").equals("short") ? 0.5 : 0);
    int lastBatchSize = 0;
    int lastBatchShort = 0;
    for (long seed = 1; seed <= 5; seed++) {
      Search.Adaptive settings = new Search.Adaptive(6, 16, 20, 0.25, 24, seed);
      long[] ids = runStudy(SMA_GRID, settings, shortPays);
      long[] lastBatch = Arrays.copyOfRange(ids, ids.length - settings.batchSize(), ids.length);
      long shorts = Arrays.stream(lastBatch).filter(id -> SMA_GRID.values(id).get("direction").equals("short")).count();
      assertTrue(shorts >= 0.6 * lastBatch.length, "seed " + seed + ": " + shorts + " of " + lastBatch.length);
      lastBatchSize += lastBatch.length;
      lastBatchShort += (int) shorts;
    }
    System.out.printf("direction=short in the last batch: %d of %d (random would give a third)%n", lastBatchShort,
        lastBatchSize);
  }

  private static double stepsFromTop(Map<String, String> values) {
    return Math.hypot(Double.parseDouble(values.get("fast")) - 17, Double.parseDouble(values.get("slow")) - 120);
  }
}
