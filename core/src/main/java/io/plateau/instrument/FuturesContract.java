package io.plateau.instrument;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One listed contract of an instrument, such as {@code MESH24} (MES, March 2024).
 *
 * @param root the instrument symbol
 * @param month the contract month
 */
public record FuturesContract(String root, YearMonth month) implements Serializable, Comparable<FuturesContract> {

  private static final String MONTH_CODES = "FGHJKMNQUVXZ";
  private static final Pattern CODE = Pattern.compile("([A-Z0-9]+?)([FGHJKMNQUVXZ])(\\d{1,4})");

  /**
   * Parses a contract code with a one-, two- or four-digit year ({@code MESH4}, {@code MESH24}, {@code MESH2024})
   * for the instrument {@code root}. Short years resolve to the year nearest {@code aroundYear}.
   */
  public static Optional<FuturesContract> parse(String code, String root, int aroundYear) {
    Matcher matcher = CODE.matcher(code.trim().toUpperCase(java.util.Locale.ROOT));
    if (!matcher.matches() || !matcher.group(1).equals(root)) {
      return Optional.empty();
    }
    int month = MONTH_CODES.indexOf(matcher.group(2).charAt(0)) + 1;
    String digits = matcher.group(3);
    int year = Integer.parseInt(digits);
    if (digits.length() < 4) {
      int modulus = (int) Math.pow(10, digits.length());
      int candidate = aroundYear - Math.floorMod(aroundYear, modulus) + year;
      if (candidate - aroundYear > modulus / 2) {
        candidate -= modulus;
      } else if (aroundYear - candidate > modulus / 2) {
        candidate += modulus;
      }
      year = candidate;
    }
    return Optional.of(new FuturesContract(root, YearMonth.of(year, month)));
  }

  /** The listed contract of {@code instrument} in force on {@code date}: the first whose last trading date is not before it. */
  public static FuturesContract frontOn(Instrument instrument, LocalDate date) {
    YearMonth month = YearMonth.from(date);
    while (true) {
      if (instrument.contractMonths().indexOf(monthCode(month)) >= 0) {
        FuturesContract contract = new FuturesContract(instrument.symbol(), month);
        if (!contract.lastTradingDate(instrument).isBefore(date)) {
          return contract;
        }
      }
      month = month.plusMonths(1);
    }
  }

  /** The next listed contract of {@code instrument} after this one. */
  public FuturesContract next(Instrument instrument) {
    YearMonth candidate = month.plusMonths(1);
    while (instrument.contractMonths().indexOf(monthCode(candidate)) < 0) {
      candidate = candidate.plusMonths(1);
    }
    return new FuturesContract(root, candidate);
  }

  public LocalDate lastTradingDate(Instrument instrument) {
    return instrument.expiry().lastTradingDate(month, instrument.sessions());
  }

  /** The code with a two-digit year: {@code MESH24}. */
  public String code() {
    return root + monthCode(month) + String.format("%02d", month.getYear() % 100);
  }

  private static char monthCode(YearMonth month) {
    return MONTH_CODES.charAt(month.getMonthValue() - 1);
  }

  @Override
  public int compareTo(FuturesContract other) {
    int byRoot = root.compareTo(other.root);
    return byRoot != 0 ? byRoot : month.compareTo(other.month);
  }

  @Override
  public String toString() {
    return code();
  }
}
