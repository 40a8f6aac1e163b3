package io.plateau.robust;

import io.plateau.util.InputException;
import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time on the trading calendar: whole calendar months ({@code 12 months}) or trading days
 * ({@code 250 days}).
 *
 * @param amount how many, &gt; 0 (a warm-up may be 0)
 * @param unit months or trading days
 */
public record Period(int amount, Unit unit) implements Serializable {

  /** Trading days in an average month (252 a year), to compare months with days. */
  static final double TRADING_DAYS_PER_MONTH = 21;

  private static final Pattern SYNTAX = Pattern.compile("(\\d+)\\s*(months?|m|days?|d)");

  /** Calendar months, or trading dates of the exchange calendar. */
  public enum Unit {
    MONTHS,
    DAYS
  }

  public Period {
    if (amount < 0) {
      throw new IllegalArgumentException("amount must be >= 0, was " + amount);
    }
  }

  /** Parses {@code 12 months}, {@code 12m}, {@code 250 days} or {@code 250d}; {@code where} names the config key. */
  public static Period parse(String text, String where) {
    Matcher matcher = SYNTAX.matcher(text.trim());
    if (!matcher.matches()) {
      throw new InputException(where + ": '" + text + "' is not a length; write N months (N m) or N days (N d), "
          + "e.g. 12 months or 250 days");
    }
    int amount = Integer.parseInt(matcher.group(1));
    return new Period(amount, matcher.group(2).startsWith("m") ? Unit.MONTHS : Unit.DAYS);
  }

  /** The length in trading days, months counted as 21. */
  public double approximateTradingDays() {
    return unit == Unit.DAYS ? amount : amount * TRADING_DAYS_PER_MONTH;
  }

  /** {@code 12 months}: the text {@link #parse} reads back. */
  @Override
  public String toString() {
    return amount + (unit == Unit.MONTHS ? " months" : " days");
  }
}
