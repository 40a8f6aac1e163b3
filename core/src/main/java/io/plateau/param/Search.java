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
}
