package io.plateau.data.ingest;

import io.plateau.instrument.SessionSchedule;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * {@link SessionSchedule#isScheduled} for every row without paying for it on every row: its answers are
 * remembered by exchange-local minute of the week.
 *
 * <p>Why that is exact: {@code isScheduled(local)} looks only at the weekday of the trading date (which follows
 * from the local weekday and whether the time is past the evening open), the era in force on that trading date,
 * and the time of day against the era's whole-minute open, close and halts (holidays are ignored on purpose).
 * So while the era is the same for a local day's own date and the next one (its evening belongs to the next
 * trading date), the answer is a function of the minute of the week. The memo holds one era's answers and starts
 * afresh when the rows move into another; a local day whose evening opens a new era is asked directly. When a
 * schedule has a boundary that is not a whole minute, every row is asked directly.
 */
final class SessionMemo {

  private static final int MINUTES_PER_DAY = 24 * 60;
  private static final byte UNKNOWN = 0;
  private static final byte OPEN = 1;
  private static final byte CLOSED = 2;

  private final SessionSchedule sessions;
  private final boolean wholeMinutes;
  /** Local epoch days {@code [from, until)} over which {@link #answers} hold; empty at first. */
  private long fromDay = Long.MAX_VALUE;
  private long untilDay = Long.MIN_VALUE;
  private final byte[] answers = new byte[7 * MINUTES_PER_DAY];

  SessionMemo(SessionSchedule sessions) {
    this.sessions = sessions;
    this.wholeMinutes = wholeMinutes(sessions);
  }

  private static boolean wholeMinutes(SessionSchedule sessions) {
    boolean whole = whole(sessions.globexOpen());
    for (SessionSchedule.Era era : sessions.eras()) {
      whole &= whole(era.globexClose());
      for (SessionSchedule.Halt halt : era.halts()) {
        whole &= whole(halt.start()) && whole(halt.end());
      }
    }
    return whole;
  }

  private static boolean whole(LocalTime time) {
    return time.getSecond() == 0 && time.getNano() == 0;
  }

  /** Whether a bar starting at {@code localMillis} (exchange wall clock, ms since the local epoch) is in session. */
  boolean isScheduled(long localMillis) {
    long day = Math.floorDiv(localMillis, FieldParser.MILLIS_PER_DAY);
    if (day < fromDay || day >= untilDay) {
      if (!wholeMinutes || !remember(day)) {
        return sessions.isScheduled(LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000L),
            (int) Math.floorMod(localMillis, 1000L) * 1_000_000, ZoneOffset.UTC));
      }
    }
    long minute = Math.floorDiv(localMillis, FieldParser.MILLIS_PER_MINUTE);
    // Epoch day 0 was a Thursday: +3 makes Monday 0.
    int minuteOfWeek = (int) (Math.floorMod(day + 3, 7) * MINUTES_PER_DAY + Math.floorMod(minute, MINUTES_PER_DAY));
    byte answer = answers[minuteOfWeek];
    if (answer == UNKNOWN) {
      answer = sessions.isScheduled(LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC)) ? OPEN : CLOSED;
      answers[minuteOfWeek] = answer;
    }
    return answer == OPEN;
  }

  /**
   * Starts remembering for the era of local day {@code day}: the local days {@code D} with both {@code D} and
   * {@code D + 1} in that era. Returns false when {@code day} itself straddles two eras.
   */
  private boolean remember(long day) {
    List<SessionSchedule.Era> eras = sessions.eras();
    long eraStart = Long.MIN_VALUE;
    long nextEraStart = Long.MAX_VALUE;
    for (int i = 0; i < eras.size(); i++) {
      long from = eras.get(i).from().toEpochDay();
      if (from <= day + 1) {
        eraStart = i == 0 ? Long.MIN_VALUE : from;
      } else {
        nextEraStart = from;
        break;
      }
    }
    long until = nextEraStart == Long.MAX_VALUE ? Long.MAX_VALUE : nextEraStart - 1;
    if (day < eraStart || day >= until) {
      return false;
    }
    fromDay = eraStart;
    untilDay = until;
    Arrays.fill(answers, UNKNOWN);
    return true;
  }
}
