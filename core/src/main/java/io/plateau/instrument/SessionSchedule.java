package io.plateau.instrument;

import io.plateau.util.Checks;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When an instrument trades, in its exchange's time zone: the electronic (Globex) session with its daily
 * halt and intraday halts, the regular-hours session, the holidays, and how all of that changed over time.
 *
 * <pre>
 *  trading date D (CME equity index, since 2021-06-28):
 *
 *   D-1 17:00 ───────────── overnight ───────────── 08:30 ══ regular ══ 15:15 ── 16:00 │ halt │ 17:00 (D+1 opens)
 * </pre>
 *
 * <p>When {@code globexOpen} is later than the era's close, the trading day opens on the previous evening: a
 * bar starting at or after {@code globexOpen} belongs to the next trading date. Trading dates are Monday to
 * Friday minus holidays that close the exchange; the Sunday-evening session belongs to Monday. Time zones
 * handle DST: nothing here uses a fixed UTC offset.
 *
 * @param name the schedule's name in the catalog ({@code cme_equity_index})
 * @param timeZone the exchange time zone
 * @param globexOpen when the electronic session opens (on the previous evening when later than the close)
 * @param regularOpen start of regular trading hours
 * @param regularClose end of regular trading hours
 * @param eras the close and halts in force from each era's first trading date on, oldest first
 * @param closedOn holidays with no trading date at all
 * @param earlyCloses holidays whose trading date ends early, with the local close time
 */
public record SessionSchedule(
    String name,
    ZoneId timeZone,
    LocalTime globexOpen,
    LocalTime regularOpen,
    LocalTime regularClose,
    List<Era> eras,
    Set<HolidayRule> closedOn,
    Map<HolidayRule, LocalTime> earlyCloses)
    implements Serializable {

  /** The close and intraday halts in force from trading date {@code from} until the next era. */
  public record Era(LocalDate from, LocalTime globexClose, List<Halt> halts) implements Serializable {
    public Era {
      Checks.notNull(from, "from");
      Checks.notNull(globexClose, "globexClose");
      halts = List.copyOf(halts);
    }
  }

  /** A pause inside the trading day, {@code [start, end)} local time. */
  public record Halt(LocalTime start, LocalTime end) implements Serializable {
    public Halt {
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("halt must start before it ends, was " + start + "-" + end);
      }
    }
  }

  private static final int MINUTES_PER_DAY = 24 * 60;

  public SessionSchedule {
    Checks.notBlank(name, "name");
    Checks.notNull(timeZone, "timeZone");
    Checks.notNull(globexOpen, "globexOpen");
    if (!regularOpen.isBefore(regularClose)) {
      throw new IllegalArgumentException(
          "regular session must open before it closes, was " + regularOpen + "-" + regularClose);
    }
    if (eras.isEmpty()) {
      throw new IllegalArgumentException("a session schedule needs at least one era");
    }
    List<Era> sorted = new ArrayList<>(eras);
    sorted.sort(Comparator.comparing(Era::from));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).from().equals(sorted.get(i - 1).from())) {
        throw new IllegalArgumentException("two eras start on " + sorted.get(i).from());
      }
    }
    for (Era era : sorted) {
      validateEra(era, globexOpen, regularOpen, regularClose);
    }
    eras = List.copyOf(sorted);
    closedOn = Set.copyOf(closedOn);
    earlyCloses = Map.copyOf(earlyCloses);
    for (HolidayRule rule : earlyCloses.keySet()) {
      if (closedOn.contains(rule)) {
        throw new IllegalArgumentException(rule.configName() + " is both a closed holiday and an early close");
      }
    }
  }

  private static void validateEra(Era era, LocalTime open, LocalTime regularOpen, LocalTime regularClose) {
    LocalTime close = era.globexClose();
    if (close.equals(open)) {
      throw new IllegalArgumentException(
          "era from " + era.from() + ": globex close " + close + " equals the open: there must be a daily halt");
    }
    boolean overnight = open.isAfter(close);
    LocalTime dayStart = overnight ? LocalTime.MIDNIGHT : open;
    if (regularOpen.isBefore(dayStart) || regularClose.isAfter(close)) {
      throw new IllegalArgumentException("era from " + era.from() + ": regular hours " + regularOpen + "-"
          + regularClose + " must lie inside the trading day, which ends at " + close);
    }
    List<Halt> halts = new ArrayList<>(era.halts());
    halts.sort(Comparator.comparing(Halt::start));
    for (int i = 0; i < halts.size(); i++) {
      Halt halt = halts.get(i);
      if (halt.start().isBefore(dayStart) || halt.end().isAfter(close)) {
        throw new IllegalArgumentException("era from " + era.from() + ": halt " + halt.start() + "-" + halt.end()
            + " must lie inside the trading day, which ends at " + close);
      }
      if (i > 0 && halt.start().isBefore(halts.get(i - 1).end())) {
        throw new IllegalArgumentException("era from " + era.from() + ": halts overlap at " + halt.start());
      }
    }
  }

  /** Whether the trading day opens on the previous calendar evening (CME: 17:00 the evening before). */
  public boolean opensPreviousEvening() {
    return globexOpen.isAfter(eras.get(0).globexClose());
  }

  /** The trading date a bar starting at {@code local} (exchange time) belongs to, whether or not it is open. */
  public LocalDate tradingDate(LocalDateTime local) {
    LocalDate day = local.toLocalDate();
    return opensPreviousEvening() && !local.toLocalTime().isBefore(globexOpen) ? day.plusDays(1) : day;
  }

  /** The era in force on {@code tradingDate} (the first era also covers earlier dates). */
  public Era eraOn(LocalDate tradingDate) {
    Era found = eras.get(0);
    for (Era era : eras) {
      if (era.from().isAfter(tradingDate)) {
        break;
      }
      found = era;
    }
    return found;
  }

  /** Whether the exchange has a session for {@code tradingDate}: a weekday that is not a closed holiday. */
  public boolean isTradingDate(LocalDate tradingDate) {
    DayOfWeek weekday = tradingDate.getDayOfWeek();
    if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
      return false;
    }
    for (HolidayRule rule : closedOn) {
      if (rule.dateIn(tradingDate.getYear()).filter(tradingDate::equals).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /** The close of {@code tradingDate}: the era's close, or the early close of a holiday on that date. */
  public LocalTime closeOn(LocalDate tradingDate) {
    LocalTime close = eraOn(tradingDate).globexClose();
    for (Map.Entry<HolidayRule, LocalTime> early : earlyCloses.entrySet()) {
      if (early.getKey().dateIn(tradingDate.getYear()).filter(tradingDate::equals).isPresent()
          && early.getValue().isBefore(close)) {
        close = early.getValue();
      }
    }
    return close;
  }

  /**
   * The open stretches of {@code tradingDate} as pairs {@code [start, end)} of minutes relative to that date's
   * local midnight (negative for the previous evening), in order; empty when it is not a trading date.
   * This is the full-weekly-schedule view used by the generator and the missing-session report.
   */
  public int[] openMinuteRanges(LocalDate tradingDate) {
    if (!isTradingDate(tradingDate)) {
      return new int[0];
    }
    Era era = eraOn(tradingDate);
    int open = globexOpenMinute();
    int close = minuteOfDay(closeOn(tradingDate));
    List<Halt> halts = new ArrayList<>(era.halts());
    halts.sort(Comparator.comparing(Halt::start));
    int[] ranges = new int[2 * (halts.size() + 1)];
    int count = 0;
    int start = open;
    for (Halt halt : halts) {
      int haltStart = minuteOfDay(halt.start());
      if (haltStart >= close) {
        break;
      }
      ranges[count++] = start;
      ranges[count++] = haltStart;
      start = minuteOfDay(halt.end());
    }
    if (start < close) {
      ranges[count++] = start;
      ranges[count++] = close;
    }
    return java.util.Arrays.copyOf(ranges, count);
  }

  /** Regular hours of {@code tradingDate} as {@code [start, end)} minutes after local midnight, clipped by an early close. */
  public int[] regularMinuteRange(LocalDate tradingDate) {
    int close = Math.min(minuteOfDay(regularClose), minuteOfDay(closeOn(tradingDate)));
    return new int[] {minuteOfDay(regularOpen), close};
  }

  /**
   * Whether a bar starting at {@code local} lies in the weekly schedule: on a trading date, after the open, before
   * the close and outside halts. Holiday early closes are ignored here on purpose: data from a holiday session is
   * accepted as long as it fits the ordinary schedule.
   */
  public boolean isScheduled(LocalDateTime local) {
    LocalDate tradingDate = tradingDate(local);
    DayOfWeek weekday = tradingDate.getDayOfWeek();
    if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    Era era = eraOn(tradingDate);
    if (opensPreviousEvening() && !time.isBefore(globexOpen)) {
      return true;
    }
    if (!opensPreviousEvening() && time.isBefore(globexOpen)) {
      return false;
    }
    if (!time.isBefore(era.globexClose())) {
      return false;
    }
    for (Halt halt : era.halts()) {
      if (!time.isBefore(halt.start()) && time.isBefore(halt.end())) {
        return false;
      }
    }
    return true;
  }

  /** Whether a bar starting at {@code local} is inside regular trading hours. */
  public boolean isRegularHours(LocalDateTime local) {
    LocalTime time = local.toLocalTime();
    return !time.isBefore(regularOpen) && time.isBefore(regularClose);
  }

  /** The instant {@code minutesAfterMidnight} (possibly negative) local minutes from {@code tradingDate}'s midnight. */
  public Instant instantAt(LocalDate tradingDate, int minutesAfterMidnight) {
    return tradingDate.atStartOfDay().plusMinutes(minutesAfterMidnight).atZone(timeZone).toInstant();
  }

  /**
   * When the trading day opens, in minutes after the trading date's local midnight: negative when it opens on the
   * previous evening (CME: 17:00 the evening before = -420).
   */
  public int globexOpenMinute() {
    return minuteOfDay(globexOpen) - (opensPreviousEvening() ? MINUTES_PER_DAY : 0);
  }

  /** Minutes after midnight of a local time of day. */
  public static int minuteOfDay(LocalTime time) {
    return time.getHour() * 60 + time.getMinute();
  }
}
