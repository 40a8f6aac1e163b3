package io.plateau.strategy;

import io.plateau.util.InputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The strategies Plateau knows, by name. */
public final class Strategies {

  private static final Map<String, StrategyDefinition> ALL = new LinkedHashMap<>();

  static {
    register(new SmaCross());
    register(new BollingerReversion());
    register(new RsiReversion());
    register(new OpeningRangeBreakout());
    register(new VwapReversion());
    register(new DeltaDivergence());
  }

  private Strategies() {}

  private static void register(StrategyDefinition definition) {
    ALL.put(definition.name(), definition);
  }

  /** The strategy called {@code name}, or an {@link InputException} listing the known ones. */
  public static StrategyDefinition get(String name) {
    StrategyDefinition definition = ALL.get(name);
    if (definition == null) {
      throw new InputException("unknown strategy '" + name + "'; known: " + String.join(", ", ALL.keySet()));
    }
    return definition;
  }

  public static List<StrategyDefinition> all() {
    return List.copyOf(ALL.values());
  }
}
