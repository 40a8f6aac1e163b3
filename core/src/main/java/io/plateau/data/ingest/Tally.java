package io.plateau.data.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running account of an ingest, per file: rows read, accepted, dropped, skipped and rejected by reason. It
 * also hands each rejection to the {@link RejectionSink} and, in {@link OnError#FAIL} mode, stops the ingest by
 * throwing {@link Stop} at the first one.
 */
final class Tally {

  private static final RejectReason[] REASONS = RejectReason.values();
  private static final SkipReason[] SKIPS = SkipReason.values();

  /** Unwinds the reading loops at the first rejection of a {@code fail} ingest; carries no stack trace. */
  static final class Stop extends RuntimeException {
    final Rejection rejection;

    Stop(Rejection rejection) {
      super(rejection.toString(), null, false, false);
      this.rejection = rejection;
    }
  }

  private final String[] fileNames;
  private final OnError onError;
  private final RejectionSink sink;
  private final long[] rowsRead;
  private final long[] accepted;
  private final long[] duplicates;
  private final long[] barsProduced;
  private final long[] barsInSeries;
  private final long[][] rejected;
  private final long[][] skipped;
  private final Rejection[][] firstOfReason;
  private final List<Set<String>> contracts = new ArrayList<>();

  Tally(String[] fileNames, OnError onError, RejectionSink sink) {
    this.fileNames = fileNames;
    this.onError = onError;
    this.sink = sink;
    int n = fileNames.length;
    rowsRead = new long[n];
    accepted = new long[n];
    duplicates = new long[n];
    barsProduced = new long[n];
    barsInSeries = new long[n];
    rejected = new long[n][REASONS.length];
    skipped = new long[n][SKIPS.length];
    firstOfReason = new Rejection[n][REASONS.length];
    for (int i = 0; i < n; i++) {
      contracts.add(new LinkedHashSet<>());
    }
  }

  String fileName(int file) {
    return fileNames[file];
  }

  void row(int file) {
    rowsRead[file]++;
  }

  void accepted(int file) {
    accepted[file]++;
  }

  void duplicate(int file) {
    duplicates[file]++;
  }

  void barProduced(int file) {
    barsProduced[file]++;
  }

  void barInSeries(int file) {
    barsInSeries[file]++;
  }

  void skip(int file, SkipReason reason) {
    skipped[file][reason.ordinal()]++;
  }

  void contract(int file, String code) {
    contracts.get(file).add(code);
  }

  /** Counts a rejected row and passes it on; in {@code fail} mode this is the end of the ingest. */
  void reject(int file, long line, RejectReason reason, String detail, String text) {
    Rejection rejection = new Rejection(fileNames[file], line, reason, detail, text);
    rejected[file][reason.ordinal()]++;
    if (firstOfReason[file][reason.ordinal()] == null) {
      firstOfReason[file][reason.ordinal()] = rejection;
    }
    sink.accept(rejection);
    if (onError == OnError.FAIL) {
      throw new Stop(rejection);
    }
  }

  List<FileReport> fileReports() {
    List<FileReport> reports = new ArrayList<>();
    for (int f = 0; f < fileNames.length; f++) {
      Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
      List<Rejection> examples = new ArrayList<>();
      for (RejectReason reason : REASONS) {
        byReason.put(reason, rejected[f][reason.ordinal()]);
        if (firstOfReason[f][reason.ordinal()] != null) {
          examples.add(firstOfReason[f][reason.ordinal()]);
        }
      }
      Map<SkipReason, Long> bySkip = new EnumMap<>(SkipReason.class);
      for (SkipReason reason : SKIPS) {
        bySkip.put(reason, skipped[f][reason.ordinal()]);
      }
      IngestCounts counts = new IngestCounts(rowsRead[f], accepted[f], duplicates[f], byReason, bySkip,
          barsProduced[f], barsInSeries[f]);
      reports.add(new FileReport(fileNames[f], List.copyOf(contracts.get(f)), counts, examples));
    }
    return reports;
  }
}
