package io.plateau.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TradeLogTest {

  @Test
  void storesEachColumnAndComputesNetAsGrossMinusCommission() {
    TradeLog log = new TradeLog();
    // 2 MES long from 5000.00 to 5010.25: 10.25 points × $5 × 2 = $102.50 gross; 2 × $1.25 round turn = $2.50.
    log.add(1_000L, 61_000L, 1, 2, 5000.00, 5010.25, 102.50, 2.50, 2.50, 25.0, 130.0, 0, 1);
    log.add(70_000L, 70_000L, -1, 1, 5011.00, 5013.00, -10.0, 1.25, 0.0, 10.0, 0.0, 2, 3);

    assertEquals(2, log.size());
    assertEquals(1_000L, log.entryTimeMillis(0));
    assertEquals(61_000L, log.exitTimeMillis(0));
    assertEquals(1, log.side(0));
    assertEquals(-1, log.side(1));
    assertEquals(2, log.contracts(0));
    assertEquals(5000.00, log.entryPrice(0));
    assertEquals(5010.25, log.exitPrice(0));
    assertEquals(102.50, log.grossPnl(0));
    assertEquals(2.50, log.commissionAndFees(0));
    assertEquals(2.50, log.slippageCost(0), "informational: already inside the gross P&L, not subtracted again");
    assertEquals(100.00, log.netPnl(0));
    assertEquals(-11.25, log.netPnl(1));
    assertEquals(25.0, log.mae(0));
    assertEquals(130.0, log.mfe(0));
    assertEquals(0, log.model(0));
    assertEquals(1, log.entryNumber(0));
    assertEquals(2, log.model(1));
    assertEquals(3, log.entryNumber(1));
    assertEquals(-11.25, log.netPnlUnsafe()[1]);
  }

  @Test
  void growsPastItsInitialCapacityAndKeepsEveryRow() {
    TradeLog log = new TradeLog();
    for (int i = 0; i < 1000; i++) {
      log.add(i, i + 1, i % 2 == 0 ? 1 : -1, 1 + i % 3, 100, 101, i, 1, 0, 0, 0, i % 5, 1 + i % 4);
    }
    assertEquals(1000, log.size());
    assertEquals(998.0, log.netPnl(999));
    assertEquals(-1, log.side(999));
    assertEquals(1, log.contracts(999));
    assertEquals(4, log.model(999));
    assertEquals(4, log.entryNumber(999));
    assertTrue(log.netPnlUnsafe().length >= 1000);
  }

  @Test
  void clearKeepsTheColumnsForReuse() {
    TradeLog log = new TradeLog();
    log.add(0, 1, 1, 1, 100, 101, 5, 1, 0, 0, 5, 0, 1);
    double[] column = log.netPnlUnsafe();
    log.clear();
    assertEquals(0, log.size());
    log.add(0, 1, 1, 1, 100, 99, -5, 1, 0, 5, 0, 0, 1);
    assertSame(column, log.netPnlUnsafe(), "no allocation while within capacity");
    assertEquals(-6.0, log.netPnl(0));
  }

  @Test
  void indexBeyondSizeIsRejectedEvenWithinCapacity() {
    TradeLog log = new TradeLog();
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> log.netPnl(0));
    assertEquals("trade index must be in [0, 0), was 0", e.getMessage());
  }

  @Test
  void rejectsBadTradesNamingTheValueAndLeavesTheLogUnchanged() {
    TradeLog log = new TradeLog();
    assertEquals("side must be +1 (long) or -1 (short), was 0", assertThrows(IllegalArgumentException.class,
        () -> log.add(0, 1, 0, 1, 100, 101, 5, 1, 0, 0, 0, 0, 1)).getMessage());
    assertEquals("contracts must be > 0, was 0", assertThrows(IllegalArgumentException.class,
        () -> log.add(0, 1, 1, 0, 100, 101, 5, 1, 0, 0, 0, 0, 1)).getMessage());
    assertEquals("exitTimeMillis must be >= entryTimeMillis 10, was 9", assertThrows(IllegalArgumentException.class,
        () -> log.add(10, 9, 1, 1, 100, 101, 5, 1, 0, 0, 0, 0, 1)).getMessage());
    assertEquals("commissionAndFees must be a finite number >= 0, was -1.0", assertThrows(
        IllegalArgumentException.class, () -> log.add(0, 1, 1, 1, 100, 101, 5, -1, 0, 0, 0, 0, 1)).getMessage());
    assertEquals("mae must be a finite number >= 0, was -3.0", assertThrows(IllegalArgumentException.class,
        () -> log.add(0, 1, 1, 1, 100, 101, 5, 1, 0, -3, 0, 0, 1)).getMessage());
    assertEquals("grossPnl must be a finite number, was NaN", assertThrows(IllegalArgumentException.class,
        () -> log.add(0, 1, 1, 1, 100, 101, Double.NaN, 1, 0, 0, 0, 0, 1)).getMessage());
    assertEquals("model must be in [0, 32767], was -1", assertThrows(IllegalArgumentException.class,
        () -> log.add(0, 1, 1, 1, 100, 101, 5, 1, 0, 0, 0, -1, 1)).getMessage());
    assertEquals("entryNumber must be in [1, 32767], was 0", assertThrows(IllegalArgumentException.class,
        () -> log.add(0, 1, 1, 1, 100, 101, 5, 1, 0, 0, 0, 0, 0)).getMessage());
    assertEquals(0, log.size());
  }
}
