package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.indicator.IndicatorCache;
import io.plateau.util.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code multi-alpha} (seed 000): one position per instrument built by several alpha models, each one of the other
 * strategies with its own parameters. Every model decides at each close as if it traded alone, seeing only its own
 * entries; its exits close its own entries; its entry signals may add an entry to the shared position:
 * <ul>
 *   <li>not against the position's side (one position, no hedge inside it);
 *   <li>not beyond {@code max_entries} entries and {@code max_contracts} contracts (the seed's C3/C6/C10 are
 *       {@code max_contracts} 3, 6, 10; an entry that does not fit is cut to the contracts left);
 *   <li>with {@code add_policy=pyramid}, an add only while the position left after this bar's exits shows an open
 *       profit at the deciding close (seed 001: never average down); {@code average-down} also adds against the
 *       position (seed 000 adds to improve the average price);
 *   <li>one new entry per bar: when several models signal, the one whose record earns more confidence (below)
 *       wins, ties to the first model.
 * </ul>
 *
 * <p>Contracts (the seed's "internal efficiency analytics"): each model has a contract range
 * {@code [<model>_min_contracts, <model>_max_contracts]}, by default 1–3 for "random value" models (breakouts and
 * trend following: orb, sma-cross) and 2–6 for "cyclic value" models (mean reversion: vwap-reversion,
 * delta-divergence, bollinger-reversion, rsi-reversion), as the seed sets them; {@code <model>_max_contracts=0}
 * switches a model off. Entry k of the position by model m takes
 * {@code min + round(s × (max − min))} contracts, where {@code s = min(s(m), s(k))} and, for the last
 * {@code lookback} closed entries of model m (or of entries opened as the k-th), {@code s = max(0, 2Φ(t) − 1)}
 * with {@code t} the t-statistic of their mean net P&amp;L per contract (Φ(t): the confidence that the
 * expectancy is positive; it grows with the expectancy and with its steadiness, so with the win rate at a given
 * payoff). With fewer than {@code min_history} closed entries, {@code s = 0}: a model or an entry number trades its
 * minimum until it has earned more, and falls back to it when its record turns bad. A pattern
 * {@code contracts_per_entry=1-2-3-4} (seed 000: 1-2-3-4, 4-3-2-1, 3-1-1-1-4 …) fixes entry k's contracts to the
 * pattern's k-th number instead, and allows no more entries than the pattern has.
 *
 * <p>Models are named in the strategy's name, {@code multi-alpha[orb=orb,trend=sma-cross]} (label = strategy;
 * labels are lower-case letters and digits), and their parameters are prefixed by the label
 * ({@code trend_fast}). Plain {@code multi-alpha} is seed 001's three MES alphas:
 * {@code multi-alpha[orb=orb,vwap=vwap-reversion,delta=delta-divergence]}. The simulator's risk rules (the study's
 * {@code risk:}) still apply on top as the account's hard limits, and the daily loss limit stops every model.
 */
public final class MultiAlpha implements StrategyDefinition {

  public static final String NAME = "multi-alpha";

  /** The most models one position may be built from. */
  public static final int MAX_MODELS = 16;

  private static final Pattern COMPOSED = Pattern.compile(Pattern.quote(NAME) + "\\[([^\\]]*)\\]");
  private static final Pattern MODEL = Pattern.compile("([a-z][a-z0-9]*)=([a-z0-9-]+)");
  private static final Set<String> CYCLIC_VALUE =
      Set.of(VwapReversion.NAME, DeltaDivergence.NAME, BollingerReversion.NAME, RsiReversion.NAME);
  private static final String ADAPTIVE = "adaptive";

  /** One alpha model: its label (the prefix of its parameters) and its strategy. */
  private record Model(String label, StrategyDefinition strategy) {
    String prefix() {
      return label + "_";
    }

    boolean cyclicValue() {
      return CYCLIC_VALUE.contains(strategy.name());
    }
  }

  private final String name;
  private final List<Model> models;
  private final List<Param> parameters;

  /** Seed 001's MES alphas. */
  public MultiAlpha() {
    this(NAME, List.of(new Model("orb", new OpeningRangeBreakout()), new Model("vwap", new VwapReversion()),
        new Model("delta", new DeltaDivergence())));
  }

  private MultiAlpha(String name, List<Model> models) {
    this.name = name;
    this.models = List.copyOf(models);
    this.parameters = buildParameters();
  }

  /**
   * The multi-alpha strategy called {@code name}, {@code multi-alpha[label=strategy,...]}; an
   * {@link InputException} saying what is wrong with it otherwise.
   */
  public static MultiAlpha composed(String name) {
    Matcher matcher = COMPOSED.matcher(name);
    String form = "; expected " + NAME + "[label=strategy,...], labels of lower-case letters and digits, e.g. "
        + NAME + "[orb=orb,trend=sma-cross]";
    if (!matcher.matches()) {
      throw new InputException("strategy '" + name + "' is not a multi-alpha composition" + form);
    }
    List<Model> models = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (String part : matcher.group(1).split(",", -1)) {
      Matcher model = MODEL.matcher(part.trim());
      if (!model.matches()) {
        throw new InputException("strategy '" + name + "': model '" + part + "' is not label=strategy" + form);
      }
      String label = model.group(1);
      if (!labels.add(label)) {
        throw new InputException("strategy '" + name + "': the label '" + label + "' repeats");
      }
      StrategyDefinition strategy = Strategies.get(model.group(2));
      if (strategy instanceof MultiAlpha) {
        throw new InputException("strategy '" + name + "': a model cannot be a multi-alpha strategy itself");
      }
      models.add(new Model(label, strategy));
    }
    if (models.size() > MAX_MODELS) {
      throw new InputException("strategy '" + name + "' has " + models.size() + " models; at most " + MAX_MODELS);
    }
    StringBuilder canonical = new StringBuilder(NAME).append('[');
    for (Model model : models) {
      canonical.append(canonical.length() > NAME.length() + 1 ? "," : "").append(model.label()).append('=')
          .append(model.strategy().name());
    }
    return new MultiAlpha(canonical.append(']').toString(), models);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "Several alpha models building one position: adds up to max_entries/max_contracts, each entry's "
        + "contracts set by its model's and entry number's record (seed 000)";
  }

  @Override
  public List<Param> parameters() {
    return parameters;
  }

  private List<Param> buildParameters() {
    List<Param> all = new ArrayList<>(List.of(
        Param.ofInt("max_entries", 1, 20, 6, "entries the position may have"),
        Param.ofInt("max_contracts", 1, 100, 6, "contracts the position may hold (seed 000's C3, C6, C10)"),
        Param.ofChoice("add_policy", List.of("pyramid", "average-down"), "pyramid",
            "pyramid: add only while the position is in profit (seed 001); average-down: also against it (seed 000)"),
        Param.ofText("contracts_per_entry", ADAPTIVE + "|[1-9][0-9]*(-[1-9][0-9]*)*",
            ADAPTIVE + " or contracts per entry number joined by '-', e.g. 1-2-3-4", ADAPTIVE,
            "adaptive: each model's range scaled by its record; a pattern fixes entry k's contracts"),
        Param.ofInt("lookback", 2, 1000, 20, "closed entries of a model (entry number) its record covers"),
        Param.ofInt("min_history", 2, 1000, 5,
            "closed entries before a record can raise contracts above the minimum")));
    for (Model model : models) {
      int min = model.cyclicValue() ? 2 : 1;
      int max = model.cyclicValue() ? 6 : 3;
      all.add(Param.ofInt(model.prefix() + "min_contracts", 0, 100, min,
          model.label() + ": fewest contracts per entry"));
      all.add(Param.ofInt(model.prefix() + "max_contracts", 0, 100, max,
          model.label() + ": most contracts per entry; 0 switches the model off"));
      for (Param param : model.strategy().parameters()) {
        all.add(new Param(model.prefix() + param.name(), param.kind(), param.min(), param.max(), param.defaultValue(),
            param.choices(), param.textRegex(), param.textForm(), model.label() + ": " + param.description()));
      }
    }
    return List.copyOf(all);
  }

  /** Seed 001's risk architecture: a session down 1.5% of its starting equity stops trading. */
  @Override
  public double defaultDailyLossLimitPercent() {
    return 1.5;
  }

  @Override
  public String checkConstraints(StrategySpec spec) {
    if (spec.intParam("min_history") > spec.intParam("lookback")) {
      return "min_history must not exceed lookback";
    }
    boolean anyOn = false;
    for (Model model : models) {
      int max = spec.intParam(model.prefix() + "max_contracts");
      if (max == 0) {
        continue;
      }
      anyOn = true;
      if (spec.intParam(model.prefix() + "min_contracts") > max) {
        return model.prefix() + "min_contracts must not exceed " + model.prefix() + "max_contracts";
      }
      String violated = model.strategy().checkConstraints(modelSpec(spec, model));
      if (violated != null) {
        return model.label() + ": " + violated;
      }
    }
    return anyOn ? null : "every model is off (max_contracts 0); switch one on";
  }

  private static StrategySpec modelSpec(StrategySpec spec, Model model) {
    Map<String, String> params = new TreeMap<>();
    for (Param param : model.strategy().parameters()) {
      params.put(param.name(), spec.text(model.prefix() + param.name()));
    }
    return StrategySpec.of(model.strategy().name(), params);
  }

  @Override
  public Strategy compile(StrategySpec spec, BarSeries bars, IndicatorCache indicators) {
    int n = models.size();
    Strategy[] kernels = new Strategy[n];
    int[] min = new int[n];
    int[] max = new int[n];
    for (int m = 0; m < n; m++) {
      Model model = models.get(m);
      max[m] = spec.intParam(model.prefix() + "max_contracts");
      min[m] = spec.intParam(model.prefix() + "min_contracts");
      if (max[m] > 0) {
        kernels[m] = model.strategy().compile(modelSpec(spec, model), bars, indicators);
      }
    }
    String pattern = spec.text("contracts_per_entry");
    int[] perEntry = pattern.equals(ADAPTIVE) ? null
        : Arrays.stream(pattern.split("-")).mapToInt(Integer::parseInt).toArray();
    return new MultiAlphaKernel(bars, models.stream().map(Model::label).toList(), kernels, min, max, perEntry,
        spec.intParam("max_entries"), spec.intParam("max_contracts"), spec.text("add_policy").equals("pyramid"),
        spec.intParam("lookback"), spec.intParam("min_history"));
  }
}
