package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.util.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NinjaTraderParserTest {

  @TempDir
  Path dir;

  @Test
  void minuteBarsAreUtcAndEndStampedByDefault() {
    Path file = write(dir, "MES 03-24.Last.txt",
        "20240102 143100;4800.00;4801.25;4799.75;4801.00;120",
        "20240102 143200;4801.00;4802.00;4800.50;4801.50;80");
    Fixtures.Run run = run(VendorFormat.NINJATRADER, file);
    BarSeries bars = run.result().series();
    assertEquals(2, bars.size());
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run.start(0));
    assertEquals(Instant.parse("2024-01-02T14:31:00Z"), run.start(1));
    assertEquals(4801.25, bars.high(0));
    assertEquals(120, bars.volume(0));
    assertFalse(bars.hasAggressorVolume());
    // NinjaTrader names its per-contract exports "MES 03-24": the contract comes from the name.
    assertEquals("MESH24", bars.contract(0));
  }

  @Test
  void timeZoneAndBarStampAreOptions() {
    Path file = write(dir, "mes.txt", "20240102 083000;4800.00;4801.25;4799.75;4801.00;120");
    IngestOptions options = IngestOptions.defaults()
        .withTimeZone(ZoneId.of("America/Chicago")).withBarStamp(BarStamp.START);
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run(VendorFormat.NINJATRADER, file, options).start(0));
  }

  @Test
  void dailyBarsAreDatedByTradingDate() {
    Path file = write(dir, "mes.txt", "20240102;4800.00;4810.00;4790.00;4805.00;1000");
    BarSeries bars = run(VendorFormat.NINJATRADER, file).result().series();
    assertEquals(BarInterval.DAILY, bars.interval());
    assertEquals(Instant.parse("2024-01-01T23:00:00Z").toEpochMilli(), bars.startMillis(0));
  }

  @Test
  void ticksAggregateIntoMinuteBarsWithTheTickRule() {
    Path file = write(dir, "mes.txt",
        "20240102 143000;4800.00;5",
        "20240102 143010;4800.25;3",
        "20240102 143020;4800.00;2",
        "20240102 143105;4800.00;4");
    BarSeries bars = run(VendorFormat.NINJATRADER, file).result().series();
    assertEquals(2, bars.size());
    assertEquals(Instant.parse("2024-01-02T14:30:00Z").toEpochMilli(), bars.startMillis(0));
    assertEquals(4800.00, bars.open(0));
    assertEquals(4800.25, bars.high(0));
    assertEquals(4800.00, bars.close(0));
    assertEquals(10, bars.volume(0));
    // 5 before any price change: unclassified; 3 on an up-tick: buy; 2 on a down-tick: sell;
    // then 4 unchanged keeps the down direction: sell.
    assertEquals(3, bars.buyVolume(0));
    assertEquals(2, bars.sellVolume(0));
    assertEquals(0, bars.buyVolume(1));
    assertEquals(4, bars.sellVolume(1));
  }

  @Test
  void readsNinjaTrader8TickExportsWithFractionsBidAndAsk() {
    Path file = write(dir, "mes.txt",
        "20240102 143000 1250000;4800.00;4799.75;4800.00;5",
        "20240102 143000 5000000;4800.25;4800.00;4800.25;2");
    BarSeries bars = run(VendorFormat.NINJATRADER, file).result().series();
    assertEquals(1, bars.size());
    assertEquals(7, bars.volume(0));
    assertEquals(2, bars.buyVolume(0));
  }

  @Test
  void aFileOfAnotherLayoutIsAnInputError() {
    Path file = write(dir, "mes.txt", "2024-01-02,4800,4801,4799,4800,1");
    InputException e = assertThrows(InputException.class, () -> run(VendorFormat.NINJATRADER, file));
    assertTrue(e.getMessage().startsWith("mes.txt:1: "), e.getMessage());
  }
}
