package io.plateau.instrument;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Fast conversion of UTC epoch milliseconds to exchange-local milliseconds for bar loops.
 *
 * <p>It remembers the span between two DST transitions around the last instant it converted, so
 * consecutive bars cost two comparisons and an add instead of a {@code ZonedDateTime}. Not thread-safe: one
 * per thread (it is cheap to make).
 */
public final class ExchangeClock {

  public static final long MILLIS_PER_MINUTE = 60_000L;
  public static final long MILLIS_PER_DAY = 86_400_000L;

  private final ZoneRules rules;
  private long validFromMillis = Long.MAX_VALUE;
  private long validUntilMillis = Long.MIN_VALUE;
  private long offsetMillis;

  public ExchangeClock(ZoneId zone) {
    this.rules = zone.getRules();
  }

  /** Local wall-clock time of {@code utcMillis}, as milliseconds since the local epoch (1970-01-01T00:00 local). */
  public long toLocalMillis(long utcMillis) {
    if (utcMillis < validFromMillis || utcMillis >= validUntilMillis) {
      refresh(utcMillis);
    }
    return utcMillis + offsetMillis;
  }

  /** The local calendar day of {@code utcMillis} as an epoch day. */
  public int localEpochDay(long utcMillis) {
    return (int) Math.floorDiv(toLocalMillis(utcMillis), MILLIS_PER_DAY);
  }

  /** The local minute of day (0..1439) of {@code utcMillis}. */
  public int localMinuteOfDay(long utcMillis) {
    return (int) (Math.floorMod(toLocalMillis(utcMillis), MILLIS_PER_DAY) / MILLIS_PER_MINUTE);
  }

  private void refresh(long utcMillis) {
    Instant instant = Instant.ofEpochMilli(utcMillis);
    offsetMillis = rules.getOffset(instant).getTotalSeconds() * 1000L;
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusMillis(1));
    ZoneOffsetTransition next = rules.nextTransition(instant);
    validFromMillis = previous == null ? Long.MIN_VALUE : previous.toEpochSecond() * 1000L;
    validUntilMillis = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
  }
}
