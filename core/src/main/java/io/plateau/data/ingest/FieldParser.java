package io.plateau.data.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers and time stamps from ASCII bytes {@code [from, to)} without allocating, for the per-row loop.
 *
 * <p>Each method returns whether the text was well formed and leaves the value in a field ({@link #number},
 * {@link #integer}, {@link #millis}); the owner reads it at once, before the next call. Time stamps come out as
 * milliseconds since 1970-01-01T00:00 on the wall clock of the text: UTC when the text carried an offset or
 * {@code Z} ({@link #absolute} is then true), otherwise a naive local time that the caller places in a zone.
 * One instance per parsing thread.
 */
final class FieldParser {

  static final long MILLIS_PER_SECOND = 1000L;
  static final long MILLIS_PER_MINUTE = 60_000L;
  static final long MILLIS_PER_HOUR = 3_600_000L;
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final long NANOS_PER_MILLI = 1_000_000L;

  /** Powers of ten that are exact as doubles (up to 1e22), for turning a decimal mantissa into a double. */
  private static final double[] POWERS_OF_TEN = new double[19];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  /** 2^53: below it a long mantissa converts to double exactly, so one division rounds correctly. */
  private static final long EXACT_MANTISSA_LIMIT = 1L << 53;

  double number;
  long integer;
  long millis;
  boolean absolute;

  /**
   * A decimal number. Plain {@code [+-]digits[.digits]} is parsed in place and rounds exactly like
   * {@link Double#parseDouble}; anything else (exponents, {@code NaN}, {@code Infinity}, very long mantissas) takes
   * the slow path through {@code Double.parseDouble}, so a non-finite price is parsed and then rejected for what it
   * is rather than as unparseable.
   */
  boolean decimal(byte[] b, int from, int to) {
    if (from >= to) {
      return false;
    }
    int i = from;
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int scale = -1;
    for (; i < to; i++) {
      int c = b[i] - '0';
      if (c >= 0 && c <= 9) {
        mantissa = mantissa * 10 + c;
        digits++;
        if (scale >= 0) {
          scale++;
        }
      } else if (b[i] == '.' && scale < 0) {
        scale = 0;
      } else {
        return slowDecimal(b, from, to);
      }
    }
    if (digits == 0 || digits > 18 || mantissa >= EXACT_MANTISSA_LIMIT) {
      return digits == 0 ? false : slowDecimal(b, from, to);
    }
    double value = scale > 0 ? mantissa / POWERS_OF_TEN[scale] : mantissa;
    number = negative ? -value : value;
    return true;
  }

  private boolean slowDecimal(byte[] b, int from, int to) {
    try {
      number = Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** An optionally signed integer of at most 18 digits. */
  boolean signedInteger(byte[] b, int from, int to) {
    if (from < to && (b[from] == '-' || b[from] == '+')) {
      boolean negative = b[from] == '-';
      if (!unsignedInteger(b, from + 1, to)) {
        return false;
      }
      integer = negative ? -integer : integer;
      return true;
    }
    return unsignedInteger(b, from, to);
  }

  /** One to 19 digits that fit a long (Databento's INT64_MAX "undefined" price must parse). */
  boolean unsignedInteger(byte[] b, int from, int to) {
    int length = to - from;
    if (length <= 0 || length > 19) {
      return false;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int c = b[i] - '0';
      if (c < 0 || c > 9) {
        return false;
      }
      // Up to 18 digits cannot overflow; only a 19th needs the (costly, dividing) check.
      if (length == 19 && value > (Long.MAX_VALUE - c) / 10) {
        return false;
      }
      value = value * 10 + c;
    }
    integer = value;
    return true;
  }

  /**
   * ISO-8601 {@code yyyy-MM-dd[Thh:mm[:ss[.fraction]]][Z|±hh[:mm]|±hhmm]}, a blank also accepted in place of
   * {@code T}. A date alone sets {@link #millis} to its midnight and returns {@link Stamp#DATE}; fractions finer
   * than a millisecond are truncated. Returns null when malformed.
   */
  Stamp iso(byte[] b, int from, int to) {
    if (to - from < 10 || b[from + 4] != '-' || b[from + 7] != '-') {
      return null;
    }
    long day = epochDay(digitsAt(b, from, 4), digitsAt(b, from + 5, 2), digitsAt(b, from + 8, 2));
    if (day == Long.MIN_VALUE) {
      return null;
    }
    if (to - from == 10) {
      millis = day * MILLIS_PER_DAY;
      absolute = false;
      return Stamp.DATE;
    }
    int i = from + 10;
    if (b[i] != 'T' && b[i] != ' ' && b[i] != 't') {
      return null;
    }
    i++;
    if (to - i < 5 || b[i + 2] != ':') {
      return null;
    }
    int hour = digitsAt(b, i, 2);
    int minute = digitsAt(b, i + 3, 2);
    int second = 0;
    int milli = 0;
    i += 5;
    if (i < to && b[i] == ':') {
      if (to - i < 3) {
        return null;
      }
      second = digitsAt(b, i + 1, 2);
      i += 3;
      if (i < to && (b[i] == '.' || b[i] == ',')) {
        i++;
        int fractionDigits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
          if (fractionDigits < 3) {
            milli = milli * 10 + (b[i] - '0');
          }
          fractionDigits++;
          i++;
        }
        if (fractionDigits == 0 || fractionDigits > 9) {
          return null;
        }
        for (int k = fractionDigits; k < 3; k++) {
          milli *= 10;
        }
      }
    }
    if (!validTime(hour, minute, second)) {
      return null;
    }
    long local = day * MILLIS_PER_DAY + hour * MILLIS_PER_HOUR + minute * MILLIS_PER_MINUTE
        + second * MILLIS_PER_SECOND + milli;
    if (i == to) {
      millis = local;
      absolute = false;
      return Stamp.DATE_TIME;
    }
    long offsetMillis;
    if ((b[i] == 'Z' || b[i] == 'z') && i + 1 == to) {
      offsetMillis = 0;
    } else if (b[i] == '+' || b[i] == '-') {
      int sign = b[i] == '-' ? -1 : 1;
      int rest = to - i - 1;
      int offsetHours;
      int offsetMinutes = 0;
      if (rest == 2) {
        offsetHours = digitsAt(b, i + 1, 2);
      } else if (rest == 4) {
        offsetHours = digitsAt(b, i + 1, 2);
        offsetMinutes = digitsAt(b, i + 3, 2);
      } else if (rest == 5 && b[i + 3] == ':') {
        offsetHours = digitsAt(b, i + 1, 2);
        offsetMinutes = digitsAt(b, i + 4, 2);
      } else {
        return null;
      }
      if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offsetMillis = sign * (offsetHours * MILLIS_PER_HOUR + offsetMinutes * MILLIS_PER_MINUTE);
    } else {
      return null;
    }
    millis = local - offsetMillis;
    absolute = true;
    return Stamp.DATE_TIME;
  }

  /** NinjaTrader's {@code yyyyMMdd} date; sets {@link #millis} to its midnight. */
  boolean compactDate(byte[] b, int from, int to) {
    if (to - from != 8) {
      return false;
    }
    long day = epochDay(digitsAt(b, from, 4), digitsAt(b, from + 4, 2), digitsAt(b, from + 6, 2));
    if (day == Long.MIN_VALUE) {
      return false;
    }
    millis = day * MILLIS_PER_DAY;
    return true;
  }

  /**
   * NinjaTrader's {@code yyyyMMdd HHmmss}, optionally followed by {@code  fffffff} (ten-millionths of a second, as
   * its tick exports write them; truncated to the millisecond).
   */
  boolean compactDateTime(byte[] b, int from, int to) {
    int length = to - from;
    if ((length != 15 && length != 23) || b[from + 8] != ' ' || (length == 23 && b[from + 15] != ' ')) {
      return false;
    }
    if (!compactDate(b, from, from + 8)) {
      return false;
    }
    int hour = digitsAt(b, from + 9, 2);
    int minute = digitsAt(b, from + 11, 2);
    int second = digitsAt(b, from + 13, 2);
    if (!validTime(hour, minute, second)) {
      return false;
    }
    long fraction = 0;
    if (length == 23) {
      int tenMillionths = digitsAt(b, from + 16, 7);
      if (tenMillionths < 0) {
        return false;
      }
      fraction = tenMillionths / 10_000;
    }
    millis += hour * MILLIS_PER_HOUR + minute * MILLIS_PER_MINUTE + second * MILLIS_PER_SECOND + fraction;
    return true;
  }

  /** TradeStation's {@code MM/dd/yyyy} (month and day may have one digit); sets {@link #millis} to its midnight. */
  boolean usDate(byte[] b, int from, int to) {
    int firstSlash = indexOf(b, from, to, (byte) '/');
    if (firstSlash < 0) {
      return false;
    }
    int secondSlash = indexOf(b, firstSlash + 1, to, (byte) '/');
    if (secondSlash < 0 || to - secondSlash - 1 != 4) {
      return false;
    }
    int month = digitsAt(b, from, firstSlash - from);
    int day = digitsAt(b, firstSlash + 1, secondSlash - firstSlash - 1);
    int year = digitsAt(b, secondSlash + 1, 4);
    if (firstSlash - from > 2 || secondSlash - firstSlash - 1 > 2) {
      return false;
    }
    long epochDay = epochDay(year, month, day);
    if (epochDay == Long.MIN_VALUE) {
      return false;
    }
    millis = epochDay * MILLIS_PER_DAY;
    return true;
  }

  /** A time of day {@code H:mm}, {@code HH:mm}, {@code HH:mm:ss} or {@code HHmm}, as milliseconds after midnight. */
  boolean timeOfDay(byte[] b, int from, int to) {
    int length = to - from;
    int hour;
    int minute;
    int second = 0;
    int colon = indexOf(b, from, to, (byte) ':');
    if (colon < 0) {
      if (length != 4) {
        return false;
      }
      hour = digitsAt(b, from, 2);
      minute = digitsAt(b, from + 2, 2);
    } else {
      if (colon - from < 1 || colon - from > 2) {
        return false;
      }
      hour = digitsAt(b, from, colon - from);
      int rest = to - colon - 1;
      if (rest == 2) {
        minute = digitsAt(b, colon + 1, 2);
      } else if (rest == 5 && b[colon + 3] == ':') {
        minute = digitsAt(b, colon + 1, 2);
        second = digitsAt(b, colon + 4, 2);
      } else {
        return false;
      }
    }
    if (!validTime(hour, minute, second)) {
      return false;
    }
    millis = hour * MILLIS_PER_HOUR + minute * MILLIS_PER_MINUTE + second * MILLIS_PER_SECOND;
    return true;
  }

  private static boolean validTime(int hour, int minute, int second) {
    return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
  }

  private static int indexOf(byte[] b, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (b[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** The {@code count} digits at {@code from} as a number, or -1 when any is not a digit. */
  static int digitsAt(byte[] b, int from, int count) {
    if (count <= 0) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int c = b[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      value = value * 10 + c;
    }
    return value;
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date, or {@code Long.MIN_VALUE} when it does not exist
   * (H. Hinnant's days_from_civil, so a date costs a few integer operations instead of a {@code LocalDate}).
   */
  static long epochDay(int year, int month, int day) {
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return Long.MIN_VALUE;
    }
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097L + dayOfEra - 719468;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** What an ISO-8601 text held. */
  enum Stamp {
    DATE,
    DATE_TIME
  }
}
