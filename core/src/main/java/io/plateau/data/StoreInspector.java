package io.plateau.data;

import io.plateau.bar.BarSeries;
import io.plateau.bar.Roll;
import io.plateau.instrument.SessionSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summarizes what a bar store holds for a symbol: span, bars per year, sessions missing or short of bars
 * against the instrument's schedule, and the continuous contract's roll dates.
 */
public final class StoreInspector {

  /** A session counts as short when it has fewer than this share of its scheduled minutes. */
  public static final double SHORT_SESSION_SHARE = 0.5;

  private StoreInspector() {}

  /**
   * What the store holds for one symbol.
   *
   * @param symbol the symbol
   * @param interval bar interval
   * @param origin where the bars came from
   * @param bars number of bars
   * @param firstBar start of the first bar, null when empty
   * @param lastBar start of the last bar, null when empty
   * @param barsPerYear bars per trading-date year
   * @param missingSessions scheduled trading dates between the first and last bar without any bar
   * @param shortSessions trading dates with bars but fewer than {@link #SHORT_SESSION_SHARE} of the scheduled
   *     minutes (intraday series only)
   * @param rolls roll dates of the continuous series
   * @param contracts raw per-contract series kept in the store
   */
  public record SymbolSummary(String symbol, String interval, SymbolMetadata.Origin origin, int bars,
      Instant firstBar, Instant lastBar, Map<Integer, Integer> barsPerYear, List<LocalDate> missingSessions,
      List<ShortSession> shortSessions, List<Roll> rolls, List<String> contracts) {}

  /** A trading date with fewer bars than its schedule has minutes for. */
  public record ShortSession(LocalDate date, int bars, int scheduledBars) {}

  public static SymbolSummary inspect(BarStore store, String symbol) {
    SymbolMetadata metadata = store.metadata(symbol).orElseThrow();
    BarSeries series = store.read(symbol);
    Map<Integer, Integer> perYear = new TreeMap<>();
    Map<Integer, Integer> perDay = new TreeMap<>();
    for (int i = 0; i < series.size(); i++) {
      int day = series.tradingDay(i);
      perDay.merge(day, 1, Integer::sum);
      perYear.merge(LocalDate.ofEpochDay(day).getYear(), 1, Integer::sum);
    }
    List<LocalDate> missing = new ArrayList<>();
    List<ShortSession> shortSessions = new ArrayList<>();
    if (!series.isEmpty()) {
      SessionSchedule sessions = series.instrument().sessions();
      int minutesPerBar = series.interval().minutes();
      for (int day = series.tradingDay(0); day <= series.tradingDay(series.size() - 1); day++) {
        LocalDate date = LocalDate.ofEpochDay(day);
        if (!sessions.isTradingDate(date)) {
          continue;
        }
        int have = perDay.getOrDefault(day, 0);
        if (have == 0) {
          missing.add(date);
        } else if (!series.interval().isDaily()) {
          int scheduled = scheduledMinutes(sessions.openMinuteRanges(date)) / minutesPerBar;
          if (have < SHORT_SESSION_SHARE * scheduled) {
            shortSessions.add(new ShortSession(date, have, scheduled));
          }
        }
      }
    }
    List<Roll> rolls = metadata.rolls().isEmpty() ? rollsFromContractColumn(series) : metadata.rolls();
    return new SymbolSummary(symbol, metadata.interval(), metadata.origin(), series.size(),
        series.isEmpty() ? null : Instant.ofEpochMilli(series.startMillis(0)),
        series.isEmpty() ? null : Instant.ofEpochMilli(series.startMillis(series.size() - 1)),
        perYear, missing, shortSessions, rolls, store.contracts(symbol));
  }

  private static int scheduledMinutes(int[] ranges) {
    int minutes = 0;
    for (int i = 0; i < ranges.length; i += 2) {
      minutes += ranges[i + 1] - ranges[i];
    }
    return minutes;
  }

  /** Rolls where the contract column changes; the gap is unknown from the continuous series alone (0). */
  static List<Roll> rollsFromContractColumn(BarSeries series) {
    List<Roll> rolls = new ArrayList<>();
    if (!series.hasContracts()) {
      return rolls;
    }
    for (int i = 1; i < series.size(); i++) {
      String before = series.contract(i - 1);
      String after = series.contract(i);
      if (!before.equals(after)) {
        rolls.add(new Roll(series.tradingDate(i), before, after, 0));
      }
    }
    return rolls;
  }
}
