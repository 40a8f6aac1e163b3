package io.plateau.bar;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One roll of a continuous series: from {@code date} on, bars come from {@code toContract}.
 *
 * @param date the first trading date of the new contract in the series
 * @param fromContract the contract used before ({@code MESH24})
 * @param toContract the contract used from {@code date} ({@code MESM24})
 * @param gapTicks the new contract's close minus the old one's at the last bar both have before {@code date}
 *     (normally the last minute of the trading date before it); difference back-adjustment adds it to every
 *     earlier bar (see {@link ContinuousContract})
 */
public record Roll(LocalDate date, String fromContract, String toContract, long gapTicks) implements Serializable {}
