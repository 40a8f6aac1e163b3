package io.plateau.jobs.optimize;

import java.io.Serializable;

/**
 * What a block task reports to the driver: counts and the best in-sample objective, never bars, trades or P&amp;L.
 *
 * @param index the block
 * @param sets parameter sets run
 * @param barEvaluations sets × bars simulated
 * @param bestObjective the best in-sample objective of any set in any window (NaN when none is defined)
 * @param skipped whether the block was already committed by an earlier attempt and not run again
 */
record BlockResult(int index, long sets, long barEvaluations, double bestObjective, boolean skipped)
    implements Serializable {}
