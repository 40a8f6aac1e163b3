package io.plateau.instrument;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/** How a contract's last trading day follows from its contract month. */
public enum ExpiryRule {
  /** Equity index futures (CME): the third Friday of the contract month (moved earlier when it is a holiday). */
  THIRD_FRIDAY;

  /** The last trading date of the contract for {@code month} under {@code sessions}' holidays. */
  public LocalDate lastTradingDate(YearMonth month, SessionSchedule sessions) {
    LocalDate day = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
    while (!sessions.isTradingDate(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
