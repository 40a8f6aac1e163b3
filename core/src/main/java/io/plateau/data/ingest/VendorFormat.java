package io.plateau.data.ingest;

import io.plateau.instrument.Instrument;
import io.plateau.util.InputException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The file layouts {@code plateau ingest --format} reads, with each vendor's conventions as defaults (DOMAIN.md,
 * "Vendor formats"). Every time stamp ends up as the UTC start of a bar; trade files become 1-minute bars with
 * buy/sell aggressor volume.
 */
public enum VendorFormat {
  /** Plateau's bar CSV: ISO-8601 (offset, {@code Z}, naive with {@code --tz}, or a date for daily bars) or epoch ms. */
  GENERIC("generic", Optional.of(BarStamp.START), TimeZoneUse.NAIVE_ROWS_NEED_IT),
  /** NinjaTrader 8 exports (minute, daily, tick); naive times in UTC and bars stamped at their end by default. */
  NINJATRADER("ninjatrader", Optional.of(BarStamp.END), TimeZoneUse.DEFAULT_UTC),
  /** TradeStation / MultiCharts ASCII; exchange time, bars stamped at their close. */
  TRADESTATION("tradestation", Optional.of(BarStamp.END), TimeZoneUse.DEFAULT_EXCHANGE),
  /** Databento OHLCV-1m CSV; UTC nanoseconds, bars stamped at their start. */
  DATABENTO_OHLCV("databento-ohlcv", Optional.of(BarStamp.START), TimeZoneUse.NOT_APPLICABLE),
  /** Databento trades CSV with aggressor side; UTC nanoseconds. */
  DATABENTO_TRADES("databento-trades", Optional.empty(), TimeZoneUse.NOT_APPLICABLE),
  /** Plateau's trade CSV {@code timestamp,price,size[,side]}; time stamps as for {@link #GENERIC}. */
  TRADES("trades", Optional.empty(), TimeZoneUse.NAIVE_ROWS_NEED_IT);

  /** How a format's naive local times get a zone. */
  enum TimeZoneUse {
    /** Naive rows need {@code --tz}; rows with an offset or epoch time do not. */
    NAIVE_ROWS_NEED_IT,
    /** Naive times are UTC unless {@code --tz} says otherwise. */
    DEFAULT_UTC,
    /** Naive times are in the instrument's exchange time zone unless {@code --tz} says otherwise. */
    DEFAULT_EXCHANGE,
    /** Time stamps are absolute; {@code --tz} is an error. */
    NOT_APPLICABLE
  }

  private final String configName;
  private final Optional<BarStamp> defaultBarStamp;
  private final TimeZoneUse timeZoneUse;

  VendorFormat(String configName, Optional<BarStamp> defaultBarStamp, TimeZoneUse timeZoneUse) {
    this.configName = configName;
    this.defaultBarStamp = defaultBarStamp;
    this.timeZoneUse = timeZoneUse;
  }

  /** The command-line name: {@code databento-ohlcv}. */
  public String configName() {
    return configName;
  }

  /** Where this format stamps a bar unless told otherwise; empty for trade formats, which have no bars. */
  public Optional<BarStamp> defaultBarStamp() {
    return defaultBarStamp;
  }

  /** Whether {@code --tz} means anything for this format. */
  public boolean acceptsTimeZone() {
    return timeZoneUse != TimeZoneUse.NOT_APPLICABLE;
  }

  /** The zone of naive times when {@code --tz} is not given: UTC, the exchange's, or none (naive rows fail). */
  Optional<ZoneId> defaultTimeZone(Instrument instrument) {
    return switch (timeZoneUse) {
      case DEFAULT_UTC -> Optional.of(ZoneOffset.UTC);
      case DEFAULT_EXCHANGE -> Optional.of(instrument.sessions().timeZone());
      case NAIVE_ROWS_NEED_IT, NOT_APPLICABLE -> Optional.empty();
    };
  }

  /** A parser for one file of this format. */
  RowParser newParser(String fileName) {
    return switch (this) {
      case GENERIC -> new GenericParser(fileName);
      case NINJATRADER -> new NinjaTraderParser(fileName);
      case TRADESTATION -> new TradeStationParser(fileName);
      case DATABENTO_OHLCV -> new DatabentoOhlcvParser(fileName);
      case DATABENTO_TRADES -> new DatabentoTradesParser(fileName);
      case TRADES -> new TradesParser(fileName);
    };
  }

  /** Parses a command-line name; {@code what} names the option for the error. */
  public static VendorFormat parse(String text, String what) {
    for (VendorFormat format : values()) {
      if (format.configName.equals(text.trim())) {
        return format;
      }
    }
    throw new InputException(what + ": unknown format '" + text + "'; expected one of "
        + Arrays.stream(values()).map(VendorFormat::configName).collect(Collectors.joining(", ")));
  }
}
