package io.plateau.study;

import io.plateau.robust.SpanMetrics;
import java.io.Serializable;
import java.util.List;

/**
 * One parameter set's results on a symbol's walk-forward windows: from one simulation over the whole study span cut
 * into the windows ({@link TrialSimulation#CONTINUOUS}), or from one simulation per window pieced together
 * ({@link TrialSimulation#PER_WINDOW}: the first window's span, then each window's out-of-sample span).
 *
 * @param setId the set's id in the study's parameter space
 * @param inSample the metrics of each window's in-sample span, by window index
 * @param outOfSample the metrics of each window's out-of-sample span of the same run, by window index
 * @param matrix per cell of the study's walk-forward matrix, the same run's metrics on that cell's windows
 * @param whole the metrics of the days from the first in-sample start to {@link TrialRunner#spanEnd}
 * @param dailyPnl the mark-to-market P&amp;L of each trading date of the {@link StudyCalendar}, from the first
 *     date (the warm-up's, 0 while nothing trades)
 * @param tradeNetPnl the net P&amp;L of the trades {@code whole} counts, in exit order
 * @param tradeExitDay each of those trades' exit trading date, as an index of the calendar
 */
public record Trial(long setId, List<SpanMetrics> inSample, List<SpanMetrics> outOfSample, List<Cell> matrix,
    SpanMetrics whole, float[] dailyPnl, double[] tradeNetPnl, int[] tradeExitDay) implements Serializable {

  public Trial {
    inSample = List.copyOf(inSample);
    outOfSample = List.copyOf(outOfSample);
    matrix = List.copyOf(matrix);
  }

  /** The metrics of one walk-forward scheme's windows, by window index. */
  public record Cell(List<SpanMetrics> inSample, List<SpanMetrics> outOfSample) implements Serializable {

    public Cell {
      inSample = List.copyOf(inSample);
      outOfSample = List.copyOf(outOfSample);
    }
  }
}
