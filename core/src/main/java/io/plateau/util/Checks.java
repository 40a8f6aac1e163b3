package io.plateau.util;

/**
 * Argument checks that return what they check, so they can sit inside assignments and compact constructors.
 * Messages name the argument and quote the value: {@code lookback must be > 0, was -3}.
 */
public final class Checks {

  private Checks() {}

  public static double positive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
    }
    return value;
  }

  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
    return value;
  }

  public static double nonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
    return value;
  }

  public static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }

  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must be given, was null");
    }
    return value;
  }

  public static String notBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be a non-empty text, was '" + value + "'");
    }
    return value;
  }
}
