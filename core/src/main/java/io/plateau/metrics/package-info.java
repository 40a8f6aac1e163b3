/**
 * Performance statistics of a simulation: the shapes the execution simulator fills ({@link
 * io.plateau.exec.TradeLog} of closed trades, {@link io.plateau.exec.DailyEquity} marked to market per
 * trading date) and the statistics over them, one small static function per statistic with its formula and
 * source ({@link io.plateau.metrics.Drawdown}, {@link io.plateau.metrics.Ratios},
 * {@link io.plateau.metrics.Returns}, {@link io.plateau.metrics.TradeStats},
 * {@link io.plateau.metrics.PeriodAnalysis}), gathered by {@link io.plateau.metrics.Metrics#summarize} into a
 * {@link io.plateau.metrics.PerformanceSummary}.
 *
 * <p>Conventions: money in account currency; returns, rates and drawdowns as fractions (0.12 = 12 %) except in
 * the summary and period rows, whose {@code ...Percent} fields are percentages; annualization with 252 trading
 * days (ratios, arithmetic return) or 365.2425 calendar days (CAGR). A statistic that is undefined for its input
 * (no trades, fewer than two days, zero deviation, no drawdown) is NaN — never 0, never an exception; the one
 * infinity is the profit factor of a strategy without losing trades.
 */
package io.plateau.metrics;
