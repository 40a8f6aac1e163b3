package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestReportTest {

  @TempDir
  Path dir;

  private IngestReport report() {
    Path file = write(dir, "mes.csv",
        "timestamp,open,high,low,close,volume",
        "2024-01-02T14:30:00Z,4800.00,4801.25,4799.75,4801.00,120",
        "2024-01-02T14:30:00Z,4800.00,4801.25,4799.75,4801.00,120",
        "2024-01-02T14:31:00Z,4800.00,4799.75,4801.25,4800.00,5",
        "",
        "2024-01-02T14:32:00Z,4801.00,4802.00,4800.50,4801.50,80");
    return run(VendorFormat.GENERIC, file).result().report();
  }

  @Test
  void jsonHoldsEveryCountByReasonPerFileAndInTotal() throws IOException {
    JsonNode json = new ObjectMapper().readTree(report().toJson());
    assertEquals("generic", json.get("format").asText());
    assertEquals("MES", json.get("symbol").asText());
    assertTrue(json.get("completed").asBoolean());
    JsonNode total = json.get("total");
    assertEquals(5, total.get("rows_read").asLong());
    assertEquals(2, total.get("rows_accepted").asLong());
    assertEquals(1, total.get("rows_rejected").asLong());
    assertEquals(1, total.get("duplicates_dropped").asLong());
    assertEquals(1, total.get("rows_skipped").asLong());
    assertEquals(1, total.get("rejected").get("high_below_low").asLong());
    assertEquals(0, total.get("rejected").get("spike").asLong());
    assertEquals(RejectReason.values().length, total.get("rejected").size());
    JsonNode file = json.get("files").get(0);
    assertEquals("mes.csv", file.get("file").asText());
    assertEquals(4, file.get("examples").get(0).get("line").asLong());
    assertEquals(2, json.get("series").get("bars").asLong());
    assertEquals("calendar:6", json.get("options").get("roll_rule").asText());
  }

  @Test
  void textSummarisesForPeople() {
    String text = report().toText();
    assertTrue(text.contains("5 rows read, 2 accepted, 1 rejected, 1 exact duplicates dropped, 1 skipped"), text);
    assertTrue(text.contains("high below low: 1"), text);
    assertTrue(text.contains("e.g. line 4: high 4799.75 < low 4801.25"), text);
  }

  @Test
  void writesBothRenderings() throws IOException {
    report().writeTo(dir.resolve("out"));
    assertTrue(Files.readString(dir.resolve("out").resolve(IngestReport.JSON_FILE_NAME)).contains("\"rows_read\""));
    assertTrue(Files.exists(dir.resolve("out").resolve(IngestReport.TEXT_FILE_NAME)));
  }
}
