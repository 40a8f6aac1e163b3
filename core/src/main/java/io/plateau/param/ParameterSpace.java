package io.plateau.param;

import io.plateau.strategy.Param;
import io.plateau.strategy.Strategies;
import io.plateau.strategy.StrategyDefinition;
import io.plateau.strategy.StrategySpec;
import io.plateau.util.InputException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy's parameter grid in a study: one {@link Axis} per strategy parameter (a fixed value is an axis of one
 * step), in the strategy's parameter order, and the study's constraints.
 *
 * <p>Every point of the full grid has a stable id: its steps read as a mixed-radix number, the first axis most
 * significant. The id depends on the axes only, not on the constraints or the search method, so a set keeps its id
 * whether it came from a grid, a random draw or an adaptive proposal, and the same study gives the same ids on
 * every machine.
 */
public final class ParameterSpace implements Serializable {

  /** By name: definitions are registry singletons, looked up again wherever the space is deserialized. */
  private final String strategyName;
  private final List<Axis> axes;
  private final List<Constraint> constraints;
  private final long size;

  /**
   * @param strategy the strategy whose parameters the axes cover, one axis per parameter in its order
   * @param axes the axes
   * @param constraints the study's rules; the strategy's own constraints apply too
   */
  public ParameterSpace(StrategyDefinition strategy, List<Axis> axes, List<Constraint> constraints) {
    this.strategyName = strategy.name();
    this.axes = List.copyOf(axes);
    this.constraints = List.copyOf(constraints);
    List<String> names = strategy.parameters().stream().map(p -> p.name()).toList();
    if (!names.equals(this.axes.stream().map(Axis::name).toList())) {
      throw new IllegalArgumentException("axes " + this.axes.stream().map(Axis::name).toList()
          + " must be the parameters of " + strategy.name() + " in order: " + names);
    }
    long product = 1;
    for (Axis axis : this.axes) {
      product = Math.multiplyExact(product, axis.size());
    }
    this.size = product;
  }

  public StrategyDefinition strategy() {
    return Strategies.get(strategyName);
  }

  public List<Axis> axes() {
    return axes;
  }

  public List<Constraint> constraints() {
    return constraints;
  }

  /** The number of points of the full grid, before constraints. */
  public long size() {
    return size;
  }

  /** The step on each axis of set {@code id}. */
  public int[] steps(long id) {
    checkId(id);
    int[] steps = new int[axes.size()];
    long rest = id;
    for (int a = axes.size() - 1; a >= 0; a--) {
      int radix = axes.get(a).size();
      steps[a] = (int) (rest % radix);
      rest /= radix;
    }
    return steps;
  }

  /** The id of the point at {@code steps}. */
  public long id(int[] steps) {
    if (steps.length != axes.size()) {
      throw new IllegalArgumentException("expected " + axes.size() + " steps, got " + steps.length);
    }
    long id = 0;
    for (int a = 0; a < axes.size(); a++) {
      int radix = axes.get(a).size();
      if (steps[a] < 0 || steps[a] >= radix) {
        throw new IllegalArgumentException("step " + steps[a] + " outside axis " + axes.get(a).name());
      }
      id = id * radix + steps[a];
    }
    return id;
  }

  /** Parameter name → value of set {@code id}, in the strategy's parameter order. */
  public Map<String, String> values(long id) {
    int[] steps = steps(id);
    Map<String, String> values = new TreeMap<>();
    for (int a = 0; a < axes.size(); a++) {
      values.put(axes.get(a).name(), axes.get(a).value(steps[a]));
    }
    return values;
  }

  /** The values of set {@code id} on the axes with more than one step: what tells sets of this study apart. */
  public Map<String, String> varyingValues(long id) {
    int[] steps = steps(id);
    Map<String, String> values = new LinkedHashMap<>();
    for (int a = 0; a < axes.size(); a++) {
      if (axes.get(a).size() > 1) {
        values.put(axes.get(a).name(), axes.get(a).value(steps[a]));
      }
    }
    return values;
  }

  public StrategySpec spec(long id) {
    return StrategySpec.of(strategyName, values(id));
  }

  /** Where a parameter's value for a single run comes from (see {@link #singleRun}). */
  public enum Origin {
    /** given by the caller (a {@code --param}) */
    GIVEN,
    /** the axis has one value: the study fixes it */
    STUDY,
    /** the strategy's default, one of the axis's values */
    DEFAULT,
    /** the axis's first value: the strategy's default is not on the axis */
    FIRST_OF_AXIS
  }

  /** A parameter's value for a single run and where it comes from. */
  public record SingleRunValue(String value, Origin origin) {}

  /**
   * One parameter set of this space for a single run ({@code plateau backtest --study}), in the strategy's
   * parameter order. Each parameter takes: its value in {@code given}, else the axis's value when the axis has one,
   * else the strategy's default when the axis holds it (numbers compared as numbers: default {@code 1.0} matches
   * axis value {@code 1}, which is the value taken), else the axis's first value. A given value may lie off the
   * axis; values and constraints are not checked here ({@link StrategyDefinition#spec} and the constraints do).
   *
   * @throws InputException when {@code given} names a parameter the strategy does not have
   */
  public Map<String, SingleRunValue> singleRun(Map<String, String> given) {
    StrategyDefinition strategy = strategy();
    List<String> names = axes.stream().map(Axis::name).toList();
    for (String name : given.keySet()) {
      if (!names.contains(name)) {
        throw new InputException(strategyName + ": unknown parameter '" + name + "'; it has " + names);
      }
    }
    Map<String, SingleRunValue> values = new LinkedHashMap<>();
    for (int a = 0; a < axes.size(); a++) {
      Axis axis = axes.get(a);
      Param param = strategy.parameters().get(a);
      if (given.containsKey(axis.name())) {
        values.put(axis.name(), new SingleRunValue(given.get(axis.name()), Origin.GIVEN));
      } else if (axis.size() == 1) {
        values.put(axis.name(), new SingleRunValue(axis.value(0), Origin.STUDY));
      } else {
        String onAxis = axis.values().stream().filter(v -> sameValue(param, v, param.defaultValue())).findFirst()
            .orElse(null);
        values.put(axis.name(), onAxis != null ? new SingleRunValue(onAxis, Origin.DEFAULT)
            : new SingleRunValue(axis.value(0), Origin.FIRST_OF_AXIS));
      }
    }
    return values;
  }

  /** Whether two values of {@code param} are the same: as numbers for a number ({@code 1} and {@code 1.0}). */
  private static boolean sameValue(Param param, String a, String b) {
    if (param.kind() == Param.Kind.CHOICE) {
      return a.equals(b);
    }
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b)) == 0;
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  /** Whether set {@code id} satisfies the study's constraints and the strategy's own. */
  public boolean admits(long id) {
    Map<String, String> values = values(id);
    for (Constraint constraint : constraints) {
      if (!constraint.holds(values)) {
        return false;
      }
    }
    return strategy().checkConstraints(StrategySpec.of(strategyName, values)) == null;
  }

  /** The number of admitted sets. One pass over the grid; nothing kept per set. */
  public long admittedCount() {
    long count = 0;
    for (long id = 0; id < size; id++) {
      if (admits(id)) {
        count++;
      }
    }
    return count;
  }

  /** The admitted ids in {@code [from, to)}, ascending. */
  public long[] admittedIn(long from, long to) {
    List<Long> ids = new ArrayList<>();
    for (long id = from; id < to; id++) {
      if (admits(id)) {
        ids.add(id);
      }
    }
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  private void checkId(long id) {
    if (id < 0 || id >= size) {
      throw new IllegalArgumentException("set id " + id + " outside the grid [0, " + size + ")");
    }
  }
}
