package io.plateau.exec;

/**
 * What one simulation produced.
 *
 * @param trades every closed trade
 * @param equity mark-to-market equity at each trading date's last bar
 * @param barsInMarket bars that ended with an open position
 * @param totalBars bars simulated
 */
public record SimulationResult(TradeLog trades, DailyEquity equity, long barsInMarket, long totalBars) {}
