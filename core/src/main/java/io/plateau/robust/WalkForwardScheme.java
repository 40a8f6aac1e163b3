package io.plateau.robust;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a study cuts its span into walk-forward windows, on trading dates.
 *
 * <p>The first in-sample span starts {@code warmUp} after the first trading date (the indicators' warm-up). Window
 * k's out-of-sample span starts where its in-sample span ends and lasts {@code outOfSample}; the step from window to
 * window is the out-of-sample length, so the out-of-sample spans tile the study without overlap. Rolling windows keep
 * the in-sample length; anchored ones keep the first in-sample start and grow. Lengths in months are measured from
 * the first in-sample start's date (window k's out-of-sample span ends at start + IS + (k+1)·OOS months), so months
 * of different lengths do not drift; a boundary falls on the first trading date on or after the calendar date. Only
 * complete windows are cut: one whose out-of-sample span would run past the last trading date is left out.
 *
 * @param anchored anchored (growing in-sample) rather than rolling
 * @param inSample in-sample length
 * @param outOfSample out-of-sample length, the step
 * @param warmUp bars before the first in-sample start given to the indicators only
 */
public record WalkForwardScheme(boolean anchored, Period inSample, Period outOfSample, Period warmUp)
    implements Serializable {

  public WalkForwardScheme {
    if (inSample.amount() < 1 || outOfSample.amount() < 1) {
      throw new IllegalArgumentException("in-sample and out-of-sample lengths must be >= 1");
    }
  }

  /**
   * The windows over {@code tradingDates} (epoch days, ascending: the exchange calendar's trading dates of the
   * study's span).
   *
   * @param nextTradingDate the exchange calendar's trading date after the last one (epoch day): a span of months
   *     that ends before it is complete even when it ends on a weekend or holiday after the last trading date
   */
  public List<Window> cut(int[] tradingDates, int nextTradingDate) {
    int first = advance(tradingDates, 0, warmUp, 1, nextTradingDate);
    List<Window> windows = new ArrayList<>();
    for (int k = 0; ; k++) {
      int inSampleStart = anchored ? first : advance(tradingDates, first, outOfSample, k, nextTradingDate);
      int inSampleEnd = advanceBoth(tradingDates, first, k, nextTradingDate);
      int outOfSampleEnd = advanceBoth(tradingDates, first, k + 1, nextTradingDate);
      if (outOfSampleEnd < 0 || inSampleEnd <= inSampleStart || outOfSampleEnd <= inSampleEnd) {
        return windows;
      }
      windows.add(new Window(k, date(tradingDates, inSampleStart), date(tradingDates, inSampleEnd - 1),
          date(tradingDates, inSampleEnd), date(tradingDates, outOfSampleEnd - 1)));
    }
  }

  /** Index after {@code from} + in-sample + {@code steps} × out-of-sample; -1 when past the end of the dates. */
  private int advanceBoth(int[] dates, int from, int steps, int nextTradingDate) {
    if (inSample.unit() == outOfSample.unit()) {
      Period total = new Period(inSample.amount() + steps * outOfSample.amount(), inSample.unit());
      return advance(dates, from, total, 1, nextTradingDate);
    }
    int afterInSample = advance(dates, from, inSample, 1, nextTradingDate);
    return afterInSample < 0 ? -1 : advance(dates, afterInSample, outOfSample, steps, nextTradingDate);
  }

  /**
   * The index {@code times} × {@code period} after {@code from}: the first trading date on or after the calendar
   * date (months) or that many trading dates later (days). The end of the dates (their length) when it lands
   * exactly there, -1 past it.
   */
  static int advance(int[] dates, int from, Period period, int times, int nextTradingDate) {
    if (from < 0) {
      return -1;
    }
    long amount = (long) period.amount() * times;
    if (period.unit() == Period.Unit.DAYS) {
      long index = from + amount;
      return index <= dates.length ? (int) index : -1;
    }
    long target = LocalDate.ofEpochDay(dates[from]).plusMonths(amount).toEpochDay();
    if (target > nextTradingDate) {
      return -1;
    }
    int index = Arrays.binarySearch(dates, (int) target);
    return index >= 0 ? index : -index - 1;
  }

  private static LocalDate date(int[] dates, int index) {
    return LocalDate.ofEpochDay(dates[index]);
  }
}
