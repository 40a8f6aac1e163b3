package io.plateau.jobs.optimize;

import java.io.Serializable;

/**
 * One task's work: a symbol and a slice of the study's parameter sets, either the grid ids {@code [fromId, toId)}
 * (the executor keeps those the constraints admit, so the driver holds no per-set list for a grid) or an explicit
 * list of drawn or proposed ids.
 *
 * @param index the block's number, from 0, unique in the run; names its output files
 * @param batch the adaptive search's batch the block belongs to (0 for grid and random searches)
 * @param symbol the symbol
 * @param fromId first grid id (grid search)
 * @param toId end of the grid ids, exclusive (grid search)
 * @param ids the ids to run (random and adaptive searches), or null for the grid range
 * @param admitted how many sets the block runs
 */
record Block(int index, int batch, String symbol, long fromId, long toId, long[] ids, long admitted)
    implements Serializable {

  /** {@code block-00012}: the stem of the block's files. */
  String name() {
    return String.format("block-%05d", index);
  }
}
