package io.plateau.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.Hashing;
import io.plateau.util.InputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bar files are verified before a job relies on them: by the SHA-256 our writer records in the footer, else by
 * decoding them; a damaged file is refused naming it.
 */
class VerifiedBarFileTest {

  private static final Instrument MES = InstrumentCatalog.builtIn().get("MES");
  private static final BarSeries BARS = BarStoreTest.bars("2024-03-04T14:30:00Z", 5_000, 20_000);

  @TempDir
  Path dir;

  private static FileSystem fs() throws IOException {
    return FileSystem.getLocal(new Configuration()).getRawFileSystem();
  }

  private Path written() throws IOException {
    Path file = dir.resolve("part-test.parquet");
    BarParquetWriter.write(fs(), hadoop(file), BARS, 0, BARS.size());
    return file;
  }

  private static org.apache.hadoop.fs.Path hadoop(Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri());
  }

  private static VerifiedBarFile verify(Path file) throws IOException {
    return VerifiedBarFile.verify(fs(), hadoop(file), MES, BarInterval.ONE_MINUTE);
  }

  private static void flipBit(Path file, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[Math.toIntExact(offset)] ^= 0x01;
    Files.write(file, bytes);
  }

  /** Byte offsets {@code [from, to)} of the column chunk of {@code column}. */
  private static long[] chunkOf(Path file, String column) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(hadoop(file),
        new Configuration()))) {
      for (ColumnChunkMetaData chunk : reader.getFooter().getBlocks().get(0).getColumns()) {
        if (chunk.getPath().toDotString().equals(column)) {
          return new long[] {chunk.getStartingPos(), chunk.getStartingPos() + chunk.getTotalSize()};
        }
      }
    }
    throw new AssertionError("no column " + column);
  }

  /** The bars of {@code file}, or null when it cannot be decoded. */
  private static BarSeries decodedOrNull(Path file) {
    BarSeries.Builder decoded = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    try {
      BarParquetReader.read(fs(), hadoop(file), decoded, MES.tickGrid());
      return decoded.build();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Test
  void aFileAsWrittenIsVerifiedByTheSha256InItsFooter() throws IOException {
    Path file = written();
    VerifiedBarFile verified = verify(file);
    assertEquals(VerifiedBarFile.Method.RECORDED_DIGEST, verified.method());
    assertEquals(Files.size(file), verified.bytes());
    assertEquals(Hashing.sha256(file), verified.sha256(), "the whole file's SHA-256, as the manifest records it");
  }

  @Test
  void oneFlippedBitThatStillDecodesIsFoundByTheRecordedDigest() throws IOException {
    Path file = written();
    byte[] original = Files.readAllBytes(file);
    // Parquet and Snappy have no checksum over the pages: many single bits in the low prices' dictionary indices
    // decode into other prices. Find one (the data are fixed, so it is always the same bit).
    long[] low = chunkOf(file, BarSchema.LOW);
    BarSeries damaged = null;
    for (long offset = (low[0] + low[1]) / 2; offset < low[1] && damaged == null; offset += 7) {
      Files.write(file, original);
      flipBit(file, offset);
      BarSeries decoded = decodedOrNull(file);
      damaged = decoded != null && !BARS.sameBarsAs(decoded) ? decoded : null;
    }
    assertTrue(damaged != null, "a flipped bit that decodes into other bars");

    InputException refused = assertThrows(InputException.class, () -> verify(file));
    assertTrue(refused.getMessage().startsWith(hadoop(file) + ": corrupt: the SHA-256 of its first"),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("restore the file"), refused.getMessage());
  }

  @Test
  void aTruncatedFileIsRefusedNamingIt() throws IOException {
    Path file = written();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) / 2);
    }
    InputException refused = assertThrows(InputException.class, () -> verify(file));
    assertTrue(refused.getMessage().startsWith(hadoop(file) + ": truncated or corrupt: no readable Parquet footer"),
        refused.getMessage());
  }

  /** A bar file written by another tool (parquet-mr's example writer): no recorded digest. */
  private Path otherWriters(String name, int offGridRow) throws IOException {
    Path file = dir.resolve(name);
    SimpleGroupFactory rows = new SimpleGroupFactory(BarSchema.SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(hadoop(file)).withType(BarSchema.SCHEMA)
        .withConf(new Configuration()).build()) {
      long startMicros = Instant.parse("2024-03-04T14:30:00Z").toEpochMilli() * 1000;
      for (int i = 0; i < 1_000; i++) {
        double price = 5000 + (i % 8) * 0.25;
        writer.write(rows.newGroup().append(BarSchema.TS, startMicros + i * 60_000_000L)
            .append(BarSchema.TRADING_DATE, (int) LocalDate.of(2024, 3, 4).toEpochDay())
            .append(BarSchema.OPEN, i == offGridRow ? price + 0.1 : price).append(BarSchema.HIGH, price + 0.5)
            .append(BarSchema.LOW, price - 0.5).append(BarSchema.CLOSE, price).append(BarSchema.VOLUME, 10L + i));
      }
    }
    return file;
  }

  @Test
  void aFileWithoutARecordedDigestIsDecodedWhole() throws IOException {
    VerifiedBarFile sound = verify(otherWriters("sound.parquet", -1));
    assertEquals(VerifiedBarFile.Method.DECODED, sound.method());

    Path bad = otherWriters("bad.parquet", 500);
    InputException refused = assertThrows(InputException.class, () -> verify(bad));
    assertTrue(refused.getMessage().startsWith(hadoop(bad) + ": row 500: open 5001.1 is not on the tick grid"),
        refused.getMessage());
  }

  @Test
  void aStoreVerifiesExactlyTheFilesADateRangeReads() throws IOException {
    BarStore store = BarStore.open(dir.resolve("bars").toString(), InstrumentCatalog.builtIn());
    try (StoreUpdate update = store.update()) {
      update.merge(BarStoreTest.bars("2023-12-28T14:30:00Z", 12 * 1440, 20_000), SymbolMetadata.Origin.INGESTED,
          List.of(new SourceRecord("test.csv", "abc", "generic", 0, Instant.parse("2024-01-01T00:00:00Z"))));
      update.commit();
    }
    assertEquals(2, store.verify("MES", null, null).size(), "2023 and 2024");
    List<VerifiedBarFile> only2024 = store.verify("MES", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 5));
    assertEquals(1, only2024.size());
    assertTrue(only2024.get(0).path().contains("year=2024"), only2024.get(0).path());

    Path file = Path.of(java.net.URI.create(only2024.get(0).path()));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(100);
    }
    InputException refused = assertThrows(InputException.class, () -> store.verify("MES", null, null));
    assertTrue(refused.getMessage().contains(file.getFileName().toString()), refused.getMessage());
    InputException unreadable = assertThrows(InputException.class, () -> store.read("MES"));
    assertTrue(unreadable.getMessage().startsWith(only2024.get(0).path() + ": cannot read its bars, the file is "
        + "truncated or corrupt"), unreadable.getMessage());
  }
}
