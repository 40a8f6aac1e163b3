package io.plateau.data.ingest;

/** Why a line was passed over without being data or an error; counted in the report, not quarantined. */
public enum SkipReason {
  /** An empty line. */
  BLANK_LINE,
  /** A Databento row of a spread or combination symbol ({@code MESH4-MESM4}), which is not an outright contract. */
  SPREAD_SYMBOL;

  /** The name used in reports: {@code spread_symbol}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
