package io.plateau.param;

import java.io.Serializable;
import java.util.List;

/**
 * One parameter's values in a study, in the order the study gives them (ascending for ranges): the grid steps along
 * this axis. Values are text, exactly as a {@link io.plateau.strategy.StrategySpec} holds them.
 *
 * @param name the parameter
 * @param values its values, at least one, no duplicates
 */
public record Axis(String name, List<String> values) implements Serializable {

  public Axis {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException(name + ": an axis needs at least one value");
    }
    if (values.stream().distinct().count() != values.size()) {
      throw new IllegalArgumentException(name + ": duplicate values " + values);
    }
  }

  public int size() {
    return values.size();
  }

  public String value(int step) {
    return values.get(step);
  }
}
