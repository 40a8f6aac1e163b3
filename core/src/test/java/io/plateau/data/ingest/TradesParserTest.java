package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plateau.bar.BarSeries;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradesParserTest {

  @TempDir
  Path dir;

  @Test
  void statedSidesInEitherSpelling() {
    Path file = write(dir, "trades.csv",
        "timestamp,price,size,side",
        "2024-01-02T14:30:00.250Z,4800.00,2,B",
        "2024-01-02T14:30:01Z,4800.00,3,sell",
        "2024-01-02T14:30:02Z,4799.75,4,BUY",
        "2024-01-02T14:30:03Z,4799.75,1,s");
    BarSeries bars = run(VendorFormat.TRADES, file).result().series();
    assertEquals(1, bars.size());
    assertEquals(10, bars.volume(0));
    assertEquals(6, bars.buyVolume(0));
    assertEquals(4, bars.sellVolume(0));
  }

  @Test
  void withoutSideTheTickRuleDecides() {
    // Hand-computed: 1 first trade (no direction yet), 2 up → buy, 3 unchanged → buy, 4 down → sell,
    // 5 unchanged → sell, 6 up → buy: buy 2 + 3 + 6 = 11, sell 4 + 5 = 9, volume 21.
    Path file = write(dir, "trades.csv",
        "2024-01-02T14:30:00Z,4800.00,1",
        "2024-01-02T14:30:01Z,4800.25,2",
        "2024-01-02T14:30:02Z,4800.25,3",
        "2024-01-02T14:30:03Z,4800.00,4",
        "2024-01-02T14:30:04Z,4800.00,5",
        "2024-01-02T14:30:05Z,4800.50,6");
    Fixtures.Run run = run(VendorFormat.TRADES, file);
    BarSeries bars = run.result().series();
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run.start(0));
    assertEquals(21, bars.volume(0));
    assertEquals(11, bars.buyVolume(0));
    assertEquals(9, bars.sellVolume(0));
    assertEquals(4800.50, bars.close(0));
    assertEquals(4800.50, bars.high(0));
  }

  @Test
  void emptySideFallsBackToTheTickRule() {
    Path file = write(dir, "trades.csv",
        "timestamp,price,size,side",
        "2024-01-02T14:30:00Z,4800.00,1,S",
        "2024-01-02T14:30:01Z,4800.25,2,");
    BarSeries bars = run(VendorFormat.TRADES, file).result().series();
    assertEquals(2, bars.buyVolume(0));
    assertEquals(1, bars.sellVolume(0));
  }
}
