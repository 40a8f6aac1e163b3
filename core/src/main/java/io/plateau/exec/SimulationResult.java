package io.plateau.exec;

/**
 * What one simulation produced.
 *
 * @param trades every closed trade
 * @param equity mark-to-market equity at each trading date's last bar
 * @param barsInMarket bars that ended with an open position
 * @param totalBars bars simulated
 * @param maxBarDrawdown the largest fall of equity marked to market at every bar's close from its running peak,
 *     in currency (the daily curve misses intraday dips)
 */
public record SimulationResult(TradeLog trades, DailyEquity equity, long barsInMarket, long totalBars,
    double maxBarDrawdown) {}
