package io.plateau.data.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a delimited text file line by line straight from bytes and splits the current line into fields, without
 * making a String or any other object per line.
 *
 * <p>The vendor formats Plateau reads are ASCII: the bytes of a line are scanned in place inside one large buffer
 * (refilled and, for a line longer than the buffer, grown). Fields are handed out as {@code [start, end)} offsets
 * into {@link #bytes()}, trimmed of blanks and of one pair of surrounding double quotes (TradeStation quotes its
 * header); none of the formats embeds a delimiter inside a field, so no further CSV quoting is understood. Line
 * terminators {@code \n} and {@code \r\n} are both accepted and a UTF-8 byte-order mark at the start is skipped.
 */
final class LineReader implements Closeable {

  /** One megabyte: large enough that refills cost nothing next to parsing. */
  static final int BUFFER_BYTES = 1 << 20;

  private final InputStream in;
  private byte[] buffer;
  private int position;
  private int limit;
  private boolean endOfInput;
  private boolean atStart = true;
  private long lineNumber;
  private int lineStart;
  private int lineEnd;

  private int[] fieldStarts = new int[32];
  private int[] fieldEnds = new int[32];
  private int fieldCount;

  LineReader(InputStream in) {
    this(in, BUFFER_BYTES);
  }

  LineReader(InputStream in, int bufferBytes) {
    this.in = in;
    this.buffer = new byte[bufferBytes];
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() throws IOException {
    while (true) {
      int newline = indexOfNewline(position, limit);
      if (newline >= 0) {
        setLine(position, newline);
        position = newline + 1;
        return true;
      }
      if (endOfInput) {
        if (position < limit) {
          setLine(position, limit);
          position = limit;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private int indexOfNewline(int from, int to) {
    byte[] bytes = buffer;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void setLine(int start, int end) {
    if (atStart) {
      atStart = false;
      if (end - start >= 3 && buffer[start] == (byte) 0xEF && buffer[start + 1] == (byte) 0xBB
          && buffer[start + 2] == (byte) 0xBF) {
        start += 3;
      }
    }
    if (end > start && buffer[end - 1] == '\r') {
      end--;
    }
    lineStart = start;
    lineEnd = end;
    lineNumber++;
    fieldCount = 0;
  }

  /** Moves the unread tail to the front, grows the buffer when a single line fills it, and reads more. */
  private void fill() throws IOException {
    int unread = limit - position;
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, unread);
      position = 0;
      limit = unread;
    }
    if (limit == buffer.length) {
      buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfInput = true;
    } else {
      limit += read;
    }
  }

  /** The 1-based number of the current line in the file. */
  long lineNumber() {
    return lineNumber;
  }

  /** Whether the current line holds nothing but blanks. */
  boolean isBlank() {
    for (int i = lineStart; i < lineEnd; i++) {
      if (buffer[i] != ' ' && buffer[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Splits the current line at {@code delimiter}; returns the number of fields. */
  int split(byte delimiter) {
    byte[] bytes = buffer;
    int count = 0;
    int start = lineStart;
    for (int i = lineStart; i <= lineEnd; i++) {
      if (i == lineEnd || bytes[i] == delimiter) {
        if (count == fieldStarts.length) {
          fieldStarts = java.util.Arrays.copyOf(fieldStarts, count * 2);
          fieldEnds = java.util.Arrays.copyOf(fieldEnds, count * 2);
        }
        int from = start;
        int to = i;
        while (from < to && (bytes[from] == ' ' || bytes[from] == '\t')) {
          from++;
        }
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
          to--;
        }
        if (to - from >= 2 && bytes[from] == '"' && bytes[to - 1] == '"') {
          from++;
          to--;
        }
        fieldStarts[count] = from;
        fieldEnds[count] = to;
        count++;
        start = i + 1;
      }
    }
    fieldCount = count;
    return count;
  }

  int fieldCount() {
    return fieldCount;
  }

  /** The buffer the field offsets point into; valid until the next call to {@link #next()}. */
  byte[] bytes() {
    return buffer;
  }

  int start(int field) {
    return fieldStarts[field];
  }

  int end(int field) {
    return fieldEnds[field];
  }

  boolean isEmpty(int field) {
    return fieldStarts[field] == fieldEnds[field];
  }

  /** Field {@code field} as text: for headers and error messages, never per accepted row. */
  String fieldText(int field) {
    return new String(buffer, fieldStarts[field], fieldEnds[field] - fieldStarts[field], StandardCharsets.UTF_8);
  }

  /** The current line as text, without its terminator: for error messages and the quarantine. */
  String lineText() {
    return new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
  }

  /** Copies the current line into {@code target} (grown when too small) and returns the array holding it. */
  byte[] copyLine(byte[] target) {
    int length = lineEnd - lineStart;
    byte[] into = target.length >= length ? target : new byte[Math.max(length, target.length * 2)];
    System.arraycopy(buffer, lineStart, into, 0, length);
    return into;
  }

  int lineLength() {
    return lineEnd - lineStart;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
