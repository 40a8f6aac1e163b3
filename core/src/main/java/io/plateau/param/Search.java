package io.plateau.param;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** How a study picks the parameter sets it evaluates from its {@link ParameterSpace}. */
public sealed interface Search extends java.io.Serializable {

  /** Every admitted point of the grid. */
  record Grid() implements Search {}

  /**
   * {@code count} distinct admitted points drawn uniformly from the grid with a generator seeded by {@code seed}:
   * the same study draws the same sets on every machine.
   */
  record Random(int count, long seed) implements Search {

    public Random {
      if (count < 1) {
        throw new IllegalArgumentException("count must be >= 1, was " + count);
      }
    }

    /**
     * The drawn ids, ascending. When the grid admits no more than {@code count} sets, all of them. Draws repeat
     * until {@code count} distinct admitted ids are found; rejected and repeated draws are skipped, so the result
     * depends on the seed and the space only.
     */
    public long[] ids(ParameterSpace space) {
      long admitted = space.admittedCount();
      if (admitted <= count) {
        return space.admittedIn(0, space.size());
      }
      SplittableRandom random = new SplittableRandom(seed);
      Set<Long> chosen = new HashSet<>();
      while (chosen.size() < count) {
        long id = random.nextLong(space.size());
        if (!chosen.contains(id) && space.admits(id)) {
          chosen.add(id);
        }
      }
      long[] ids = chosen.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(ids);
      return ids;
    }
  }

  /**
   * Batches of parameter sets chosen in turn, each batch from the scores of all earlier ones: batch 0 is
   * {@code startup} sets drawn like {@link Random} with the same seed, and each of batches {@code 1 .. batches - 1}
   * is {@code batchSize} sets proposed by {@link TreeParzen} from every trial evaluated before it. A study
   * therefore evaluates at most {@link #maxEvaluations()} sets, fewer only when the space admits fewer.
   *
   * <p>Recommended values are hyperopt's defaults: {@code gamma} 0.25, {@code candidates} 24 (its
   * {@code n_EI_candidates}) and {@code startup} 20. A larger {@code batchSize} evaluates more sets in parallel per
   * batch but adapts less often, since proposals within a batch see only earlier batches.
   *
   * @param batches the number of batches, the startup batch included, at least 1
   * @param batchSize the sets proposed in each batch after the first, at least 1
   * @param startup the sets drawn at random in batch 0, at least 1
   * @param gamma the fraction of evaluated trials, the best by score, that TPE models as good; in (0, 1)
   * @param candidates the points TPE draws from its model of the good trials for each set it proposes, at least 1
   * @param seed seeds the startup draw and, with the batch index, every later batch
   */
  record Adaptive(int batches, int batchSize, int startup, double gamma, int candidates, long seed) implements Search {

    public Adaptive {
      if (batches < 1) {
        throw new IllegalArgumentException("batches must be >= 1, was " + batches);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
      }
      if (startup < 1) {
        throw new IllegalArgumentException("startup must be >= 1, was " + startup);
      }
      if (!(gamma > 0 && gamma < 1)) {
        throw new IllegalArgumentException("gamma must be in (0, 1), was " + gamma);
      }
      if (candidates < 1) {
        throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
      }
    }

    /** The ids of batch 0, ascending: the draw of {@code new Random(startup, seed)}. */
    public long[] startupIds(ParameterSpace space) {
      return new Random(startup, seed).ids(space);
    }

    /** The most sets the study evaluates: {@code startup + (batches - 1) * batchSize}. */
    public long maxEvaluations() {
      return startup + (long) (batches - 1) * batchSize;
    }
  }
}
