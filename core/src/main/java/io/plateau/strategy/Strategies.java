package io.plateau.strategy;

import io.plateau.util.InputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The strategies Plateau knows, by name. */
public final class Strategies {

  private static final Map<String, StrategyDefinition> ALL = new LinkedHashMap<>();
  /** Multi-alpha compositions by the name they were asked for: a parameter space looks its strategy up per set. */
  private static final Map<String, StrategyDefinition> COMPOSED = new ConcurrentHashMap<>();

  static {
    register(new SmaCross());
    register(new BollingerReversion());
    register(new RsiReversion());
    register(new OpeningRangeBreakout());
    register(new VwapReversion());
    register(new DeltaDivergence());
    register(new MultiAlpha());
  }

  private Strategies() {}

  private static void register(StrategyDefinition definition) {
    ALL.put(definition.name(), definition);
  }

  /**
   * The strategy called {@code name} (a registered name, or a composition {@code multi-alpha[label=strategy,...]}),
   * or an {@link InputException} listing the known ones.
   */
  public static StrategyDefinition get(String name) {
    if (name.startsWith(MultiAlpha.NAME + "[")) {
      return COMPOSED.computeIfAbsent(name, MultiAlpha::composed);
    }
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
