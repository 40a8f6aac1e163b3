package io.plateau.data.ingest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes rejected rows to a CSV file, {@value #FILE_NAME} beside the ingest report, with the columns
 * {@value #HEADER}. Fields are quoted the RFC 4180 way when they hold a comma, a quote or a line break, so the
 * original line survives intact in the {@code text} column.
 */
public final class QuarantineCsv implements RejectionSink, Closeable {

  public static final String FILE_NAME = "quarantine.csv";
  static final String HEADER = "file,line,reason,detail,text";

  private final Path path;
  private final BufferedWriter writer;
  private long rows;

  private QuarantineCsv(Path path) throws IOException {
    this.path = path;
    this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    writer.write(HEADER);
    writer.newLine();
  }

  /** Creates (or replaces) {@value #FILE_NAME} in {@code directory}, creating the directory if needed. */
  public static QuarantineCsv create(Path directory) {
    try {
      Files.createDirectories(directory);
      return new QuarantineCsv(directory.resolve(FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the quarantine file in " + directory, e);
    }
  }

  @Override
  public void accept(Rejection rejection) {
    try {
      writer.write(quote(rejection.file()));
      writer.write(',');
      writer.write(Long.toString(rejection.line()));
      writer.write(',');
      writer.write(rejection.reason().code());
      writer.write(',');
      writer.write(quote(rejection.detail()));
      writer.write(',');
      writer.write(quote(rejection.text()));
      writer.newLine();
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + path, e);
    }
  }

  public Path path() {
    return path;
  }

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  static String quote(String field) {
    boolean plain = true;
    for (int i = 0; i < field.length() && plain; i++) {
      char c = field.charAt(i);
      plain = c != ',' && c != '"' && c != '\n' && c != '\r';
    }
    return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path, e);
    }
  }
}
