package io.plateau.data.ingest;

import io.plateau.util.InputException;

/** What an ingest does with a bad row. */
public enum OnError {
  /** Stop at the first rejected row; the caller must then leave the store untouched. */
  FAIL,
  /** Keep the good rows and write each rejected one to the quarantine (the default). */
  QUARANTINE;

  /** The command-line name: {@code fail} or {@code quarantine}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses {@code fail} or {@code quarantine}; {@code what} names the option for the error. */
  public static OnError parse(String text, String what) {
    for (OnError mode : values()) {
      if (mode.configName().equals(text.trim())) {
        return mode;
      }
    }
    throw new InputException(what + ": bad on-error mode '" + text + "'; expected fail or quarantine");
  }
}
