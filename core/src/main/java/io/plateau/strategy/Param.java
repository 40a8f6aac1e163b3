package io.plateau.strategy;

import java.io.Serializable;
import java.util.List;

/**
 * One dimension of a strategy's parameter space: its name, kind, bounds and default, so that a study can
 * enumerate it and a command line can check it.
 *
 * @param name the parameter ({@code fast})
 * @param kind whole number, number, one of {@code choices}, or text matching {@code textRegex}
 * @param min smallest allowed value (numbers)
 * @param max largest allowed value (numbers)
 * @param defaultValue the value when none is given, as text
 * @param choices the allowed names for a choice
 * @param textRegex the regular expression a whole text value matches
 * @param textForm what {@code textRegex} allows, in words for error messages
 * @param description what it does, for help texts
 */
public record Param(String name, Kind kind, double min, double max, String defaultValue, List<String> choices,
    String textRegex, String textForm, String description) implements Serializable {

  /** What values a parameter takes. */
  public enum Kind {
    INT,
    DOUBLE,
    CHOICE,
    /** Text of a given form ({@code 1-2-3-4}). */
    TEXT
  }

  public Param {
    choices = List.copyOf(choices);
  }

  public static Param ofInt(String name, int min, int max, int defaultValue, String description) {
    return new Param(name, Kind.INT, min, max, Integer.toString(defaultValue), List.of(), "", "", description);
  }

  public static Param ofDouble(String name, double min, double max, double defaultValue, String description) {
    return new Param(name, Kind.DOUBLE, min, max, Double.toString(defaultValue), List.of(), "", "", description);
  }

  public static Param ofChoice(String name, List<String> choices, String defaultValue, String description) {
    return new Param(name, Kind.CHOICE, 0, 0, defaultValue, choices, "", "", description);
  }

  /**
   * Text matching {@code regex} (whole), described to users as {@code allowed}; {@code defaultValue} must match.
   */
  public static Param ofText(String name, String regex, String allowed, String defaultValue, String description) {
    Param param = new Param(name, Kind.TEXT, 0, 0, defaultValue, List.of(), regex, allowed, description);
    if (param.check(defaultValue) != null) {
      throw new IllegalArgumentException(name + ": default " + defaultValue + " " + param.check(defaultValue));
    }
    return param;
  }

  /** An error message for {@code value}, or null when it is allowed. */
  public String check(String value) {
    switch (kind) {
      case CHOICE -> {
        return choices.contains(value) ? null : "must be one of " + choices;
      }
      case TEXT -> {
        return value.matches(textRegex) ? null : "must be " + textForm;
      }
      case INT -> {
        try {
          int number = Integer.parseInt(value);
          return number >= min && number <= max ? null : "must be a whole number in [" + (long) min + ", " + (long) max + "]";
        } catch (NumberFormatException e) {
          return "must be a whole number in [" + (long) min + ", " + (long) max + "]";
        }
      }
      default -> {
        try {
          double number = Double.parseDouble(value);
          return number >= min && number <= max ? null : "must be a number in [" + min + ", " + max + "]";
        } catch (NumberFormatException e) {
          return "must be a number in [" + min + ", " + max + "]";
        }
      }
    }
  }
}
