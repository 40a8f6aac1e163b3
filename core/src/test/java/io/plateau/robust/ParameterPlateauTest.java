package io.plateau.robust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.param.Axis;
import io.plateau.param.ParameterSpace;
import io.plateau.param.Search;
import io.plateau.robust.ParameterPlateau.Aggregate;
import io.plateau.robust.ParameterPlateau.Neighbourhood;
import io.plateau.robust.ParameterPlateau.Neighbourhood.Box;
import io.plateau.robust.ParameterPlateau.Neighbourhood.Nearest;
import io.plateau.strategy.SmaCross;
import io.plateau.strategy.Strategies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParameterPlateauTest {

  /** fast 1..7; slow, direction, atr_stop and atr_period fixed, so a set's id is its fast step. */
  private static final ParameterSpace LINE = smaCross(range(1, 1, 7), List.of("100"), List.of("0"));

  /** The hand-worked line: a rise to a peak of 8 at step 3, a shoulder of 6, 6 after it. */
  private static final double[] LINE_OBJECTIVE = {1, 4, 2, 8, 6, 6, 3};

  /** Not in id order, so that results are seen not to depend on the input order. */
  private static final long[] LINE_IDS_SCRAMBLED = {3, 0, 6, 1, 5, 2, 4};

  /** fast 1..9 × slow 10..90: every set admitted; id = 9 · fast step + slow step. */
  private static final ParameterSpace SQUARE = smaCross(range(1, 1, 9), range(10, 10, 9), List.of("0"));

  /**
   * fast 1..5 × slow 10..90 × atr_stop 0..2: step lengths 1/4, 1/8 and 1/2 in normalized space, powers of two, so
   * the implementation's floating-point distances are exact and tie exactly where the test's integers do.
   */
  private static final ParameterSpace CUBE = smaCross(range(1, 1, 5), range(10, 10, 9), range(0, 1, 3));

  /** The CUBE axes among sma-cross's five parameters (direction and atr_period are fixed). */
  private static final int[] CUBE_VARYING = {0, 1, 3};

  /** 64 · squared normalized step length per CUBE axis: 64/4², 64/8², 64/2². */
  private static final long[] CUBE_WEIGHTS = {4, 1, 16};

  /** sma-cross with the given fast, slow and atr_stop values; direction and atr_period fixed. */
  private static ParameterSpace smaCross(List<String> fast, List<String> slow, List<String> atrStop) {
    return new ParameterSpace(Strategies.get(SmaCross.NAME), List.of(new Axis("fast", fast), new Axis("slow", slow),
        new Axis("direction", List.of("long")), new Axis("atr_stop", atrStop), new Axis("atr_period", List.of("14"))),
        List.of());
  }

  private static List<String> range(int from, int step, int count) {
    return IntStream.range(0, count).mapToObj(i -> String.valueOf(from + i * step)).toList();
  }

  private static double[] scrambled(double[] byId, long[] ids) {
    return Arrays.stream(ids).mapToDouble(id -> byId[(int) id]).toArray();
  }

  /** The plateau's smoothed objectives rearranged by id, for spaces whose ids are 0..n-1. */
  private static double[] smoothedById(ParameterPlateau plateau) {
    double[] byId = new double[plateau.size()];
    for (int i = 0; i < plateau.size(); i++) {
      byId[(int) plateau.id(i)] = plateau.smoothed(i);
    }
    return byId;
  }

  private static double[] sensitivityById(ParameterPlateau plateau) {
    double[] byId = new double[plateau.size()];
    for (int i = 0; i < plateau.size(); i++) {
      byId[(int) plateau.id(i)] = plateau.sensitivity(i);
    }
    return byId;
  }

  private static int[] neighbourCountById(ParameterPlateau plateau) {
    int[] byId = new int[plateau.size()];
    for (int i = 0; i < plateau.size(); i++) {
      byId[(int) plateau.id(i)] = plateau.neighbourCount(i);
    }
    return byId;
  }

  private static long[] idsBelow(int count) {
    return IntStream.range(0, count).asLongStream().toArray();
  }

  private static int indexOf(ParameterPlateau plateau, long id) {
    return IntStream.range(0, plateau.size()).filter(i -> plateau.id(i) == id).findFirst().orElseThrow();
  }

  private static ParameterPlateau line(double[] objectiveById, Neighbourhood neighbourhood, Aggregate aggregate) {
    return ParameterPlateau.of(LINE, LINE_IDS_SCRAMBLED, scrambled(objectiveById, LINE_IDS_SCRAMBLED), neighbourhood,
        aggregate);
  }

  @Test
  void aHandWorkedLineIsSmoothedOverEachSetAndItsAdjacentSteps() {
    Box adjacent = new Box(1);
    ParameterPlateau mean = line(LINE_OBJECTIVE, adjacent, Aggregate.MEAN);
    // {1,4}, {1,4,2}, {4,2,8}, {2,8,6}, {8,6,6}, {6,6,3}, {6,3}.
    assertArrayEquals(new double[] {2.5, 7 / 3.0, 14 / 3.0, 16 / 3.0, 20 / 3.0, 5, 4.5}, smoothedById(mean), 1e-12);
    assertArrayEquals(new double[] {2.5, 2, 4, 6, 6, 6, 4.5},
        smoothedById(line(LINE_OBJECTIVE, adjacent, Aggregate.MEDIAN)), 0);
    assertArrayEquals(new double[] {1, 1, 2, 2, 6, 3, 3},
        smoothedById(line(LINE_OBJECTIVE, adjacent, Aggregate.MINIMUM)), 0);
    // Mean |own - neighbour| per step: |1-4|; (|4-1| + |4-2|)/2; (2+6)/2; (6+2)/2; (2+0)/2; (0+3)/2; |3-6|.
    assertArrayEquals(new double[] {3, 2.5, 4, 4, 1, 1.5, 3}, sensitivityById(mean), 0);
    assertArrayEquals(new int[] {1, 2, 2, 2, 2, 2, 1}, neighbourCountById(mean));
    assertEquals(LINE_IDS_SCRAMBLED[mean.recommendedIndex()], mean.recommendedId());
    assertEquals(8, mean.objective(indexOf(mean, 3)), 0, "objectives are kept in input order");
  }

  @Test
  void theRecommendationIsTheShouldersCentreNotTheRawPeak() {
    Box adjacent = new Box(1);
    assertEquals(4, line(LINE_OBJECTIVE, adjacent, Aggregate.MEAN).recommendedId(), "20/3 beats 16/3 at the peak");
    assertEquals(4, line(LINE_OBJECTIVE, adjacent, Aggregate.MINIMUM).recommendedId(), "6 beats 3 and 2");
    assertEquals(3, line(LINE_OBJECTIVE, adjacent, Aggregate.MEDIAN).recommendedId(),
        "ids 3, 4 and 5 tie at a median of 6; the higher own objective, 8, decides");
  }

  @Test
  void equalSmoothedAndOwnObjectivesGoToTheLowerId() {
    ParameterPlateau flat = line(new double[] {5, 5, 5, 5, 5, 5, 5}, new Box(1), Aggregate.MEAN);
    assertEquals(0, flat.recommendedId());
    assertArrayEquals(new double[7], sensitivityById(flat), 0, "a flat plateau is insensitive");
  }

  /**
   * A 9 × 9 grid at -5 with a peak of 100 at (2, 6) and, around (6, 2), a 3 × 3 plateau of 10 with 12 at its
   * centre. The peak's box averages (100 - 8 · 5) / 9 = 60/9; the plateau centre's (12 + 8 · 10) / 9 = 92/9. The
   * peak is two steps from the grid's edges: a clipped box beside it (say the corner's 4 members) would let the
   * peak dominate a mean, which is why a box's size matters.
   */
  @Test
  void aBroadPlateauBeatsASharpIsolatedPeakUnderEveryAggregate() {
    double[] objective = new double[81];
    Arrays.fill(objective, -5);
    for (int fast = 5; fast <= 7; fast++) {
      for (int slow = 1; slow <= 3; slow++) {
        objective[fast * 9 + slow] = 10;
      }
    }
    long centre = 6 * 9 + 2;
    long peak = 2 * 9 + 6;
    objective[(int) centre] = 12;
    objective[(int) peak] = 100;
    long[] ids = idsBelow(81);
    assertEquals(100, Arrays.stream(objective).max().orElseThrow(), 0, "the raw optimum is the peak");
    for (Aggregate aggregate : Aggregate.values()) {
      ParameterPlateau plateau = ParameterPlateau.of(SQUARE, ids, objective, ParameterPlateau.DEFAULT_NEIGHBOURHOOD,
          aggregate);
      assertEquals(centre, plateau.recommendedId(), aggregate.toString());
    }
    ParameterPlateau mean = ParameterPlateau.of(SQUARE, ids, objective, new Box(1), Aggregate.MEAN);
    assertEquals(92 / 9.0, mean.smoothed((int) centre), 1e-12);
    assertEquals(60 / 9.0, mean.smoothed((int) peak), 1e-12);
    assertEquals(105, mean.sensitivity((int) peak), 0, "every neighbour is 105 below, one step away");
    assertEquals(2, mean.sensitivity((int) centre), 0);
    // Median: the plateau's edge cells (-5 ×3, 10 ×5, 12) also reach 10, and lose on their own objective.
    ParameterPlateau median = ParameterPlateau.of(SQUARE, ids, objective, new Box(1), Aggregate.MEDIAN);
    assertEquals(10, median.smoothed((int) centre), 0);
    assertEquals(10, median.smoothed((int) (6 * 9 + 1)), 0);
    assertEquals(-5, median.smoothed((int) peak), 0);
    ParameterPlateau minimum = ParameterPlateau.of(SQUARE, ids, objective, new Box(1), Aggregate.MINIMUM);
    assertEquals(10, minimum.smoothed((int) centre), 0);
    assertEquals(-5, minimum.smoothed((int) peak), 0);
  }

  @Test
  void setsOnTheGridsEdgesHaveFewerNeighbours() {
    double[] objective = IntStream.range(0, 81).mapToDouble(i -> i).toArray();
    ParameterPlateau plateau = ParameterPlateau.of(SQUARE, idsBelow(81), objective, new Box(1), Aggregate.MEAN);
    assertEquals(3, plateau.neighbourCount(0), "corner (0, 0)");
    assertEquals(5, plateau.neighbourCount(4), "edge (0, 4)");
    assertEquals(8, plateau.neighbourCount(4 * 9 + 4), "interior (4, 4)");
    assertEquals(3, plateau.neighbourCount(80), "corner (8, 8)");
    // Corner (0, 0): ids 0, 1, 9, 10.
    assertEquals((0 + 1 + 9 + 10) / 4.0, plateau.smoothed(0), 1e-12);
    ParameterPlateau wide = ParameterPlateau.of(SQUARE, idsBelow(81), objective, new Box(2), Aggregate.MEAN);
    assertEquals(8, wide.neighbourCount(0), "a 3 × 3 corner of the 5 × 5 box");
    assertEquals(24, wide.neighbourCount(4 * 9 + 4));
  }

  /**
   * fast 10..40 × slow 20..50 where sma-cross requires fast < slow: fast step f and slow step s are admitted when
   * f ≤ s, so the box around (1, 1) loses (1, 0), (2, 0) and (2, 1), and around (2, 2) loses (2, 1), (3, 1), (3, 2).
   */
  @Test
  void gridPointsExcludedByConstraintsDoNotCount() {
    ParameterSpace space = smaCross(range(10, 10, 4), range(20, 10, 4), List.of("0"));
    long[] ids = space.admittedIn(0, space.size());
    assertEquals(10, ids.length);
    // Objective 10 · f + s, so every set's value is its steps.
    double[] objective = Arrays.stream(ids).mapToDouble(id -> 10 * (id / 4) + id % 4).toArray();
    ParameterPlateau mean = ParameterPlateau.of(space, ids, objective, new Box(1), Aggregate.MEAN);
    int oneOne = indexOf(mean, 4 + 1);
    assertEquals(5, mean.neighbourCount(oneOne));
    // (0,0) (0,1) (0,2) (1,1) (1,2) (2,2): 0 + 1 + 2 + 11 + 12 + 22 = 48.
    assertEquals(8, mean.smoothed(oneOne), 1e-12);
    assertEquals(5, mean.neighbourCount(indexOf(mean, 2 * 4 + 2)));
    assertEquals(2, mean.neighbourCount(indexOf(mean, 3 * 4 + 3)), "(3, 3) keeps (2, 2) and (2, 3), not (3, 2)");
    IllegalArgumentException excluded = assertThrows(IllegalArgumentException.class,
        () -> ParameterPlateau.of(space, new long[] {0, 2 * 4}, new double[] {1, 2}, new Box(1), Aggregate.MEAN));
    assertTrue(excluded.getMessage().startsWith("set id 8 "), excluded.getMessage());
    assertTrue(excluded.getMessage().contains("fast=30") && excluded.getMessage().contains("slow=20"),
        excluded.getMessage());
  }

  /**
   * LINE has four fixed axes: were they counted, a box would reach no further (they have one step) but the
   * normalized distance would divide by a zero-length axis. Nearest(2) still finds the adjacent steps.
   */
  @Test
  void fixedAxesAddNeitherNeighboursNorDistance() {
    ParameterPlateau nearest = line(LINE_OBJECTIVE, new Nearest(2), Aggregate.MEAN);
    // id 0: ids 1, 2; id 3: ids 2, 4; id 6: ids 5, 4.
    assertEquals((1 + 4 + 2) / 3.0, smoothedById(nearest)[0], 1e-12);
    assertEquals((8 + 2 + 6) / 3.0, smoothedById(nearest)[3], 1e-12);
    assertEquals((3 + 6 + 6) / 3.0, smoothedById(nearest)[6], 1e-12);
    // id 0: |1 - 4| / 1 step and |1 - 2| / 2 steps.
    assertEquals((3 + 0.5) / 2, sensitivityById(nearest)[0], 1e-12);
    assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2}, neighbourCountById(nearest));
    // id 2 with one neighbour: ids 1 and 3 are equally near; the lower id wins.
    assertEquals((2 + 4) / 2.0, smoothedById(line(LINE_OBJECTIVE, new Nearest(1), Aggregate.MEAN))[2], 0);
  }

  /**
   * fast 1..3 (step length 1/2) × slow 10..50 (1/4): from (0, 0), set (1, 0), id 5, and set (0, 2), id 2, are both
   * 1/2 away. The lower id wins even when the farther-looking one along the longer axis is met last.
   */
  @Test
  void equallyNearNeighboursAreTakenByLowerIdWhereverTheyLie() {
    ParameterSpace space = smaCross(range(1, 1, 3), range(10, 10, 5), List.of("0"));
    long[] ids = {5, 0, 2};
    ParameterPlateau plateau =
        ParameterPlateau.of(space, ids, new double[] {100, 1, 3}, new Nearest(1), Aggregate.MEAN);
    assertEquals((1 + 3) / 2.0, plateau.smoothed(1), 0, "set 0 takes set 2, not set 5");
    assertEquals(1, plateau.sensitivity(1), 0, "|1 - 3| over 2 steps");
  }

  @Test
  void undefinedObjectivesFollowTheDocumentedRule() {
    double nan = Double.NaN;
    double[] objective = {2, nan, 3, 4, nan, 6, nan};
    // id 0: {2, NaN}, half defined: 2. ids 2 and 3: two of three defined: 3.5. id 5: {NaN, 6, NaN}, one of three:
    // NaN. ids 1, 4 and 6 are undefined themselves.
    double[] meanOrMedian = {2, nan, 3.5, 3.5, nan, nan, nan};
    ParameterPlateau mean = line(objective, new Box(1), Aggregate.MEAN);
    assertArrayEquals(meanOrMedian, smoothedById(mean), 0);
    assertArrayEquals(meanOrMedian, smoothedById(line(objective, new Box(1), Aggregate.MEDIAN)), 0);
    assertEquals(3, mean.recommendedId(), "3.5 twice; own 4 beats own 3");
    ParameterPlateau minimum = line(objective, new Box(1), Aggregate.MINIMUM);
    assertArrayEquals(new double[] {nan, nan, nan, nan, nan, nan, nan}, smoothedById(minimum), 0,
        "every set has an undefined member");
    assertEquals(5, minimum.recommendedId(), "nothing smoothed is defined: the best own objective, 6");
    assertArrayEquals(new double[] {nan, nan, 1, 1, nan, nan, nan}, sensitivityById(mean), 0,
        "only defined neighbours count; none, or an undefined own objective, is NaN");
    assertArrayEquals(new int[] {1, 2, 2, 2, 2, 2, 1}, neighbourCountById(mean), "undefined neighbours are counted");
  }

  @Test
  void aSingleSetIsItsOwnPlateau() {
    for (Neighbourhood neighbourhood : List.of(new Box(1), new Nearest(3))) {
      for (Aggregate aggregate : Aggregate.values()) {
        ParameterPlateau single = ParameterPlateau.of(LINE, new long[] {3}, new double[] {5}, neighbourhood, aggregate);
        assertEquals(5, single.smoothed(0), 0);
        assertEquals(Double.NaN, single.sensitivity(0), 0);
        assertEquals(0, single.neighbourCount(0));
        assertEquals(3, single.recommendedId());
      }
    }
    ParameterPlateau undefined =
        ParameterPlateau.of(LINE, new long[] {3}, new double[] {Double.NaN}, new Box(1), Aggregate.MEAN);
    assertEquals(Double.NaN, undefined.smoothed(0), 0);
    assertEquals(0, undefined.recommendedIndex());
    ParameterSpace point = smaCross(List.of("5"), List.of("10"), List.of("0"));
    ParameterPlateau onlyPoint = ParameterPlateau.of(point, new long[] {0}, new double[] {-2}, new Nearest(1),
        Aggregate.MINIMUM);
    assertEquals(-2, onlyPoint.smoothed(0), 0, "a space of fixed axes only has one set");
  }

  @Test
  void sensitivityOnALinearRampIsTheSlopePerStep() {
    double[] rising = IntStream.range(0, 7).mapToDouble(step -> 10 + 3 * step).toArray();
    double[] falling = IntStream.range(0, 7).mapToDouble(step -> 10 - 3 * step).toArray();
    double[] threes = {3, 3, 3, 3, 3, 3, 3};
    for (Neighbourhood neighbourhood : List.of(new Box(1), new Box(2), new Nearest(2), new Nearest(6))) {
      assertArrayEquals(threes, sensitivityById(line(rising, neighbourhood, Aggregate.MEAN)), 1e-12,
          neighbourhood.toString());
      assertArrayEquals(threes, sensitivityById(line(falling, neighbourhood, Aggregate.MEAN)), 1e-12,
          neighbourhood.toString());
    }
  }

  /** Boxes small enough to walk (radius 1: 27 points ≤ 40 sets) and large enough to scan (radius 2: 75 > 40). */
  @Test
  void boxesOnARandomSampleMatchABruteForceSearch() {
    long[] ids = new Search.Random(40, 7).ids(CUBE);
    double[] objective = new SplittableRandom(11).doubles(ids.length, -1, 1).toArray();
    for (int radius = 1; radius <= 3; radius++) {
      for (Aggregate aggregate : Aggregate.values()) {
        ParameterPlateau plateau = ParameterPlateau.of(CUBE, ids, objective, new Box(radius), aggregate);
        for (int i = 0; i < ids.length; i++) {
          int self = i;
          int r = radius;
          List<Integer> members = IntStream.range(0, ids.length).filter(j -> chebyshev(ids[self], ids[j]) <= r)
              .boxed().toList();
          assertExpected(plateau, ids, objective, i, members, aggregate);
        }
      }
    }
  }

  @Test
  void nearestNeighboursOnARandomSampleMatchABruteForceSearch() {
    long[] ids = new Search.Random(40, 7).ids(CUBE);
    double[] objective = new SplittableRandom(11).doubles(ids.length, -1, 1).toArray();
    int count = 5;
    int tiesAtTheCut = 0;
    for (int i = 0; i < ids.length; i++) {
      int self = i;
      // Exact: 64 × the squared normalized distance is an integer on CUBE.
      List<Integer> others = IntStream.range(0, ids.length).filter(j -> j != self).boxed()
          .sorted(Comparator.<Integer>comparingLong(j -> scaledSquaredDistance(ids[self], ids[j]))
              .thenComparingLong(j -> ids[j]))
          .toList();
      if (scaledSquaredDistance(ids[i], ids[others.get(count - 1)])
          == scaledSquaredDistance(ids[i], ids[others.get(count)])) {
        tiesAtTheCut++;
      }
      List<Integer> members = new ArrayList<>(List.of(i));
      members.addAll(others.subList(0, count));
      for (Aggregate aggregate : Aggregate.values()) {
        assertExpected(ParameterPlateau.of(CUBE, ids, objective, new Nearest(count), aggregate), ids, objective, i,
            members, aggregate);
      }
    }
    assertTrue(tiesAtTheCut > 0, "the sample exercises the lower-id rule");
  }

  @Test
  void resultsDoNotDependOnTheOrderOfTheSets() {
    long[] ids = new Search.Random(40, 7).ids(CUBE);
    double[] objective = new SplittableRandom(11).doubles(ids.length, -1, 1).toArray();
    long[] reversedIds = IntStream.range(0, ids.length).mapToLong(i -> ids[ids.length - 1 - i]).toArray();
    double[] reversedObjective = IntStream.range(0, ids.length).mapToDouble(i -> objective[ids.length - 1 - i])
        .toArray();
    for (Neighbourhood neighbourhood : List.of(new Box(1), new Box(2), new Nearest(5))) {
      ParameterPlateau forward = ParameterPlateau.of(CUBE, ids, objective, neighbourhood, Aggregate.MEAN);
      ParameterPlateau backward =
          ParameterPlateau.of(CUBE, reversedIds, reversedObjective, neighbourhood, Aggregate.MEAN);
      assertEquals(forward.recommendedId(), backward.recommendedId(), neighbourhood.toString());
      for (int i = 0; i < ids.length; i++) {
        int j = ids.length - 1 - i;
        assertEquals(forward.smoothed(i), backward.smoothed(j), 0, "bit for bit, set " + ids[i]);
        assertEquals(forward.sensitivity(i), backward.sensitivity(j), 0, "bit for bit, set " + ids[i]);
      }
    }
  }

  /** Checks set {@code i}'s smoothed objective, sensitivity and neighbour count against its {@code members}. */
  private static void assertExpected(ParameterPlateau plateau, long[] ids, double[] objective, int i,
      List<Integer> members, Aggregate aggregate) {
    double[] values = members.stream().mapToDouble(j -> objective[j]).sorted().toArray();
    double expected = switch (aggregate) {
      case MEAN -> Arrays.stream(values).sum() / values.length;
      case MEDIAN -> values.length % 2 == 1 ? values[values.length / 2]
          : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
      case MINIMUM -> values[0];
    };
    double sensitivity = members.stream().filter(j -> j != i)
        .mapToDouble(j -> Math.abs(objective[i] - objective[j]) / chebyshev(ids[i], ids[j]))
        .average().orElse(Double.NaN);
    int index = indexOf(plateau, ids[i]);
    String what = "set " + ids[i] + " " + aggregate + " members " + members;
    assertEquals(expected, plateau.smoothed(index), 1e-12, what);
    assertEquals(sensitivity, plateau.sensitivity(index), 1e-12, what);
    assertEquals(members.size() - 1, plateau.neighbourCount(index), what);
  }

  private static int chebyshev(long a, long b) {
    int[] stepsA = CUBE.steps(a);
    int[] stepsB = CUBE.steps(b);
    int distance = 0;
    for (int axis = 0; axis < stepsA.length; axis++) {
      distance = Math.max(distance, Math.abs(stepsA[axis] - stepsB[axis]));
    }
    return distance;
  }

  private static long scaledSquaredDistance(long a, long b) {
    int[] stepsA = CUBE.steps(a);
    int[] stepsB = CUBE.steps(b);
    long sum = 0;
    for (int v = 0; v < CUBE_VARYING.length; v++) {
      long delta = stepsA[CUBE_VARYING[v]] - stepsB[CUBE_VARYING[v]];
      sum += delta * delta * CUBE_WEIGHTS[v];
    }
    return sum;
  }

  /**
   * 20 × 25 × 20 sets with a linear objective {@code f + 2s + 3a} in steps: the mean over a clipped box is the
   * objective at the box's centre and the minimum is at its low corner, which gives every set's expected value.
   */
  @Test
  void tenThousandSetsOnThreeAxesAreSmoothedFromTheirClippedBoxes() {
    ParameterSpace space = smaCross(range(1, 1, 20), range(21, 1, 25), range(0, 1, 20));
    int[] sizes = {20, 25, 20};
    int[] axes = {0, 1, 3};
    double[] slopes = {1, 2, 3};
    long[] ids = IntStream.range(0, 10_000).mapToLong(i -> 9_999 - i).toArray();
    double[] objective = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      int[] steps = space.steps(ids[i]);
      for (int v = 0; v < 3; v++) {
        objective[i] += slopes[v] * steps[axes[v]];
      }
    }
    ParameterPlateau mean = ParameterPlateau.of(space, ids, objective, new Box(1), Aggregate.MEAN);
    ParameterPlateau minimum = ParameterPlateau.of(space, ids, objective, new Box(1), Aggregate.MINIMUM);
    for (int i = 0; i < ids.length; i++) {
      int[] steps = space.steps(ids[i]);
      double centre = 0;
      double low = 0;
      int members = 1;
      for (int v = 0; v < 3; v++) {
        int from = Math.max(0, steps[axes[v]] - 1);
        int to = Math.min(sizes[v] - 1, steps[axes[v]] + 1);
        centre += slopes[v] * (from + to) / 2.0;
        low += slopes[v] * from;
        members *= to - from + 1;
      }
      assertEquals(centre, mean.smoothed(i), 1e-9, "set " + ids[i]);
      assertEquals(low, minimum.smoothed(i), 0, "set " + ids[i]);
      assertEquals(members - 1, mean.neighbourCount(i), "set " + ids[i]);
    }
    // The top corner's box mean, 18.5 + 2·23.5 + 3·18.5 = 121, beats its inner neighbour's 18 + 46 + 54 = 118.
    assertEquals(9_999, mean.recommendedId());
  }

  @Test
  void badInputsAreRejectedWithTheirValues() {
    Box box = new Box(1);
    IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
        () -> ParameterPlateau.of(LINE, new long[] {2, 5, 2}, new double[] {1, 2, 3}, box, Aggregate.MEAN));
    assertEquals("set id 2 appears twice, at positions 0 and 2", duplicate.getMessage());
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> ParameterPlateau.of(LINE, new long[] {1, 2}, new double[] {1, 2, 3}, box, Aggregate.MEAN));
    assertEquals("ids and objective must have the same length, were 2 and 3", lengths.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> ParameterPlateau.of(LINE, new long[0], new double[0], box, Aggregate.MEAN));
    assertEquals("a plateau needs at least one evaluated set, got none", empty.getMessage());
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
        () -> ParameterPlateau.of(LINE, new long[] {7}, new double[] {1}, box, Aggregate.MEAN));
    assertEquals("set id 7 outside the grid [0, 7)", outside.getMessage());
    IllegalArgumentException noAggregate = assertThrows(IllegalArgumentException.class,
        () -> ParameterPlateau.of(LINE, new long[] {1}, new double[] {1}, box, null));
    assertEquals("aggregate must be given, was null", noAggregate.getMessage());
    assertEquals("box radius must be >= 1 step, was 0",
        assertThrows(IllegalArgumentException.class, () -> new Box(0)).getMessage());
    assertEquals("nearest-neighbour count must be >= 1, was -2",
        assertThrows(IllegalArgumentException.class, () -> new Nearest(-2)).getMessage());
  }
}
