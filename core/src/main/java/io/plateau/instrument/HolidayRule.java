package io.plateau.instrument;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * U.S. exchange holidays by rule, so a session schedule can name them in YAML ({@code good_friday}) and
 * compute their dates for any year. Fixed-date holidays move to Friday when they fall on a Saturday and to
 * Monday on a Sunday (NYSE/CME observance), except New Year's Day, which is not moved back into December.
 */
public enum HolidayRule {
  NEW_YEARS_DAY {
    @Override
    Optional<LocalDate> dateIn(int year) {
      LocalDate day = LocalDate.of(year, Month.JANUARY, 1);
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
        return Optional.empty();
      }
      return Optional.of(day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day);
    }
  },
  MLK_DAY {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return Optional.of(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY));
    }
  },
  PRESIDENTS_DAY {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return Optional.of(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY));
    }
  },
  GOOD_FRIDAY {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return Optional.of(easterSunday(year).minusDays(2));
    }
  },
  MEMORIAL_DAY {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return Optional.of(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    }
  },
  /** Observed by U.S. exchanges from 2022. */
  JUNETEENTH {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return year < 2022 ? Optional.empty() : Optional.of(observed(LocalDate.of(year, Month.JUNE, 19)));
    }
  },
  INDEPENDENCE_DAY {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return Optional.of(observed(LocalDate.of(year, Month.JULY, 4)));
    }
  },
  LABOR_DAY {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return Optional.of(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY));
    }
  },
  THANKSGIVING {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return Optional.of(nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY));
    }
  },
  DAY_AFTER_THANKSGIVING {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return Optional.of(nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY).plusDays(1));
    }
  },
  /** Only when it is a weekday that is not itself the observed Christmas holiday. */
  CHRISTMAS_EVE {
    @Override
    Optional<LocalDate> dateIn(int year) {
      LocalDate day = LocalDate.of(year, Month.DECEMBER, 24);
      boolean weekday = day.getDayOfWeek().getValue() <= 5;
      boolean observedChristmas = CHRISTMAS.dateIn(year).orElseThrow().equals(day);
      return weekday && !observedChristmas ? Optional.of(day) : Optional.empty();
    }
  },
  CHRISTMAS {
    @Override
    Optional<LocalDate> dateIn(int year) {
      return Optional.of(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }
  };

  /** The (observed) date of this holiday in {@code year}, empty when it is not observed that year. */
  abstract Optional<LocalDate> dateIn(int year);

  /** The YAML name: {@code good_friday}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Optional<HolidayRule> fromConfigName(String name) {
    for (HolidayRule rule : values()) {
      if (rule.configName().equals(name)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek weekday) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
  }

  private static LocalDate observed(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.minusDays(1);
      case SUNDAY -> day.plusDays(1);
      default -> day;
    };
  }

  /** Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
