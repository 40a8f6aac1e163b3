package io.plateau.study;

import io.plateau.bar.Session;
import io.plateau.exec.CostModel;
import io.plateau.exec.FillTiming;
import io.plateau.exec.RiskRules;
import io.plateau.exec.Sizing;
import io.plateau.instrument.Instrument;
import io.plateau.param.ParameterSpace;
import io.plateau.param.Search;
import io.plateau.robust.Objective;
import io.plateau.robust.WalkForwardScheme;
import java.io.Serializable;
import java.time.LocalDate;
import io.plateau.robust.ParameterPlateau;
import io.plateau.robust.RobustnessSettings;
import java.util.List;

/**
 * A validated study: which bars, which strategy and parameter space, how to search it, how to simulate, how to cut
 * walk-forward windows and what to maximize. Read from YAML by {@link StudyReader}; shipped to Spark executors.
 *
 * @param name the study's name (output directories are named after it)
 * @param file the file it was read from
 * @param text the file's text, as read (recorded in the run's manifest)
 * @param store the bar store: a local path or any Hadoop URI
 * @param symbols the symbols to optimize, each on its own
 * @param start first trading date
 * @param end last trading date, or {@link #LATEST}: the store's last bar
 * @param barSize {@code 1m}, {@code 5m}, ..., {@code 1d}
 * @param session Globex (all bars) or regular hours only
 * @param space the parameter space
 * @param search grid, random or adaptive
 * @param commissionPerSide commission plus fees per contract per side, or null for the catalog's
 * @param slippageTicks adverse ticks on market and stop fills
 * @param capital starting account equity
 * @param sizing contracts per entry
 * @param risk limits every simulation enforces
 * @param fill when market orders fill
 * @param walkForward the windows
 * @param trials how each set is simulated for the windows: once over the span, or window by window
 * @param matrix the walk-forward matrix: more schemes, one per pair of in-sample and out-of-sample lengths, each
 *     measured on the same trials (empty without a matrix)
 * @param objective what the in-sample choice maximizes
 * @param plateau the smoothing of the objective over each set's neighbourhood, or null to rank sets by their own
 * @param robustness how the robustness statistics and the verdict are computed
 * @param output the directory under which runs are written
 */
public record Study(String name, String file, String text, String store, List<String> symbols, LocalDate start,
    LocalDate end, String barSize, Session session, ParameterSpace space, Search search, Double commissionPerSide,
    int slippageTicks, double capital, Sizing sizing, RiskRules risk, FillTiming fill, WalkForwardScheme walkForward,
    TrialSimulation trials, List<WalkForwardScheme> matrix, Objective objective, ParameterPlateau.Smoothing plateau,
    RobustnessSettings robustness, String output) implements Serializable {

  /** How a study file says it has no end date: {@code end: latest}. */
  public static final String LATEST_KEYWORD = "latest";

  /** The end date of a study that runs to the store's last bar. */
  public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  public Study {
    symbols = List.copyOf(symbols);
    matrix = List.copyOf(matrix);
  }

  /** The costs of trading {@code instrument} under this study: the catalog's unless overridden. */
  public CostModel costs(Instrument instrument) {
    CostModel costs = CostModel.of(instrument).withSlippageTicks(slippageTicks);
    return commissionPerSide == null ? costs
        : new CostModel(commissionPerSide, 0, slippageTicks, costs.limitThroughTicks());
  }

  /** The bar size as {@link io.plateau.data.BarSource} takes it: a daily bar of the regular session is 1d-rth. */
  public String sourceBarSize() {
    return barSize.equals("1d") && session == Session.REGULAR ? "1d-rth" : barSize;
  }
}
