package io.plateau.util;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A node of a YAML config file that knows its file, key path and line, so that every error it raises names the
 * file and line, the key ({@code walk_forward.in_sample}), the bad value and what is allowed. The file is read by
 * {@link YamlReader}: data only, no tags, anchors or aliases.
 */
public final class ConfigNode {

  private final String file;
  private final String path;
  private final JsonNode node;
  private final Map<String, Integer> lines;

  private ConfigNode(String file, String path, JsonNode node, Map<String, Integer> lines) {
    this.file = file;
    this.path = path;
    this.node = node;
    this.lines = lines;
  }

  /** The top-level mapping of YAML {@code text} read from {@code file}; a syntax error names the line. */
  public static ConfigNode parseYaml(byte[] text, String file) {
    YamlReader.Document document = YamlReader.parse(text, file);
    if (document.root() == null || !document.root().isObject()) {
      throw new InputException(file + ": expected a YAML mapping of keys at the top level");
    }
    return new ConfigNode(file, "", document.root(), document.lines());
  }

  /** The file this node was read from. */
  public String file() {
    return file;
  }

  /** The line of this value in its file (a mapping's or list's: the line of its key), or 0 for the whole file. */
  public int line() {
    return lines.getOrDefault(path, 0);
  }

  /** The key path, {@code walk_forward.in_sample} ({@code (top level)} for the root). */
  public String path() {
    return path.isEmpty() ? "(top level)" : path;
  }

  /** {@code file:line: key.path}: the prefix of a message about this value. */
  public String where() {
    return at(path) + path();
  }

  /** Fails unless this is a mapping whose keys are all among {@code allowed}. */
  public ConfigNode allowKeys(String... allowed) {
    if (!node.isObject()) {
      throw error("a mapping with keys " + new TreeSet<>(Arrays.asList(allowed)));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Arrays.asList(allowed).contains(name)) {
        throw new InputException(at(child(name)) + child(name) + ": unknown key; allowed here: "
            + new TreeSet<>(Arrays.asList(allowed)));
      }
    }
    return this;
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  /** The value at {@code key}, which must be present. */
  public ConfigNode get(String key) {
    if (!has(key)) {
      throw new InputException(at(path) + child(key) + ": missing; it is required");
    }
    return new ConfigNode(file, child(key), node.get(key), lines);
  }

  /** The mapping's entries in file order. */
  public Map<String, ConfigNode> entries() {
    if (!node.isObject()) {
      throw error("a mapping");
    }
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> entries.put(e.getKey(),
        new ConfigNode(file, child(e.getKey()), e.getValue(), lines)));
    return entries;
  }

  public boolean isList() {
    return node.isArray();
  }

  public boolean isMapping() {
    return node.isObject();
  }

  /** The elements of a list; a single scalar counts as a list of one. */
  public List<ConfigNode> list() {
    List<ConfigNode> items = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        items.add(new ConfigNode(file, path + "[" + i + "]", node.get(i), lines));
      }
    } else if (node.isValueNode()) {
      items.add(this);
    } else {
      throw error("a list");
    }
    return items;
  }

  /** A scalar as text (numbers as written). */
  public String text() {
    if (!node.isValueNode()) {
      throw error("a single value");
    }
    return node.asText();
  }

  public String text(String key, String otherwise) {
    return has(key) ? get(key).text() : otherwise;
  }

  public int integer() {
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw error("a whole number");
    }
    return node.intValue();
  }

  public int integer(String key, int otherwise) {
    return has(key) ? get(key).integer() : otherwise;
  }

  public long longValue() {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw error("a whole number");
    }
    return node.longValue();
  }

  public double number() {
    if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
      throw error("a number");
    }
    return node.doubleValue();
  }

  public double number(String key, double otherwise) {
    return has(key) ? get(key).number() : otherwise;
  }

  public boolean bool() {
    if (!node.isBoolean()) {
      throw error("true or false");
    }
    return node.booleanValue();
  }

  /** An ISO date, {@code 2024-01-31}. */
  public LocalDate date() {
    try {
      return LocalDate.parse(text());
    } catch (DateTimeParseException e) {
      throw error("a date yyyy-mm-dd");
    }
  }

  /** A {@link InputException} saying this value is not what is allowed: file, key path, value, {@code allowed}. */
  public InputException error(String allowed) {
    String value = node.isValueNode() ? "'" + node.asText() + "'" : node.isArray() ? "a list" : "a mapping";
    return new InputException(where() + ": " + value + " is not allowed; expected " + allowed);
  }

  /** An {@link InputException} about this key with a message of the caller's. */
  public InputException problem(String message) {
    return new InputException(where() + ": " + message);
  }

  /** {@code file:line: } for the value at {@code keyPath}, {@code file: } when its line is unknown. */
  private String at(String keyPath) {
    Integer line = lines.get(keyPath);
    return file + (line == null ? "" : ":" + line) + ": ";
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
