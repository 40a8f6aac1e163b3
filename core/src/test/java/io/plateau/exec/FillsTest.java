package io.plateau.exec;

import static io.plateau.exec.Fills.NO_FILL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.exec.Fills.ProtectiveFill;
import org.junit.jupiter.api.Test;

/** Every fill rule on hand-built bars, in ticks: open 100, high 110, low 95 unless a case says otherwise. */
class FillsTest {

  private static final int BUY = 1;
  private static final int SELL = -1;

  @Test
  void marketOrdersFillAtTheOpenWithAdverseSlippage() {
    assertEquals(101, Fills.market(BUY, 100, 1));
    assertEquals(98, Fills.market(SELL, 100, 2));
    assertEquals(100, Fills.market(BUY, 100, 0));
  }

  @Test
  void stopsFillAtTheStopOrAtTheOpenWhenTheBarGapsThroughIt() {
    assertEquals(106, Fills.stop(BUY, 105, 100, 110, 95, 1), "reached intrabar: stop + 1 tick");
    assertEquals(103, Fills.stop(BUY, 98, 102, 110, 95, 1), "gapped through: open + 1 tick, not the stop");
    assertEquals(NO_FILL, Fills.stop(BUY, 111, 100, 110, 95, 1), "never reached");
    assertEquals(95, Fills.stop(SELL, 96, 100, 110, 95, 1), "sell stop reached: 96 - 1");
    assertEquals(89, Fills.stop(SELL, 97, 90, 92, 85, 1), "gap down through a sell stop: open - 1");
    assertEquals(NO_FILL, Fills.stop(SELL, 94, 100, 110, 95, 1));
  }

  @Test
  void limitsNeedPriceToTradeThroughThemAndNeverSlip() {
    assertEquals(97, Fills.limit(BUY, 97, 100, 110, 95, 1), "low 95 trades through 97 by more than a tick");
    assertEquals(NO_FILL, Fills.limit(BUY, 95, 100, 110, 95, 1), "a touch at 95 is not a fill");
    assertEquals(95, Fills.limit(BUY, 95, 100, 110, 95, 0), "with through 0 a touch fills");
    assertEquals(90, Fills.limit(BUY, 97, 90, 99, 88, 1), "opened below the buy limit: filled at the open");
    assertEquals(108, Fills.limit(SELL, 108, 100, 110, 95, 1));
    assertEquals(NO_FILL, Fills.limit(SELL, 110, 100, 110, 95, 1));
    assertEquals(112, Fills.limit(SELL, 105, 112, 115, 111, 1), "opened above the sell limit: filled at the open");
  }

  @Test
  void stopLimitsTriggerAtTheStopThenActAsLimits() {
    // Intrabar trigger: stop 105 + 1 tick slippage, within the limit 107.
    assertEquals(106, Fills.stopLimit(BUY, 105, 107, 100, 110, 95, 1, 1));
    // Slippage capped by the limit: stop 105, limit 105.
    assertEquals(105, Fills.stopLimit(BUY, 105, 105, 100, 110, 95, 2, 1));
    // Gap through the stop but within the limit: open 106 + 1.
    assertEquals(107, Fills.stopLimit(BUY, 105, 108, 106, 110, 104, 1, 1));
    // Gap beyond the limit: rests as a limit at 107, filled when price comes back through it (low 104).
    assertEquals(107, Fills.stopLimit(BUY, 105, 107, 109, 112, 104, 1, 1));
    // Gap beyond the limit and no pullback: not filled on this bar.
    assertEquals(NO_FILL, Fills.stopLimit(BUY, 105, 107, 109, 112, 107, 1, 1));
    // Not triggered.
    assertEquals(NO_FILL, Fills.stopLimit(BUY, 111, 113, 100, 110, 95, 1, 1));
    assertFalse(Fills.triggers(BUY, 111, 110, 95));
    // Sell stop-limit mirrored: stop 96, limit 94: 96 - 1.
    assertEquals(95, Fills.stopLimit(SELL, 96, 94, 100, 110, 95, 1, 1));
    assertTrue(Fills.triggers(SELL, 96, 110, 95));
  }

  @Test
  void whenABarReachesStopAndTargetTheStopIsAssumedFirst() {
    // Long, stop 96, target 108: the bar (100, 110, 95) reaches both.
    assertEquals(ProtectiveFill.STOP, Fills.protectiveFill(BUY, 96, 108, 100, 110, 95, 1));
    // Only the target (low 97 stays above the stop).
    assertEquals(ProtectiveFill.TARGET, Fills.protectiveFill(BUY, 96, 108, 100, 110, 97, 1));
    // The bar opens beyond the target: filled at the open before the stop could be reached.
    assertEquals(ProtectiveFill.TARGET_AT_OPEN, Fills.protectiveFill(BUY, 96, 108, 111, 112, 90, 1));
    // Opens through the stop: the stop, at the open (Fills.stop gives the price).
    assertEquals(ProtectiveFill.STOP, Fills.protectiveFill(BUY, 96, 108, 94, 112, 90, 1));
    assertEquals(93, Fills.stop(SELL, 96, 94, 112, 90, 1));
    // Short mirrored: stop 104, target 92.
    assertEquals(ProtectiveFill.STOP, Fills.protectiveFill(SELL, 104, 92, 100, 110, 90, 1));
    assertEquals(ProtectiveFill.TARGET, Fills.protectiveFill(SELL, 111, 92, 100, 110, 90, 1));
    // No orders, or none reached.
    assertEquals(ProtectiveFill.NONE, Fills.protectiveFill(BUY, NO_FILL, NO_FILL, 100, 110, 95, 1));
    assertEquals(ProtectiveFill.NONE, Fills.protectiveFill(BUY, 90, 120, 100, 110, 95, 1));
  }
}
