package io.plateau.data.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static LineReader reader(String text, int bufferBytes) {
    return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), bufferBytes);
  }

  @Test
  void splitsTrimsAndUnquotesFieldsAcrossLineEndings() throws IOException {
    LineReader reader = reader("\uFEFF\"Date\", \"Time\" ,x\r\na;;b\nlast", 8);
    assertTrue(reader.next());
    assertEquals(3, reader.split((byte) ','));
    assertEquals("Date", reader.fieldText(0));
    assertEquals("Time", reader.fieldText(1));
    assertEquals("x", reader.fieldText(2));
    assertEquals("\"Date\", \"Time\" ,x", reader.lineText());
    assertTrue(reader.next());
    assertEquals(3, reader.split((byte) ';'));
    assertTrue(reader.isEmpty(1));
    assertEquals(2, reader.lineNumber());
    assertTrue(reader.next());
    assertEquals("last", reader.lineText());
    assertFalse(reader.next());
    assertEquals(3, reader.lineNumber());
  }

  @Test
  void growsItsBufferForLinesLongerThanIt() throws IOException {
    String longLine = "x".repeat(100) + ",y";
    LineReader reader = reader(longLine + "\nshort\n", 16);
    assertTrue(reader.next());
    assertEquals(2, reader.split((byte) ','));
    assertEquals(100, reader.end(0) - reader.start(0));
    byte[] copy = reader.copyLine(new byte[4]);
    assertEquals(longLine, new String(copy, 0, reader.lineLength(), StandardCharsets.UTF_8));
    assertTrue(reader.next());
    assertEquals("short", reader.lineText());
  }

  @Test
  void blankLinesAreBlank() throws IOException {
    LineReader reader = reader(" \t\n\n", 16);
    assertTrue(reader.next());
    assertTrue(reader.isBlank());
    assertTrue(reader.next());
    assertTrue(reader.isBlank());
    assertFalse(reader.next());
  }
}
