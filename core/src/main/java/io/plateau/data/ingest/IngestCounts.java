package io.plateau.data.ingest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What became of the rows of one file, or of all files. Every line after a header is a row, and each row ends in
 * exactly one place: {@code rowsRead = rowsAccepted + rowsRejected() + duplicatesDropped + rowsSkipped()}.
 *
 * @param rowsRead lines read, header excluded
 * @param rowsAccepted rows that passed every check (bars, or trades that went into bars)
 * @param duplicatesDropped rows identical to an earlier row of the same time stamp: dropped, not an error
 * @param rejected rejected rows by reason, every reason present (zero when none), in check order
 * @param skipped rows passed over by reason (blank lines, spread symbols), every reason present
 * @param barsProduced bars made from the accepted rows (one per row for bar files; per minute for trades)
 * @param barsInSeries of those, the bars the final series uses; the others belong to a contract that was not the
 *     one in use on their trading date under the roll rule
 */
public record IngestCounts(
    long rowsRead,
    long rowsAccepted,
    long duplicatesDropped,
    Map<RejectReason, Long> rejected,
    Map<SkipReason, Long> skipped,
    long barsProduced,
    long barsInSeries) {

  public IngestCounts {
    rejected = Collections.unmodifiableMap(complete(rejected, RejectReason.class));
    skipped = Collections.unmodifiableMap(complete(skipped, SkipReason.class));
  }

  private static <E extends Enum<E>> EnumMap<E, Long> complete(Map<E, Long> counts, Class<E> type) {
    EnumMap<E, Long> all = new EnumMap<>(type);
    for (E reason : type.getEnumConstants()) {
      all.put(reason, counts.getOrDefault(reason, 0L));
    }
    return all;
  }

  public long rowsRejected() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public long rowsSkipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  public long rejected(RejectReason reason) {
    return rejected.get(reason);
  }

  public long skipped(SkipReason reason) {
    return skipped.get(reason);
  }

  /** The sum of several counts. */
  static IngestCounts sum(Iterable<IngestCounts> parts) {
    long read = 0;
    long accepted = 0;
    long duplicates = 0;
    long produced = 0;
    long inSeries = 0;
    EnumMap<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    for (IngestCounts part : parts) {
      read += part.rowsRead;
      accepted += part.rowsAccepted;
      duplicates += part.duplicatesDropped;
      produced += part.barsProduced;
      inSeries += part.barsInSeries;
      part.rejected.forEach((reason, n) -> rejected.merge(reason, n, Long::sum));
      part.skipped.forEach((reason, n) -> skipped.merge(reason, n, Long::sum));
    }
    return new IngestCounts(read, accepted, duplicates, rejected, skipped, produced, inSeries);
  }
}
