package io.plateau.exec;

import io.plateau.util.Checks;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Mark-to-market account equity at the end of each trading date of a simulation, with the capital it started
 * from.
 *
 * <p>{@code equity[i]} is the account value after trading date {@code epochDays[i]} closed, with any open
 * position marked at that date's last price; it includes the P&amp;L of the closed trades and the costs paid so
 * far. Trading dates are the instrument's (a CME date starts at 17:00 CT the evening before) and strictly
 * ascending; dates without trading are simply absent. The starting capital is the equity before the first date.
 *
 * <p>Immutable. The {@code ...Unsafe()} accessors hand out the internal arrays for speed: never write to them.
 */
public final class DailyEquity {

  private final double startingCapital;
  private final int[] epochDays;
  private final double[] equity;

  private DailyEquity(double startingCapital, int[] epochDays, double[] equity) {
    this.startingCapital = startingCapital;
    this.epochDays = epochDays;
    this.equity = equity;
  }

  /** A builder the simulator feeds once per trading date, starting from {@code startingCapital} (&gt; 0). */
  public static Builder builder(double startingCapital) {
    return new Builder(Checks.positive(startingCapital, "startingCapital"));
  }

  /** Equity before the first trading date, in currency. */
  public double startingCapital() {
    return startingCapital;
  }

  /** The number of trading dates. */
  public int size() {
    return equity.length;
  }

  /** The equity after the last trading date, or the starting capital when there is none. */
  public double endingEquity() {
    return equity.length == 0 ? startingCapital : equity[equity.length - 1];
  }

  public int epochDay(int i) {
    return epochDays[i];
  }

  public LocalDate date(int i) {
    return LocalDate.ofEpochDay(epochDays[i]);
  }

  public double equity(int i) {
    return equity[i];
  }

  /** The trading dates as days since 1970-01-01, ascending. Internal array: never write to it. */
  public int[] epochDaysUnsafe() {
    return epochDays;
  }

  /** The end-of-date equity in currency. Internal array: never write to it. */
  public double[] equityUnsafe() {
    return equity;
  }

  /**
   * Each date's mark-to-market P&amp;L in currency, {@code equity[i] − equity[i − 1]} (the starting capital
   * before the first date), as a fresh float array: half the memory of doubles for the {@code pnl/} outputs and
   * Spark aggregations. A float keeps 24 bits of mantissa, so a daily P&amp;L is exact to about one part in
   * 10<sup>7</sup> (a cent on $100,000); cumulate in double, never in float.
   */
  public float[] dailyPnl() {
    float[] pnl = new float[equity.length];
    double previous = startingCapital;
    for (int i = 0; i < equity.length; i++) {
      pnl[i] = (float) (equity[i] - previous);
      previous = equity[i];
    }
    return pnl;
  }

  /**
   * Each date's simple return on the equity it started with, {@code equity[i] / equity[i − 1] − 1} (the
   * starting capital before the first date), as a fresh array. A date that starts with equity ≤ 0 has no
   * defined return: NaN, which makes every ratio over the returns NaN rather than a made-up number.
   */
  public double[] dailyReturns() {
    double[] returns = new double[equity.length];
    double previous = startingCapital;
    for (int i = 0; i < equity.length; i++) {
      returns[i] = previous > 0 ? (equity[i] - previous) / previous : Double.NaN;
      previous = equity[i];
    }
    return returns;
  }

  /** Collects one equity value per trading date, in date order. Not thread-safe. */
  public static final class Builder {
    private static final int INITIAL_CAPACITY = 256;

    private final double startingCapital;
    private int[] epochDays = new int[INITIAL_CAPACITY];
    private double[] equity = new double[INITIAL_CAPACITY];
    private int size;

    private Builder(double startingCapital) {
      this.startingCapital = startingCapital;
    }

    /**
     * Records the equity after trading date {@code epochDay} closed.
     *
     * @param epochDay the trading date, days since 1970-01-01, after every date added before
     * @param equity the mark-to-market equity in currency, finite (may be ≤ 0: futures can lose more than the
     *     account)
     */
    public Builder add(int epochDay, double equity) {
      if (size > 0 && epochDay <= epochDays[size - 1]) {
        throw new IllegalArgumentException("epochDay must be after the previous trading date "
            + LocalDate.ofEpochDay(epochDays[size - 1]) + ", was " + LocalDate.ofEpochDay(epochDay));
      }
      if (!Double.isFinite(equity)) {
        throw new IllegalArgumentException("equity on " + LocalDate.ofEpochDay(epochDay)
            + " must be a finite number, was " + equity);
      }
      if (size == this.equity.length) {
        this.epochDays = Arrays.copyOf(this.epochDays, size * 2);
        this.equity = Arrays.copyOf(this.equity, size * 2);
      }
      this.epochDays[size] = epochDay;
      this.equity[size] = equity;
      size++;
      return this;
    }

    /** The curve so far, copied: the builder can go on adding. */
    public DailyEquity build() {
      return new DailyEquity(startingCapital, Arrays.copyOf(epochDays, size), Arrays.copyOf(equity, size));
    }
  }
}
