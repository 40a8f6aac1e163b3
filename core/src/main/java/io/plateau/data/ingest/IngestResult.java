package io.plateau.data.ingest;

import io.plateau.bar.BarSeries;
import io.plateau.bar.Roll;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an ingest produced: the checked (and, from per-contract files, back-adjusted) series, its rolls, the report,
 * and for every bar of the series the file and line it came from, so that a conflict the bar store finds with bar
 * {@code i} can be reported as {@link #sourceOf(int) file:line}.
 *
 * <p>When a {@code fail} ingest stopped at a bad row ({@link #firstProblem()} present) the series is empty and the
 * caller must leave the store untouched.
 */
public final class IngestResult {

  /**
   * The raw bars of one contract as read, before back-adjustment, with the file and line of every bar.
   *
   * @param contract the contract code ({@code MESH24})
   * @param bars its bars
   * @param sourceFile per bar, the index into {@link IngestResult#files()}; do not modify
   * @param sourceLine per bar, the 1-based line of its row (or first trade); do not modify
   */
  public record ContractBars(String contract, BarSeries bars, int[] sourceFile, long[] sourceLine) {}

  private final BarSeries series;
  private final List<Roll> rolls;
  private final IngestReport report;
  private final List<Path> files;
  private final int[] sourceFile;
  private final long[] sourceLine;
  private final List<ContractBars> contractBars;

  IngestResult(BarSeries series, List<Roll> rolls, IngestReport report, List<Path> files, int[] sourceFile,
      long[] sourceLine, List<ContractBars> contractBars) {
    if (sourceFile.length != series.size() || sourceLine.length != series.size()) {
      throw new IllegalArgumentException("one source per bar: " + series.size() + " bars, " + sourceFile.length
          + " files, " + sourceLine.length + " lines");
    }
    this.series = series;
    this.rolls = List.copyOf(rolls);
    this.report = report;
    this.files = List.copyOf(files);
    this.sourceFile = sourceFile;
    this.sourceLine = sourceLine;
    this.contractBars = List.copyOf(contractBars);
  }

  /** Per contract, its raw bars; empty when the files named no contract (the series is then the bars as read). */
  public List<ContractBars> contractBars() {
    return contractBars;
  }

  /** {@code MESH24.csv:118}: where bar {@code bar} of one contract's raw bars came from. */
  public String sourceOf(ContractBars part, int bar) {
    return files.get(part.sourceFile()[bar]).getFileName() + ":" + part.sourceLine()[bar];
  }

  /** The file name behind index {@code fileIndex} of {@link #files()}. */
  public String fileName(int fileIndex) {
    return files.get(fileIndex).getFileName().toString();
  }

  /** The bars to store: continuous and back-adjusted when the input was per contract. */
  public BarSeries series() {
    return series;
  }

  public List<Roll> rolls() {
    return rolls;
  }

  public IngestReport report() {
    return report;
  }

  /** The files read, in order; {@link #sourceFileIndexUnsafe()} indexes this list. */
  public List<Path> files() {
    return files;
  }

  /** The rejected row a {@code fail} ingest stopped at; empty when it ran to the end. */
  public Optional<Rejection> firstProblem() {
    return report.stoppedAt();
  }

  /** Whether the ingest ran to the end, so that its series may be stored. */
  public boolean completed() {
    return report.completed();
  }

  /** {@code MESH24.csv:118}: the file and line bar {@code bar} of the series came from (its first trade's line). */
  public String sourceOf(int bar) {
    return files.get(sourceFile[bar]).getFileName() + ":" + sourceLine[bar];
  }

  /** Per bar of the series, the index into {@link #files()} of its source file; the internal array, do not modify. */
  public int[] sourceFileIndexUnsafe() {
    return sourceFile;
  }

  /**
   * Per bar of the series, the 1-based line of its source row (for bars made of trades, the bar's first trade); the
   * internal array, do not modify.
   */
  public long[] sourceLineUnsafe() {
    return sourceLine;
  }
}
