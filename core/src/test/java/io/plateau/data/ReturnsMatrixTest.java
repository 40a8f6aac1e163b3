package io.plateau.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.util.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnsMatrixTest {

  @TempDir
  Path dir;

  @Test
  void aCsvFileIsReadByTrialSkippingItsDateColumn() throws IOException {
    Path file = dir.resolve("returns.csv");
    Files.writeString(file, "date,a,b,c\n2024-01-02,0.01,-0.02,0\n2024-01-03,0.5,1e-3,-7\n\n");
    ReturnsMatrix matrix = ReturnsMatrix.read(file);
    assertEquals(List.of("a", "b", "c"), matrix.trials());
    assertEquals(2, matrix.periods());
    assertArrayEquals(new double[] {0.01, 0.5}, matrix.byTrial()[0]);
    assertArrayEquals(new double[] {-0.02, 0.001}, matrix.byTrial()[1]);
    assertArrayEquals(new double[] {0, -7}, matrix.byTrial()[2]);
  }

  @Test
  void aParquetFileIsReadByColumn() throws IOException {
    MessageType schema = Types.buildMessage().required(PrimitiveTypeName.INT32).named("period")
        .required(PrimitiveTypeName.DOUBLE).named("x").required(PrimitiveTypeName.FLOAT).named("y").named("m");
    Path file = dir.resolve("returns.parquet");
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
        new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration()).withType(schema).build()) {
      for (int p = 0; p < 3; p++) {
        writer.write(new SimpleGroupFactory(schema).newGroup().append("period", p).append("x", p * 0.25)
            .append("y", (float) -p));
      }
    }
    ReturnsMatrix matrix = ReturnsMatrix.read(file);
    assertEquals(List.of("x", "y"), matrix.trials());
    assertArrayEquals(new double[] {0, 0.25, 0.5}, matrix.byTrial()[0]);
    assertArrayEquals(new double[] {0, -1, -2}, matrix.byTrial()[1]);
  }

  @Test
  void badFilesNameTheFileLineAndColumn() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "a,b\n1,2\n3,oops\n");
    InputException value = assertThrows(InputException.class, () -> ReturnsMatrix.read(file));
    assertEquals(file + ":3: column 'b': 'oops' is not a finite number", value.getMessage());
    Files.writeString(file, "a,b\n1,2\n3\n");
    InputException ragged = assertThrows(InputException.class, () -> ReturnsMatrix.read(file));
    assertEquals(file + ":3: 1 values; the header has 2", ragged.getMessage());
    Files.writeString(file, "a,b\n1,NaN\n3,4\n");
    assertTrue(assertThrows(InputException.class, () -> ReturnsMatrix.read(file)).getMessage()
        .contains(":2: column 'b': 'NaN' is not a finite number"));
    Files.writeString(file, "a\n1\n2\n");
    assertTrue(assertThrows(InputException.class, () -> ReturnsMatrix.read(file)).getMessage()
        .contains("1 trials × 2 periods; the overfitting statistics need at least 2 of each"));
    assertEquals(dir.resolve("none.csv") + ": no such file",
        assertThrows(InputException.class, () -> ReturnsMatrix.read(dir.resolve("none.csv"))).getMessage());
    Path garbage = dir.resolve("garbage.parquet");
    Files.writeString(garbage, "not parquet");
    assertTrue(assertThrows(InputException.class, () -> ReturnsMatrix.read(garbage)).getMessage()
        .startsWith(garbage + ": not a readable Parquet file"));
  }
}
