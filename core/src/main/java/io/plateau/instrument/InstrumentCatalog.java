package io.plateau.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import io.plateau.util.InputException;
import io.plateau.util.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instruments Plateau knows: the built-in catalog ({@code conf/instruments.yaml}, packaged in the jar) plus
 * any user files. Loading validates every entry and reports a bad one as an {@link InputException} naming the
 * file, the instrument and the key.
 */
public final class InstrumentCatalog implements Serializable {

  /** Where the build copies {@code conf/instruments.yaml} inside the jar. */
  private static final String BUILT_IN_RESOURCE = "/io/plateau/instrument/instruments.yaml";
  private static final String BUILT_IN_NAME = "conf/instruments.yaml (built in)";

  private static final Set<String> TOP_KEYS = Set.of("sessions", "instruments");
  private static final Set<String> SESSION_KEYS = Set.of("time_zone", "globex_open", "regular", "eras", "holidays");
  private static final Set<String> INSTRUMENT_KEYS = Set.of("description", "exchange", "currency", "multiplier",
      "tick_size", "tick_value", "sessions", "contract_months", "expiry", "commission_per_side", "fees_per_side",
      "initial_margin", "micro_of");

  private final Map<String, SessionSchedule> sessions;
  private final Map<String, Instrument> instruments;

  private InstrumentCatalog(Map<String, SessionSchedule> sessions, Map<String, Instrument> instruments) {
    this.sessions = Collections.unmodifiableMap(new LinkedHashMap<>(sessions));
    this.instruments = Collections.unmodifiableMap(new LinkedHashMap<>(instruments));
  }

  /** The catalog shipped with Plateau. */
  public static InstrumentCatalog builtIn() {
    try (InputStream in = InstrumentCatalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + BUILT_IN_RESOURCE + ": the build did not copy conf/");
      }
      return new InstrumentCatalog(Map.of(), Map.of()).merge(in.readAllBytes(), BUILT_IN_NAME);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in catalog, extended (and overridden by symbol) by each user file in turn. */
  public static InstrumentCatalog builtInWith(List<Path> userFiles) {
    InstrumentCatalog catalog = builtIn();
    for (Path file : userFiles) {
      catalog = catalog.withFile(file);
    }
    return catalog;
  }

  /** This catalog plus the sessions and instruments of {@code file}; an instrument there replaces one of the same symbol. */
  public InstrumentCatalog withFile(Path file) {
    try {
      return merge(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new InputException(file + ": cannot read the instrument file: " + e.getMessage(), e);
    }
  }

  /** The instrument with this symbol, or an {@link InputException} listing the known symbols. */
  public Instrument get(String symbol) {
    Instrument instrument = instruments.get(symbol);
    if (instrument == null) {
      throw new InputException("unknown symbol '" + symbol + "'; the catalog has " + String.join(", ", symbols())
          + " (add others in a file passed with --instruments)");
    }
    return instrument;
  }

  public boolean contains(String symbol) {
    return instruments.containsKey(symbol);
  }

  public List<String> symbols() {
    return List.copyOf(instruments.keySet());
  }

  public Map<String, SessionSchedule> sessions() {
    return sessions;
  }

  private InstrumentCatalog merge(byte[] yaml, String fileName) {
    JsonNode root = parse(yaml, fileName);
    Map<String, SessionSchedule> mergedSessions = new LinkedHashMap<>(sessions);
    Map<String, Instrument> mergedInstruments = new LinkedHashMap<>(instruments);
    Reader reader = new Reader(fileName);
    reader.checkKeys(root, TOP_KEYS, "");
    JsonNode sessionsNode = root.path("sessions");
    for (Iterator<Map.Entry<String, JsonNode>> it = sessionsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      mergedSessions.put(entry.getKey(), reader.session(entry.getKey(), entry.getValue()));
    }
    JsonNode instrumentsNode = root.path("instruments");
    for (Iterator<Map.Entry<String, JsonNode>> it = instrumentsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      mergedInstruments.put(entry.getKey(), reader.instrument(entry.getKey(), entry.getValue(), mergedSessions));
    }
    for (Instrument instrument : mergedInstruments.values()) {
      if (instrument.microOf() != null && !mergedInstruments.containsKey(instrument.microOf())) {
        throw new InputException(fileName + ": instruments." + instrument.symbol() + ".micro_of: '"
            + instrument.microOf() + "' is not an instrument in the catalog");
      }
    }
    return new InstrumentCatalog(mergedSessions, mergedInstruments);
  }

  private static JsonNode parse(byte[] yaml, String fileName) {
    JsonNode root = YamlReader.parse(yaml, fileName).root();
    if (root == null || !root.isObject()) {
      throw new InputException(fileName + ": expected a YAML mapping with 'sessions' and 'instruments'");
    }
    return root;
  }


  /** Reads typed values from the YAML tree, naming file and key path in every error. */
  private static final class Reader {
    private final String fileName;

    Reader(String fileName) {
      this.fileName = fileName;
    }

    SessionSchedule session(String name, JsonNode node) {
      String path = "sessions." + name;
      checkKeys(node, SESSION_KEYS, path);
      ZoneId zone = zone(node, path + ".time_zone");
      LocalTime globexOpen = time(required(node, "globex_open", path), path + ".globex_open");
      JsonNode regular = required(node, "regular", path);
      checkKeys(regular, Set.of("open", "close"), path + ".regular");
      LocalTime regularOpen = time(required(regular, "open", path + ".regular"), path + ".regular.open");
      LocalTime regularClose = time(required(regular, "close", path + ".regular"), path + ".regular.close");
      List<SessionSchedule.Era> eras = new ArrayList<>();
      JsonNode erasNode = required(node, "eras", path);
      if (!erasNode.isArray() || erasNode.isEmpty()) {
        throw error(path + ".eras", erasNode, "a non-empty list of {from, close, halts}");
      }
      for (int i = 0; i < erasNode.size(); i++) {
        eras.add(era(erasNode.get(i), path + ".eras[" + i + "]"));
      }
      Set<HolidayRule> closed = EnumSet.noneOf(HolidayRule.class);
      Map<HolidayRule, LocalTime> earlyCloses = new HashMap<>();
      JsonNode holidays = node.path("holidays");
      if (!holidays.isMissingNode()) {
        checkKeys(holidays, Set.of("closed", "early_close"), path + ".holidays");
        for (JsonNode rule : holidays.path("closed")) {
          closed.add(holiday(rule, path + ".holidays.closed"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = holidays.path("early_close").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          String key = path + ".holidays.early_close." + entry.getKey();
          LocalTime close = time(new com.fasterxml.jackson.databind.node.TextNode(entry.getKey()), key);
          for (JsonNode rule : entry.getValue()) {
            earlyCloses.put(holiday(rule, key), close);
          }
        }
      }
      try {
        return new SessionSchedule(name, zone, globexOpen, regularOpen, regularClose, eras, closed, earlyCloses);
      } catch (IllegalArgumentException e) {
        throw new InputException(fileName + ": " + path + ": " + e.getMessage(), e);
      }
    }

    private SessionSchedule.Era era(JsonNode node, String path) {
      checkKeys(node, Set.of("from", "close", "halts"), path);
      LocalDate from = date(required(node, "from", path), path + ".from");
      LocalTime close = time(required(node, "close", path), path + ".close");
      List<SessionSchedule.Halt> halts = new ArrayList<>();
      for (JsonNode halt : node.path("halts")) {
        String text = halt.asText();
        String[] parts = text.split("-");
        if (parts.length != 2) {
          throw error(path + ".halts", halt, "a range \"HH:mm-HH:mm\"");
        }
        LocalTime start = time(new com.fasterxml.jackson.databind.node.TextNode(parts[0].trim()), path + ".halts");
        LocalTime end = time(new com.fasterxml.jackson.databind.node.TextNode(parts[1].trim()), path + ".halts");
        if (!start.isBefore(end)) {
          throw error(path + ".halts", halt, "a range whose start is before its end");
        }
        halts.add(new SessionSchedule.Halt(start, end));
      }
      return new SessionSchedule.Era(from, close, halts);
    }

    Instrument instrument(String symbol, JsonNode node, Map<String, SessionSchedule> knownSessions) {
      String path = "instruments." + symbol;
      if (!symbol.matches("[A-Z0-9]{1,10}")) {
        throw new InputException(fileName + ": instruments: symbol '" + symbol
            + "' must be 1-10 upper-case letters or digits");
      }
      checkKeys(node, INSTRUMENT_KEYS, path);
      String sessionName = text(required(node, "sessions", path), path + ".sessions");
      SessionSchedule schedule = knownSessions.get(sessionName);
      if (schedule == null) {
        throw new InputException(fileName + ": " + path + ".sessions: unknown session schedule '" + sessionName
            + "'; known: " + new TreeSet<>(knownSessions.keySet()));
      }
      String expiryName = text(required(node, "expiry", path), path + ".expiry");
      ExpiryRule expiry = null;
      for (ExpiryRule rule : ExpiryRule.values()) {
        if (rule.configName().equals(expiryName)) {
          expiry = rule;
        }
      }
      if (expiry == null) {
        throw error(path + ".expiry", node.get("expiry"), "one of " + configNames(ExpiryRule.values()));
      }
      double multiplier = positiveNumber(node, "multiplier", path);
      double tickSize = positiveNumber(node, "tick_size", path);
      double tickValue = positiveNumber(node, "tick_value", path);
      String months = text(required(node, "contract_months", path), path + ".contract_months");
      try {
        return new Instrument(symbol,
            optionalText(node, "description", symbol),
            text(required(node, "exchange", path), path + ".exchange"),
            text(required(node, "currency", path), path + ".currency"),
            multiplier, TickGrid.of(tickSize), tickValue, schedule, months, expiry,
            nonNegativeNumber(node, "commission_per_side", path),
            nonNegativeNumber(node, "fees_per_side", path),
            node.has("initial_margin") ? nonNegativeNumber(node, "initial_margin", path) : 0,
            node.has("micro_of") ? text(node.get("micro_of"), path + ".micro_of") : null);
      } catch (IllegalArgumentException e) {
        throw new InputException(fileName + ": " + path + ": " + e.getMessage(), e);
      }
    }

    void checkKeys(JsonNode node, Set<String> allowed, String path) {
      if (!node.isObject()) {
        throw error(path.isEmpty() ? "(top level)" : path, node, "a mapping with keys " + new TreeSet<>(allowed));
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          throw new InputException(fileName + ": " + (path.isEmpty() ? "" : path + ".") + key
              + ": unknown key; allowed here: " + new TreeSet<>(allowed));
        }
      }
    }

    private JsonNode required(JsonNode node, String key, String path) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        throw new InputException(fileName + ": " + path + "." + key + ": missing");
      }
      return value;
    }

    private String text(JsonNode node, String path) {
      if (!node.isValueNode() || node.asText().isBlank()) {
        throw error(path, node, "a non-empty text");
      }
      return node.asText();
    }

    private String optionalText(JsonNode node, String key, String fallback) {
      JsonNode value = node.get(key);
      return value == null || value.isNull() ? fallback : value.asText();
    }

    private double positiveNumber(JsonNode node, String key, String path) {
      double value = number(required(node, key, path), path + "." + key);
      if (!(value > 0)) {
        throw error(path + "." + key, node.get(key), "a number > 0");
      }
      return value;
    }

    private double nonNegativeNumber(JsonNode node, String key, String path) {
      double value = number(required(node, key, path), path + "." + key);
      if (!(value >= 0)) {
        throw error(path + "." + key, node.get(key), "a number >= 0");
      }
      return value;
    }

    private double number(JsonNode node, String path) {
      if (node.isNumber()) {
        return node.doubleValue();
      }
      throw error(path, node, "a number");
    }

    private ZoneId zone(JsonNode node, String path) {
      JsonNode value = required(node, "time_zone", path.substring(0, path.lastIndexOf('.')));
      try {
        return ZoneId.of(value.asText());
      } catch (java.time.DateTimeException e) {
        throw error(path, value, "an IANA time zone such as America/Chicago");
      }
    }

    private LocalTime time(JsonNode node, String path) {
      try {
        return LocalTime.parse(node.asText());
      } catch (DateTimeParseException e) {
        throw error(path, node, "a local time \"HH:mm\"");
      }
    }

    private LocalDate date(JsonNode node, String path) {
      try {
        return LocalDate.parse(node.asText());
      } catch (DateTimeParseException e) {
        throw error(path, node, "a date yyyy-MM-dd");
      }
    }

    private HolidayRule holiday(JsonNode node, String path) {
      return HolidayRule.fromConfigName(node.asText())
          .orElseThrow(() -> error(path, node, "one of " + configNames(HolidayRule.values())));
    }

    private InputException error(String path, JsonNode value, String allowed) {
      return new InputException(fileName + ": " + path + ": bad value '" + (value == null ? "" : value.asText())
          + "'; expected " + allowed);
    }
  }

  private static String configNames(Enum<?>[] values) {
    List<String> names = new ArrayList<>();
    for (Enum<?> value : values) {
      names.add(value.name().toLowerCase(java.util.Locale.ROOT));
    }
    return String.join(", ", names);
  }
}
