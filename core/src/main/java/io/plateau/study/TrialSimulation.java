package io.plateau.study;

/**
 * How a study simulates a parameter set for its walk-forward windows ({@code walk_forward.trials}).
 *
 * <ul>
 *   <li>{@link #CONTINUOUS}: one simulation over the whole span, cut into windows afterwards; a window's in-sample
 *       metrics include the position and the account the set carried into it from the windows before.</li>
 *   <li>{@link #PER_WINDOW}: each window simulated on its own, flat at its in-sample start, warmed up on the bars
 *       before it only, run to its out-of-sample end. A window's trials depend on its own bars alone, so a
 *       re-optimization batch that sees the same bars and code for an old window reuses that window's trials and
 *       simulates only the new ones.</li>
 * </ul>
 */
public enum TrialSimulation {
  CONTINUOUS("continuous"),
  PER_WINDOW("per-window");

  private final String configName;

  TrialSimulation(String configName) {
    this.configName = configName;
  }

  /** The value of {@code walk_forward.trials} that selects it. */
  public String configName() {
    return configName;
  }
}
