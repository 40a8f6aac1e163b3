package io.plateau.data.ingest;

import io.plateau.instrument.Instrument;
import io.plateau.util.Checks;
import java.nio.file.Path;

/**
 * One ingest to run.
 *
 * @param format the vendor layout of the files
 * @param instrument the instrument they hold (its tick grid, sessions, contract months)
 * @param input a file, or a directory whose regular, non-hidden files are all read in name order
 * @param options how to read and check them
 */
public record IngestRequest(VendorFormat format, Instrument instrument, Path input, IngestOptions options) {

  public IngestRequest {
    Checks.notNull(format, "format");
    Checks.notNull(instrument, "instrument");
    Checks.notNull(input, "input");
    Checks.notNull(options, "options");
  }
}
