package io.plateau.robust;

import io.plateau.param.Axis;
import io.plateau.param.ParameterSpace;
import io.plateau.util.Checks;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A study's objective smoothed over its parameter space: for every evaluated parameter set, an aggregate of the
 * objective over the set's neighbourhood, how steeply the objective changes around it, and the set to recommend,
 * which is the centre of the best broad plateau rather than the sharpest peak.
 *
 * <p>A plateau is a region of the parameter space where neighbouring sets perform alike. The best single set of an
 * optimization is often a spike: a value that owes its rank to the noise of the sample it was fitted on, with
 * neighbours one step away doing far worse. Markets drift, so the parameters that would be best out of sample sit
 * a step or two away from the in-sample optimum; a set in the middle of a broad region of good sets keeps most of
 * its performance when that happens, a spike does not. Pardo ("The Evaluation and Optimization of Trading
 * Strategies", 2nd ed., Wiley, 2008) therefore judges an optimization by the shape of its performance surface and
 * recommends choosing parameters from a robust region of good results, not the isolated top result. Here a set's
 * <em>smoothed objective</em> scores the region around it, and the recommendation is the set whose region scores
 * best.
 *
 * <h2>Neighbourhoods</h2>
 * Distances are measured in grid steps on the <em>varying</em> axes only; an axis of one step (a fixed parameter)
 * adds neither neighbours nor distance. A set's neighbourhood always holds the set itself (a <em>member</em> at
 * distance 0) and, as its <em>neighbours</em>, some of the other evaluated sets:
 * <ul>
 *   <li>{@link Neighbourhood.Box Box(k)}: every evaluated set within {@code k} steps on every varying axis (a
 *       Chebyshev ball of radius {@code k} in step space). Grid points that were not evaluated, including those a
 *       constraint excludes, do not count, so a set on a grid edge or beside a constraint boundary has fewer
 *       neighbours. Suits grid searches.
 *   <li>{@link Neighbourhood.Nearest Nearest(m)}: the {@code m} evaluated sets nearest by Euclidean distance in
 *       normalized parameter space, where step {@code s} of an axis of {@code n} steps lies at {@code s / (n - 1)},
 *       so every varying axis spans [0, 1]; equally near sets are taken by lower id. Suits random and adaptive
 *       searches, where few points of a small box were evaluated. With {@code m} at or above the number of other
 *       sets, every other set is a neighbour.
 * </ul>
 *
 * <h2>Sensitivity</h2>
 * The mean, over a set's neighbours with a defined objective, of {@code |own - neighbour| / d}, where {@code d} is
 * the Chebyshev distance in steps between the two (the largest step difference on any axis, at least 1): how much
 * the objective changes per step away from the set. It is 0 inside a flat plateau, the slope's magnitude on a linear
 * ramp, and large on a peak's flanks; NaN when the set's own objective is undefined or no neighbour's is.
 *
 * <h2>Undefined objectives</h2>
 * NaN marks an undefined objective (a ratio without trades, say). A set whose own objective is NaN has a NaN
 * smoothed objective. Otherwise:
 * <ul>
 *   <li>MINIMUM: an undefined member is the worst case, so any NaN member makes the result NaN: an unknown hole
 *       next to a set is no evidence the region is safe.
 *   <li>MEAN and MEDIAN: undefined members are skipped, but when fewer than half of the members are defined the
 *       result is NaN: one hole should not erase a plateau, but a region that is mostly holes is not a plateau.
 * </ul>
 * Infinite objectives (a profit factor without losing trades) are numbers and rank as such, but a mean or median
 * that adds +∞ to −∞, and a sensitivity between two equal infinities, is NaN.
 *
 * <h2>Ranking</h2>
 * The recommended set has the highest smoothed objective; NaN ranks below every number; among equal smoothed
 * objectives the higher own objective wins (NaN lowest again), then the lower id. There is always a recommendation:
 * when no smoothed objective is defined it is the set with the best own objective, and the caller can tell by
 * {@code Double.isNaN(smoothed(recommendedIndex()))}. Results do not depend on the order in which sets are given.
 *
 * <h2>Cost</h2>
 * {@code Box(k)} visits, per set, the points of its box that lie on the grid (at most {@code (2k+1)^d} for {@code d}
 * varying axes), looking each up in a hash table, or scans all {@code n} sets when the box holds more points than
 * that: {@code O(n · min((2k+1)^d, n) · d)}. 10,000 sets on 3 axes with {@code k = 1} take tens of milliseconds.
 * {@code Nearest(m)} sorts the sets along the axis with the most steps and, from each set, walks outward in that
 * order until that axis alone puts the remaining sets beyond the {@code m}-th nearest found: {@code O(n² · d)} in
 * the worst case (every set on one step of that axis), far less on a spread sample; 20,000 random sets on 3 axes
 * take a fraction of a second. Checking that every id is admitted costs one {@link ParameterSpace#admits} per set.
 */
public final class ParameterPlateau {

  /** How the objectives of a neighbourhood's members combine into a set's smoothed objective. */
  public enum Aggregate {
    /** The arithmetic mean of the defined members: the region's average level. */
    MEAN,
    /**
     * The median of the defined members (the mean of the two middle ones for an even count): one spike among the
     * neighbours does not lift it.
     */
    MEDIAN,
    /** The lowest member: a region counts as high as its worst point. The most conservative choice. */
    MINIMUM
  }

  /** Which evaluated sets are a set's neighbours. */
  public sealed interface Neighbourhood extends Serializable {

    /**
     * The evaluated sets at most {@code radius} steps away on every varying axis.
     *
     * @param radius the box's half-width in steps, ≥ 1
     */
    record Box(int radius) implements Neighbourhood {

      public Box {
        if (radius < 1) {
          throw new IllegalArgumentException("box radius must be >= 1 step, was " + radius);
        }
      }
    }

    /**
     * The {@code count} evaluated sets nearest in normalized parameter space.
     *
     * @param count how many neighbours, ≥ 1
     */
    record Nearest(int count) implements Neighbourhood {

      public Nearest {
        if (count < 1) {
          throw new IllegalArgumentException("nearest-neighbour count must be >= 1, was " + count);
        }
      }
    }
  }

  /** One step each way on every varying axis: the sets that differ from a set by at most one step per parameter. */
  public static final Neighbourhood DEFAULT_NEIGHBOURHOOD = new Neighbourhood.Box(1);

  /**
   * A plateau-smoothed objective as a study asks for it: the in-sample choice maximizes the {@code aggregate} of the
   * objective over each set's {@code neighbourhood} instead of the set's own objective.
   */
  public record Smoothing(Neighbourhood neighbourhood, Aggregate aggregate) implements Serializable {

    /** Neighbours of a set of a random or adaptive search, unless the study says otherwise. */
    public static final int DEFAULT_NEAREST = 8;

    public Smoothing {
      Objects.requireNonNull(neighbourhood, "neighbourhood");
      Objects.requireNonNull(aggregate, "aggregate");
    }

    /**
     * {@code aggregate} over a box of ±1 step for grid searches, and over each set and its {@value #DEFAULT_NEAREST}
     * nearest sets for random and adaptive searches, whose samples leave boxes mostly empty.
     */
    public static Smoothing defaultFor(boolean gridSearch, Aggregate aggregate) {
      return new Smoothing(gridSearch ? DEFAULT_NEIGHBOURHOOD : new Neighbourhood.Nearest(DEFAULT_NEAREST),
          aggregate);
    }

    /** In words, for consoles and reports: "plateau mean over ±1 step", "plateau median of the 8 nearest sets". */
    public String describe() {
      String how = aggregate.name().toLowerCase(java.util.Locale.ROOT);
      if (neighbourhood instanceof Neighbourhood.Box box) {
        return "plateau " + how + " over ±" + box.radius() + (box.radius() == 1 ? " step" : " steps");
      }
      return "plateau " + how + " of each set and its " + ((Neighbourhood.Nearest) neighbourhood).count()
          + " nearest sets";
    }
  }

  private final long[] ids;
  private final double[] objective;
  private final double[] smoothed;
  private final double[] sensitivity;
  private final int[] neighbourCount;
  private final int recommended;

  private ParameterPlateau(long[] ids, double[] objective, double[] smoothed, double[] sensitivity,
      int[] neighbourCount, int recommended) {
    this.ids = ids;
    this.objective = objective;
    this.smoothed = smoothed;
    this.sensitivity = sensitivity;
    this.neighbourCount = neighbourCount;
    this.recommended = recommended;
  }

  /**
   * The plateau view of a study's evaluated sets. Set {@code i} is {@code ids[i]} with objective {@code
   * objective[i]} (higher is better, NaN undefined); the index {@code i} addresses it in the accessors.
   *
   * @param space the space the ids belong to
   * @param ids distinct ids of sets the space admits, in any order, at least one
   * @param objective one value per id
   * @param neighbourhood which sets count as neighbours, e.g. {@link #DEFAULT_NEIGHBOURHOOD}
   * @param aggregate how a neighbourhood's objectives combine
   * @throws IllegalArgumentException on a missing argument, lengths that differ, no sets, an id outside the grid or
   *     not admitted, or a repeated id
   */
  public static ParameterPlateau of(ParameterSpace space, long[] ids, double[] objective, Neighbourhood neighbourhood,
      Aggregate aggregate) {
    Checks.notNull(space, "space");
    Checks.notNull(ids, "ids");
    Checks.notNull(objective, "objective");
    Checks.notNull(neighbourhood, "neighbourhood");
    Checks.notNull(aggregate, "aggregate");
    if (ids.length != objective.length) {
      throw new IllegalArgumentException(
          "ids and objective must have the same length, were " + ids.length + " and " + objective.length);
    }
    if (ids.length == 0) {
      throw new IllegalArgumentException("a plateau needs at least one evaluated set, got none");
    }
    long[] ownIds = ids.clone();
    double[] ownObjective = objective.clone();
    Lattice lattice = new Lattice(space, ownIds);
    int n = ownIds.length;
    double[] smoothed = new double[n];
    double[] sensitivity = new double[n];
    int[] neighbourCount = new int[n];
    // Allocated once for all sets: a neighbourhood never holds more than every set.
    int[] members = new int[n];
    int[] distances = new int[n];
    double[] scratch = new double[n];
    for (int i = 0; i < n; i++) {
      int count = neighbourhood instanceof Neighbourhood.Box box
          ? lattice.box(i, box.radius(), members, distances)
          : lattice.nearest(i, ((Neighbourhood.Nearest) neighbourhood).count(), members, distances);
      neighbourCount[i] = count - 1;
      smoothed[i] = smooth(ownObjective, i, members, count, aggregate, scratch);
      sensitivity[i] = sensitivity(ownObjective, i, members, distances, count);
    }
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (ranksAbove(i, best, smoothed, ownObjective, ownIds)) {
        best = i;
      }
    }
    return new ParameterPlateau(ownIds, ownObjective, smoothed, sensitivity, neighbourCount, best);
  }

  /** The number of sets. */
  public int size() {
    return ids.length;
  }

  /** The id of set {@code i}. */
  public long id(int i) {
    return ids[i];
  }

  /** The objective of set {@code i} as given. */
  public double objective(int i) {
    return objective[i];
  }

  /** The aggregate of the objective over set {@code i}'s neighbourhood; NaN as the class documents. */
  public double smoothed(int i) {
    return smoothed[i];
  }

  /** The mean change of the objective per step from set {@code i} to its defined neighbours, ≥ 0 or NaN. */
  public double sensitivity(int i) {
    return sensitivity[i];
  }

  /** How many evaluated sets besides set {@code i} are in its neighbourhood, defined or not. */
  public int neighbourCount(int i) {
    return neighbourCount[i];
  }

  /** The index of the recommended set: the best smoothed objective, ties as the class documents. */
  public int recommendedIndex() {
    return recommended;
  }

  /** The id of the recommended set. */
  public long recommendedId() {
    return ids[recommended];
  }

  private static double smooth(double[] objective, int self, int[] members, int count, Aggregate aggregate,
      double[] scratch) {
    if (Double.isNaN(objective[self])) {
      return Double.NaN;
    }
    int defined = 0;
    for (int m = 0; m < count; m++) {
      double value = objective[members[m]];
      if (!Double.isNaN(value)) {
        scratch[defined++] = value;
      }
    }
    if (aggregate == Aggregate.MINIMUM) {
      if (defined < count) {
        return Double.NaN;
      }
      double min = scratch[0];
      for (int m = 1; m < defined; m++) {
        min = Math.min(min, scratch[m]);
      }
      return min;
    }
    if (2 * defined < count) {
      return Double.NaN;
    }
    if (aggregate == Aggregate.MEAN) {
      double sum = 0;
      for (int m = 0; m < defined; m++) {
        sum += scratch[m];
      }
      return sum / defined;
    }
    Arrays.sort(scratch, 0, defined);
    int middle = defined / 2;
    return defined % 2 == 1 ? scratch[middle] : (scratch[middle - 1] + scratch[middle]) / 2;
  }

  private static double sensitivity(double[] objective, int self, int[] members, int[] distances, int count) {
    double own = objective[self];
    if (Double.isNaN(own)) {
      return Double.NaN;
    }
    double sum = 0;
    int defined = 0;
    for (int m = 0; m < count; m++) {
      double value = objective[members[m]];
      if (members[m] != self && !Double.isNaN(value)) {
        sum += Math.abs(own - value) / distances[m];
        defined++;
      }
    }
    return defined == 0 ? Double.NaN : sum / defined;
  }

  /** Whether set {@code a} ranks above set {@code b}: smoothed objective, then own objective, then lower id. */
  private static boolean ranksAbove(int a, int b, double[] smoothed, double[] objective, long[] ids) {
    int bySmoothed = compareNanLast(smoothed[a], smoothed[b]);
    if (bySmoothed != 0) {
      return bySmoothed > 0;
    }
    int byOwn = compareNanLast(objective[a], objective[b]);
    if (byOwn != 0) {
      return byOwn > 0;
    }
    return ids[a] < ids[b];
  }

  /** Positive when {@code a} is better: a number beats NaN, a higher number beats a lower one. */
  private static int compareNanLast(double a, double b) {
    boolean aDefined = !Double.isNaN(a);
    boolean bDefined = !Double.isNaN(b);
    if (aDefined != bDefined) {
      return aDefined ? 1 : -1;
    }
    return aDefined && a != b ? (a > b ? 1 : -1) : 0;
  }

  /**
   * The evaluated sets' positions on the varying axes, and an id → index table, built once; the neighbourhood
   * queries fill caller-owned arrays and allocate nothing.
   */
  private static final class Lattice {

    private final int n;
    /** The number of varying axes. */
    private final int dims;
    /** Set {@code i}'s step on varying axis {@code a} is {@code steps[i * dims + a]}. */
    private final int[] steps;
    private final int[] sizes;
    /** How much a set's id grows per step on each varying axis (fixed axes, at step 0, add nothing to an id). */
    private final long[] strides;
    /** {@code 1 / (size - 1)}: a step's length in normalized space. */
    private final double[] scales;
    private final long[] ids;
    /** The set indices by ascending id, so that scans meet sets in an order that does not depend on the input. */
    private final int[] byId;
    /**
     * The set indices by step on the sweep axis (the varying axis with the most steps, which prunes best), then by
     * id; the nearest-neighbour search walks outward from a set in this order.
     */
    private final int[] bySweep;
    /** The sweep-axis step of {@code bySweep[q]}, all 0 when no axis varies. */
    private final int[] sweepSteps;
    /** Where set {@code i} sits in {@code bySweep}. */
    private final int[] sweepPosition;
    private final double sweepScale;
    private final IdIndex index;
    private final int[] low;
    private final int[] high;
    private final int[] cursor;
    private final double[] nearestDistances;
    private final int[] nearestIndices;

    Lattice(ParameterSpace space, long[] ids) {
      n = ids.length;
      this.ids = ids;
      List<Axis> axes = space.axes();
      int[] varying = new int[axes.size()];
      long[] allStrides = new long[axes.size()];
      long stride = 1;
      int d = 0;
      for (int a = axes.size() - 1; a >= 0; a--) {
        allStrides[a] = stride;
        stride *= axes.get(a).size();
      }
      for (int a = 0; a < axes.size(); a++) {
        if (axes.get(a).size() > 1) {
          varying[d++] = a;
        }
      }
      dims = d;
      sizes = new int[dims];
      strides = new long[dims];
      scales = new double[dims];
      for (int v = 0; v < dims; v++) {
        sizes[v] = axes.get(varying[v]).size();
        strides[v] = allStrides[varying[v]];
        scales[v] = 1.0 / (sizes[v] - 1);
      }
      steps = new int[n * dims];
      index = new IdIndex(n);
      for (int i = 0; i < n; i++) {
        int[] all = space.steps(ids[i]);
        if (!space.admits(ids[i])) {
          throw new IllegalArgumentException("set id " + ids[i] + " " + space.values(ids[i])
              + " is not admitted by the space's constraints");
        }
        int earlier = index.putIfAbsent(ids[i], i);
        if (earlier >= 0) {
          throw new IllegalArgumentException(
              "set id " + ids[i] + " appears twice, at positions " + earlier + " and " + i);
        }
        for (int v = 0; v < dims; v++) {
          steps[i * dims + v] = all[varying[v]];
        }
      }
      long[] sorted = ids.clone();
      Arrays.sort(sorted);
      byId = new int[n];
      for (int r = 0; r < n; r++) {
        byId[r] = index.get(sorted[r]);
      }
      int sweep = -1;
      for (int v = 0; v < dims; v++) {
        if (sweep < 0 || sizes[v] > sizes[sweep]) {
          sweep = v;
        }
      }
      sweepScale = sweep < 0 ? 0 : scales[sweep];
      int bins = sweep < 0 ? 1 : sizes[sweep];
      // A counting sort by sweep step over the id order, which it keeps among equal steps.
      int[] binStart = new int[bins + 1];
      int[] sweepStep = new int[n];
      for (int i = 0; i < n; i++) {
        sweepStep[i] = sweep < 0 ? 0 : steps[i * dims + sweep];
        binStart[sweepStep[i] + 1]++;
      }
      for (int b = 0; b < bins; b++) {
        binStart[b + 1] += binStart[b];
      }
      bySweep = new int[n];
      sweepSteps = new int[n];
      sweepPosition = new int[n];
      for (int r = 0; r < n; r++) {
        int i = byId[r];
        int q = binStart[sweepStep[i]]++;
        bySweep[q] = i;
        sweepSteps[q] = sweepStep[i];
        sweepPosition[i] = q;
      }
      low = new int[dims];
      high = new int[dims];
      cursor = new int[dims];
      nearestDistances = new double[n];
      nearestIndices = new int[n];
    }

    /**
     * Fills {@code members} with set {@code i} and the evaluated sets at most {@code radius} steps from it on every
     * varying axis, ascending by id, and {@code distances} with their Chebyshev distances; returns how many.
     */
    int box(int i, int radius, int[] members, int[] distances) {
      int base = i * dims;
      long volume = 1;
      for (int a = 0; a < dims; a++) {
        int step = steps[base + a];
        low[a] = Math.max(0, step - radius);
        high[a] = Math.min(sizes[a] - 1, step + radius);
        // Bounded by the grid's size, which ParameterSpace computed without overflow.
        volume *= high[a] - low[a] + 1;
      }
      if (volume > n) {
        return scanBox(i, radius, members, distances);
      }
      int count = 0;
      System.arraycopy(low, 0, cursor, 0, dims);
      while (true) {
        long id = 0;
        int distance = 0;
        for (int a = 0; a < dims; a++) {
          id += cursor[a] * strides[a];
          distance = Math.max(distance, Math.abs(cursor[a] - steps[base + a]));
        }
        int j = index.get(id);
        if (j >= 0) {
          members[count] = j;
          distances[count] = distance;
          count++;
        }
        // Odometer, last axis fastest: ids come out ascending, like the scan's.
        int a = dims - 1;
        while (a >= 0 && cursor[a] == high[a]) {
          cursor[a] = low[a];
          a--;
        }
        if (a < 0) {
          return count;
        }
        cursor[a]++;
      }
    }

    private int scanBox(int i, int radius, int[] members, int[] distances) {
      int count = 0;
      for (int r = 0; r < n; r++) {
        int j = byId[r];
        int distance = chebyshev(i, j);
        if (distance <= radius) {
          members[count] = j;
          distances[count] = distance;
          count++;
        }
      }
      return count;
    }

    /**
     * Fills {@code members} with set {@code i} followed by its {@code wanted} nearest sets in normalized space,
     * nearest first and equally near by lower id, and {@code distances} with their Chebyshev distances in steps;
     * returns how many.
     */
    int nearest(int i, int wanted, int[] members, int[] distances) {
      int keep = Math.min(wanted, n - 1);
      int kept = 0;
      int position = sweepPosition[i];
      int own = sweepSteps[position];
      // Outward along the sweep axis both ways. A way ends once that axis alone puts a set strictly farther than
      // the farthest kept (the gap only grows from there); an equally far set may still win on its id.
      for (int q = position - 1; q >= 0; q--) {
        double gap = (own - sweepSteps[q]) * sweepScale;
        if (kept == keep && gap * gap > nearestDistances[keep - 1]) {
          break;
        }
        kept = offer(i, bySweep[q], keep, kept);
      }
      for (int q = position + 1; q < n; q++) {
        double gap = (sweepSteps[q] - own) * sweepScale;
        if (kept == keep && gap * gap > nearestDistances[keep - 1]) {
          break;
        }
        kept = offer(i, bySweep[q], keep, kept);
      }
      members[0] = i;
      distances[0] = 0;
      for (int k = 0; k < kept; k++) {
        members[k + 1] = nearestIndices[k];
        distances[k + 1] = chebyshev(i, nearestIndices[k]);
      }
      return kept + 1;
    }

    /**
     * Keeps set {@code j} among the {@code kept} of set {@code i}'s nearest so far, sorted by distance then id, when
     * there is room or it beats the last; returns the new count.
     */
    private int offer(int i, int j, int keep, int kept) {
      double squared = 0;
      for (int a = 0; a < dims; a++) {
        // From the integer step difference, so mirror-image neighbours tie exactly; and the sweep's gap is exactly
        // one of these terms, never more than the sum.
        double delta = (steps[j * dims + a] - steps[i * dims + a]) * scales[a];
        squared += delta * delta;
      }
      if (kept == keep && !nearer(squared, j, keep - 1)) {
        return kept;
      }
      int slot = kept < keep ? kept++ : keep - 1;
      while (slot > 0 && nearer(squared, j, slot - 1)) {
        nearestDistances[slot] = nearestDistances[slot - 1];
        nearestIndices[slot] = nearestIndices[slot - 1];
        slot--;
      }
      nearestDistances[slot] = squared;
      nearestIndices[slot] = j;
      return kept;
    }

    /** Whether set {@code j}, {@code squared} away, ranks before the kept set in {@code slot}. */
    private boolean nearer(double squared, int j, int slot) {
      double other = nearestDistances[slot];
      return squared < other || squared == other && ids[j] < ids[nearestIndices[slot]];
    }

    private int chebyshev(int i, int j) {
      int distance = 0;
      for (int a = 0; a < dims; a++) {
        distance = Math.max(distance, Math.abs(steps[j * dims + a] - steps[i * dims + a]));
      }
      return distance;
    }
  }

  /**
   * An open-addressing hash table from set id (≥ 0) to set index, at most half full, with linear probing: lookups
   * in the box loop neither box nor allocate.
   */
  private static final class IdIndex {

    private static final long EMPTY = -1;

    private final long[] keys;
    private final int[] values;
    private final int mask;
    private final int shift;

    IdIndex(int expected) {
      // A power of two above twice the entries, so probes stay short.
      int capacity = Integer.highestOneBit(expected) << 2;
      keys = new long[capacity];
      values = new int[capacity];
      mask = capacity - 1;
      shift = 64 - Integer.numberOfTrailingZeros(capacity);
      Arrays.fill(keys, EMPTY);
    }

    /** Stores {@code id → value} and returns -1, or returns the value already stored for {@code id}. */
    int putIfAbsent(long id, int value) {
      int slot = slot(id);
      while (keys[slot] != EMPTY) {
        if (keys[slot] == id) {
          return values[slot];
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = id;
      values[slot] = value;
      return -1;
    }

    /** The value stored for {@code id}, or -1. */
    int get(long id) {
      int slot = slot(id);
      while (keys[slot] != EMPTY) {
        if (keys[slot] == id) {
          return values[slot];
        }
        slot = (slot + 1) & mask;
      }
      return -1;
    }

    private int slot(long id) {
      // Fibonacci hashing: neighbouring ids (the common case in a box) spread over the table.
      return (int) ((id * 0x9E3779B97F4A7C15L) >>> shift);
    }
  }
}
