package io.plateau.strategy;

import io.plateau.util.InputException;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A strategy's name and parameter values: what Spark ships to executors and what a parameter-set id is derived
 * from. Values are kept as text (numbers as written, choices as names) so that the spec prints, parses and
 * compares exactly; {@link StrategyDefinition#spec} checks them against the parameter space.
 *
 * @param name the strategy ({@code sma-cross})
 * @param params parameter values by name, sorted
 */
public record StrategySpec(String name, SortedMap<String, String> params)
    implements Serializable, Comparable<StrategySpec> {

  public StrategySpec {
    params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
  }

  public static StrategySpec of(String name, Map<String, String> params) {
    return new StrategySpec(name, new TreeMap<>(params));
  }

  public String text(String param) {
    String value = params.get(param);
    if (value == null) {
      throw new InputException(name + ": parameter '" + param + "' is missing");
    }
    return value;
  }

  public int intParam(String param) {
    String value = text(param);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InputException(name + ": parameter " + param + "=" + value + " must be a whole number");
    }
  }

  public double doubleParam(String param) {
    String value = text(param);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new InputException(name + ": parameter " + param + "=" + value + " must be a number");
    }
  }

  /** {@code sma-cross fast=50 slow=200}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name);
    params.forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
    return text.toString();
  }

  @Override
  public int compareTo(StrategySpec other) {
    return toString().compareTo(other.toString());
  }
}
