package io.plateau.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML file as plain data (mappings, lists, scalars) and nothing else: every config file Plateau reads goes
 * through it.
 *
 * <p>Jackson's YAML module builds a tree of nodes and never instantiates a class named by a tag, but it drops tags
 * silently ({@code !!java.lang.ProcessBuilder [[rm, x]]} reads as a list) and reads an alias {@code *a} as the
 * string {@code "a"}; a repeated key silently replaces the first. So that a file means what it says, this reader
 * refuses, naming the file and line: any tag but YAML's core ones ({@code !!str !!int !!float !!bool !!null !!seq
 * !!map}), anchors and aliases (which also rules out "billion laughs" expansion), repeated keys, nesting deeper
 * than {@value #MAX_DEPTH} and files over {@value #MAX_BYTES} bytes.
 */
public final class YamlReader {

  /** The largest YAML file read, in bytes: config files are a few KB. */
  public static final int MAX_BYTES = 1 << 20;
  /** The deepest nesting of mappings and lists. */
  public static final int MAX_DEPTH = 32;

  private static final String CORE_TAG = "tag:yaml.org,2002:";
  private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "seq", "map");
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private YamlReader() {}

  /**
   * A YAML document: its tree, and the line of each value by key path ({@code walk_forward.in_sample},
   * {@code bars.symbols[1]}; a mapping's value is at its key's line).
   */
  public record Document(JsonNode root, Map<String, Integer> lines) {

    public Document {
      lines = Map.copyOf(lines);
    }
  }

  /**
   * The bytes of {@code file}, refusing a file over {@link #MAX_BYTES} without reading it whole (a device or a
   * runaway file would otherwise fill the heap).
   */
  public static byte[] readBytes(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] text = in.readNBytes(MAX_BYTES + 1);
      if (text.length > MAX_BYTES) {
        throw tooLarge(file.toString());
      }
      return text;
    }
  }

  /** Parses YAML {@code text}; {@code file} names it in errors. An empty document has a null root. */
  public static Document parse(byte[] text, String file) {
    if (text.length > MAX_BYTES) {
      throw tooLarge(file);
    }
    try {
      Map<String, Integer> lines = scan(text, file);
      return new Document(MAPPER.readTree(text), lines);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      throw new InputException(file + line + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static InputException tooLarge(String file) {
    return new InputException(file + ": larger than " + MAX_BYTES + " bytes; a config file is a few KB");
  }

  /** One open mapping or list while scanning: its key path, and the keys seen (mappings) or the next index. */
  private static final class Level {
    final String path;
    final boolean mapping;
    final Map<String, Integer> keys = new HashMap<>();
    int index;
    String key;

    Level(String path, boolean mapping) {
      this.path = path;
      this.mapping = mapping;
    }

    /** The path of the value that comes next in this mapping or list. */
    String childPath() {
      if (mapping) {
        return path.isEmpty() ? key : path + "." + key;
      }
      return path + "[" + index + "]";
    }
  }

  /** Checks every event of the stream and records the line of every key path; the tree is built after. */
  private static Map<String, Integer> scan(byte[] text, String file) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    Deque<Level> open = new ArrayDeque<>();
    boolean rootRead = false;
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        int line = parser.currentTokenLocation().getLineNr();
        String where = file + ":" + line;
        if (parser.isCurrentAlias()) {
          throw new InputException(where + ": the alias '*" + parser.getText() + "' is not allowed: YAML anchors "
              + "and aliases are refused in config files; write the value out");
        }
        String anchor = parser.getObjectId();
        if (anchor != null) {
          throw new InputException(where + ": the anchor '&" + anchor + "' is not allowed: YAML anchors and "
              + "aliases are refused in config files; write the value out");
        }
        String tag = parser.getTypeId();
        if (tag != null && !(tag.startsWith(CORE_TAG) && CORE_TAGS.contains(tag.substring(CORE_TAG.length())))) {
          String written = tag.startsWith(CORE_TAG) ? "!!" + tag.substring(CORE_TAG.length()) : "!" + tag;
          throw new InputException(where + ": the YAML tag '" + written + "' is not allowed: config files are "
              + "data, no tag names a type to create; allowed tags: !!str !!int !!float !!bool !!null !!seq !!map");
        }
        Level parent = open.peek();
        if (token == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Integer first = parent.keys.putIfAbsent(key, line);
          if (first != null) {
            throw new InputException(where + ": " + (parent.path.isEmpty() ? "" : parent.path + ".") + key
                + ": the key repeats (first at line " + first + "); give each key once");
          }
          parent.key = key;
          lines.put(parent.childPath(), line);
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          open.pop();
          continue;
        }
        if (parent == null) {
          if (rootRead) {
            throw new InputException(where + ": a second YAML document ('---'); a config file holds one");
          }
          rootRead = true;
        }
        String path = parent == null ? "" : parent.childPath();
        if (parent != null && !parent.mapping) {
          lines.put(path, line);
          parent.index++;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          if (open.size() >= MAX_DEPTH) {
            throw new InputException(where + ": nested more than " + MAX_DEPTH + " levels deep");
          }
          open.push(new Level(path, token == JsonToken.START_OBJECT));
        }
      }
    }
    return lines;
  }
}
