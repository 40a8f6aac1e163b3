package io.plateau.bar;

import io.plateau.util.Checks;
import java.io.Serializable;

/**
 * The length of the bars in a series: a number of minutes, or one bar per trading session ({@link #DAILY}).
 *
 * @param minutes minutes per bar; {@value #DAILY_MINUTES} means one bar per session
 */
public record BarInterval(int minutes) implements Serializable {

  static final int DAILY_MINUTES = 1440;

  public static final BarInterval ONE_MINUTE = new BarInterval(1);
  public static final BarInterval DAILY = new BarInterval(DAILY_MINUTES);

  public BarInterval {
    Checks.positive(minutes, "minutes");
    if (minutes > DAILY_MINUTES) {
      throw new IllegalArgumentException("bar interval must be at most one day (1440 minutes), was " + minutes);
    }
  }

  public static BarInterval ofMinutes(int minutes) {
    return new BarInterval(minutes);
  }

  public boolean isDaily() {
    return minutes == DAILY_MINUTES;
  }

  /** {@code 1m}, {@code 5m}, {@code 1d}. */
  @Override
  public String toString() {
    return isDaily() ? "1d" : minutes + "m";
  }
}
