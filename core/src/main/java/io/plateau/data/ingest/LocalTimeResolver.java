package io.plateau.data.ingest;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Places naive local wall-clock times (milliseconds since 1970-01-01T00:00 local) of one file in a time zone,
 * DST included, cheaply enough for every row.
 *
 * <p>The rules, which {@code LocalTimeResolverTest} pins:
 * <ul>
 *   <li>A local time in the spring-forward gap (America/Chicago 2024-03-10 02:00-02:59) does not exist:
 *       {@link #toUtcMillis} returns {@link #NONEXISTENT} and the row is rejected.
 *   <li>A local time in the repeated hour when DST ends (America/Chicago 2024-11-03 01:00-01:59) is ambiguous. It
 *       maps to its first occurrence (the earlier instant, still on daylight time) unless the previous row of the
 *       same file already lies after that instant; then it maps to the second occurrence. A file that writes the
 *       repeated hour twice, in order, therefore keeps both hours, and a lone ambiguous row takes the first. An
 *       exact repeat of the previous row's time is not "after", so it stays a duplicate instead of becoming a
 *       bar one hour later.
 * </ul>
 *
 * <p>It remembers the stretch of local time around the last answer that maps one-to-one with a single offset, so
 * consecutive rows cost two comparisons and an add. Not thread-safe; one per file being read.
 */
final class LocalTimeResolver {

  /** Returned for a local time that the zone skips. */
  static final long NONEXISTENT = Long.MIN_VALUE;

  private final ZoneRules rules;
  private long uniqueFromLocal = Long.MAX_VALUE;
  private long uniqueUntilLocal = Long.MIN_VALUE;
  private long offsetMillis;
  private long previousUtcMillis = Long.MIN_VALUE;

  LocalTimeResolver(ZoneId zone) {
    this.rules = zone.getRules();
  }

  /** The UTC instant of {@code localMillis} under the rules above, or {@link #NONEXISTENT}. */
  long toUtcMillis(long localMillis) {
    long utc;
    if (localMillis >= uniqueFromLocal && localMillis < uniqueUntilLocal) {
      utc = localMillis - offsetMillis;
    } else {
      utc = resolveSlowly(localMillis);
      if (utc == NONEXISTENT) {
        return NONEXISTENT;
      }
    }
    previousUtcMillis = utc;
    return utc;
  }

  private long resolveSlowly(long localMillis) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000L),
        (int) Math.floorMod(localMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return NONEXISTENT;
    }
    if (offsets.size() == 2) {
      // getValidOffsets lists the offset before the transition first: the larger one, so the earlier instant.
      long first = localMillis - offsets.get(0).getTotalSeconds() * 1000L;
      long second = localMillis - offsets.get(1).getTotalSeconds() * 1000L;
      return previousUtcMillis > first ? second : first;
    }
    offsetMillis = offsets.get(0).getTotalSeconds() * 1000L;
    cacheUniqueStretch(localMillis - offsetMillis);
    return localMillis - offsetMillis;
  }

  /**
   * Remembers the local times that map to {@link #offsetMillis} and to nothing else: between the transition
   * into this offset, {@code P} (from offset {@code p}), and the one out of it, {@code N} (to {@code n}), that is
   * {@code [P + max(p, o), N + min(o, n))}, which leaves out the gaps and overlaps on either side.
   */
  private void cacheUniqueStretch(long utcMillis) {
    java.time.Instant instant = java.time.Instant.ofEpochMilli(utcMillis);
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusMillis(1));
    ZoneOffsetTransition next = rules.nextTransition(instant);
    if (previous == null) {
      uniqueFromLocal = Long.MIN_VALUE;
    } else {
      long before = previous.getOffsetBefore().getTotalSeconds() * 1000L;
      uniqueFromLocal = previous.toEpochSecond() * 1000L + Math.max(before, offsetMillis);
    }
    if (next == null) {
      uniqueUntilLocal = Long.MAX_VALUE;
    } else {
      long after = next.getOffsetAfter().getTotalSeconds() * 1000L;
      uniqueUntilLocal = next.toEpochSecond() * 1000L + Math.min(after, offsetMillis);
    }
  }
}
