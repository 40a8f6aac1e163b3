package io.plateau.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyPathTest {

  private static final SyntheticConfig CONFIG = SyntheticConfig.builtIn();

  private static Map<String, DailyPath> simulate(long seed, LocalDate lastDate) {
    List<DailyPath.Member> members = new ArrayList<>();
    CONFIG.families().forEach((name, family) -> members.add(new DailyPath.Member(name, family.marketBeta(),
        family.ownAnnualVol(), Math.log(family.levelOn(CONFIG.startDate())), family.levels())));
    return DailyPath.simulateGroup(CONFIG, seed, "index", CONFIG.market().annualVol(), members, lastDate);
  }

  @Test
  void weekdayOrdinalsAreConsecutiveAndWeekendsMapToMonday() {
    LocalDate day = LocalDate.of(1969, 12, 1);
    int previous = DailyPath.weekdayOrdinal(day) - 1;
    for (int i = 0; i < 20_000; i++, day = day.plusDays(1)) {
      int ordinal = DailyPath.weekdayOrdinal(day);
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (weekend) {
        LocalDate monday = day.plusDays(day.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1);
        assertEquals(DailyPath.weekdayOrdinal(monday), ordinal, day.toString());
      } else {
        assertEquals(previous + 1, ordinal, day.toString());
        previous = ordinal;
      }
    }
  }

  @Test
  void pathsPassThroughEveryLevelOfTheirFamily() {
    Map<String, DailyPath> paths = simulate(7, LocalDate.of(2024, 12, 31));
    CONFIG.families().forEach((name, family) -> family.levels().forEach((date, level) -> {
      DailyPath path = paths.get(name);
      if (date.isAfter(path.startDate)) {
        assertEquals(level, Math.exp(path.logClose[path.dayIndex(date) + 1]), level * 1e-9, name + " on " + date);
      }
    }));
    DailyPath es = paths.get("ES");
    assertEquals(CONFIG.families().get("ES").levelOn(CONFIG.startDate()), Math.exp(es.logClose[0]), 1e-6);
  }

  @Test
  void aDaysValuesDoNotDependOnHowFarThePathRuns() {
    DailyPath shorter = simulate(7, LocalDate.of(2020, 1, 1)).get("RTY");
    DailyPath longer = simulate(7, LocalDate.of(2040, 1, 1)).get("RTY");
    assertTrue(longer.days > shorter.days);
    for (int t = 0; t < shorter.days; t++) {
      assertEquals(shorter.logClose[t + 1], longer.logClose[t + 1], "close of day " + t);
      assertEquals(shorter.gapLog[t], longer.gapLog[t]);
      assertEquals(shorter.regime[t], longer.regime[t]);
    }
  }

  @Test
  void regimesAlternateAndTheirEndsAreMarkedAsExhaustion() {
    DailyPath es = simulate(7, LocalDate.of(2024, 12, 31)).get("ES");
    int trendDays = 0;
    int switches = 0;
    for (int t = 0; t < es.days; t++) {
      if (es.regime[t] != DailyPath.RANGE) {
        trendDays++;
        boolean lastOfTrend = t + 1 == es.days || es.regime[t + 1] != es.regime[t];
        if (lastOfTrend && t + 1 < es.days) {
          assertEquals(1f, es.exhaustion[t], "the last day of a trend is fully exhausted");
        }
      } else {
        assertEquals(0f, es.exhaustion[t], "no exhaustion in a range");
      }
      if (t > 0 && es.regime[t] != es.regime[t - 1]) {
        switches++;
      }
    }
    double trendShare = (double) trendDays / es.days;
    assertTrue(trendShare > 0.2 && trendShare < 0.6, "share of trend days " + trendShare);
    assertTrue(switches > 100, "regimes switch often over 35 years: " + switches);
  }

  @Test
  void jumpsAreRareAndScheduledAtKnownTimes() {
    DailyPath es = simulate(7, LocalDate.of(2024, 12, 31)).get("ES");
    int jumps = 0;
    for (int t = 0; t < es.days; t++) {
      short minute = es.jumpMinuteOfDay[t];
      if (minute != DailyPath.NO_JUMP) {
        jumps++;
        assertTrue(minute == DailyPath.JUMP_IN_REGULAR_HOURS || minute == 450 || minute == 780, "minute " + minute);
      } else {
        assertEquals(0f, es.jumpLog[t]);
      }
    }
    double perYear = jumps / (es.days / 261.0);
    // 4 a year of which 30% fall while closed (into the open gap): about 2.8 intraday jumps a year.
    assertTrue(perYear > 1.5 && perYear < 4.5, "intraday jumps a year " + perYear);
  }
}
