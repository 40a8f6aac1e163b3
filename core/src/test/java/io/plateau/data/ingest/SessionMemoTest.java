package io.plateau.data.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plateau.instrument.SessionSchedule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionMemoTest {

  private static final SessionSchedule CME = Fixtures.MES.sessions();

  /** Compares the memo with the schedule itself on every minute of {@code days} days from {@code first}. */
  private static void agreesMinuteByMinute(SessionSchedule sessions, LocalDate first, int days) {
    SessionMemo memo = new SessionMemo(sessions);
    long firstMinute = first.toEpochDay() * 24 * 60;
    for (long minute = firstMinute; minute < firstMinute + days * 24L * 60; minute++) {
      LocalDateTime local = LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC);
      assertEquals(sessions.isScheduled(local), memo.isScheduled(minute * 60_000), local::toString);
    }
  }

  @Test
  void agreesWithTheScheduleAcrossEveryEraChange() {
    agreesMinuteByMinute(CME, LocalDate.of(2012, 11, 5), 28);
    agreesMinuteByMinute(CME, LocalDate.of(2015, 9, 7), 28);
    agreesMinuteByMinute(CME, LocalDate.of(2021, 6, 14), 28);
    agreesMinuteByMinute(CME, LocalDate.of(1997, 8, 25), 28);
  }

  @Test
  void agreesWhenTheRowsJumpBackAndForthBetweenEras() {
    SessionMemo memo = new SessionMemo(CME);
    LocalDateTime[] times = {LocalDateTime.parse("2021-06-24T15:20"), LocalDateTime.parse("2014-01-07T15:20"),
        LocalDateTime.parse("2021-06-28T15:20"), LocalDateTime.parse("2021-06-27T17:05"),
        LocalDateTime.parse("2014-01-07T15:35")};
    for (LocalDateTime time : times) {
      assertEquals(CME.isScheduled(time), memo.isScheduled(time.toEpochSecond(ZoneOffset.UTC) * 1000), time::toString);
    }
  }

  @Test
  void schedulesWithBoundariesBetweenMinutesAreAskedEveryTime() {
    SessionSchedule odd = new SessionSchedule("odd", CME.timeZone(), LocalTime.of(17, 0), CME.regularOpen(),
        CME.regularClose(), List.of(new SessionSchedule.Era(LocalDate.of(2000, 1, 3), LocalTime.of(16, 0, 30),
            List.of())), Set.of(), java.util.Map.of());
    agreesMinuteByMinute(odd, LocalDate.of(2024, 1, 1), 2);
    SessionMemo memo = new SessionMemo(odd);
    long at = LocalDateTime.parse("2024-01-02T16:00:15").toEpochSecond(ZoneOffset.UTC) * 1000;
    assertEquals(true, memo.isScheduled(at));
    assertEquals(false, memo.isScheduled(at + 30_000));
  }
}
