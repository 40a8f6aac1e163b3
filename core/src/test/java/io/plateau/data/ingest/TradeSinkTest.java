package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeSinkTest {

  private static final Instant FIRST = Instant.parse("2024-01-02T14:30:00Z");

  @TempDir
  Path dir;

  private static String trade(int second, String price, int size) {
    return FIRST.plusSeconds(second) + "," + price + "," + size;
  }

  @Test
  void tradesOfAnEarlierMinuteThanTheBarBeingBuiltAreOutOfOrder() {
    Path file = write(dir, "trades.csv",
        trade(0, "4800.00", 1),
        trade(61, "4800.25", 2),
        trade(59, "4800.50", 3),
        trade(62, "4800.00", 4));
    Fixtures.Run run = run(VendorFormat.TRADES, file);
    run.onlyRejection(RejectReason.OUT_OF_ORDER, 3);
    BarSeries bars = run.result().series();
    assertEquals(2, bars.size());
    assertEquals(6, bars.volume(1));
  }

  @Test
  void aBadPrintIsRejectedAndARealJumpKept() {
    // 31 quiet minutes of two trades 4800.00 / 4800.25 (true range 1 tick: the limit is 20 ticks),
    List<String> lines = new ArrayList<>();
    for (int m = 0; m <= 31; m++) {
      lines.add(trade(60 * m, "4800.00", 1));
      lines.add(trade(60 * m + 30, "4800.25", 1));
    }
    // then a print 100 ticks away that the next trade does not confirm, then a real 40-tick jump that holds.
    lines.add(trade(60 * 32, "4825.00", 1));
    lines.add(trade(60 * 32 + 10, "4800.25", 1));
    lines.add(trade(60 * 32 + 20, "4810.25", 1));
    lines.add(trade(60 * 32 + 30, "4810.50", 1));
    Fixtures.Run run = run(VendorFormat.TRADES, write(dir, "trades.csv", lines.toArray(String[]::new)));
    run.onlyRejection(RejectReason.SPIKE, 65);
    BarSeries bars = run.result().series();
    assertEquals(33, bars.size());
    assertEquals(4810.50, bars.high(32));
    assertEquals(3, bars.volume(32));
    assertTrue(run.total().rowsAccepted() == lines.size() - 1);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "BAD_PRICE | 2024-01-02T14:30:01Z,-4800.00,1",
      "NEGATIVE_VOLUME | 2024-01-02T14:30:01Z,4800.00,-1",
      "OFF_TICK_GRID | 2024-01-02T14:30:01Z,4800.10,1",
      "OUTSIDE_SESSION | 2024-01-02T22:30:01Z,4800.00,1",
      "UNPARSEABLE_LINE | 2024-01-02,4800.00,1",
      "MISSING_FIELD | 2024-01-02T14:30:01Z,4800.00"})
  void badTradesAreRejectedAndTheGoodOnesStillMakeTheBar(RejectReason reason, String badRow) {
    Path file = write(dir, "trades.csv", "timestamp,price,size", trade(0, "4800.00", 2), badRow,
        trade(2, "4800.25", 3));
    Fixtures.Run run = run(VendorFormat.TRADES, file);
    run.onlyRejection(reason, 3);
    BarSeries bars = run.result().series();
    assertEquals(1, bars.size());
    assertEquals(5, bars.volume(0));
    assertEquals(4800.25, bars.close(0));
  }
}
