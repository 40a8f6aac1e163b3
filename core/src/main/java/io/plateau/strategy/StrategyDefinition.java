package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.util.InputException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A strategy as the optimizer and the command line see it: a name, a parameter space, and how to compile it. */
public interface StrategyDefinition {

  String name();

  String description();

  List<Param> parameters();

  /** Cross-parameter rules ({@code fast < slow}); an error message, or null when {@code spec} satisfies them. */
  String checkConstraints(StrategySpec spec);

  /**
   * The daily loss limit, in percent of a session's starting equity, that applies when a study or the command line
   * sets none: 0 (off), or seed 001's 1.5 for its intraday systems.
   */
  default double defaultDailyLossLimitPercent() {
    return 0;
  }

  /** The kernel for one series; indicators come from (and go into) {@code indicators}, shared across specs. */
  Strategy compile(StrategySpec spec, BarSeries bars, IndicatorCache indicators);

  /**
   * The spec for {@code given} values, defaults filled in, every value and constraint checked: an unknown or bad
   * parameter is an {@link InputException} naming it, its value and what is allowed.
   */
  default StrategySpec spec(Map<String, String> given) {
    Map<String, String> values = new TreeMap<>();
    for (Param param : parameters()) {
      values.put(param.name(), param.defaultValue());
    }
    for (Map.Entry<String, String> entry : given.entrySet()) {
      Param param = parameters().stream().filter(p -> p.name().equals(entry.getKey())).findFirst()
          .orElseThrow(() -> new InputException(name() + ": unknown parameter '" + entry.getKey() + "'; it has "
              + parameters().stream().map(Param::name).toList()));
      String problem = param.check(entry.getValue());
      if (problem != null) {
        throw new InputException(name() + ": parameter " + param.name() + "=" + entry.getValue() + " " + problem);
      }
      values.put(param.name(), entry.getValue());
    }
    StrategySpec spec = StrategySpec.of(name(), values);
    String violated = checkConstraints(spec);
    if (violated != null) {
      throw new InputException(name() + ": " + violated + " (" + spec + ")");
    }
    return spec;
  }
}
