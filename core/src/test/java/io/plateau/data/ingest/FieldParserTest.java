package io.plateau.data.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldParserTest {

  private final FieldParser parser = new FieldParser();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private double decimal(String text) {
    byte[] b = bytes(text);
    assertTrue(parser.decimal(b, 0, b.length), text);
    return parser.number;
  }

  @ParameterizedTest
  @ValueSource(strings = {"4800.25", "0.1", "2345.6", "-12.75", "+3", "7.", "5000.250000000", "0.000000001",
      "123456789012345678", "1234567890123456789.5", "1e3", "6.02E23"})
  void decimalsRoundExactlyLikeDoubleParseDouble(String text) {
    assertEquals(Double.parseDouble(text), decimal(text));
  }

  @Test
  void nonFiniteTextParsesSoThatItIsRejectedForWhatItIs() {
    assertTrue(Double.isNaN(decimal("NaN")));
    assertEquals(Double.POSITIVE_INFINITY, decimal("Infinity"));
    assertEquals(Double.POSITIVE_INFINITY, decimal("1e999"));
    for (String bad : new String[] {"", "-", ".", "48O0", "1.2.3", "abc"}) {
      byte[] b = bytes(bad);
      assertFalse(parser.decimal(b, 0, b.length), bad);
    }
  }

  @Test
  void integersFitALongOrFail() {
    byte[] max = bytes("9223372036854775807");
    assertTrue(parser.unsignedInteger(max, 0, max.length));
    assertEquals(Long.MAX_VALUE, parser.integer);
    byte[] over = bytes("9223372036854775808");
    assertFalse(parser.unsignedInteger(over, 0, over.length));
    byte[] negative = bytes("-42");
    assertTrue(parser.signedInteger(negative, 0, negative.length));
    assertEquals(-42, parser.integer);
    byte[] decimal = bytes("4.0");
    assertFalse(parser.signedInteger(decimal, 0, decimal.length));
  }

  private Instant iso(String text) {
    byte[] b = bytes(text);
    assertEquals(FieldParser.Stamp.DATE_TIME, parser.iso(b, 0, b.length), text);
    assertTrue(parser.absolute, text);
    return Instant.ofEpochMilli(parser.millis);
  }

  @Test
  void isoTimeStampsWithOffsets() {
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), iso("2024-01-02T14:30:00Z"));
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), iso("2024-01-02T08:30:00-06:00"));
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), iso("2024-01-02 09:30-0500"));
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), iso("2024-01-02T19:30:00+05"));
    assertEquals(Instant.parse("2024-01-02T14:30:00.123Z"), iso("2024-01-02T14:30:00.123456789Z"));
    assertEquals(Instant.parse("2024-01-02T14:30:00.500Z"), iso("2024-01-02T14:30:00.5Z"));
  }

  @Test
  void isoNaiveTimesAndDates() {
    byte[] naive = bytes("2024-02-29 23:59:59");
    assertEquals(FieldParser.Stamp.DATE_TIME, parser.iso(naive, 0, naive.length));
    assertFalse(parser.absolute);
    assertEquals(LocalDateTime.parse("2024-02-29T23:59:59").toEpochSecond(ZoneOffset.UTC) * 1000, parser.millis);
    byte[] date = bytes("1999-12-31");
    assertEquals(FieldParser.Stamp.DATE, parser.iso(date, 0, date.length));
    assertEquals(LocalDate.of(1999, 12, 31).toEpochDay() * FieldParser.MILLIS_PER_DAY, parser.millis);
    for (String bad : new String[] {"2023-02-29", "2024-01-02T24:00", "2024-01-02T14:30:00+2", "2024/01/02",
        "2024-01-02T14", "2024-01-02X14:30"}) {
      byte[] b = bytes(bad);
      assertNull(parser.iso(b, 0, b.length), bad);
    }
  }

  @Test
  void vendorDatesAndTimes() {
    byte[] nt = bytes("20240102 143059");
    assertTrue(parser.compactDateTime(nt, 0, nt.length));
    assertEquals(Instant.parse("2024-01-02T14:30:59Z").toEpochMilli(), parser.millis);
    byte[] ntTick = bytes("20240102 143059 1234567");
    assertTrue(parser.compactDateTime(ntTick, 0, ntTick.length));
    assertEquals(Instant.parse("2024-01-02T14:30:59.123Z").toEpochMilli(), parser.millis);
    byte[] us = bytes("1/2/2024");
    assertTrue(parser.usDate(us, 0, us.length));
    assertEquals(LocalDate.of(2024, 1, 2).toEpochDay() * FieldParser.MILLIS_PER_DAY, parser.millis);
    for (String time : new String[] {"8:31", "08:31", "08:31:00", "0831"}) {
      byte[] b = bytes(time);
      assertTrue(parser.timeOfDay(b, 0, b.length), time);
      assertEquals(8 * FieldParser.MILLIS_PER_HOUR + 31 * FieldParser.MILLIS_PER_MINUTE, parser.millis, time);
    }
  }

  @Test
  void epochDaysMatchTheJdk() {
    for (LocalDate day = LocalDate.of(1896, 1, 1); day.getYear() < 2104; day = day.plusDays(37)) {
      assertEquals(day.toEpochDay(), FieldParser.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
    }
    assertEquals(Long.MIN_VALUE, FieldParser.epochDay(2100, 2, 29));
    assertEquals(LocalDate.of(2000, 2, 29).toEpochDay(), FieldParser.epochDay(2000, 2, 29));
  }
}
