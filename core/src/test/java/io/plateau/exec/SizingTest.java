package io.plateau.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sizing rules with MES figures: $1.25 a tick. */
class SizingTest {

  private static final double TICK_VALUE = 1.25;

  @Test
  void fixedIgnoresEquityAndStop() {
    assertEquals(3, new Sizing.Fixed(3).contracts(10_000, 0, TICK_VALUE, new TradeLog()));
  }

  @Test
  void fixedFractionalRisksAShareOfEquityOverTheStopDistance() {
    Sizing onePercent = new Sizing.FixedFractional(0.01, 0, false);
    // $100 at risk, 8 ticks x $1.25 = $10 a contract: 10 contracts; 30 ticks ($37.50): 2 (floor of 2.67).
    assertEquals(10, onePercent.contracts(10_000, 8, TICK_VALUE, new TradeLog()));
    assertEquals(2, onePercent.contracts(10_000, 30, TICK_VALUE, new TradeLog()));
    assertEquals(0, onePercent.contracts(10_000, 0, TICK_VALUE, new TradeLog()), "no stop, no defined risk");
    assertEquals(0, onePercent.contracts(1_000, 30, TICK_VALUE, new TradeLog()), "$10 buys no contract");
    assertEquals(1, new Sizing.FixedFractional(0.01, 0, true).contracts(1_000, 30, TICK_VALUE, new TradeLog()));
    assertEquals(5, new Sizing.FixedFractional(0, 50, false).contracts(99_999, 8, TICK_VALUE, new TradeLog()),
        "a fixed $50 at risk over $10 a contract, whatever the equity");
  }

  @Test
  void kellyFollowsWinRateAndPayoffOfRecentTrades() {
    TradeLog trades = new TradeLog();
    // Ten trades: 6 wins of $20 net, 4 losses of $10 net (gross = net here: no commission).
    for (int i = 0; i < 10; i++) {
      double pnl = i < 6 ? 20 : -10;
      trades.add(i, i + 1, 1, 1, 100, 100, pnl, 0, 0, 0, 0, 0, 1);
    }
    // W = 0.6, R = 20 / 10 = 2: f* = 0.6 - 0.4 / 2 = 0.4.
    assertEquals(0.4, Sizing.Kelly.kellyFraction(trades, 10), 1e-12);
    // Half Kelly: risk 0.2 of $10,000 = $2,000, capped at 0.1 -> $1,000 over 8 ticks x $1.25 = 100 contracts.
    assertEquals(100, new Sizing.Kelly(0.5, 0.1, 10, 1).contracts(10_000, 8, TICK_VALUE, trades));
    // Uncapped: $2,000 / $10 = 200.
    assertEquals(200, new Sizing.Kelly(0.5, 1, 10, 1).contracts(10_000, 8, TICK_VALUE, trades));
    // Too few trades: the warm-up size.
    assertEquals(1, new Sizing.Kelly(0.5, 0.1, 20, 1).contracts(10_000, 8, TICK_VALUE, trades));
  }

  @Test
  void kellyWithoutAnEdgeTradesTheWarmUpSize() {
    TradeLog losing = new TradeLog();
    for (int i = 0; i < 10; i++) {
      losing.add(i, i + 1, 1, 1, 100, 100, i < 3 ? 10 : -10, 0, 0, 0, 0, 0, 1);
    }
    // W = 0.3, R = 1: f* = 0.3 - 0.7 = -0.4 <= 0.
    assertTrue(Sizing.Kelly.kellyFraction(losing, 10) < 0);
    assertEquals(0, new Sizing.Kelly(0.5, 0.1, 10, 0).contracts(10_000, 8, TICK_VALUE, losing));
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Sizing.Fixed(0));
    assertThrows(IllegalArgumentException.class, () -> new Sizing.FixedFractional(0.01, 50, false));
    assertThrows(IllegalArgumentException.class, () -> new Sizing.FixedFractional(0, 0, false));
  }
}
