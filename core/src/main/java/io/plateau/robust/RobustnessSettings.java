package io.plateau.robust;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a study's robustness is judged: the CSCV partitions of the probability of backtest overfitting, the Monte
 * Carlo of the recommended set's trades, and the gates.
 *
 * @param partitions S of the CSCV: even, 2 … {@value BacktestOverfitting#MAX_PARTITIONS} (fewer when the history is
 *     shorter)
 * @param monteCarloMode reshuffle or bootstrap the trades
 * @param monteCarloRuns resampled trade sequences
 * @param monteCarloSeed the seed of the resampling
 * @param ruinFraction the share of the starting account whose loss counts as ruin (0.5: equity at or below half)
 * @param gates the thresholds of the verdict
 * @param plateau how the recommended set's plateau is scored, or null for the study's plateau objective (or, without
 *     one, the mean over the search's default neighbourhood)
 */
public record RobustnessSettings(int partitions, TradeMonteCarlo.Mode monteCarloMode, int monteCarloRuns,
    long monteCarloSeed, double ruinFraction, Gates gates, ParameterPlateau.Smoothing plateau)
    implements Serializable {

  /** 16 partitions, 1,000 reshuffles with seed 1, ruin at half the account, {@link Gates#DEFAULTS}. */
  public static final RobustnessSettings DEFAULTS = new RobustnessSettings(BacktestOverfitting.DEFAULT_PARTITIONS,
      TradeMonteCarlo.Mode.RESHUFFLE, TradeMonteCarlo.DEFAULT_RUNS, 1, 0.5, Gates.DEFAULTS, null);

  public RobustnessSettings {
    if (partitions < 2 || partitions % 2 != 0 || partitions > BacktestOverfitting.MAX_PARTITIONS) {
      throw new IllegalArgumentException("partitions must be even, 2.." + BacktestOverfitting.MAX_PARTITIONS
          + ", was " + partitions);
    }
    Objects.requireNonNull(monteCarloMode, "monteCarloMode");
    if (monteCarloRuns < 1) {
      throw new IllegalArgumentException("monteCarloRuns must be >= 1, was " + monteCarloRuns);
    }
    if (!(ruinFraction > 0 && ruinFraction <= 1)) {
      throw new IllegalArgumentException("ruinFraction must be in (0, 1], was " + ruinFraction);
    }
    Objects.requireNonNull(gates, "gates");
  }

  /** The Monte Carlo settings on an account of {@code capital}: ruin at {@code capital × (1 − ruinFraction)}. */
  public TradeMonteCarlo.Settings monteCarlo(double capital) {
    return new TradeMonteCarlo.Settings(monteCarloMode, monteCarloRuns, monteCarloSeed, capital,
        capital * (1 - ruinFraction));
  }
}
