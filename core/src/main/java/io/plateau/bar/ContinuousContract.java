package io.plateau.bar;

import io.plateau.instrument.FuturesContract;
import io.plateau.instrument.Instrument;
import io.plateau.instrument.SessionSchedule;
import io.plateau.util.InputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One continuous series made from the series of single contracts by difference ("Panama") back-adjustment, with
 * the rolls that joined them.
 *
 * <p>How it is made, for contracts {@code c0 < c1 < ...} (by contract month; contracts without bars are ignored):
 * <ol>
 *   <li><b>Roll dates.</b> {@code R(k)}, the first trading date on which {@code c(k+1)} is used, comes from the
 *       {@link RollRule}:
 *       <ul>
 *         <li>{@code calendar:N}: {@link RollRule.Calendar#rollDate} of {@code c(k)}, N trading days before its
 *             last trading date;
 *         <li>{@code volume}: scanning the trading dates from {@code R(k-1)} on, the first date {@code D} on which
 *             {@code c(k+1)}'s daily volume exceeds {@code c(k)}'s; {@code R(k)} is the trading date after
 *             {@code D}. If {@code c(k)} has no bars at all on {@code D} (its data ended), {@code R(k) = D}, so no
 *             day is lost. If {@code c(k+1)} never out-trades {@code c(k)}, there is no roll to it.
 *       </ul>
 *       Contract {@code c(k)} supplies the bars whose trading date lies in {@code [R(k-1), R(k))}. A contract left
 *       without bars in its stretch (its file covers only dates another contract owns) is dropped and the roll
 *       dates are worked out again without it.
 *   <li><b>Gaps.</b> The gap of roll {@code k} is measured on the last bar before the roll that both contracts
 *       have: the latest bar start {@code t} with a trading date before {@code R(k)} at which both {@code c(k)} and
 *       {@code c(k+1)} have a bar; {@code gap(k) = close of c(k+1) at t - close of c(k) at t}, in ticks. With
 *       1-minute bars that is normally the last minute of the trading date before the roll, both contracts priced at
 *       the same moment, so the gap holds the spread between them and no market move. No common bar means no gap
 *       can be measured: an input error.
 *   <li><b>Adjustment.</b> Every bar of {@code c(k)} gets {@code gap(k) + gap(k+1) + ...}, the sum of the gaps of
 *       all later rolls, added to open, high, low and close; the last contract is unchanged. Gaps are whole ticks,
 *       so the adjusted prices stay on the grid; point moves (and so dollar P&amp;L) are those of the contract traded.
 *       Old prices drift by the summed gaps and can even become negative over long histories (DOMAIN.md).
 * </ol>
 * The series keeps each bar's contract in its contract column. Aggressor volume is kept when every contract has it.
 */
public record ContinuousContract(BarSeries series, List<Roll> rolls) {

  public ContinuousContract {
    if (series == null) {
      throw new IllegalArgumentException("series must be given, was null");
    }
    rolls = List.copyOf(rolls);
  }

  /** A contract's bars and where in the continuous series they are used. */
  private static final class Leg {
    final FuturesContract contract;
    final BarSeries bars;
    int from;
    int to;

    Leg(FuturesContract contract, BarSeries bars) {
      this.contract = contract;
      this.bars = bars;
    }
  }

  /**
   * Joins {@code contracts} (contract code such as {@code MESH24} → that contract's bars) into one back-adjusted
   * series under {@code rule}; see the class comment for the exact rules.
   *
   * @throws IllegalArgumentException when a key is not a contract of {@code instrument}, two keys name the same
   *     contract, or the series differ in bar interval
   * @throws InputException when two consecutive contracts share no bar before their roll
   */
  public static ContinuousContract backAdjust(Instrument instrument, Map<String, BarSeries> contracts,
      RollRule rule) {
    if (contracts.isEmpty()) {
      throw new IllegalArgumentException("contracts must hold at least one series, was empty");
    }
    BarInterval interval = null;
    List<Leg> legs = new ArrayList<>();
    for (Map.Entry<String, BarSeries> entry : contracts.entrySet()) {
      BarSeries bars = entry.getValue();
      if (interval != null && !interval.equals(bars.interval())) {
        throw new IllegalArgumentException("all contracts must have one bar interval; " + entry.getKey() + " has "
            + bars.interval() + ", others " + interval);
      }
      interval = bars.interval();
      if (bars.isEmpty()) {
        continue;
      }
      int aroundYear = Instant.ofEpochMilli(bars.startMillis(0)).atZone(ZoneOffset.UTC).getYear();
      FuturesContract contract = FuturesContract.parse(entry.getKey(), instrument.symbol(), aroundYear)
          .orElseThrow(() -> new IllegalArgumentException(
              "contract code '" + entry.getKey() + "' is not a " + instrument.symbol() + " contract"));
      for (Leg leg : legs) {
        if (leg.contract.equals(contract)) {
          throw new IllegalArgumentException("two series for contract " + contract.code());
        }
      }
      legs.add(new Leg(contract, bars));
    }
    legs.sort(Comparator.comparing(leg -> leg.contract));
    int[] rollDays = assignStretches(instrument, legs, rule);
    long[] gapTicks = new long[Math.max(0, legs.size() - 1)];
    List<Roll> rolls = new ArrayList<>();
    for (int k = 0; k + 1 < legs.size(); k++) {
      gapTicks[k] = gapTicks(legs.get(k), legs.get(k + 1), rollDays[k]);
      rolls.add(new Roll(LocalDate.ofEpochDay(rollDays[k]), legs.get(k).contract.code(),
          legs.get(k + 1).contract.code(), gapTicks[k]));
    }
    return new ContinuousContract(assemble(instrument, interval, legs, gapTicks), rolls);
  }

  /**
   * Works out the roll dates and each leg's stretch {@code [from, to)} of bar indexes, dropping legs whose stretch
   * is empty until none is; returns the roll days (epoch days), one fewer than the remaining legs. The earliest
   * empty leg goes first: a leg's stretch starts where the legs before it end, so only once those are settled is
   * a later leg's emptiness real.
   */
  private static int[] assignStretches(Instrument instrument, List<Leg> legs, RollRule rule) {
    while (true) {
      int[] rollDays = rollDays(instrument, legs, rule);
      boolean dropped = false;
      for (int k = 0; k < legs.size(); k++) {
        Leg leg = legs.get(k);
        int firstDay = k == 0 ? Integer.MIN_VALUE : rollDays[k - 1];
        int endDay = k == legs.size() - 1 ? Integer.MAX_VALUE : rollDays[k];
        leg.from = firstIndexOnOrAfter(leg.bars, firstDay);
        leg.to = firstIndexOnOrAfter(leg.bars, endDay);
        if (leg.from >= leg.to && legs.size() > 1) {
          legs.remove(k);
          dropped = true;
          break;
        }
      }
      if (!dropped) {
        return rollDays;
      }
    }
  }

  private static int[] rollDays(Instrument instrument, List<Leg> legs, RollRule rule) {
    int[] days = new int[Math.max(0, legs.size() - 1)];
    for (int k = 0; k < days.length; k++) {
      if (rule instanceof RollRule.Calendar calendar) {
        days[k] = (int) calendar.rollDate(legs.get(k).contract, instrument).toEpochDay();
      } else {
        int from = k == 0 ? Integer.MIN_VALUE : days[k - 1];
        days[k] = volumeRollDay(instrument.sessions(), legs.get(k).bars, legs.get(k + 1).bars, from);
      }
    }
    return days;
  }

  /** The volume-crossover roll day from {@code current} to {@code next}, scanning from {@code fromDay}. */
  private static int volumeRollDay(SessionSchedule sessions, BarSeries current, BarSeries next, int fromDay) {
    long[] currentDaily = dailyVolumes(current);
    long[] nextDaily = dailyVolumes(next);
    // Both arrays hold (day, volume) pairs in day order: walk them together like a merge.
    int i = 0;
    int j = 0;
    while (j < nextDaily.length) {
      int nextDay = (int) nextDaily[j];
      while (i < currentDaily.length && currentDaily[i] < nextDay) {
        i += 2;
      }
      if (nextDay >= fromDay) {
        long currentVolume = i < currentDaily.length && currentDaily[i] == nextDay ? currentDaily[i + 1] : 0;
        if (nextDaily[j + 1] > currentVolume) {
          return currentVolume == 0 ? nextDay : (int) nextTradingDay(sessions, nextDay);
        }
      }
      j += 2;
    }
    return Integer.MAX_VALUE;
  }

  /** Pairs {@code (trading day, volume)} flattened into one array, in day order. */
  private static long[] dailyVolumes(BarSeries bars) {
    int[] days = bars.tradingDayUnsafe();
    int[] volume = bars.volumeUnsafe();
    long[] pairs = new long[2 * bars.size()];
    int count = 0;
    for (int i = 0; i < days.length; i++) {
      if (count == 0 || pairs[count - 2] != days[i]) {
        pairs[count] = days[i];
        count += 2;
      }
      pairs[count - 1] += volume[i];
    }
    return Arrays.copyOf(pairs, count);
  }

  private static long nextTradingDay(SessionSchedule sessions, int day) {
    LocalDate date = LocalDate.ofEpochDay(day).plusDays(1);
    while (!sessions.isTradingDate(date)) {
      date = date.plusDays(1);
    }
    return date.toEpochDay();
  }

  /** The index of the first bar whose trading day is {@code day} or later ({@code size()} if none). */
  private static int firstIndexOnOrAfter(BarSeries bars, int day) {
    int[] days = bars.tradingDayUnsafe();
    int low = 0;
    int high = days.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (days[mid] < day) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** New close minus old close at the last bar start both have before {@code rollDay} (see the class comment). */
  private static long gapTicks(Leg old, Leg next, int rollDay) {
    long[] oldStarts = old.bars.startMillisUnsafe();
    long[] newStarts = next.bars.startMillisUnsafe();
    int i = firstIndexOnOrAfter(old.bars, rollDay) - 1;
    int j = firstIndexOnOrAfter(next.bars, rollDay) - 1;
    while (i >= 0 && j >= 0) {
      if (oldStarts[i] == newStarts[j]) {
        return (long) next.bars.closeTicks(j) - old.bars.closeTicks(i);
      }
      if (oldStarts[i] > newStarts[j]) {
        i--;
      } else {
        j--;
      }
    }
    throw new InputException("cannot back-adjust the roll from " + old.contract.code() + " to "
        + next.contract.code() + " on " + LocalDate.ofEpochDay(rollDay) + ": the two contracts have no bar at the "
        + "same time before that date, so the gap between them cannot be measured; include "
        + next.contract.code() + "'s bars from before the roll");
  }

  private static BarSeries assemble(Instrument instrument, BarInterval interval, List<Leg> legs, long[] gapTicks) {
    int total = 0;
    boolean aggressor = true;
    for (Leg leg : legs) {
      total += leg.to - leg.from;
      aggressor &= leg.bars.hasAggressorVolume();
    }
    long[] start = new long[total];
    int[] open = new int[total];
    int[] high = new int[total];
    int[] low = new int[total];
    int[] close = new int[total];
    long[] volume = new long[total];
    long[] buy = aggressor ? new long[total] : null;
    long[] sell = aggressor ? new long[total] : null;
    String[] contract = new String[total];
    long adjustment = 0;
    for (long gap : gapTicks) {
      adjustment += gap;
    }
    int out = 0;
    for (int k = 0; k < legs.size(); k++) {
      Leg leg = legs.get(k);
      BarSeries bars = leg.bars;
      String code = leg.contract.code();
      for (int i = leg.from; i < leg.to; i++, out++) {
        start[out] = bars.startMillis(i);
        open[out] = adjusted(bars.openTicks(i), adjustment, code);
        high[out] = adjusted(bars.highTicks(i), adjustment, code);
        low[out] = adjusted(bars.lowTicks(i), adjustment, code);
        close[out] = adjusted(bars.closeTicks(i), adjustment, code);
        volume[out] = bars.volume(i);
        if (aggressor) {
          buy[out] = bars.buyVolume(i);
          sell[out] = bars.sellVolume(i);
        }
        contract[out] = code;
      }
      if (k < gapTicks.length) {
        adjustment -= gapTicks[k];
      }
    }
    return BarSeries.ofColumns(instrument, interval, start, open, high, low, close, volume, buy, sell, contract);
  }

  private static int adjusted(int ticks, long adjustment, String contract) {
    long value = ticks + adjustment;
    if (value != (int) value) {
      throw new InputException("back-adjusting " + contract + " moves a price to " + value
          + " ticks, beyond what a price column holds; the summed roll gaps are implausible");
    }
    return (int) value;
  }
}
