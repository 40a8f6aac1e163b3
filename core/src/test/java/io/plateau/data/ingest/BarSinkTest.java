package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarSinkTest {

  private static final String HEADER = "timestamp,open,high,low,close,volume";
  private static final Instant FIRST = Instant.parse("2024-01-02T14:30:00Z");

  @TempDir
  Path dir;

  /** A row for the bar {@code minute} minutes after 14:30Z. */
  private static String bar(int minute, String open, String high, String low, String close) {
    return FIRST.plusSeconds(60L * minute) + "," + open + "," + high + "," + low + "," + close + ",10";
  }

  /** The header and {@code count} quiet bars (true range 2 ticks: ATR 2, spike limit 20 × 2 = 40 ticks = 10.00). */
  private static List<String> quietBars(int count) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (int m = 0; m < count; m++) {
      lines.add(bar(m, "4800.00", "4800.25", "4799.75", "4800.00"));
    }
    return lines;
  }

  private Path file(List<String> lines) {
    return write(dir, "mes.csv", lines.toArray(String[]::new));
  }

  @Test
  void anExactDuplicateIsDroppedAndCountedNotRejected() {
    Path file = write(dir, "mes.csv", HEADER,
        bar(0, "4800.00", "4800.25", "4799.75", "4800.00"),
        bar(1, "4800.00", "4800.50", "4799.75", "4800.25"),
        bar(1, "4800.00", "4800.50", "4799.75", "4800.25"));
    Fixtures.Run run = run(VendorFormat.GENERIC, file);
    assertEquals(2, run.bars());
    assertEquals(1, run.total().duplicatesDropped());
    assertTrue(run.rejections().isEmpty());
  }

  @Test
  void aDuplicateTimeWithOtherValuesIsRejectedAndTheFirstStays() {
    Path file = write(dir, "mes.csv", HEADER,
        bar(0, "4800.00", "4800.25", "4799.75", "4800.00"),
        bar(1, "4800.00", "4800.50", "4799.75", "4800.25"),
        bar(2, "4800.25", "4800.50", "4800.00", "4800.50"),
        bar(1, "4800.00", "4800.75", "4799.75", "4800.50"));
    Fixtures.Run run = run(VendorFormat.GENERIC, file);
    Rejection rejection = run.onlyRejection(RejectReason.DUPLICATE_CONFLICT, 5);
    assertTrue(rejection.detail().contains("mes.csv:3"), rejection.detail());
    assertEquals(3, run.bars());
    assertEquals(4800.50, run.result().series().high(1));
  }

  @Test
  void aBarBeforeTheLastWithANewTimeIsOutOfOrder() {
    Path file = write(dir, "mes.csv", HEADER,
        bar(0, "4800.00", "4800.25", "4799.75", "4800.00"),
        bar(2, "4800.00", "4800.50", "4799.75", "4800.25"),
        bar(1, "4800.00", "4800.75", "4799.75", "4800.50"),
        bar(3, "4800.25", "4800.50", "4800.00", "4800.50"));
    Fixtures.Run run = run(VendorFormat.GENERIC, file);
    run.onlyRejection(RejectReason.OUT_OF_ORDER, 4);
    assertEquals(3, run.bars());
  }

  @Test
  void aSpikeThatComesBackIsRejected() {
    List<String> lines = quietBars(40);
    lines.add(bar(40, "4800.00", "4900.00", "4799.75", "4800.00"));
    lines.add(bar(41, "4800.00", "4800.25", "4799.75", "4800.00"));
    Fixtures.Run run = run(VendorFormat.GENERIC, file(lines));
    Rejection rejection = run.onlyRejection(RejectReason.SPIKE, 42);
    assertTrue(rejection.detail().startsWith("high 4900.0 is 400 ticks above the previous close 4800.0"),
        rejection.detail());
    assertEquals(41, run.bars());
    assertEquals(FIRST.plusSeconds(60L * 41), run.start(40));
  }

  @Test
  void aGapThatHoldsIsAccepted() {
    List<String> lines = quietBars(40);
    lines.add(bar(40, "4850.00", "4850.25", "4849.75", "4850.00"));
    lines.add(bar(41, "4850.00", "4850.25", "4849.75", "4850.00"));
    Fixtures.Run run = run(VendorFormat.GENERIC, file(lines));
    assertTrue(run.rejections().isEmpty(), () -> run.rejections().toString());
    assertEquals(42, run.bars());
  }

  @Test
  void aSuspectLastBarHasNothingToConfirmItAndIsRejected() {
    List<String> lines = quietBars(40);
    lines.add(bar(40, "4750.00", "4800.00", "4700.00", "4750.00"));
    Fixtures.Run run = run(VendorFormat.GENERIC, file(lines));
    Rejection rejection = run.onlyRejection(RejectReason.SPIKE, 42);
    assertTrue(rejection.detail().contains("no later bar confirms"), rejection.detail());
    assertEquals(40, run.bars());
  }

  @Test
  void theWarmUpChecksNoSpikes() {
    List<String> lines = quietBars(10);
    lines.add(bar(10, "4800.00", "4900.00", "4799.75", "4800.00"));
    lines.add(bar(11, "4800.00", "4800.25", "4799.75", "4800.00"));
    Fixtures.Run run = run(VendorFormat.GENERIC, file(lines));
    assertTrue(run.rejections().isEmpty());
    assertEquals(12, run.bars());
  }

  @Test
  void theMultipleIsAnOption() {
    List<String> lines = quietBars(40);
    lines.add(bar(40, "4800.00", "4803.00", "4799.75", "4800.00"));
    lines.add(bar(41, "4800.00", "4800.25", "4799.75", "4800.00"));
    // 12 ticks up: fine at 20 × ATR 2 = 40 ticks, a spike at 5 × ATR 2 = 10 ticks.
    assertTrue(run(VendorFormat.GENERIC, file(lines)).rejections().isEmpty());
    Fixtures.Run strict = run(VendorFormat.GENERIC, file(lines),
        IngestOptions.defaults().withSpikeCheck(5, IngestOptions.DEFAULT_SPIKE_ATR_BARS));
    strict.onlyRejection(RejectReason.SPIKE, 42);
  }
}
