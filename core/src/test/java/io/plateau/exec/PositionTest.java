package io.plateau.exec;

import static io.plateau.exec.Fills.NO_FILL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MES: 0.25 points a tick, $1.25 a tick, $0.62 commission and fees per contract per side (catalog). */
class PositionTest {

  private static final Instrument MES = InstrumentCatalog.builtIn().get("MES");
  private static final int LONG = 1;
  private static final int SHORT = -1;

  private static Position position(AddPolicy policy, TradeLog log) {
    return new Position(MES, CostModel.of(MES), 3, 10, policy, log);
  }

  @Test
  void aLongTradeChargesCostsPerSideAndKeepsSlippageInTheFillPrices() {
    TradeLog log = new TradeLog();
    Position position = position(AddPolicy.ALSO_AGAINST, log);
    // Seed 001's unit economics: 2 contracts long at 20400 (5100.00), out at 20408 (+8 ticks).
    position.open(1_000, LONG, 2, 20_400, 1, 20_395, 20_408, 0);
    position.mark(20_409, 20_397);
    double net = position.close(0, 2_000, 20_408, 0);
    // gross 8 ticks x 2 x $1.25 = $20; commission 2 sides x 2 x $0.62 = $2.48.
    assertEquals(20 - 2.48, net, 1e-9);
    assertEquals(1, log.size());
    assertEquals(5100.00, log.entryPrice(0));
    assertEquals(5102.00, log.exitPrice(0));
    assertEquals(20, log.grossPnl(0), 1e-9);
    assertEquals(2.48, log.commissionAndFees(0), 1e-9);
    assertEquals(1 * 2 * 1.25, log.slippageCost(0), 1e-9, "one tick of entry slippage on 2 contracts");
    assertEquals(3 * 2 * 1.25, log.mae(0), 1e-9, "worst: low 20397, 3 ticks below the entry");
    assertEquals(9 * 2 * 1.25, log.mfe(0), 1e-9, "best: high 20409");
    assertTrue(position.isFlat());
    assertEquals(0, position.side());
  }

  @Test
  void aShortTradeGainsWhenPriceFalls() {
    TradeLog log = new TradeLog();
    Position position = position(AddPolicy.ALSO_AGAINST, log);
    position.open(1_000, SHORT, 1, 20_400, 0, NO_FILL, NO_FILL, 0);
    assertEquals(5 * 1.25, position.unrealizedPnl(20_395), 1e-9);
    assertEquals(5 * 1.25 - 1.24, position.closeAll(2_000, 20_395, 0), 1e-9);
  }

  @Test
  void scalingInAveragesTheEntriesAndEachEntryBecomesATrade() {
    TradeLog log = new TradeLog();
    Position position = position(AddPolicy.ALSO_AGAINST, log);
    position.open(1_000, LONG, 1, 20_400, 0, 20_390, NO_FILL, 0);
    position.open(2_000, LONG, 3, 20_404, 0, 20_398, NO_FILL, 0);
    assertEquals((20_400 + 3 * 20_404) / 4.0, position.averageEntryTicks(), 1e-12);
    assertEquals(4, position.contracts());
    assertEquals(20_398, position.stopTicks(1));
    double net = position.closeAll(3_000, 20_410, 0);
    // gross (10 x 1 + 6 x 3) ticks x $1.25 = $35; commission 2 x 4 x 0.62 = $4.96.
    assertEquals(35 - 4.96, net, 1e-9);
    assertEquals(2, log.size());
  }

  @Test
  void neverAverageDownAllowsAddsOnlyWhileInProfit() {
    Position position = position(AddPolicy.ONLY_IN_PROFIT, new TradeLog());
    assertEquals(2, position.allowedContracts(LONG, 2, 20_000), "a first entry is always allowed");
    position.open(1_000, LONG, 2, 20_400, 0, NO_FILL, NO_FILL, 0);
    assertEquals(0, position.allowedContracts(LONG, 2, 20_399), "losing: no add");
    assertEquals(0, position.allowedContracts(LONG, 2, 20_400), "flat at the mark is not a profit");
    assertEquals(2, position.allowedContracts(LONG, 2, 20_401));
    assertEquals(0, position.allowedContracts(SHORT, 1, 20_401), "no entry against the position");
    Position averaging = position(AddPolicy.ALSO_AGAINST, new TradeLog());
    averaging.open(1_000, LONG, 2, 20_400, 0, NO_FILL, NO_FILL, 0);
    assertEquals(2, averaging.allowedContracts(LONG, 2, 20_390));
  }

  @Test
  void maximumEntriesAndContractsCapTheAdds() {
    Position position = position(AddPolicy.ALSO_AGAINST, new TradeLog());
    position.open(1_000, LONG, 6, 20_400, 0, NO_FILL, NO_FILL, 0);
    assertEquals(4, position.allowedContracts(LONG, 5, 20_410), "10 contracts at most");
    position.open(2_000, LONG, 2, 20_405, 0, NO_FILL, NO_FILL, 0);
    position.open(3_000, LONG, 2, 20_406, 0, NO_FILL, NO_FILL, 0);
    assertEquals(0, position.allowedContracts(LONG, 1, 20_410), "3 entries at most");
    assertThrows(IllegalStateException.class, () -> position.open(4_000, LONG, 1, 20_407, 0, NO_FILL, NO_FILL, 0));
  }

  @Test
  void closingOneModelLeavesTheOthersEntriesAndEveryTradeKeepsItsModelAndEntryNumber() {
    TradeLog log = new TradeLog();
    Position position = position(AddPolicy.ALSO_AGAINST, log);
    position.open(1_000, LONG, 1, 20_400, 0, NO_FILL, NO_FILL, 2);
    position.open(2_000, LONG, 2, 20_404, 0, NO_FILL, NO_FILL, 5);
    position.open(3_000, LONG, 3, 20_402, 0, NO_FILL, NO_FILL, 2);
    // Model 2's entries (1 at 20400, 3 at 20402) out at 20410: (10 + 3 x 8) ticks x $1.25 = $42.50 gross.
    assertEquals(42.50 - 2 * 4 * 0.62, position.closeModel(2, 4_000, 20_410, 0), 1e-9);
    assertEquals(1, position.entries());
    assertEquals(5, position.model(0));
    assertEquals(2, position.contracts(0));
    assertEquals(20_404, position.entryTicks(0));
    assertEquals(2, log.size());
    assertEquals(List.of(2, 2), List.of(log.model(0), log.model(1)));
    assertEquals(List.of(3, 1), List.of(log.entryNumber(0), log.entryNumber(1)), "closed from the last entry down");
    position.open(5_000, LONG, 1, 20_412, 0, NO_FILL, NO_FILL, 0);
    position.closeAll(6_000, 20_412, 0);
    assertEquals(List.of(0, 5), List.of(log.model(2), log.model(3)));
    assertEquals(List.of(2, 2), List.of(log.entryNumber(2), log.entryNumber(3)),
        "the new entry opened as the second open entry, as model 5's had");
  }
}
