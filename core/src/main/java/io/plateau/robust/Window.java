package io.plateau.robust;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One walk-forward window: an in-sample span on which a set is chosen and the out-of-sample span right after it,
 * on which the choice is judged. All four dates are trading dates and inclusive.
 *
 * @param index 0 for the earliest window
 * @param inSampleStart first in-sample trading date
 * @param inSampleEnd last in-sample trading date
 * @param outOfSampleStart first out-of-sample trading date, the one after {@code inSampleEnd}
 * @param outOfSampleEnd last out-of-sample trading date
 */
public record Window(int index, LocalDate inSampleStart, LocalDate inSampleEnd, LocalDate outOfSampleStart,
    LocalDate outOfSampleEnd) implements Serializable {

  @Override
  public String toString() {
    return "window " + index + ": in-sample " + inSampleStart + ".." + inSampleEnd + ", out-of-sample "
        + outOfSampleStart + ".." + outOfSampleEnd;
  }
}
