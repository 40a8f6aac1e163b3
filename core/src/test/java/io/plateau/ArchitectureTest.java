package io.plateau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core's layering checkable (STYLE.md, habit 1): data flows one way,
 * {@code instrument → bar → data → indicator → strategy → exec → metrics → robust}, with {@code param} beside
 * the strategies and {@code util} under everything. A package may import its own layer and the ones before it.
 */
class ArchitectureTest {

  private static final Map<String, Integer> LAYER = Map.ofEntries(
      Map.entry("util", 0),
      Map.entry("instrument", 1),
      Map.entry("bar", 2),
      Map.entry("data", 3),
      Map.entry("indicator", 4),
      Map.entry("param", 5),
      Map.entry("strategy", 5),
      Map.entry("exec", 6),
      Map.entry("metrics", 7),
      Map.entry("robust", 8),
      Map.entry("study", 9));

  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.plateau\\.(\\w+)\\.", Pattern.MULTILINE);

  @Test
  void corePackagesOnlyDependOnEarlierLayers() throws IOException {
    Path sources = Path.of("src/main/java/io/plateau");
    List<String> violations = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertTrue(files.size() > 10, "found the sources");
    for (Path file : files) {
      String pkg = sources.relativize(file).getName(0).toString();
      Integer own = LAYER.get(pkg);
      if (own == null) {
        violations.add(file + ": package '" + pkg + "' has no layer; add it to ArchitectureTest.LAYER");
        continue;
      }
      Matcher imports = IMPORT.matcher(Files.readString(file));
      while (imports.find()) {
        Integer used = LAYER.get(imports.group(1));
        if (used == null || used > own) {
          violations.add(file + " imports io.plateau." + imports.group(1));
        }
      }
      if (Files.readString(file).contains("org.apache.spark")) {
        violations.add(file + " uses Spark: core must stay pure Java");
      }
    }
    assertEquals(List.of(), violations);
  }
}
