package io.plateau.study;

import io.plateau.instrument.SessionSchedule;
import io.plateau.robust.WalkForwardScheme;
import io.plateau.robust.Window;
import io.plateau.util.InputException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trading dates of one symbol's study span and the walk-forward windows cut on them. The dates are the
 * exchange calendar's (weekdays that are not full holidays) from the first to the last trading date with bars in
 * the study's range, so a day missing from the data still has its place (with no P&amp;L) and every parameter set's
 * daily P&amp;L array lines up with every other's.
 */
public final class StudyCalendar implements Serializable {

  private final int[] tradingDates;
  private final List<Window> windows;
  private final List<List<Window>> matrixWindows;

  private StudyCalendar(int[] tradingDates, List<Window> windows, List<List<Window>> matrixWindows) {
    this.tradingDates = tradingDates;
    this.windows = List.copyOf(windows);
    this.matrixWindows = List.copyOf(matrixWindows);
  }

  /**
   * The calendar of {@code study} for a symbol traded on {@code sessions} whose bars in the study's range run from
   * trading date {@code firstBar} to {@code lastBar}. A span that holds no complete window is refused.
   */
  public static StudyCalendar of(Study study, String symbol, SessionSchedule sessions, LocalDate firstBar,
      LocalDate lastBar) {
    int[] dates = firstBar.datesUntil(lastBar.plusDays(1)).filter(sessions::isTradingDate)
        .mapToInt(d -> (int) d.toEpochDay()).toArray();
    LocalDate next = lastBar.plusDays(1);
    while (!sessions.isTradingDate(next)) {
      next = next.plusDays(1);
    }
    List<Window> windows = study.walkForward().cut(dates, (int) next.toEpochDay());
    if (windows.isEmpty()) {
      throw new InputException(study.file() + ": walk_forward: " + symbol + " has bars from " + firstBar + " to "
          + lastBar + " (" + dates.length + " trading dates), too short for one window of warm-up "
          + study.walkForward().warmUp() + " + in-sample " + study.walkForward().inSample() + " + out-of-sample "
          + study.walkForward().outOfSample() + "; widen bars.start/bars.end or shorten the windows");
    }
    List<List<Window>> matrixWindows = new ArrayList<>();
    for (WalkForwardScheme cell : study.matrix()) {
      List<Window> cut = cell.cut(dates, (int) next.toEpochDay());
      if (cut.isEmpty()) {
        throw new InputException(study.file() + ": walk_forward.matrix: " + symbol + " has bars from " + firstBar
            + " to " + lastBar + ", too short for one window of in-sample " + cell.inSample() + " + out-of-sample "
            + cell.outOfSample() + "; drop that length or widen bars.start/bars.end");
      }
      matrixWindows.add(cut);
    }
    return new StudyCalendar(dates, windows, matrixWindows);
  }

  /** The trading dates as epoch days, ascending. Internal array: never write to it. */
  public int[] tradingDatesUnsafe() {
    return tradingDates;
  }

  public int size() {
    return tradingDates.length;
  }

  public LocalDate date(int index) {
    return LocalDate.ofEpochDay(tradingDates[index]);
  }

  public List<Window> windows() {
    return windows;
  }

  /** The windows of each cell of the study's walk-forward matrix, in {@link Study#matrix()}'s order. */
  public List<List<Window>> matrixWindows() {
    return matrixWindows;
  }

  /** The index of trading date {@code date}, or of the first trading date after it. */
  public int indexAtOrAfter(LocalDate date) {
    int found = Arrays.binarySearch(tradingDates, (int) date.toEpochDay());
    return found >= 0 ? found : -found - 1;
  }
}
