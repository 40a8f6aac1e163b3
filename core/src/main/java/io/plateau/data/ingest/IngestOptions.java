package io.plateau.data.ingest;

import io.plateau.bar.RollRule;
import io.plateau.util.Checks;
import io.plateau.util.InputException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How to read and check vendor files. Every default is the documented one; {@link #defaults()} gives them all.
 *
 * @param timeZone the zone of naive local times; empty means the format's default (see {@link VendorFormat})
 * @param barStamp whether bar time stamps name the bar's start or end; empty means the format's default
 * @param rollRule when a continuous series moves to the next contract (default {@link RollRule#DEFAULT},
 *     calendar:6, CME's customary roll)
 * @param onError stop at the first bad row, or quarantine bad rows and keep the good ones (the default)
 * @param spikeAtrMultiple a bar (or trade) whose high or low lies more than this many average true ranges from
 *     the previous close, and from the next open, is a spike (default {@value #DEFAULT_SPIKE_ATR_MULTIPLE})
 * @param spikeAtrBars the bars the average true range is taken over; the first this many bars of each contract
 *     are the warm-up and are not checked for spikes (default {@value #DEFAULT_SPIKE_ATR_BARS})
 */
public record IngestOptions(
    Optional<ZoneId> timeZone,
    Optional<BarStamp> barStamp,
    RollRule rollRule,
    OnError onError,
    double spikeAtrMultiple,
    int spikeAtrBars) {

  public static final double DEFAULT_SPIKE_ATR_MULTIPLE = 20;
  public static final int DEFAULT_SPIKE_ATR_BARS = 30;

  public IngestOptions {
    Checks.notNull(timeZone, "timeZone");
    Checks.notNull(barStamp, "barStamp");
    Checks.notNull(rollRule, "rollRule");
    Checks.notNull(onError, "onError");
    Checks.positive(spikeAtrMultiple, "spikeAtrMultiple");
    Checks.positive(spikeAtrBars, "spikeAtrBars");
  }

  public static IngestOptions defaults() {
    return new IngestOptions(Optional.empty(), Optional.empty(), RollRule.DEFAULT, OnError.QUARANTINE,
        DEFAULT_SPIKE_ATR_MULTIPLE, DEFAULT_SPIKE_ATR_BARS);
  }

  public IngestOptions withTimeZone(ZoneId zone) {
    return new IngestOptions(Optional.of(zone), barStamp, rollRule, onError, spikeAtrMultiple, spikeAtrBars);
  }

  public IngestOptions withBarStamp(BarStamp stamp) {
    return new IngestOptions(timeZone, Optional.of(stamp), rollRule, onError, spikeAtrMultiple, spikeAtrBars);
  }

  public IngestOptions withRollRule(RollRule rule) {
    return new IngestOptions(timeZone, barStamp, rule, onError, spikeAtrMultiple, spikeAtrBars);
  }

  public IngestOptions withOnError(OnError mode) {
    return new IngestOptions(timeZone, barStamp, rollRule, mode, spikeAtrMultiple, spikeAtrBars);
  }

  public IngestOptions withSpikeCheck(double atrMultiple, int atrBars) {
    return new IngestOptions(timeZone, barStamp, rollRule, onError, atrMultiple, atrBars);
  }

  /** Parses a zone id ({@code America/Chicago}, {@code UTC}); {@code what} names the option for the error. */
  public static ZoneId parseTimeZone(String text, String what) {
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      throw new InputException(what + ": unknown time zone '" + text
          + "'; expected a region id such as America/Chicago, America/New_York or UTC", e);
    }
  }
}
