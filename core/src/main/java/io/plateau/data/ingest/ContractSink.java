package io.plateau.data.ingest;

import io.plateau.instrument.TickGrid;
import java.nio.charset.StandardCharsets;

/**
 * Where the checked rows of one contract (or of a file that names none) go: the checks that depend on earlier
 * rows of the same contract (order, duplicates, spikes) and the growing {@link Columns}.
 *
 * <p>A spike is only known one row later: a price far from the previous close may be a bad print, or the first
 * bar after a real gap. A suspect row is therefore held as <em>pending</em> until the next good row: if that row
 * continues from it, the move was real and the pending row is accepted; if it returns to the old level, the pending
 * row was a spike and is rejected. The pending row's text is copied so it can go to the quarantine.
 */
abstract class ContractSink {

  final Columns bars = new Columns();
  final Tally tally;
  final SpikeGuard guard;
  final TickGrid grid;
  /** The contract code ({@code MESH24}), or null for files that name no contract. */
  final String contract;

  boolean pending;
  int pendingFile;
  long pendingLine;
  private byte[] pendingText = new byte[256];
  private int pendingTextLength;

  ContractSink(Tally tally, SpikeGuard guard, TickGrid grid, String contract) {
    this.tally = tally;
    this.guard = guard;
    this.grid = grid;
    this.contract = contract;
  }

  /** Decides what is still pending and closes what is still open; called once after the last file. */
  abstract void finish();

  void holdLine(LineReader line, int file, long lineNumber) {
    pending = true;
    pendingFile = file;
    pendingLine = lineNumber;
    pendingText = line.copyLine(pendingText);
    pendingTextLength = line.lineLength();
  }

  String pendingText() {
    return new String(pendingText, 0, pendingTextLength, StandardCharsets.UTF_8);
  }

  /** {@code 20 x ATR 1.50 ticks = 30.0 ticks}: the limit a spike broke, for its rejection detail. */
  String limitText(double limitTicks) {
    return String.format(java.util.Locale.ROOT, "%s x ATR %.2f ticks = %.1f ticks", guard.multiple(),
        limitTicks / guard.multiple(), limitTicks);
  }

  String price(long ticks) {
    return Double.toString(grid.toPrice(ticks));
  }
}
