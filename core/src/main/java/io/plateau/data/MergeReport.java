package io.plateau.data;

import java.util.List;

/**
 * What merging bars into the store did.
 *
 * @param symbol the symbol
 * @param contract the contract for per-contract data, else null
 * @param incoming bars offered
 * @param added bars the store did not have
 * @param identical bars the store already had with the same values (re-ingest)
 * @param conflicts bars the store had with different values; not merged
 * @param merged for a contract merge, the contract's bars as the store holds them once the update commits; null
 *     for a merge into the continuous series
 */
public record MergeReport(String symbol, String contract, int incoming, int added, int identical,
    List<BarConflict> conflicts, io.plateau.bar.BarSeries merged) {

  public MergeReport {
    conflicts = List.copyOf(conflicts);
  }

  public boolean changesStore() {
    return added > 0;
  }
}
