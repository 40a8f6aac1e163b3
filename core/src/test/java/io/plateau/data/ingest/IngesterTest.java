package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.MES;
import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.bar.Roll;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.SessionSchedule;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IngesterTest {

  private static final String HEADER = "timestamp,open,high,low,close,volume";
  private static final String GOOD_BEFORE = "2024-01-02T14:30:00Z,4800.00,4801.25,4799.75,4801.00,120";
  private static final String GOOD_AFTER = "2024-01-02T14:32:00Z,4801.00,4802.00,4800.50,4801.50,80";

  @TempDir
  Path dir;

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of(RejectReason.UNPARSEABLE_LINE, "2024-01-02T14:31:00Z,48O1.00,4801.25,4799.75,4801.00,5"),
        Arguments.of(RejectReason.UNPARSEABLE_LINE, "2024-01-02T14:31:00Z,4801.00,4801.25,4799.75,4801.00,5,9"),
        Arguments.of(RejectReason.UNPARSEABLE_LINE, "2024-13-02T14:31:00Z,4801.00,4801.25,4799.75,4801.00,5"),
        Arguments.of(RejectReason.UNPARSEABLE_LINE, "2024-01-02T14:31:00Z,4801.00,4801.25,4799.75,4801.00,2.5"),
        Arguments.of(RejectReason.MISSING_FIELD, "2024-01-02T14:31:00Z,4801.00,4801.25,4799.75,4801.00"),
        Arguments.of(RejectReason.MISSING_FIELD, "2024-01-02T14:31:00Z,4801.00,,4799.75,4801.00,5"),
        Arguments.of(RejectReason.BAD_PRICE, "2024-01-02T14:31:00Z,-4801.00,4801.25,4799.75,4801.00,5"),
        Arguments.of(RejectReason.BAD_PRICE, "2024-01-02T14:31:00Z,4801.00,4801.25,0,4801.00,5"),
        Arguments.of(RejectReason.BAD_PRICE, "2024-01-02T14:31:00Z,4801.00,NaN,4799.75,4801.00,5"),
        Arguments.of(RejectReason.BAD_PRICE, "2024-01-02T14:31:00Z,4801.00,Infinity,4799.75,4801.00,5"),
        Arguments.of(RejectReason.BAD_PRICE, "2024-01-02T14:31:00Z,4801.00,1e999,4799.75,4801.00,5"),
        Arguments.of(RejectReason.NEGATIVE_VOLUME, "2024-01-02T14:31:00Z,4801.00,4801.25,4799.75,4801.00,-5"),
        Arguments.of(RejectReason.HIGH_BELOW_LOW, "2024-01-02T14:31:00Z,4800.00,4799.75,4801.25,4800.00,5"),
        Arguments.of(RejectReason.OPEN_CLOSE_OUTSIDE_RANGE,
            "2024-01-02T14:31:00Z,4802.00,4801.25,4799.75,4801.00,5"),
        Arguments.of(RejectReason.OPEN_CLOSE_OUTSIDE_RANGE,
            "2024-01-02T14:31:00Z,4801.00,4801.25,4799.75,4799.50,5"),
        Arguments.of(RejectReason.OFF_TICK_GRID, "2024-01-02T14:31:00Z,4801.10,4801.25,4799.75,4801.00,5"),
        // 16:31 CT is inside the daily 16:00-17:00 halt; Saturday has no session at all.
        Arguments.of(RejectReason.OUTSIDE_SESSION, "2024-01-02T22:31:00Z,4801.00,4801.25,4799.75,4801.00,5"),
        Arguments.of(RejectReason.OUTSIDE_SESSION, "2024-01-06T16:00:00Z,4801.00,4801.25,4799.75,4801.00,5"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badRows")
  void eachBadRowIsRejectedWithItsReasonAndLineWhileTheGoodRowsSurvive(RejectReason reason, String badRow) {
    Path file = write(dir, "mes.csv", HEADER, GOOD_BEFORE, badRow, GOOD_AFTER);
    Fixtures.Run run = run(VendorFormat.GENERIC, file);
    Rejection rejection = run.onlyRejection(reason, 3);
    assertEquals("mes.csv", rejection.file());
    assertEquals(badRow, rejection.text());
    assertEquals(2, run.bars());
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run.start(0));
    assertEquals(Instant.parse("2024-01-02T14:32:00Z"), run.start(1));
    assertEquals(1, run.total().rejected(reason));
    assertEquals(3, run.total().rowsRead());
    assertEquals(2, run.total().rowsAccepted());
  }

  @Test
  void aggressorVolumeMustBeNonNegativeAndWithinVolume() {
    Path file = write(dir, "mes.csv", HEADER + ",buy_volume,sell_volume",
        GOOD_BEFORE + ",60,50",
        "2024-01-02T14:31:00Z,4801.00,4801.25,4799.75,4801.00,10,6,5",
        "2024-01-02T14:32:00Z,4801.00,4801.25,4799.75,4801.00,10,-1,5",
        GOOD_AFTER.replace("14:32", "14:33") + ",40,40");
    Fixtures.Run run = run(VendorFormat.GENERIC, file);
    assertEquals(RejectReason.AGGRESSOR_EXCEEDS_VOLUME, run.rejections().get(0).reason());
    assertEquals(3, run.rejections().get(0).line());
    assertEquals(RejectReason.NEGATIVE_VOLUME, run.rejections().get(1).reason());
    assertEquals(4, run.rejections().get(1).line());
    assertEquals(2, run.bars());
    assertTrue(run.result().series().hasAggressorVolume());
  }

  @Test
  void failModeStopsAtTheFirstProblemAndYieldsNoBars() {
    Path file = write(dir, "mes.csv", HEADER, GOOD_BEFORE,
        "2024-01-02T14:31:00Z,4800.00,4799.75,4801.25,4800.00,5",
        "2024-01-02T14:32:00Z,4801.10,4801.25,4799.75,4801.00,5",
        GOOD_AFTER.replace("14:32", "14:33"));
    Fixtures.Run run = run(VendorFormat.GENERIC, file, IngestOptions.defaults().withOnError(OnError.FAIL));
    assertFalse(run.result().completed());
    Rejection first = run.result().firstProblem().orElseThrow();
    assertEquals(RejectReason.HIGH_BELOW_LOW, first.reason());
    assertEquals(3, first.line());
    assertEquals(1, run.rejections().size());
    assertEquals(0, run.bars());
    assertEquals(2, run.total().rowsRead());
    assertTrue(run.result().report().toText().contains("STOPPED"));
  }

  @Test
  void failModeLetsExactDuplicatesPass() {
    Path file = write(dir, "mes.csv", HEADER, GOOD_BEFORE, GOOD_BEFORE, GOOD_AFTER);
    Fixtures.Run run = run(VendorFormat.GENERIC, file, IngestOptions.defaults().withOnError(OnError.FAIL));
    assertTrue(run.result().completed());
    assertEquals(2, run.bars());
  }

  @Test
  void springForwardSkipsAnHourAndTheOffsetFollowsDaylightTime() {
    Path file = write(dir, "mes.csv", HEADER,
        "2024-03-08 15:59:00,4800.00,4801.25,4799.75,4801.00,1",
        "2024-03-10 02:30:00,4800.00,4801.25,4799.75,4801.00,1",
        "2024-03-10 17:00:00,4800.00,4801.25,4799.75,4801.00,1");
    Fixtures.Run run = run(VendorFormat.GENERIC, file,
        IngestOptions.defaults().withTimeZone(ZoneId.of("America/Chicago")));
    Rejection rejection = run.onlyRejection(RejectReason.NONEXISTENT_LOCAL_TIME, 3);
    assertTrue(rejection.detail().contains("2024-03-10T02:30"), rejection.detail());
    assertEquals(Instant.parse("2024-03-08T21:59:00Z"), run.start(0));
    assertEquals(Instant.parse("2024-03-10T22:00:00Z"), run.start(1));
  }

  @Test
  void fallBackKeepsBothRepeatedHoursWhenWrittenInOrder() {
    // CME is closed on Sunday morning, so this test's exchange sits in Auckland, where 2024-11-03 06:30Z is the
    // Sunday evening session; the file's naive times are Chicago's repeated 01:00-01:59.
    Path file = write(dir, "mes.csv", HEADER,
        "2024-11-03 01:30:00,4800.00,4801.25,4799.75,4801.00,1",
        "2024-11-03 01:45:00,4800.00,4801.25,4799.75,4801.00,2",
        "2024-11-03 01:15:00,4800.00,4801.25,4799.75,4801.00,3",
        "2024-11-03 01:30:00,4800.00,4801.25,4799.75,4801.00,4",
        "2024-11-03 02:00:00,4800.00,4801.25,4799.75,4801.00,5");
    Fixtures.Run run = run(inAuckland(MES), VendorFormat.GENERIC, file,
        IngestOptions.defaults().withTimeZone(ZoneId.of("America/Chicago")));
    assertTrue(run.rejections().isEmpty(), () -> run.rejections().toString());
    assertEquals(Instant.parse("2024-11-03T06:30:00Z"), run.start(0));
    assertEquals(Instant.parse("2024-11-03T06:45:00Z"), run.start(1));
    assertEquals(Instant.parse("2024-11-03T07:15:00Z"), run.start(2));
    assertEquals(Instant.parse("2024-11-03T07:30:00Z"), run.start(3));
    assertEquals(Instant.parse("2024-11-03T08:00:00Z"), run.start(4));
  }

  @Test
  void fallBackMapsALoneAmbiguousTimeToItsFirstOccurrence() {
    Path file = write(dir, "mes.csv", HEADER,
        "2024-11-03 01:30:00,4800.00,4801.25,4799.75,4801.00,1",
        "2024-11-03 01:30:00,4800.00,4801.25,4799.75,4801.00,1");
    Fixtures.Run run = run(inAuckland(MES), VendorFormat.GENERIC, file,
        IngestOptions.defaults().withTimeZone(ZoneId.of("America/Chicago")));
    assertEquals(1, run.bars());
    assertEquals(Instant.parse("2024-11-03T06:30:00Z"), run.start(0));
    assertEquals(1, run.total().duplicatesDropped());
  }

  private static Instrument inAuckland(Instrument instrument) {
    SessionSchedule s = instrument.sessions();
    SessionSchedule auckland = new SessionSchedule("auckland_test", ZoneId.of("Pacific/Auckland"), s.globexOpen(),
        s.regularOpen(), s.regularClose(), s.eras(), s.closedOn(), s.earlyCloses());
    return new Instrument(instrument.symbol(), instrument.description(), instrument.exchange(),
        instrument.currency(), instrument.multiplier(), instrument.tickGrid(), instrument.tickValue(), auckland,
        instrument.contractMonths(), instrument.expiry(), instrument.commissionPerSide(), instrument.feesPerSide(),
        instrument.initialMarginInformational(), instrument.microOf());
  }

  /** Bars at 15:59 CT (21:59Z before the DST change) on the given March 2024 days, closing at the given prices. */
  private Path contractFile(String name, int[] days, String[] closes) {
    String[] lines = new String[days.length + 1];
    lines[0] = HEADER;
    for (int i = 0; i < days.length; i++) {
      String c = closes[i];
      lines[i + 1] = String.format("2024-03-%02dT21:59:00Z,%s,%s,%s,%s,%d", days[i], c, c, c, c, 100 + i);
    }
    return write(dir, name, lines);
  }

  @Test
  void aDirectoryOfContractFilesBecomesOneBackAdjustedSeriesThatKnowsItsSources() {
    int[] days = {5, 6, 7, 8};
    contractFile("MESH24.csv", days, new String[] {"5000.00", "5002.00", "5004.00", "5006.00"});
    contractFile("MESM24.csv", days, new String[] {"5050.00", "5052.00", "5054.00", "5056.00"});
    Fixtures.Run run = run(VendorFormat.GENERIC, dir);
    BarSeries bars = run.result().series();
    // calendar:6 rolls H24 (expiry Fri 2024-03-15) on Thu 2024-03-07. Gap at the last common bar before it,
    // 03-06 15:59 CT: 5052.00 - 5002.00 = 50.00 = 200 ticks, added to the H24 bars.
    assertEquals(List.of(new Roll(LocalDate.of(2024, 3, 7), "MESH24", "MESM24", 200)), run.result().rolls());
    assertEquals(4, bars.size());
    assertEquals(5050.00, bars.close(0));
    assertEquals(5052.00, bars.close(1));
    assertEquals(5054.00, bars.close(2));
    assertEquals(5056.00, bars.close(3));
    assertEquals("MESH24", bars.contract(1));
    assertEquals("MESM24", bars.contract(2));
    assertEquals("MESH24.csv:3", run.result().sourceOf(1));
    assertEquals("MESM24.csv:4", run.result().sourceOf(2));
    assertEquals(1, run.result().sourceFileIndexUnsafe()[3]);
    assertEquals(5, run.result().sourceLineUnsafe()[3]);
    List<FileReport> files = run.result().report().files();
    assertEquals(List.of("MESH24"), files.get(0).contracts());
    assertEquals(4, files.get(0).counts().barsProduced());
    assertEquals(2, files.get(0).counts().barsInSeries());
    assertEquals(2, files.get(1).counts().barsInSeries());
  }

  @Test
  void contractFilesAndFilesWithoutAContractDoNotMix() {
    contractFile("MESH24.csv", new int[] {5}, new String[] {"5000.00"});
    contractFile("mes-2024.csv", new int[] {6}, new String[] {"5000.00"});
    InputException e = assertThrows(InputException.class, () -> run(VendorFormat.GENERIC, dir));
    assertTrue(e.getMessage().contains("mes-2024.csv"), e.getMessage());
  }

  @Test
  void aDirectoryIsReadInNameOrderAndOrderIsCheckedAcrossFiles() {
    write(dir, "b.csv", HEADER, GOOD_AFTER);
    write(dir, "a.csv", HEADER, GOOD_BEFORE);
    write(dir, ".hidden.csv", "rubbish");
    Fixtures.Run run = run(VendorFormat.GENERIC, dir);
    assertEquals(2, run.bars());
    assertEquals("a.csv:2", run.result().sourceOf(0));
    assertEquals("b.csv:2", run.result().sourceOf(1));
    assertEquals(2, run.result().report().files().size());
  }

  @Test
  void gzipFilesAreReadAsTheyAre() throws IOException {
    Path file = dir.resolve("mes.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((HEADER + "\n" + GOOD_BEFORE + "\n" + GOOD_AFTER + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(2, run(VendorFormat.GENERIC, file).bars());
  }

  @Test
  void blankLinesAreSkippedAndCounted() {
    Path file = write(dir, "mes.csv", HEADER, GOOD_BEFORE, "", "  ", GOOD_AFTER);
    Fixtures.Run run = run(VendorFormat.GENERIC, file);
    assertEquals(2, run.bars());
    assertEquals(2, run.total().skipped(SkipReason.BLANK_LINE));
    assertEquals(4, run.total().rowsRead());
  }

  @Test
  void aMissingInputIsAnInputError() {
    assertThrows(InputException.class, () -> run(VendorFormat.GENERIC, dir.resolve("nope.csv")));
    assertThrows(InputException.class, () -> run(VendorFormat.GENERIC, dir));
  }

  @Test
  void filesOfDifferentBarKindsAreAnInputError() {
    write(dir, "a.csv", HEADER, GOOD_BEFORE);
    write(dir, "b.csv", HEADER, "2024-01-03,4800.00,4810.00,4790.00,4805.00,1000");
    assertThrows(InputException.class, () -> run(VendorFormat.GENERIC, dir));
  }

  @Test
  void findsContractCodesInFileNames() {
    assertEquals("MESH24", Ingester.contractInFileName("MESH24.csv", "MES"));
    assertEquals("MESH4", Ingester.contractInFileName("glbx-mdp3-20240101.ohlcv-1m.MESH4.csv", "MES"));
    assertEquals("MESZ2023", Ingester.contractInFileName("mes_z2023_MESZ2023.txt", "MES"));
    assertEquals("MESU24", Ingester.contractInFileName("MES 09-24.Last.txt", "MES"));
    assertEquals(null, Ingester.contractInFileName("mes_1m_2024.csv", "MES"));
    assertEquals(null, Ingester.contractInFileName("ESH24.csv", "MES"));
    assertThrows(InputException.class, () -> Ingester.contractInFileName("MESH24-MESM24.csv", "MES"));
  }
}
