package io.plateau.data.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures of the ingest tests: the MES instrument, fixture files, and one call to run an ingest. */
final class Fixtures {

  static final Instrument MES = InstrumentCatalog.builtIn().get("MES");

  private Fixtures() {}

  /** Writes {@code lines} (each ended by a newline) to {@code dir/name}. */
  static Path write(Path dir, String name, String... lines) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ingest's result together with the rejections it streamed out. */
  record Run(IngestResult result, List<Rejection> rejections) {
    int bars() {
      return result.series().size();
    }

    Instant start(int bar) {
      return Instant.ofEpochMilli(result.series().startMillis(bar));
    }

    IngestCounts total() {
      return result.report().total();
    }

    /** The only rejection, checked to have this reason and line. */
    Rejection onlyRejection(RejectReason reason, long line) {
      assertEquals(1, rejections.size(), () -> "rejections: " + rejections);
      Rejection rejection = rejections.get(0);
      assertEquals(reason, rejection.reason(), rejection::toString);
      assertEquals(line, rejection.line(), rejection::toString);
      return rejection;
    }
  }

  static Run run(VendorFormat format, Path input, IngestOptions options) {
    return run(MES, format, input, options);
  }

  static Run run(Instrument instrument, VendorFormat format, Path input, IngestOptions options) {
    List<Rejection> rejections = new ArrayList<>();
    IngestResult result = Ingester.run(new IngestRequest(format, instrument, input, options), rejections::add);
    IngestCounts total = result.report().total();
    // Every row ends up in exactly one place: the report loses nothing.
    assertEquals(total.rowsRead(), total.rowsAccepted() + total.rowsRejected() + total.duplicatesDropped()
        + total.rowsSkipped(), () -> "counts do not add up: " + total);
    assertEquals(total.rowsRejected(), rejections.size());
    return new Run(result, rejections);
  }

  static Run run(VendorFormat format, Path input) {
    return run(format, input, IngestOptions.defaults());
  }
}
