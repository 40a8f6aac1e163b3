package io.plateau.data.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalTimeResolverTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  private static long local(String text) {
    return LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC) * 1000L;
  }

  private static long utc(String text) {
    return Instant.parse(text).toEpochMilli();
  }

  @Test
  void ordinaryTimesTakeTheOffsetInForce() {
    LocalTimeResolver resolver = new LocalTimeResolver(CHICAGO);
    assertEquals(utc("2024-03-08T21:59:00Z"), resolver.toUtcMillis(local("2024-03-08T15:59:00")));
    assertEquals(utc("2024-03-10T22:00:00Z"), resolver.toUtcMillis(local("2024-03-10T17:00:00")));
    assertEquals(utc("2024-11-01T20:59:00Z"), resolver.toUtcMillis(local("2024-11-01T15:59:00")));
    assertEquals(utc("2024-11-03T23:00:00Z"), resolver.toUtcMillis(local("2024-11-03T17:00:00")));
    // Back to a winter date after the summer ones: the remembered stretch must not leak.
    assertEquals(utc("2024-01-02T14:30:00Z"), resolver.toUtcMillis(local("2024-01-02T08:30:00")));
  }

  @Test
  void theSpringForwardGapDoesNotExist() {
    LocalTimeResolver resolver = new LocalTimeResolver(CHICAGO);
    assertEquals(utc("2024-03-10T07:59:00Z"), resolver.toUtcMillis(local("2024-03-10T01:59:00")));
    assertEquals(LocalTimeResolver.NONEXISTENT, resolver.toUtcMillis(local("2024-03-10T02:00:00")));
    assertEquals(LocalTimeResolver.NONEXISTENT, resolver.toUtcMillis(local("2024-03-10T02:59:59")));
    assertEquals(utc("2024-03-10T08:00:00Z"), resolver.toUtcMillis(local("2024-03-10T03:00:00")));
  }

  @Test
  void aLoneAmbiguousTimeTakesItsFirstOccurrence() {
    LocalTimeResolver resolver = new LocalTimeResolver(CHICAGO);
    assertEquals(utc("2024-11-03T06:30:00Z"), resolver.toUtcMillis(local("2024-11-03T01:30:00")));
    // Repeating the same local time is not "moving past" it: still the first occurrence.
    assertEquals(utc("2024-11-03T06:30:00Z"), resolver.toUtcMillis(local("2024-11-03T01:30:00")));
  }

  @Test
  void theRepeatedHourWrittenTwiceInOrderMapsToBothOccurrences() {
    LocalTimeResolver resolver = new LocalTimeResolver(CHICAGO);
    assertEquals(utc("2024-11-03T05:59:00Z"), resolver.toUtcMillis(local("2024-11-03T00:59:00")));
    assertEquals(utc("2024-11-03T06:00:00Z"), resolver.toUtcMillis(local("2024-11-03T01:00:00")));
    assertEquals(utc("2024-11-03T06:59:00Z"), resolver.toUtcMillis(local("2024-11-03T01:59:00")));
    assertEquals(utc("2024-11-03T07:00:00Z"), resolver.toUtcMillis(local("2024-11-03T01:00:00")));
    assertEquals(utc("2024-11-03T07:59:00Z"), resolver.toUtcMillis(local("2024-11-03T01:59:00")));
    assertEquals(utc("2024-11-03T08:00:00Z"), resolver.toUtcMillis(local("2024-11-03T02:00:00")));
  }

  @Test
  void utcHasNoTransitions() {
    LocalTimeResolver resolver = new LocalTimeResolver(ZoneOffset.UTC);
    assertEquals(utc("2024-03-10T02:30:00Z"), resolver.toUtcMillis(local("2024-03-10T02:30:00")));
  }
}
