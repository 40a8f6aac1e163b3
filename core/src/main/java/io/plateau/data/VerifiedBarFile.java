package io.plateau.data;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.instrument.Instrument;
import io.plateau.util.Hashing;
import io.plateau.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * A bar file checked before a job relies on it, with its size and the SHA-256 of the whole file (what a run's
 * manifest records). A corrupt or truncated file is refused with an {@link InputException} naming it, so that a job
 * stops before it writes anything rather than when an executor reaches the file.
 *
 * <p>Checked: the footer parses and every column chunk it lists lies inside the file (a truncated file has lost its
 * footer, or chunks past its end); then, for a file whose footer records {@link BarSchema#FOOTER_DATA_SHA256}
 * (written by {@link BarParquetWriter}), the SHA-256 of the bytes bars are decoded from equals it: any changed byte
 * there is found, even one that would decode to other, plausible prices. A file without the digest (written by
 * another tool or an older Plateau) is decoded whole instead, which finds damage to its structure but not to values
 * that still decode.
 *
 * @param path the file
 * @param bytes its length
 * @param sha256 hex SHA-256 of the whole file
 * @param method how its content was checked
 */
public record VerifiedBarFile(String path, long bytes, String sha256, Method method) {

  /** How a file's content was checked. */
  public enum Method {
    /** The SHA-256 its footer recorded when it was written matched. */
    RECORDED_DIGEST,
    /** No recorded digest: every row was decoded, as a job would. */
    DECODED
  }

  private static final int BUFFER_BYTES = 1 << 16;
  private static final String REMEDY = "; restore the file from a backup or rebuild the store (plateau generate "
      + "--replace, or ingest the vendor files into a new store)";

  /** Checks the bar file {@code file} of {@code instrument}'s bars; throws {@link InputException} naming it if bad. */
  public static VerifiedBarFile verify(FileSystem fs, Path file, Instrument instrument, BarInterval interval) {
    long length;
    ParquetMetadata footer;
    try {
      length = fs.getFileStatus(file).getLen();
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, fs.getConf()))) {
        footer = reader.getFooter();
      }
    } catch (IOException | RuntimeException e) {
      throw new InputException(String.format(java.util.Locale.ROOT, "%s: truncated or corrupt: no readable Parquet "
          + "footer in its %,d bytes (%s)%s", file, fileLength(fs, file), message(e).replace(file.toString(), "it"),
          REMEDY), e);
    }
    for (BlockMetaData group : footer.getBlocks()) {
      for (ColumnChunkMetaData column : group.getColumns()) {
        long end = column.getStartingPos() + column.getTotalSize();
        if (column.getStartingPos() < 4 || end > length) {
          throw new InputException(String.format(java.util.Locale.ROOT, "%s: truncated or corrupt: its footer puts "
              + "column '%s' at bytes %,d..%,d of a %,d-byte file%s", file, column.getPath().toDotString(),
              column.getStartingPos(), end, length, REMEDY));
        }
      }
    }
    Map<String, String> keys = footer.getFileMetaData().getKeyValueMetaData();
    String recorded = keys.get(BarSchema.FOOTER_DATA_SHA256);
    long dataBytes = recorded == null ? 0 : dataBytes(file, keys.get(BarSchema.FOOTER_DATA_BYTES), length);
    MessageDigest whole = Hashing.newSha256();
    MessageDigest data = Hashing.newSha256();
    try (InputStream in = fs.open(file)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      long position = 0;
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        whole.update(buffer, 0, read);
        int inData = (int) Math.max(0, Math.min(read, dataBytes - position));
        data.update(buffer, 0, inData);
        position += read;
      }
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + message(e), e);
    }
    if (recorded == null) {
      try {
        BarParquetReader.read(fs, file, BarSeries.builder(instrument, interval), instrument.tickGrid());
      } catch (InputException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new InputException(file + ": corrupt: its bars cannot be decoded (" + message(e).replace(file.toString(),
            "it") + ")" + REMEDY, e);
      }
    } else {
      String actual = HexFormat.of().formatHex(data.digest());
      if (!actual.equals(recorded)) {
        throw new InputException(String.format(java.util.Locale.ROOT, "%s: corrupt: the SHA-256 of its first %,d "
            + "bytes (the data pages) is %s, but its footer recorded %s when it was written%s", file, dataBytes,
            actual, recorded, REMEDY));
      }
    }
    return new VerifiedBarFile(file.toString(), length, HexFormat.of().formatHex(whole.digest()),
        recorded == null ? Method.DECODED : Method.RECORDED_DIGEST);
  }

  private static long fileLength(FileSystem fs, Path file) {
    try {
      return fs.getFileStatus(file).getLen();
    } catch (IOException e) {
      return -1;
    }
  }

  private static long dataBytes(Path file, String text, long length) {
    long bytes;
    try {
      bytes = Long.parseLong(text);
    } catch (NumberFormatException e) {
      bytes = -1;
    }
    if (bytes < 4 || bytes > length) {
      throw new InputException(file + ": corrupt: its footer's " + BarSchema.FOOTER_DATA_BYTES + " is '" + text
          + "', outside the " + length + "-byte file" + REMEDY);
    }
    return bytes;
  }

  /** The innermost message: Parquet wraps the telling one (bad magic number, bad page header) in generic ones. */
  private static String message(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause.getMessage();
  }
}
