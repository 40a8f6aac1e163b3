package io.plateau.data.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineCsvTest {

  @TempDir
  Path dir;

  @Test
  void writesOneRowPerRejectionKeepingTheOriginalLineIntact() throws IOException {
    Path file = Fixtures.write(dir, "mes.csv",
        "timestamp,open,high,low,close,volume",
        "2024-01-02T14:30:00Z,4800.00,4799.75,4801.25,4800.00,5",
        "\"quoted\",x");
    Path out = dir.resolve("report");
    try (QuarantineCsv quarantine = QuarantineCsv.create(out)) {
      Ingester.run(new IngestRequest(VendorFormat.GENERIC, Fixtures.MES, file, IngestOptions.defaults()), quarantine);
      assertEquals(2, quarantine.rows());
    }
    List<String> lines = Files.readAllLines(out.resolve(QuarantineCsv.FILE_NAME));
    assertEquals(List.of(
        "file,line,reason,detail,text",
        "mes.csv,2,high_below_low,high 4799.75 < low 4801.25,\"2024-01-02T14:30:00Z,4800.00,4799.75,4801.25,4800.00,5\"",
        "mes.csv,3,missing_field,\"2 fields, expected 6\",\"\"\"quoted\"\",x\""), lines);
  }
}
