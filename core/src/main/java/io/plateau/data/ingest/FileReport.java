package io.plateau.data.ingest;

import io.plateau.util.Checks;
import java.util.List;

/**
 * What an ingest made of one input file.
 *
 * @param file the file's name
 * @param contracts the contracts its rows belonged to ({@code MESH24}), empty when the file named none
 * @param counts its rows by fate
 * @param examples the first rejected row of each reason met in this file, in check order: enough for a person to
 *     see what went wrong without opening the quarantine
 */
public record FileReport(String file, List<String> contracts, IngestCounts counts, List<Rejection> examples) {

  public FileReport {
    Checks.notBlank(file, "file");
    contracts = List.copyOf(contracts);
    Checks.notNull(counts, "counts");
    examples = List.copyOf(examples);
  }
}
