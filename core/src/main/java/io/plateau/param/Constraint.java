package io.plateau.param;

import io.plateau.util.InputException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule between parameters that a set must satisfy, written {@code fast < slow} or {@code stop_atr <= 3}: a
 * parameter or number on each side of one of {@code < <= > >= == !=}, compared as numbers.
 *
 * @param text the rule as written
 * @param left a parameter name or a number
 * @param operator one of {@code < <= > >= == !=}
 * @param right a parameter name or a number
 */
public record Constraint(String text, String left, String operator, String right) implements Serializable {

  private static final Pattern SYNTAX =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*|-?[0-9.]+)\\s*(<=|>=|==|!=|<|>)\\s*([A-Za-z_][A-Za-z0-9_]*|-?[0-9.]+)\\s*");

  /**
   * Parses {@code text}; {@code where} names the config key for errors and {@code parameters} are the names a side
   * may use.
   */
  public static Constraint parse(String text, String where, Set<String> parameters) {
    Matcher matcher = SYNTAX.matcher(text);
    if (!matcher.matches()) {
      throw new InputException(where + ": constraint '" + text + "' is not 'A OP B' with A and B parameters or "
          + "numbers and OP one of < <= > >= == !=");
    }
    for (int side = 1; side <= 3; side += 2) {
      String operand = matcher.group(side);
      if (!isNumber(operand) && !parameters.contains(operand)) {
        throw new InputException(where + ": constraint '" + text + "' names '" + operand
            + "', which is not a parameter of the strategy; it has " + parameters);
      }
    }
    return new Constraint(text.trim(), matcher.group(1), matcher.group(2), matcher.group(3));
  }

  /** Whether the set with {@code values} (parameter name → value) satisfies the rule. */
  public boolean holds(Map<String, String> values) {
    double a = operand(left, values);
    double b = operand(right, values);
    return switch (operator) {
      case "<" -> a < b;
      case "<=" -> a <= b;
      case ">" -> a > b;
      case ">=" -> a >= b;
      case "==" -> a == b;
      default -> a != b;
    };
  }

  private double operand(String operand, Map<String, String> values) {
    String text = isNumber(operand) ? operand : values.get(operand);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InputException("constraint '" + this.text + "': " + operand + "=" + text + " is not a number");
    }
  }

  private static boolean isNumber(String operand) {
    char first = operand.charAt(0);
    return first == '-' || first == '.' || Character.isDigit(first);
  }
}
