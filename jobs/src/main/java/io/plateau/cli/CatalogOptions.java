package io.plateau.cli;

import io.plateau.instrument.InstrumentCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --instruments FILE} option every command that knows symbols shares. */
final class CatalogOptions {

  @Option(names = "--instruments", paramLabel = "FILE",
      description = "An instrument file adding to (or overriding) conf/instruments.yaml; repeatable.")
  private List<Path> files = new ArrayList<>();

  InstrumentCatalog catalog() {
    return InstrumentCatalog.builtInWith(files);
  }
}
