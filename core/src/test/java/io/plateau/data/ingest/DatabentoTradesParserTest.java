package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabentoTradesParserTest {

  private static final String HEADER = "ts_recv,ts_event,rtype,publisher_id,instrument_id,action,side,depth,price,"
      + "size,flags,ts_in_delta,sequence,symbol";

  @TempDir
  Path dir;

  private static String trade(String tsEvent, char side, String price, int size) {
    return tsEvent + "," + tsEvent + ",0,1,42140864,T," + side + ",0," + price + "," + size + ",0,1000,1,MESH4";
  }

  @Test
  void aggressorSidesBuyAndSellWithTheTickRuleForNone() {
    Path file = write(dir, "trades.csv", HEADER,
        trade("1704205800100000000", 'B', "4800000000000", 2),
        trade("1704205801000000000", 'N', "4800250000000", 3),
        trade("1704205802000000000", 'N', "4800250000000", 1),
        trade("1704205803000000000", 'A', "4800000000000", 4),
        trade("1704205804000000000", 'N', "4800000000000", 5),
        trade("1704205860000000000", 'B', "4799750000000", 1));
    Fixtures.Run run = run(VendorFormat.DATABENTO_TRADES, file);
    BarSeries bars = run.result().series();
    assertTrue(run.rejections().isEmpty());
    assertEquals(2, bars.size());
    assertEquals(6, run.total().rowsAccepted());
    assertEquals(2, run.total().barsProduced());
    assertEquals(4800.00, bars.open(0));
    assertEquals(4800.25, bars.high(0));
    assertEquals(4800.00, bars.low(0));
    assertEquals(4800.00, bars.close(0));
    assertEquals(15, bars.volume(0));
    // B 2 → buy; N up-tick 3 → buy; N unchanged 1 → keeps up: buy; A 4 → sell; N unchanged 5 → keeps down: sell.
    assertEquals(2 + 3 + 1, bars.buyVolume(0));
    assertEquals(4 + 5, bars.sellVolume(0));
    // A stated side wins over the tick: B on a down-tick is a buy.
    assertEquals(1, bars.buyVolume(1));
    assertEquals(0, bars.sellVolume(1));
    assertEquals("MESH24", bars.contract(0));
    assertEquals("trades.csv:2", run.result().sourceOf(0));
    assertEquals("trades.csv:7", run.result().sourceOf(1));
  }

  @Test
  void anUnknownSideIsUnparseable() {
    Path file = write(dir, "trades.csv", HEADER,
        trade("1704205800100000000", 'B', "4800000000000", 2),
        trade("1704205801000000000", 'X', "4800250000000", 3));
    run(VendorFormat.DATABENTO_TRADES, file).onlyRejection(RejectReason.UNPARSEABLE_LINE, 3);
  }
}
