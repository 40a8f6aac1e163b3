package io.plateau.robust;

import io.plateau.util.Checks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The probability of backtest overfitting (PBO) of a study: how often the trial that did best in-sample ranks in the
 * bottom half of all trials out-of-sample, estimated by combinatorially symmetric cross-validation (CSCV) over a
 * T × N matrix of per-period returns or P&amp;L of N trials.
 *
 * <p>Bailey, Borwein, López de Prado and Zhu, "The Probability of Backtest Overfitting", Journal of Computational
 * Finance 20(4), 2017 (SSRN 2326253). An optimizer that picks the best of many trials picks, in part, the trial that
 * was luckiest on its sample; if its luck does not carry over, the chosen trial is no better than a typical one out
 * of sample. CSCV measures this without a held-out period of its own: every way of halving the history serves once
 * as in-sample and its complement as out-of-sample, so each period is in-sample exactly as often as out-of-sample.
 *
 * <h2>The method</h2>
 * The T periods are cut into S contiguous blocks ({@code S} even), block {@code b} holding periods
 * {@code [⌊b·T/S⌋, ⌊(b+1)·T/S⌋)}, so block sizes differ by at most one period (the paper assumes S divides T). Each
 * of the C(S, S/2) choices of S/2 blocks is one <em>combination</em>: its blocks are in-sample (IS), the others
 * out-of-sample (OOS). For T = 16, S = 4:
 * <pre>
 *   period       0 1 2 3 | 4 5 6 7 | 8 9 10 11 | 12 13 14 15
 *   block           0    |    1    |     2     |      3
 *   combination 0   IS   |   IS    |    OOS    |     OOS       {0,1}
 *   combination 1   IS   |   OOS   |    IS     |     OOS       {0,2}
 *   ...
 *   combination 5   OOS  |   OOS   |    IS     |     IS        {2,3}
 * </pre>
 * For every combination:
 * <ol>
 *   <li>every trial's metric is computed over the IS periods and over the OOS periods;
 *   <li>{@code n*} is the trial with the best IS metric (ties: the lowest trial index);
 *   <li>{@code ω = rank / (N + 1)}, where {@code rank} is the rank of {@code n*}'s OOS metric among the N trials'
 *       OOS metrics, 1 = worst … N = best; equal metrics share the average of their ranks (a trial tied with
 *       {@code k} others of which {@code l} are ranked below the tie gets {@code l + (k + 2) / 2}), so a tie is
 *       neither credited nor blamed to {@code n*};
 *   <li>the logit {@code λ = ln(ω / (1 − ω))}: 0 at the OOS median, negative below it.
 * </ol>
 * {@code PBO = (combinations with λ ≤ 0) / C(S, S/2)}: the share of combinations in which the IS-best trial did not
 * beat the OOS median. A study of trials without skill has PBO near (or, with ties and λ = 0 counted, a little
 * above) 0.5; a trial that is truly better than the rest brings it towards 0.
 *
 * <h2>Combination order</h2>
 * Combinations are numbered 0 … C(S, S/2) − 1 in lexicographic order of their IS block sets written as ascending
 * tuples: 0 is {0, 1, …, S/2 − 1} (the first half of the history in-sample), the last is {S/2, …, S − 1}.
 * {@link #inSampleBlocks(int)} unranks an index, so any range of combinations can be evaluated on its own
 * ({@link #evaluate}) and the ranges merged ({@link #merge}) into the same result, bit for bit, as one pass over all.
 *
 * <h2>Metrics</h2>
 * <ul>
 *   <li>{@link Metric#SHARPE} (the paper's choice): mean over sample standard deviation of the values in the periods
 *       of the split, per period, not annualized (ranks do not depend on scale; multiply the reported metrics by √252
 *       to annualize daily values). Undefined when every value in the split is equal (zero variance) or the split
 *       has one period: such a trial ranks below every defined Sharpe ratio, undefined ones tie with each other,
 *       and its metric is reported as NaN. A flat trial (no trades) is no candidate for the best, and a positive
 *       constant would otherwise get an infinite ratio and win every split.
 *   <li>{@link Metric#TOTAL}: the sum of the values in the periods of the split (net profit for P&amp;L). When S
 *       does not divide T, the two halves of a combination may differ by a few periods; every trial is measured
 *       over the same periods, so ranks are unaffected, but the degradation regression sees the difference.
 * </ul>
 *
 * <h2>Other outputs</h2>
 * <ul>
 *   <li>Performance degradation: the least-squares line of {@code n*}'s OOS metric on its IS metric over the
 *       combinations (the paper's figure 5). A negative slope means the better a trial looked in-sample, the worse
 *       it did out-of-sample. Combinations where either metric is undefined are left out.
 *   <li>Probability of OOS loss: the share of combinations in which {@code n*} lost money out-of-sample, i.e. its
 *       OOS total is &lt; 0; for both metrics that is exactly where its OOS metric is negative, when defined.
 * </ul>
 *
 * <h2>Cost</h2>
 * {@link #of} makes one pass over the matrix and keeps, per trial and block, a few sums ({@code O(N·S)} numbers,
 * about 9 MB for N = 10,000 and S = 16, much smaller than the matrix, so this object is what a distributed job
 * should broadcast). A combination then costs {@code O(N·S)}: each trial's IS and OOS Sharpe ratio from S block
 * sums, the rank of {@code n*} by counting, not sorting. All 12,870 combinations of S = 16 over 10,000 trials are
 * about 2·10⁹ additions: 3.9 s on one core for SHARPE, 1.6 s for TOTAL ({@code BacktestOverfittingBench},
 * T = 2,500).
 *
 * <p>Sharpe ratios come from per-block sums of deviations from the trial's overall mean and of their squares. When
 * that shortcut would lose precision to cancellation (a split whose spread is tiny beside its distance from the
 * trial's mean, such as a stretch without trades in an otherwise active trial), the split's variance is combined
 * instead from per-block means and sums of squared deviations from them (Chan, Golub and LeVeque, "Updating
 * formulae and a pairwise algorithm for computing sample variances", Stanford CS report STAN-CS-79-773, 1979),
 * which keeps about nine significant digits even when only the last seven digits of the values vary; and a split is
 * of zero variance exactly when its smallest and largest value are equal, with no tolerance.
 *
 * <p>Immutable and serializable; {@link #evaluate} may run on several threads or executors at once.
 */
public final class BacktestOverfitting implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The usual number of blocks, the one of the paper's examples: C(16, 8) = 12,870 combinations. */
  public static final int DEFAULT_PARTITIONS = 16;

  /** The largest number of blocks: C(32, 16) = 601,080,390 combinations still fit the int-indexed outputs. */
  public static final int MAX_PARTITIONS = 32;

  /**
   * Below this ratio of the centred to the uncentred sum of squares, the fast Sharpe ratio has lost more than about
   * four of its sixteen digits to cancellation and the split is recomputed from the per-block means and spreads.
   * Realistic splits sit near 1 and never take the exact path.
   */
  private static final double EXACT_PATH_RATIO = 1e-4;

  /** A trial's performance measure over the periods of one side of a combination. */
  public enum Metric {
    /** Per-period mean over sample standard deviation; undefined (ranked worst) for zero variance. */
    SHARPE,
    /** Sum of the values. */
    TOTAL
  }

  private final Metric metric;
  private final int partitions;
  private final int periods;
  private final int trials;
  /** Rows per block, {@code [partitions]}. */
  private final int[] blockRows;
  /** Binomial coefficients {@code C(n, k)}, {@code [n · (partitions + 1) + k]}, n, k ≤ partitions. */
  private final long[] binomial;

  // Per trial and block, laid out [trial · partitions + block]: a trial's blocks are adjacent (two cache lines per
  // array for S = 16) and the hot loop walks the trials in memory order.
  /** Sums of the raw values: the TOTAL metric and the OOS loss of n*. */
  private final double[] blockSum;
  /** SHARPE only: Σ (x − trialMean), and Σ (x − trialMean)², the fast path. */
  private final double[] blockDeviationSum;
  private final double[] blockDeviationSquares;
  /** SHARPE only: block mean, Σ (x − blockMean)², minimum and maximum, the exact path. */
  private final double[] blockMean;
  private final double[] blockCentredSquares;
  private final double[] blockMin;
  private final double[] blockMax;
  /** SHARPE only: each trial's mean over all periods, the centre of the fast path's sums. */
  private final double[] trialMean;

  private BacktestOverfitting(double[][] returnsByTrial, int partitions, Metric metric) {
    this.metric = Checks.notNull(metric, "metric");
    Checks.notNull(returnsByTrial, "returnsByTrial");
    this.trials = returnsByTrial.length;
    if (trials < 2) {
      throw new IllegalArgumentException("trials (returnsByTrial.length) must be >= 2, was " + trials);
    }
    for (int n = 0; n < trials; n++) {
      Checks.notNull(returnsByTrial[n], "returnsByTrial[" + n + "]");
    }
    this.periods = returnsByTrial[0].length;
    if (partitions < 2 || partitions % 2 != 0) {
      throw new IllegalArgumentException("partitions must be an even number >= 2, was " + partitions);
    }
    if (partitions > MAX_PARTITIONS) {
      throw new IllegalArgumentException("partitions must be <= " + MAX_PARTITIONS + ", was " + partitions);
    }
    if (partitions > periods) {
      throw new IllegalArgumentException(
          "partitions must be <= the number of periods (" + periods + "), was " + partitions);
    }
    this.partitions = partitions;
    for (int n = 0; n < trials; n++) {
      double[] row = returnsByTrial[n];
      if (row.length != periods) {
        throw new IllegalArgumentException("every trial must have the same number of periods: returnsByTrial[" + n
            + "] has " + row.length + ", returnsByTrial[0] has " + periods);
      }
      for (int t = 0; t < periods; t++) {
        if (!Double.isFinite(row[t])) {
          throw new IllegalArgumentException(
              "returnsByTrial[" + n + "][" + t + "] (trial " + n + ", period " + t + ") must be finite, was " + row[t]);
        }
      }
    }

    int[] start = new int[partitions + 1];
    for (int b = 0; b <= partitions; b++) {
      start[b] = (int) ((long) b * periods / partitions);
    }
    this.blockRows = new int[partitions];
    for (int b = 0; b < partitions; b++) {
      blockRows[b] = start[b + 1] - start[b];
    }
    this.binomial = binomialTable(partitions);

    int cells = trials * partitions;
    this.blockSum = new double[cells];
    boolean sharpe = metric == Metric.SHARPE;
    this.blockDeviationSum = sharpe ? new double[cells] : null;
    this.blockDeviationSquares = sharpe ? new double[cells] : null;
    this.blockMean = sharpe ? new double[cells] : null;
    this.blockCentredSquares = sharpe ? new double[cells] : null;
    this.blockMin = sharpe ? new double[cells] : null;
    this.blockMax = sharpe ? new double[cells] : null;
    this.trialMean = sharpe ? new double[trials] : null;
    for (int n = 0; n < trials; n++) {
      double[] row = returnsByTrial[n];
      double total = 0;
      for (int b = 0; b < partitions; b++) {
        double sum = 0;
        for (int t = start[b]; t < start[b + 1]; t++) {
          sum += row[t];
        }
        blockSum[n * partitions + b] = sum;
        total += sum;
      }
      if (!sharpe) {
        continue;
      }
      double mean = total / periods;
      trialMean[n] = mean;
      for (int b = 0; b < partitions; b++) {
        int cell = n * partitions + b;
        int rows = blockRows[b];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double deviationSum = 0;
        double deviationSquares = 0;
        for (int t = start[b]; t < start[b + 1]; t++) {
          double d = row[t] - mean;
          deviationSum += d;
          deviationSquares += d * d;
          min = Math.min(min, row[t]);
          max = Math.max(max, row[t]);
        }
        blockDeviationSum[cell] = deviationSum;
        blockDeviationSquares[cell] = deviationSquares;
        blockMin[cell] = min;
        blockMax[cell] = max;
        if (min == max) {
          // Exactly constant: its mean is that value and its spread is 0, with no rounding in either.
          blockMean[cell] = min;
          blockCentredSquares[cell] = 0;
        } else {
          double blockAverage = blockSum[cell] / rows;
          double centred = 0;
          for (int t = start[b]; t < start[b + 1]; t++) {
            double d = row[t] - blockAverage;
            centred += d * d;
          }
          blockMean[cell] = blockAverage;
          blockCentredSquares[cell] = centred;
        }
      }
    }
  }

  /**
   * Prepares the CSCV of a study: checks the matrix and sums each trial's values per block. Evaluate all
   * combinations with {@link #result()}, or ranges of them with {@link #evaluate} and {@link #merge}.
   *
   * @param returnsByTrial per-period returns or P&amp;L, one array per trial: {@code returnsByTrial[n][t]} is trial
   *     {@code n}'s value in period {@code t} (the transpose of the paper's T × N matrix, so that a trial's periods
   *     are contiguous); at least 2 trials, all of the same length T, every value finite. Not retained.
   * @param partitions S, the number of blocks: even, 2 … {@value #MAX_PARTITIONS}, at most T
   *     ({@value #DEFAULT_PARTITIONS} is the usual choice)
   * @param metric what ranks the trials in each half
   * @throws IllegalArgumentException on any violation, naming the argument, trial and period and quoting the value
   */
  public static BacktestOverfitting of(double[][] returnsByTrial, int partitions, Metric metric) {
    return new BacktestOverfitting(returnsByTrial, partitions, metric);
  }

  /** The number of combinations, C(S, S/2). */
  public int combinations() {
    return (int) binomial(partitions, partitions / 2);
  }

  /**
   * The in-sample blocks of combination {@code index}, ascending (the others are out-of-sample), by unranking it in
   * lexicographic order.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < combinations()}
   */
  public int[] inSampleBlocks(int index) {
    if (index < 0 || index >= combinations()) {
      throw new IllegalArgumentException("index must be in [0, " + combinations() + "), was " + index);
    }
    int half = partitions / 2;
    int[] blocks = new int[half];
    long rest = index;
    int candidate = 0;
    for (int i = 0; i < half; i++) {
      // Combinations whose i-th block is `candidate` come first, C(remaining blocks after it, slots left) of them.
      while (true) {
        long starting = binomial(partitions - candidate - 1, half - i - 1);
        if (rest < starting) {
          break;
        }
        rest -= starting;
        candidate++;
      }
      blocks[i] = candidate++;
    }
    return blocks;
  }

  /** Every combination: {@code merge(List.of(evaluate(0, combinations())))}. */
  public Result result() {
    return merge(List.of(evaluate(0, combinations())));
  }

  /**
   * Evaluates combinations {@code [from, to)}. The outcome of a combination depends on nothing but its index, so
   * ranges may be evaluated anywhere, in any order, and {@link #merge merged}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to <= combinations()}
   */
  public Partial evaluate(int from, int to) {
    int total = combinations();
    if (from < 0 || from > to || to > total) {
      throw new IllegalArgumentException(
          "range must satisfy 0 <= from <= to <= " + total + ", was [" + from + ", " + to + ")");
    }
    int count = to - from;
    double[] logits = new double[count];
    int[] best = new int[count];
    double[] inSample = new double[count];
    double[] outOfSample = new double[count];
    int losses = 0;
    if (count == 0) {
      return new Partial(metric, partitions, periods, trials, from, to, logits, best, inSample, outOfSample, 0);
    }

    int half = partitions / 2;
    int[] in = inSampleBlocks(from);
    int[] out = new int[half];
    // Scratch for one combination, reused: each trial's IS and OOS metric, −∞ where undefined.
    double[] inKey = new double[trials];
    double[] outKey = new double[trials];
    double twiceRanks = 2.0 * (trials + 1);
    for (int c = 0; c < count; c++) {
      if (c > 0) {
        nextCombination(in, partitions);
      }
      complement(in, out, partitions);
      if (metric == Metric.SHARPE) {
        sharpeKeys(in, out, inKey, outKey);
      } else {
        totalKeys(in, out, inKey, outKey);
      }
      int bestTrial = 0;
      for (int n = 1; n < trials; n++) {
        if (inKey[n] > inKey[bestTrial]) {
          bestTrial = n;
        }
      }
      double target = outKey[bestTrial];
      int below = 0;
      int tied = 0;
      for (int n = 0; n < trials; n++) {
        double v = outKey[n];
        below += v < target ? 1 : 0;
        tied += v == target ? 1 : 0;
      }
      // Average rank = below + (tied + 1) / 2 (tied counts n* itself); twice it is an integer, so λ ≤ 0 is exact.
      int twiceRank = 2 * below + tied + 1;
      logits[c] = Math.log(twiceRank / (twiceRanks - twiceRank));
      best[c] = bestTrial;
      inSample[c] = undefinedAsNaN(inKey[bestTrial]);
      outOfSample[c] = undefinedAsNaN(target);
      double outTotal = 0;
      int base = bestTrial * partitions;
      for (int k = 0; k < half; k++) {
        outTotal += blockSum[base + out[k]];
      }
      losses += outTotal < 0 ? 1 : 0;
    }
    return new Partial(metric, partitions, periods, trials, from, to, logits, best, inSample, outOfSample, losses);
  }

  private static double undefinedAsNaN(double key) {
    return key == Double.NEGATIVE_INFINITY ? Double.NaN : key;
  }

  /** TOTAL: every trial's IS and OOS sum. */
  private void totalKeys(int[] in, int[] out, double[] inKey, double[] outKey) {
    final int s = partitions;
    final int half = s / 2;
    final double[] sums = blockSum;
    for (int n = 0; n < trials; n++) {
      int base = n * s;
      double inSum = 0;
      double outSum = 0;
      for (int k = 0; k < half; k++) {
        inSum += sums[base + in[k]];
        outSum += sums[base + out[k]];
      }
      inKey[n] = inSum;
      outKey[n] = outSum;
    }
  }

  /** SHARPE: every trial's IS and OOS Sharpe ratio, an undefined one as −∞ so that it ranks below every other. */
  private void sharpeKeys(int[] in, int[] out, double[] inKey, double[] outKey) {
    final int s = partitions;
    final int half = s / 2;
    final double[] sums = blockDeviationSum;
    final double[] squares = blockDeviationSquares;
    final double[] means = trialMean;
    int inRows = 0;
    for (int k = 0; k < half; k++) {
      inRows += blockRows[in[k]];
    }
    int outRows = periods - inRows;
    for (int n = 0; n < trials; n++) {
      int base = n * s;
      double inSum = 0;
      double inSquares = 0;
      double outSum = 0;
      double outSquares = 0;
      for (int k = 0; k < half; k++) {
        int i = base + in[k];
        int o = base + out[k];
        inSum += sums[i];
        inSquares += squares[i];
        outSum += sums[o];
        outSquares += squares[o];
      }
      inKey[n] = sharpe(n, in, inRows, means[n], inSum, inSquares);
      outKey[n] = sharpe(n, out, outRows, means[n], outSum, outSquares);
    }
  }

  /**
   * The Sharpe ratio of trial {@code n} over {@code blocks} ({@code rows} periods), from the sum and sum of squares
   * of its deviations from {@code centre}; −∞ when undefined.
   */
  private double sharpe(int n, int[] blocks, int rows, double centre, double deviationSum, double deviationSquares) {
    double centred = deviationSquares - deviationSum * deviationSum / rows;
    if (centred > EXACT_PATH_RATIO * deviationSquares) {
      return (centre + deviationSum / rows) / Math.sqrt(centred / (rows - 1));
    }
    return exactSharpe(n, blocks, rows);
  }

  /** The exact path: zero variance decided by minimum = maximum, the spread combined from per-block statistics. */
  private double exactSharpe(int n, int[] blocks, int rows) {
    int base = n * partitions;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double weighted = 0;
    for (int b : blocks) {
      min = Math.min(min, blockMin[base + b]);
      max = Math.max(max, blockMax[base + b]);
      weighted += blockRows[b] * blockMean[base + b];
    }
    if (rows < 2 || min == max) {
      return Double.NEGATIVE_INFINITY;
    }
    double mean = weighted / rows;
    double centred = 0;
    for (int b : blocks) {
      double gap = blockMean[base + b] - mean;
      centred += blockCentredSquares[base + b] + blockRows[b] * gap * gap;
    }
    return centred > 0 ? mean / Math.sqrt(centred / (rows - 1)) : Double.NEGATIVE_INFINITY;
  }

  /** Advances {@code blocks} (ascending, of {@code partitions}) to the next combination in lexicographic order. */
  private static void nextCombination(int[] blocks, int partitions) {
    int half = blocks.length;
    int i = half - 1;
    while (blocks[i] == partitions - half + i) {
      i--;
    }
    blocks[i]++;
    for (int j = i + 1; j < half; j++) {
      blocks[j] = blocks[j - 1] + 1;
    }
  }

  /** Writes the blocks not in {@code in} (ascending) into {@code out}, ascending. */
  private static void complement(int[] in, int[] out, int partitions) {
    int k = 0;
    int o = 0;
    for (int b = 0; b < partitions; b++) {
      if (k < in.length && in[k] == b) {
        k++;
      } else {
        out[o++] = b;
      }
    }
  }

  private long binomial(int n, int k) {
    return k < 0 || k > n ? 0 : binomial[n * (partitions + 1) + k];
  }

  private static long[] binomialTable(int max) {
    long[] table = new long[(max + 1) * (max + 1)];
    for (int n = 0; n <= max; n++) {
      table[n * (max + 1)] = 1;
      for (int k = 1; k <= n; k++) {
        table[n * (max + 1) + k] = table[(n - 1) * (max + 1) + k - 1] + (k < n ? table[(n - 1) * (max + 1) + k] : 0);
      }
    }
    return table;
  }

  /**
   * Joins the evaluations of ranges that together cover every combination exactly once into the study's result.
   * The ranges may come in any order (they are sorted by their first combination) and the outcome is bit for bit
   * that of {@link #result()}: per-combination outputs are concatenated in combination order and the summary
   * statistics computed from them in that order.
   *
   * @throws IllegalArgumentException when the partials disagree on metric, S, T or N, or leave a gap or overlap
   */
  public static Result merge(Collection<Partial> partials) {
    Checks.notNull(partials, "partials");
    if (partials.isEmpty()) {
      throw new IllegalArgumentException("partials must hold at least one range, was empty");
    }
    List<Partial> sorted = new ArrayList<>(partials);
    for (int i = 0; i < sorted.size(); i++) {
      Checks.notNull(sorted.get(i), "partials[" + i + "]");
    }
    sorted.sort(Comparator.comparingInt(Partial::from).thenComparingInt(Partial::to));
    Partial first = sorted.get(0);
    int total = first.combinations();
    int next = 0;
    for (Partial p : sorted) {
      if (p.metric() != first.metric() || p.partitions() != first.partitions() || p.periods() != first.periods()
          || p.trials() != first.trials()) {
        throw new IllegalArgumentException("partials must come from one study: " + describe(p) + " vs "
            + describe(first));
      }
      if (p.from() != next) {
        throw new IllegalArgumentException("partials must cover combinations [0, " + total
            + ") without gap or overlap: expected a range starting at " + next + ", was [" + p.from() + ", " + p.to()
            + ")");
      }
      next = p.to();
    }
    if (next != total) {
      throw new IllegalArgumentException(
          "partials must cover combinations [0, " + total + "), were [0, " + next + ")");
    }

    double[] logits = new double[total];
    int[] best = new int[total];
    double[] inSample = new double[total];
    double[] outOfSample = new double[total];
    int losses = 0;
    for (Partial p : sorted) {
      int length = p.to() - p.from();
      System.arraycopy(p.logits, 0, logits, p.from(), length);
      System.arraycopy(p.bestTrials, 0, best, p.from(), length);
      System.arraycopy(p.inSampleMetrics, 0, inSample, p.from(), length);
      System.arraycopy(p.outOfSampleMetrics, 0, outOfSample, p.from(), length);
      losses += p.outOfSampleLosses();
    }
    int overfit = 0;
    for (double logit : logits) {
      overfit += logit <= 0 ? 1 : 0;
    }

    // Degradation: least squares of OOS on IS over the combinations where both are defined, two passes.
    int points = 0;
    double sumIn = 0;
    double sumOut = 0;
    for (int c = 0; c < total; c++) {
      if (!Double.isNaN(inSample[c]) && !Double.isNaN(outOfSample[c])) {
        points++;
        sumIn += inSample[c];
        sumOut += outOfSample[c];
      }
    }
    double meanIn = sumIn / points;
    double meanOut = sumOut / points;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int c = 0; c < total; c++) {
      if (!Double.isNaN(inSample[c]) && !Double.isNaN(outOfSample[c])) {
        double dx = inSample[c] - meanIn;
        double dy = outOfSample[c] - meanOut;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
      }
    }
    boolean fitted = points >= 2 && sxx > 0;
    double slope = fitted ? sxy / sxx : Double.NaN;
    double intercept = fitted ? meanOut - slope * meanIn : Double.NaN;
    double rSquared = fitted && syy > 0 ? sxy * sxy / (sxx * syy) : Double.NaN;

    return new Result(first.metric(), first.partitions(), first.periods(), first.trials(), total,
        (double) overfit / total, (double) losses / total, slope, intercept, rSquared, logits, best, inSample,
        outOfSample);
  }

  private static String describe(Partial p) {
    return p.metric() + " S=" + p.partitions() + " T=" + p.periods() + " N=" + p.trials();
  }

  /**
   * The outcome of combinations {@code [from, to)} of one study, for {@link #merge}. Arrays are indexed by
   * {@code combination − from}; accessors and the constructor copy them.
   *
   * @param metric the study's metric
   * @param partitions S
   * @param periods T
   * @param trials N
   * @param from first combination
   * @param to one past the last combination
   * @param logits λ of each combination
   * @param bestTrials n* of each combination
   * @param inSampleMetrics n*'s IS metric of each combination (NaN when undefined)
   * @param outOfSampleMetrics n*'s OOS metric of each combination (NaN when undefined)
   * @param outOfSampleLosses how many of the combinations had n*'s OOS total &lt; 0
   */
  public record Partial(Metric metric, int partitions, int periods, int trials, int from, int to, double[] logits,
      int[] bestTrials, double[] inSampleMetrics, double[] outOfSampleMetrics, int outOfSampleLosses)
      implements Serializable {

    public Partial {
      Checks.notNull(metric, "metric");
      int length = to - from;
      if (from < 0 || length < 0) {
        throw new IllegalArgumentException("range must satisfy 0 <= from <= to, was [" + from + ", " + to + ")");
      }
      checkLength(logits, length, "logits");
      checkLength(bestTrials, length, "bestTrials");
      checkLength(inSampleMetrics, length, "inSampleMetrics");
      checkLength(outOfSampleMetrics, length, "outOfSampleMetrics");
      if (outOfSampleLosses < 0 || outOfSampleLosses > length) {
        throw new IllegalArgumentException(
            "outOfSampleLosses must be in [0, " + length + "], was " + outOfSampleLosses);
      }
      logits = logits.clone();
      bestTrials = bestTrials.clone();
      inSampleMetrics = inSampleMetrics.clone();
      outOfSampleMetrics = outOfSampleMetrics.clone();
    }

    /** The study's number of combinations, C(S, S/2). */
    int combinations() {
      long c = 1;
      for (int i = 1; i <= partitions / 2; i++) {
        c = c * (partitions / 2 + i) / i;
      }
      return (int) c;
    }

    @Override
    public double[] logits() {
      return logits.clone();
    }

    @Override
    public int[] bestTrials() {
      return bestTrials.clone();
    }

    @Override
    public double[] inSampleMetrics() {
      return inSampleMetrics.clone();
    }

    @Override
    public double[] outOfSampleMetrics() {
      return outOfSampleMetrics.clone();
    }

    /** Equal when every component is, arrays compared element by element (doubles by their bits). */
    @Override
    public boolean equals(Object other) {
      return other instanceof Partial p && metric == p.metric && partitions == p.partitions
          && periods == p.periods && trials == p.trials && from == p.from && to == p.to
          && outOfSampleLosses == p.outOfSampleLosses && Arrays.equals(logits, p.logits)
          && Arrays.equals(bestTrials, p.bestTrials) && Arrays.equals(inSampleMetrics, p.inSampleMetrics)
          && Arrays.equals(outOfSampleMetrics, p.outOfSampleMetrics);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * from + to) + Arrays.hashCode(logits);
    }

    @Override
    public String toString() {
      return "Partial[" + describe(this) + " combinations [" + from + ", " + to + ")]";
    }
  }

  /**
   * The CSCV of a study. Per-combination arrays are in {@link BacktestOverfitting combination order}; accessors and
   * the constructor copy them.
   *
   * @param metric what ranked the trials
   * @param partitions S
   * @param periods T
   * @param trials N
   * @param combinations C(S, S/2)
   * @param pbo share of combinations with λ ≤ 0, in [0, 1]
   * @param probabilityOfOutOfSampleLoss share of combinations in which n*'s OOS total was &lt; 0
   * @param degradationSlope slope of the least-squares line of n*'s OOS metric on its IS metric; NaN with fewer than
   *     two defined pairs or no spread in the IS metric
   * @param degradationIntercept its intercept; NaN when the slope is
   * @param degradationRSquared its coefficient of determination (the squared correlation); NaN when the slope is or
   *     the OOS metric has no spread
   * @param logits λ of each combination
   * @param bestTrials n* of each combination
   * @param inSampleMetrics n*'s IS metric of each combination; NaN when undefined
   * @param outOfSampleMetrics n*'s OOS metric of each combination; NaN when undefined
   */
  public record Result(Metric metric, int partitions, int periods, int trials, int combinations, double pbo,
      double probabilityOfOutOfSampleLoss, double degradationSlope, double degradationIntercept,
      double degradationRSquared, double[] logits, int[] bestTrials, double[] inSampleMetrics,
      double[] outOfSampleMetrics) implements Serializable {

    public Result {
      Checks.notNull(metric, "metric");
      Checks.positive(combinations, "combinations");
      checkLength(logits, combinations, "logits");
      checkLength(bestTrials, combinations, "bestTrials");
      checkLength(inSampleMetrics, combinations, "inSampleMetrics");
      checkLength(outOfSampleMetrics, combinations, "outOfSampleMetrics");
      logits = logits.clone();
      bestTrials = bestTrials.clone();
      inSampleMetrics = inSampleMetrics.clone();
      outOfSampleMetrics = outOfSampleMetrics.clone();
    }

    @Override
    public double[] logits() {
      return logits.clone();
    }

    @Override
    public int[] bestTrials() {
      return bestTrials.clone();
    }

    @Override
    public double[] inSampleMetrics() {
      return inSampleMetrics.clone();
    }

    @Override
    public double[] outOfSampleMetrics() {
      return outOfSampleMetrics.clone();
    }

    /** Equal when every component is, doubles (and array elements) compared by their bits. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Result r && metric == r.metric && partitions == r.partitions && periods == r.periods
          && trials == r.trials && combinations == r.combinations && Double.compare(pbo, r.pbo) == 0
          && Double.compare(probabilityOfOutOfSampleLoss, r.probabilityOfOutOfSampleLoss) == 0
          && Double.compare(degradationSlope, r.degradationSlope) == 0
          && Double.compare(degradationIntercept, r.degradationIntercept) == 0
          && Double.compare(degradationRSquared, r.degradationRSquared) == 0 && Arrays.equals(logits, r.logits)
          && Arrays.equals(bestTrials, r.bestTrials) && Arrays.equals(inSampleMetrics, r.inSampleMetrics)
          && Arrays.equals(outOfSampleMetrics, r.outOfSampleMetrics);
    }

    @Override
    public int hashCode() {
      return 31 * Double.hashCode(pbo) + Arrays.hashCode(logits);
    }

    @Override
    public String toString() {
      return "Result[" + metric + " S=" + partitions + " T=" + periods + " N=" + trials + " combinations="
          + combinations + " pbo=" + pbo + " probabilityOfOutOfSampleLoss=" + probabilityOfOutOfSampleLoss
          + " degradationSlope=" + degradationSlope + " degradationIntercept=" + degradationIntercept
          + " degradationRSquared=" + degradationRSquared + "]";
    }
  }

  private static void checkLength(Object array, int length, String name) {
    Checks.notNull(array, name);
    int actual = array instanceof double[] d ? d.length : ((int[]) array).length;
    if (actual != length) {
      throw new IllegalArgumentException(name + " must have " + length + " entries, had " + actual);
    }
  }
}
