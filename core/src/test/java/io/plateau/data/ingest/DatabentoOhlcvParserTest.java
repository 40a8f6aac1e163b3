package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.util.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabentoOhlcvParserTest {

  private static final String HEADER = "ts_event,rtype,publisher_id,instrument_id,open,high,low,close,volume,symbol";

  @TempDir
  Path dir;

  @Test
  void rawPricesAreNanoUnitsAndTheSymbolNamesTheContract() {
    Path file = write(dir, "glbx-mdp3-20240102.ohlcv-1m.csv", HEADER,
        "1704205800000000000,33,1,42140864,4800000000000,4801250000000,4799750000000,4801000000000,120,MESH4",
        "1704205860000000000,33,1,42140864,4801000000000,4802000000000,4800500000000,4801500000000,80,MESH4");
    Fixtures.Run run = run(VendorFormat.DATABENTO_OHLCV, file);
    BarSeries bars = run.result().series();
    assertEquals(2, bars.size());
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run.start(0));
    assertEquals(4801.25, bars.high(0));
    assertEquals(4799.75, bars.low(0));
    assertEquals(120, bars.volume(0));
    assertEquals("MESH24", bars.contract(0));
    assertEquals(java.util.List.of("MESH24"), run.result().report().files().get(0).contracts());
  }

  @Test
  void prettyPricesAndTimeStampsReadTheSame() {
    Path file = write(dir, "pretty.csv", HEADER,
        "2024-01-02T14:30:00.000000000Z,33,1,42140864,4800.000000000,4801.250000000,4799.750000000,"
            + "4801.000000000,120,MESH4");
    Fixtures.Run run = run(VendorFormat.DATABENTO_OHLCV, file);
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run.start(0));
    assertEquals(4801.25, run.result().series().high(0));
  }

  @Test
  void spreadRowsAreSkippedAndCounted() {
    Path file = write(dir, "mes.csv", HEADER,
        "1704205800000000000,33,1,42140864,4800000000000,4801250000000,4799750000000,4801000000000,120,MESH4",
        "1704205800000000000,33,1,42001234,-52000000000,-51000000000,-53000000000,-52000000000,3,MESH4-MESM4");
    Fixtures.Run run = run(VendorFormat.DATABENTO_OHLCV, file);
    assertEquals(1, run.bars());
    assertEquals(1, run.total().skipped(SkipReason.SPREAD_SYMBOL));
    assertTrue(run.rejections().isEmpty());
  }

  @Test
  void otherRecordTypesUndefinedPricesAndForeignSymbolsAreRejected() {
    Path file = write(dir, "mes.csv", HEADER,
        "1704205800000000000,33,1,42140864,4800000000000,4801250000000,4799750000000,4801000000000,120,MESH4",
        "1704205860000000000,35,1,42140864,4800000000000,4801250000000,4799750000000,4801000000000,120,MESH4",
        "1704205860000000000,33,1,42140864,9223372036854775807,4801250000000,4799750000000,4801000000000,1,MESH4",
        "1704205860000000000,33,1,42140999,4800000000000,4801250000000,4799750000000,4801000000000,120,ESH4");
    Fixtures.Run run = run(VendorFormat.DATABENTO_OHLCV, file);
    assertEquals(1, run.bars());
    assertEquals(RejectReason.UNPARSEABLE_LINE, run.rejections().get(0).reason());
    assertEquals(3, run.rejections().get(0).line());
    assertEquals(RejectReason.MISSING_FIELD, run.rejections().get(1).reason());
    assertEquals(4, run.rejections().get(1).line());
    assertEquals(RejectReason.UNKNOWN_CONTRACT, run.rejections().get(2).reason());
    assertEquals(5, run.rejections().get(2).line());
  }

  @Test
  void theTimeZoneOptionDoesNotApply() {
    Path file = write(dir, "mes.csv", HEADER);
    assertThrows(InputException.class, () -> run(VendorFormat.DATABENTO_OHLCV, file,
        IngestOptions.defaults().withTimeZone(ZoneId.of("UTC"))));
  }

  @Test
  void interleavedContractsOfOneFileAreBackAdjustedIntoOneSeries() {
    Path file = write(dir, "glbx-mdp3-202403.ohlcv-1m.csv", HEADER,
        "1709762340000000000,33,1,1,5000.00,5000.00,5000.00,5000.00,900,MESH4",
        "1709762340000000000,33,1,2,5050.00,5050.00,5050.00,5050.00,100,MESM4",
        "1709827200000000000,33,1,1,5001.00,5001.00,5001.00,5001.00,50,MESH4",
        "1709827200000000000,33,1,2,5051.00,5051.00,5051.00,5051.00,800,MESM4");
    Fixtures.Run run = run(VendorFormat.DATABENTO_OHLCV, file);
    BarSeries bars = run.result().series();
    // calendar:6 rolls on 2024-03-07; the gap at 2024-03-06 15:59 CT is 50.00 = 200 ticks.
    assertEquals(java.util.List.of(new io.plateau.bar.Roll(java.time.LocalDate.of(2024, 3, 7), "MESH24", "MESM24",
        200)), run.result().rolls());
    assertEquals(2, bars.size());
    assertEquals(5050.00, bars.close(0));
    assertEquals("MESH24", bars.contract(0));
    assertEquals(5051.00, bars.close(1));
    assertEquals("glbx-mdp3-202403.ohlcv-1m.csv:5", run.result().sourceOf(1));
    assertEquals(java.util.List.of("MESH24", "MESM24"), run.result().report().files().get(0).contracts());
    assertEquals(4, run.total().barsProduced());
    assertEquals(2, run.total().barsInSeries());
  }
}
