package io.plateau.param;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The proposer of an adaptive study's next batch: a tree-structured Parzen estimator (TPE) picks the parameter sets
 * it expects to improve most on the trials evaluated so far.
 *
 * <p>TPE (J. Bergstra, R. Bardenet, Y. Bengio, B. Kégl, "Algorithms for Hyper-Parameter Optimization", NIPS 2011)
 * splits the evaluated trials into the good ones, the best {@code ceil(gamma · n)} by score, and the rest; it fits a
 * density l(x) to the good and g(x) to the rest, and proposes the point maximizing l(x) / g(x), which the paper shows
 * maximizes expected improvement. That maximum is sought among {@code candidates} points drawn from l. Both
 * densities are products of one density per axis (the "tree" of the name is flat here: a grid has no conditional
 * parameters).
 *
 * <p>Per axis, following hyperopt's {@code tpe.py}:
 * <ul>
 *   <li>An axis of one step is fixed and left out.
 *   <li>An axis whose values are all numbers is ordinal. Its K steps, ranked by value, are the bins
 *       {@code [r/K, (r+1)/K)} of [0, 1], so each step weighs the same whatever the spacing of its values. The
 *       density is hyperopt's adaptive Parzen estimator: one Gaussian per observation at its bin centre, with
 *       bandwidth the larger gap to its neighbours in sorted order, clipped to {@code [1/min(100, m + 1), 1]} for m
 *       components; plus a prior Gaussian at 0.5 with bandwidth 1, the range. With a single observation its
 *       bandwidth is 0.5. Every component weighs 1 (hyperopt's {@code prior_weight} 1.0) before normalizing. As for
 *       hyperopt's quantized distributions, the mixture is truncated to [0, 1] and a step's probability is the mass
 *       of its bin.
 *   <li>Any other axis is categorical: value k has probability {@code (count_k + 1) / (n + K)}, hyperopt's prior
 *       pseudo-count of 1.
 * </ul>
 * Two departures from hyperopt, both to fit batches of a grid: the good trials are the best
 * {@code ceil(gamma · n)} (the paper's quantile), not {@code ceil(gamma · sqrt(n))} capped at 25; and there is no
 * linear forgetting of old trials, since a proposal must not depend on the order the trials are given in.
 *
 * <p>Constraints are not modelled: candidates the space does not admit, and those already evaluated or proposed,
 * are skipped. When none of a draw of candidates qualifies, TPE draws again a few times, then falls back to uniform
 * draws over the grid, and when those fail too (few sets left) enumerates the unevaluated admitted sets and picks
 * among them, so a batch is always full when the space allows.
 *
 * <p>Arithmetic goes through {@link StrictMath}: {@code Math}'s intrinsics may differ by an ulp between JVMs, which
 * could flip a near tie between candidates, and the same study must propose the same sets on every machine.
 */
public final class TreeParzen {

  /** The weight of the prior component or pseudo-count, relative to one observation: hyperopt's prior_weight. */
  static final double PRIOR_WEIGHT = 1.0;

  /** Draws of {@code candidates} points from l before a proposal falls back to uniform draws. */
  private static final int TPE_ROUNDS = 4;

  /** Uniform draws over the grid before a proposal falls back to enumerating what is left. */
  private static final int UNIFORM_DRAWS = 1000;

  private TreeParzen() {}

  /**
   * The sets to evaluate in batch {@code batchIndex} of an adaptive study, given the trials of all earlier batches.
   *
   * @param space the study's grid
   * @param evaluatedIds the ids evaluated so far, distinct, in any order
   * @param scores the score of each id, same order; higher is better, NaN ranks worst
   * @param count the number of sets wanted, at least 1
   * @param settings gamma, candidates and seed of the study
   * @param batchIndex the batch being proposed, in {@code [1, settings.batches())}; with the seed it seeds the draws
   * @return {@code count} distinct ids admitted by the space and not evaluated, ascending; when fewer such ids are
   *     left, all of them. The result does not depend on the order of the trials.
   */
  public static long[] propose(ParameterSpace space, long[] evaluatedIds, double[] scores, int count,
      Search.Adaptive settings, int batchIndex) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
    if (batchIndex < 1 || batchIndex >= settings.batches()) {
      throw new IllegalArgumentException(
          "batchIndex must be in [1, " + settings.batches() + "), was " + batchIndex + " (batch 0 is the startup draw)");
    }
    long[] evaluated = evaluatedIds.clone();
    Arrays.sort(evaluated);
    long[] good = goodIds(evaluatedIds, scores, settings.gamma());
    List<Axis> axes = space.axes();
    int[][] goodSteps = new int[axes.size()][good.length];
    int[][] badSteps = new int[axes.size()][evaluated.length - good.length];
    int goodFilled = 0;
    int badFilled = 0;
    for (long id : evaluated) {
      int[] steps = space.steps(id);
      boolean isGood = Arrays.binarySearch(good, id) >= 0;
      for (int a = 0; a < steps.length; a++) {
        if (isGood) {
          goodSteps[a][goodFilled] = steps[a];
        } else {
          badSteps[a][badFilled] = steps[a];
        }
      }
      if (isGood) {
        goodFilled++;
      } else {
        badFilled++;
      }
    }
    AxisModel[] models = new AxisModel[axes.size()];
    for (int a = 0; a < models.length; a++) {
      models[a] = axes.get(a).size() == 1 ? null : AxisModel.fit(axes.get(a), goodSteps[a], badSteps[a]);
    }
    return new Batch(space, evaluated, models, settings.candidates(), batchRandom(settings.seed(), batchIndex))
        .fill(count);
  }

  /**
   * The good trials' ids, ascending: the best {@code ceil(gamma · n)} by score, NaN worst, ties to the lower id.
   *
   * @throws IllegalArgumentException when the arrays differ in length or an id repeats
   */
  static long[] goodIds(long[] evaluatedIds, double[] scores, double gamma) {
    if (evaluatedIds.length != scores.length) {
      throw new IllegalArgumentException(
          evaluatedIds.length + " evaluated ids but " + scores.length + " scores; need one score per id");
    }
    // Ordered by id first so that equal scores (and NaNs) split the same way whatever the input order.
    Integer[] order = IntStream.range(0, evaluatedIds.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingLong(i -> evaluatedIds[i]));
    for (int k = 1; k < order.length; k++) {
      if (evaluatedIds[order[k]] == evaluatedIds[order[k - 1]]) {
        throw new IllegalArgumentException("evaluated id " + evaluatedIds[order[k]] + " appears more than once");
      }
    }
    // Double.compare ranks NaN above every number; a failed trial must rank below every real score instead.
    // The sort is stable, so ties stay in id order.
    Arrays.sort(order, Comparator.comparing((Integer i) -> Double.isNaN(scores[i]))
        .thenComparing(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()));
    int goodCount = (int) StrictMath.ceil(gamma * evaluatedIds.length);
    long[] good = new long[goodCount];
    for (int k = 0; k < goodCount; k++) {
      good[k] = evaluatedIds[order[k]];
    }
    Arrays.sort(good);
    return good;
  }

  /**
   * The generator of batch {@code batchIndex}: the {@code batchIndex}-th split of a generator seeded by
   * {@code seed}. Splits are independent streams, unlike generators seeded {@code seed + batchIndex · γ}, which
   * would replay one stream shifted by one draw per batch.
   */
  private static SplittableRandom batchRandom(long seed, int batchIndex) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom stream = root.split();
    for (int b = 1; b < batchIndex; b++) {
      stream = root.split();
    }
    return stream;
  }

  /** One batch being filled: what is taken so far and the draws that fill the rest. */
  private static final class Batch {

    private final ParameterSpace space;
    private final long[] evaluated;
    private final AxisModel[] models;
    private final int candidates;
    private final SplittableRandom random;
    private final Set<Long> taken = new HashSet<>();

    Batch(ParameterSpace space, long[] evaluated, AxisModel[] models, int candidates, SplittableRandom random) {
      this.space = space;
      this.evaluated = evaluated;
      this.models = models;
      this.candidates = candidates;
      this.random = random;
    }

    long[] fill(int count) {
      long[] proposed = new long[count];
      int filled = 0;
      while (filled < count) {
        long id = bestCandidate();
        if (id < 0) {
          id = uniformDraw();
        }
        if (id < 0) {
          filled = fillFromRest(proposed, filled);
          break;
        }
        proposed[filled++] = id;
        taken.add(id);
      }
      long[] ids = Arrays.copyOf(proposed, filled);
      Arrays.sort(ids);
      return ids;
    }

    /** The qualifying candidate with the highest log l − log g among {@link #TPE_ROUNDS} draws, or -1. */
    private long bestCandidate() {
      int[] steps = new int[models.length];
      for (int round = 0; round < TPE_ROUNDS; round++) {
        long best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
          for (int a = 0; a < models.length; a++) {
            steps[a] = models[a] == null ? 0 : models[a].sampleGood(random);
          }
          long id = space.id(steps);
          if (!qualifies(id)) {
            continue;
          }
          double score = 0;
          for (int a = 0; a < models.length; a++) {
            if (models[a] != null) {
              score += models[a].logRatio(steps[a]);
            }
          }
          if (best < 0 || score > bestScore) {
            best = id;
            bestScore = score;
          }
        }
        if (best >= 0) {
          return best;
        }
      }
      return -1;
    }

    private long uniformDraw() {
      for (int draw = 0; draw < UNIFORM_DRAWS; draw++) {
        long id = random.nextLong(space.size());
        if (qualifies(id)) {
          return id;
        }
      }
      return -1;
    }

    /**
     * Fills {@code proposed} from {@code filled} on with sets picked uniformly among all that qualify, all of them
     * when they do not outnumber the free places; returns the new fill. Enumerates the grid, so it runs only once
     * random draws have stopped finding sets.
     */
    private int fillFromRest(long[] proposed, int filled) {
      long[] rest = Arrays.stream(space.admittedIn(0, space.size())).filter(this::qualifies).toArray();
      int places = Math.min(proposed.length - filled, rest.length);
      // A partial Fisher-Yates shuffle: the first `places` entries become a uniform sample of rest.
      for (int k = 0; k < places; k++) {
        int pick = k + random.nextInt(rest.length - k);
        long swap = rest[k];
        rest[k] = rest[pick];
        rest[pick] = swap;
        proposed[filled++] = rest[k];
      }
      return filled;
    }

    private boolean qualifies(long id) {
      return Arrays.binarySearch(evaluated, id) < 0 && !taken.contains(id) && space.admits(id);
    }
  }

  /**
   * The densities of one axis with more than one step, over positions: ranks by value for an ordinal axis, steps
   * for a categorical one.
   */
  private record AxisModel(int[] stepOfPosition, int[] positionOfStep, StepDensity good, StepDensity bad) {

    static AxisModel fit(Axis axis, int[] goodSteps, int[] badSteps) {
      int[] stepOfPosition = numericOrder(axis);
      boolean ordinal = stepOfPosition != null;
      if (!ordinal) {
        stepOfPosition = IntStream.range(0, axis.size()).toArray();
      }
      int[] positionOfStep = new int[axis.size()];
      for (int p = 0; p < stepOfPosition.length; p++) {
        positionOfStep[stepOfPosition[p]] = p;
      }
      int[] goodPositions = Arrays.stream(goodSteps).map(s -> positionOfStep[s]).toArray();
      int[] badPositions = Arrays.stream(badSteps).map(s -> positionOfStep[s]).toArray();
      return ordinal
          ? new AxisModel(stepOfPosition, positionOfStep, Parzen.fit(axis.size(), goodPositions),
              Parzen.fit(axis.size(), badPositions))
          : new AxisModel(stepOfPosition, positionOfStep, Categorical.fit(axis.size(), goodPositions),
              Categorical.fit(axis.size(), badPositions));
    }

    int sampleGood(SplittableRandom random) {
      return stepOfPosition[good.sample(random)];
    }

    double logRatio(int step) {
      int position = positionOfStep[step];
      return StrictMath.log(good.probability(position)) - StrictMath.log(bad.probability(position));
    }

    /** The axis's steps ordered by numeric value (ties by step), or null when a value is not a finite number. */
    private static int[] numericOrder(Axis axis) {
      double[] numbers = new double[axis.size()];
      for (int s = 0; s < numbers.length; s++) {
        try {
          numbers[s] = Double.parseDouble(axis.value(s));
        } catch (NumberFormatException e) {
          return null;
        }
        if (!Double.isFinite(numbers[s])) {
          return null;
        }
      }
      return IntStream.range(0, numbers.length).boxed()
          .sorted(Comparator.<Integer>comparingDouble(s -> numbers[s]).thenComparingInt(s -> s))
          .mapToInt(Integer::intValue).toArray();
    }
  }

  /** A probability distribution over the positions {@code 0 .. K-1} of an axis. */
  sealed interface StepDensity permits Parzen, Categorical {

    double probability(int position);

    int sample(SplittableRandom random);
  }

  /**
   * Hyperopt's adaptive Parzen estimator on an ordinal axis of K positions: a mixture of Gaussians on [0, 1],
   * truncated to it, position r having the mass of the bin {@code [r/K, (r+1)/K)}.
   */
  static final class Parzen implements StepDensity {

    private final int positions;
    private final double[] mus;
    private final double[] sigmas;
    /** Component weights, summing to 1. */
    private final double[] weights;
    /** The mixture's mass inside [0, 1], which the truncation divides by. */
    private final double inside;

    private Parzen(int positions, double[] mus, double[] sigmas, double[] weights) {
      this.positions = positions;
      this.mus = mus;
      this.sigmas = sigmas;
      this.weights = weights;
      double mass = 0;
      for (int c = 0; c < mus.length; c++) {
        mass += weights[c] * normalMass(0, 1, mus[c], sigmas[c]);
      }
      this.inside = mass;
    }

    /** The estimator for observations at {@code observed} (positions, any order) on an axis of {@code positions}. */
    static Parzen fit(int positions, int[] observed) {
      double[] centres = Arrays.stream(observed).mapToDouble(r -> (r + 0.5) / positions).sorted().toArray();
      int n = centres.length;
      double priorMu = 0.5;
      double priorSigma = 1.0;
      double[] mus = new double[n + 1];
      double[] sigmas = new double[n + 1];
      // Where the prior goes among the sorted observations: before the first one not below it (numpy's
      // searchsorted, as hyperopt).
      int priorAt = 0;
      while (priorAt < n && centres[priorAt] < priorMu) {
        priorAt++;
      }
      System.arraycopy(centres, 0, mus, 0, priorAt);
      mus[priorAt] = priorMu;
      System.arraycopy(centres, priorAt, mus, priorAt + 1, n - priorAt);
      if (n == 1) {
        sigmas[1 - priorAt] = 0.5 * priorSigma;
      } else if (n >= 2) {
        for (int c = 0; c <= n; c++) {
          double below = c > 0 ? mus[c] - mus[c - 1] : 0;
          double above = c < n ? mus[c + 1] - mus[c] : 0;
          sigmas[c] = Math.max(below, above);
        }
      }
      double minSigma = priorSigma / Math.min(100.0, 1.0 + mus.length);
      for (int c = 0; c <= n; c++) {
        sigmas[c] = Math.min(Math.max(sigmas[c], minSigma), priorSigma);
      }
      sigmas[priorAt] = priorSigma;
      double[] weights = new double[n + 1];
      Arrays.fill(weights, 1.0 / (n + PRIOR_WEIGHT));
      weights[priorAt] = PRIOR_WEIGHT / (n + PRIOR_WEIGHT);
      return new Parzen(positions, mus, sigmas, weights);
    }

    @Override
    public double probability(int position) {
      double from = (double) position / positions;
      double to = (double) (position + 1) / positions;
      double mass = 0;
      for (int c = 0; c < mus.length; c++) {
        mass += weights[c] * normalMass(from, to, mus[c], sigmas[c]);
      }
      return mass / inside;
    }

    @Override
    public int sample(SplittableRandom random) {
      // Rejection from the whole mixture, as hyperopt's GMM1 draws. Every component has its mean in [0, 1] and a
      // bandwidth <= 1, so a draw lands inside with probability >= Φ(1) − Φ(0) ≈ 0.34 and the loop ends soon.
      while (true) {
        double u = random.nextDouble();
        int c = 0;
        while (c < weights.length - 1 && u >= weights[c]) {
          u -= weights[c];
          c++;
        }
        double x = mus[c] + sigmas[c] * gaussian(random);
        if (x >= 0 && x < 1) {
          return Math.min((int) (x * positions), positions - 1);
        }
      }
    }
  }

  /** A categorical axis: each of K positions with probability (count + prior weight) / (n + K · prior weight). */
  static final class Categorical implements StepDensity {

    private final double[] probabilities;

    private Categorical(double[] probabilities) {
      this.probabilities = probabilities;
    }

    static Categorical fit(int positions, int[] observed) {
      double[] probabilities = new double[positions];
      Arrays.fill(probabilities, PRIOR_WEIGHT);
      for (int position : observed) {
        probabilities[position]++;
      }
      double total = observed.length + positions * PRIOR_WEIGHT;
      for (int p = 0; p < positions; p++) {
        probabilities[p] /= total;
      }
      return new Categorical(probabilities);
    }

    @Override
    public double probability(int position) {
      return probabilities[position];
    }

    @Override
    public int sample(SplittableRandom random) {
      double u = random.nextDouble();
      int p = 0;
      while (p < probabilities.length - 1 && u >= probabilities[p]) {
        u -= probabilities[p];
        p++;
      }
      return p;
    }
  }

  /**
   * A standard normal draw by Box-Muller from two uniforms: written out, with StrictMath, rather than
   * {@code nextGaussian()}, whose algorithm the JDK does not fix.
   */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble(); // in (0, 1], so the log is finite
    double v = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
  }

  /**
   * The mass of N(mu, sigma²) in [from, to]. Written with upper tails on the side away from the mean, so that a bin
   * far out keeps its relative precision instead of being the difference of two numbers near 1.
   */
  static double normalMass(double from, double to, double mu, double sigma) {
    double a = (from - mu) / sigma;
    double b = (to - mu) / sigma;
    if (a >= 0) {
      return upperTail(a) - upperTail(b);
    }
    if (b <= 0) {
      return upperTail(-b) - upperTail(-a);
    }
    return 1.0 - upperTail(-a) - upperTail(b);
  }

  /**
   * P(Z > z) for a standard normal Z and {@code z >= 0}: half the regularized upper incomplete gamma function
   * Q(1/2, z²/2), by its series below x = 1.5 and its continued fraction above (Numerical Recipes, 6.2), to about
   * 1e-15 relative. The JDK has no erf.
   */
  static double upperTail(double z) {
    double x = 0.5 * z * z;
    if (x == 0) {
      return 0.5;
    }
    // e^-x · x^a / Γ(a) with a = 1/2, Γ(1/2) = √π.
    double front = StrictMath.exp(-x) * StrictMath.sqrt(x / StrictMath.PI);
    double epsilon = 1e-16;
    if (x < 1.5) {
      // P(a, x) = e^-x x^a / Γ(a) · Σ x^k / (a (a+1) ... (a+k)).
      double ap = 0.5;
      double term = 1.0 / ap;
      double sum = term;
      while (term >= sum * epsilon) {
        ap += 1;
        term *= x / ap;
        sum += term;
      }
      return 0.5 * (1.0 - front * sum);
    }
    // Q(a, x) = e^-x x^a / Γ(a) · 1/(x+1-a- 1·(1-a)/(x+3-a- 2·(2-a)/(x+5-a- ...))), by modified Lentz.
    double tiny = 1e-300;
    double b = x + 0.5;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < 300; i++) {
      double an = -i * (i - 0.5);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = b + an / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1.0 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1.0) < epsilon) {
        break;
      }
    }
    return 0.5 * front * h;
  }
}
