package io.plateau.study;

import io.plateau.robust.SpanMetrics;
import io.plateau.robust.Window;
import java.io.Serializable;

/**
 * A window's chosen set re-run on its out-of-sample span alone, flat at the span's start and warmed up on the bars
 * before it only: the walk-forward's honest out-of-sample result.
 *
 * @param setId the chosen set
 * @param window the window
 * @param outOfSample the metrics of the re-run's out-of-sample span
 * @param dailyPnl the re-run's P&amp;L on each trading date of the out-of-sample span
 */
public record WindowRun(long setId, Window window, SpanMetrics outOfSample, double[] dailyPnl)
    implements Serializable {}
