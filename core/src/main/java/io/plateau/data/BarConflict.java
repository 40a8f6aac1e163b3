package io.plateau.data;

/**
 * An incoming bar whose time the store already has with different values. The store keeps its bar and reports
 * this instead of merging silently.
 *
 * @param symbol the symbol
 * @param contract the contract for per-contract data, else null
 * @param startMillis the bar's start (UTC epoch ms)
 * @param incomingIndex the bar's index in the incoming series (maps back to a file and line)
 * @param existing the stored values
 * @param incoming the offered values
 */
public record BarConflict(String symbol, String contract, long startMillis, int incomingIndex, BarValues existing,
    BarValues incoming) {

  /** One bar's stored values; aggressor volumes are -1 when absent, contract null when unknown. */
  public record BarValues(int openTicks, int highTicks, int lowTicks, int closeTicks, long volume, long buyVolume,
      long sellVolume, String contract) {}
}
