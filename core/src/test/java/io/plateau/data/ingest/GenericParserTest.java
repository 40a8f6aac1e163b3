package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.util.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericParserTest {

  @TempDir
  Path dir;

  @Test
  void readsOffsetZuluAndEpochMillisTimeStamps() {
    Path file = write(dir, "mes.csv",
        "timestamp,open,high,low,close,volume",
        "2024-01-02T08:30:00-06:00,4800.00,4801.25,4799.75,4801.00,120",
        "2024-01-02T14:31:00Z,4801.00,4802.00,4800.50,4801.50,80",
        "1704205920000,4801.50,4801.75,4801.00,4801.25,60");
    Fixtures.Run run = run(VendorFormat.GENERIC, file);
    BarSeries bars = run.result().series();
    assertEquals(3, bars.size());
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run.start(0));
    assertEquals(Instant.parse("2024-01-02T14:31:00Z"), run.start(1));
    assertEquals(Instant.parse("2024-01-02T14:32:00Z"), run.start(2));
    assertEquals(4800.00, bars.open(0));
    assertEquals(4801.25, bars.high(0));
    assertEquals(4799.75, bars.low(0));
    assertEquals(4801.00, bars.close(0));
    assertEquals(120, bars.volume(0));
    assertEquals(BarInterval.ONE_MINUTE, bars.interval());
    assertFalse(bars.hasAggressorVolume());
    assertNull(bars.contract(0));
    assertTrue(run.rejections().isEmpty());
    assertEquals("mes.csv:3", run.result().sourceOf(1));
  }

  @Test
  void keepsBuyAndSellVolumeColumnsInAnyOrder() {
    Path file = write(dir, "mes.csv",
        "timestamp,volume,buy_volume,sell_volume,open,high,low,close",
        "2024-01-02T14:30:00Z,120,70,45,4800.00,4801.25,4799.75,4801.00");
    BarSeries bars = run(VendorFormat.GENERIC, file).result().series();
    assertTrue(bars.hasAggressorVolume());
    assertEquals(70, bars.buyVolume(0));
    assertEquals(45, bars.sellVolume(0));
    assertEquals(4801.00, bars.close(0));
  }

  @Test
  void naiveTimesNeedTheTimeZoneOption() {
    Path file = write(dir, "mes.csv",
        "timestamp,open,high,low,close,volume",
        "2024-01-02 09:30:00,4800.00,4801.25,4799.75,4801.00,120");
    InputException e = assertThrows(InputException.class, () -> run(VendorFormat.GENERIC, file));
    assertTrue(e.getMessage().startsWith("mes.csv:2: "), e.getMessage());
    assertTrue(e.getMessage().contains("--tz"), e.getMessage());

    Fixtures.Run run = run(VendorFormat.GENERIC, file,
        IngestOptions.defaults().withTimeZone(ZoneId.of("America/New_York")));
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run.start(0));
  }

  @Test
  void datesAloneAreDailyBarsStartingAtTheSessionOpenTheEveningBefore() {
    Path file = write(dir, "mes-daily.csv",
        "timestamp,open,high,low,close,volume",
        "2024-01-02,4800.00,4810.00,4790.00,4805.00,1000",
        "2024-01-03,4805.00,4815.00,4795.00,4800.00,900");
    BarSeries bars = run(VendorFormat.GENERIC, file).result().series();
    assertEquals(BarInterval.DAILY, bars.interval());
    // 17:00 CT (UTC-6 in winter) on 2024-01-01 opens trading date 2024-01-02.
    assertEquals(Instant.parse("2024-01-01T23:00:00Z").toEpochMilli(), bars.startMillis(0));
    assertEquals(LocalDate.of(2024, 1, 2), bars.tradingDate(0));
    assertEquals(LocalDate.of(2024, 1, 3), bars.tradingDate(1));
  }

  @Test
  void aTimeOfDayInADailyFileIsUnparseable() {
    Path file = write(dir, "mes-daily.csv",
        "timestamp,open,high,low,close,volume",
        "2024-01-02,4800.00,4810.00,4790.00,4805.00,1000",
        "2024-01-03T14:30:00Z,4805.00,4815.00,4795.00,4800.00,900");
    Fixtures.Run run = run(VendorFormat.GENERIC, file);
    run.onlyRejection(RejectReason.UNPARSEABLE_LINE, 3);
    assertEquals(1, run.bars());
  }

  @Test
  void headerlessFilesTakeTheColumnsInOrder() {
    Path file = write(dir, "firstrate.txt",
        "2024-01-02T14:30:00Z,4800.00,4801.25,4799.75,4801.00,120");
    Fixtures.Run run = run(VendorFormat.GENERIC, file);
    assertEquals(1, run.bars());
    assertEquals(1, run.total().rowsRead());
  }

  @Test
  void endStampedBarsMoveBackOneMinute() {
    Path file = write(dir, "mes.csv",
        "timestamp,open,high,low,close,volume",
        "2024-01-02T14:31:00Z,4800.00,4801.25,4799.75,4801.00,120");
    Fixtures.Run run = run(VendorFormat.GENERIC, file, IngestOptions.defaults().withBarStamp(BarStamp.END));
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run.start(0));
  }

  @Test
  void unknownColumnsAreAnInputError() {
    Path file = write(dir, "mes.csv",
        "timestamp,open,high,low,close,volume,buy_volme",
        "2024-01-02T14:30:00Z,4800.00,4801.25,4799.75,4801.00,120,3");
    InputException e = assertThrows(InputException.class, () -> run(VendorFormat.GENERIC, file));
    assertTrue(e.getMessage().contains("buy_volme"), e.getMessage());
  }
}
