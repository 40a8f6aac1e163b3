package io.plateau.study;

import io.plateau.robust.SpanMetrics;
import java.io.Serializable;
import java.util.List;

/**
 * One parameter set simulated once, continuously, over a symbol's whole study span, cut into the walk-forward
 * windows afterwards.
 *
 * @param setId the set's id in the study's parameter space
 * @param inSample the metrics of each window's in-sample span, by window index
 * @param outOfSample the metrics of each window's out-of-sample span of the same continuous run, by window index
 * @param matrix per cell of the study's walk-forward matrix, the same run's metrics on that cell's windows
 * @param whole the metrics from the first in-sample start to the end of the span
 * @param dailyPnl the mark-to-market P&amp;L of each trading date of the {@link StudyCalendar}, from the first
 *     date (the warm-up's, 0 while nothing trades)
 */
public record Trial(long setId, List<SpanMetrics> inSample, List<SpanMetrics> outOfSample, List<Cell> matrix,
    SpanMetrics whole, float[] dailyPnl) implements Serializable {

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
