package io.plateau.exec;

import io.plateau.strategy.ClosedTrades;
import java.util.Arrays;

/**
 * The closed trades of one simulation, in the order they closed: a columnar, append-only log.
 *
 * <p>One row is one round trip of one entry of a position (a position built by scaling in is one row per entry,
 * each with the alpha model that opened it and its entry number). Prices are the actual fill prices, so they
 * already carry slippage; the P&amp;L columns are in account currency:
 * <ul>
 *   <li>{@code grossPnl} — P&amp;L at the fill prices, before commission and fees (slippage is inside it, since
 *       it is inside the prices);
 *   <li>{@code commissionAndFees} — commission plus exchange and regulatory fees, both sides, ≥ 0;
 *   <li>{@code slippageCost} — how much of {@code grossPnl} was lost to slippage against the reference prices,
 *       ≥ 0; reported for cost analysis and <b>not</b> subtracted again;
 *   <li>{@code netPnl = grossPnl − commissionAndFees}, computed here so that it can never disagree.
 * </ul>
 * MAE and MFE (maximum adverse and favourable excursion while the trade was open) are non-negative magnitudes in
 * currency: a trade that was at worst $40 under water and at best $90 in profit has {@code mae = 40, mfe = 90}.
 *
 * <p>Not thread-safe. {@link #add} allocates only when a column is full (capacity doubles), so a log reused
 * with {@link #clear()} across simulations allocates nothing in steady state.
 */
public final class TradeLog implements ClosedTrades {

  private static final int INITIAL_CAPACITY = 64;

  private long[] entryMillis = new long[INITIAL_CAPACITY];
  private long[] exitMillis = new long[INITIAL_CAPACITY];
  private byte[] side = new byte[INITIAL_CAPACITY];
  private int[] contracts = new int[INITIAL_CAPACITY];
  private double[] entryPrice = new double[INITIAL_CAPACITY];
  private double[] exitPrice = new double[INITIAL_CAPACITY];
  private double[] grossPnl = new double[INITIAL_CAPACITY];
  private double[] commissionAndFees = new double[INITIAL_CAPACITY];
  private double[] slippageCost = new double[INITIAL_CAPACITY];
  private double[] netPnl = new double[INITIAL_CAPACITY];
  private double[] mae = new double[INITIAL_CAPACITY];
  private double[] mfe = new double[INITIAL_CAPACITY];
  private short[] model = new short[INITIAL_CAPACITY];
  private short[] entryNumber = new short[INITIAL_CAPACITY];
  private int size;

  /**
   * Appends one closed trade.
   *
   * @param entryTimeMillis time of the first entry fill, ms since the epoch (UTC)
   * @param exitTimeMillis time of the last exit fill, ≥ {@code entryTimeMillis}
   * @param side +1 long, −1 short
   * @param contracts contracts traded (the largest position held), &gt; 0
   * @param entryPrice average entry fill price
   * @param exitPrice average exit fill price
   * @param grossPnl P&amp;L at the fill prices before commission and fees, in currency
   * @param commissionAndFees commission and fees of both sides, in currency, ≥ 0
   * @param slippageCost slippage already inside {@code grossPnl}, in currency, ≥ 0
   * @param mae maximum adverse excursion while open, in currency, ≥ 0
   * @param mfe maximum favourable excursion while open, in currency, ≥ 0
   * @param model the alpha model that opened it, ≥ 0 (0 for a strategy of one model)
   * @param entryNumber its place among the position's open entries when it opened, ≥ 1 (1: it opened the position)
   * @throws IllegalArgumentException naming the first bad argument; the log is unchanged
   */
  public void add(long entryTimeMillis, long exitTimeMillis, int side, int contracts, double entryPrice,
      double exitPrice, double grossPnl, double commissionAndFees, double slippageCost, double mae, double mfe,
      int model, int entryNumber) {
    check(entryTimeMillis, exitTimeMillis, side, contracts, entryPrice, exitPrice, grossPnl, commissionAndFees,
        slippageCost, mae, mfe, model, entryNumber);
    if (size == netPnl.length) {
      grow();
    }
    int i = size;
    this.entryMillis[i] = entryTimeMillis;
    this.exitMillis[i] = exitTimeMillis;
    this.side[i] = (byte) side;
    this.contracts[i] = contracts;
    this.entryPrice[i] = entryPrice;
    this.exitPrice[i] = exitPrice;
    this.grossPnl[i] = grossPnl;
    this.commissionAndFees[i] = commissionAndFees;
    this.slippageCost[i] = slippageCost;
    this.netPnl[i] = grossPnl - commissionAndFees;
    this.mae[i] = mae;
    this.mfe[i] = mfe;
    this.model[i] = (short) model;
    this.entryNumber[i] = (short) entryNumber;
    size = i + 1;
  }

  // Kept apart from add() so that add stays small enough to inline; the messages are only built on failure.
  private static void check(long entryTimeMillis, long exitTimeMillis, int side, int contracts, double entryPrice,
      double exitPrice, double grossPnl, double commissionAndFees, double slippageCost, double mae, double mfe,
      int model, int entryNumber) {
    if (exitTimeMillis < entryTimeMillis) {
      throw new IllegalArgumentException("exitTimeMillis must be >= entryTimeMillis " + entryTimeMillis + ", was "
          + exitTimeMillis);
    }
    if (side != 1 && side != -1) {
      throw new IllegalArgumentException("side must be +1 (long) or -1 (short), was " + side);
    }
    if (contracts <= 0) {
      throw new IllegalArgumentException("contracts must be > 0, was " + contracts);
    }
    finite(entryPrice, "entryPrice");
    finite(exitPrice, "exitPrice");
    finite(grossPnl, "grossPnl");
    nonNegative(commissionAndFees, "commissionAndFees");
    nonNegative(slippageCost, "slippageCost");
    nonNegative(mae, "mae");
    nonNegative(mfe, "mfe");
    if (model < 0 || model > Short.MAX_VALUE) {
      throw new IllegalArgumentException("model must be in [0, " + Short.MAX_VALUE + "], was " + model);
    }
    if (entryNumber < 1 || entryNumber > Short.MAX_VALUE) {
      throw new IllegalArgumentException("entryNumber must be in [1, " + Short.MAX_VALUE + "], was " + entryNumber);
    }
  }

  private static void finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, was " + value);
    }
  }

  private static void nonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }

  private void grow() {
    int capacity = netPnl.length * 2;
    entryMillis = Arrays.copyOf(entryMillis, capacity);
    exitMillis = Arrays.copyOf(exitMillis, capacity);
    side = Arrays.copyOf(side, capacity);
    contracts = Arrays.copyOf(contracts, capacity);
    entryPrice = Arrays.copyOf(entryPrice, capacity);
    exitPrice = Arrays.copyOf(exitPrice, capacity);
    grossPnl = Arrays.copyOf(grossPnl, capacity);
    commissionAndFees = Arrays.copyOf(commissionAndFees, capacity);
    slippageCost = Arrays.copyOf(slippageCost, capacity);
    netPnl = Arrays.copyOf(netPnl, capacity);
    mae = Arrays.copyOf(mae, capacity);
    mfe = Arrays.copyOf(mfe, capacity);
    model = Arrays.copyOf(model, capacity);
    entryNumber = Arrays.copyOf(entryNumber, capacity);
  }

  /** Forgets every trade but keeps the capacity, so that the next simulation reuses the columns. */
  public void clear() {
    size = 0;
  }

  /** The number of closed trades. */
  @Override
  public int size() {
    return size;
  }

  public long entryTimeMillis(int i) {
    return entryMillis[index(i)];
  }

  public long exitTimeMillis(int i) {
    return exitMillis[index(i)];
  }

  /** +1 long, −1 short. */
  public int side(int i) {
    return side[index(i)];
  }

  @Override
  public int contracts(int i) {
    return contracts[index(i)];
  }

  public double entryPrice(int i) {
    return entryPrice[index(i)];
  }

  public double exitPrice(int i) {
    return exitPrice[index(i)];
  }

  public double grossPnl(int i) {
    return grossPnl[index(i)];
  }

  public double commissionAndFees(int i) {
    return commissionAndFees[index(i)];
  }

  public double slippageCost(int i) {
    return slippageCost[index(i)];
  }

  /** {@code grossPnl(i) − commissionAndFees(i)}, in currency. */
  @Override
  public double netPnl(int i) {
    return netPnl[index(i)];
  }

  public double mae(int i) {
    return mae[index(i)];
  }

  public double mfe(int i) {
    return mfe[index(i)];
  }

  /** The alpha model that opened trade {@code i} (0 for a strategy of one model). */
  @Override
  public int model(int i) {
    return model[index(i)];
  }

  /** Trade {@code i}'s place among its position's open entries when it opened: 1 opened the position. */
  @Override
  public int entryNumber(int i) {
    return entryNumber[index(i)];
  }

  /**
   * The internal net P&amp;L column, for loops over many trades: only the first {@link #size()} entries are
   * trades, the rest is spare capacity. Never write to it; the array is replaced when the log grows, so fetch it
   * again after {@link #add}.
   */
  public double[] netPnlUnsafe() {
    return netPnl;
  }

  // The columns are longer than size: without this check a stale row past the end would read as a trade.
  private int index(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("trade index must be in [0, " + size + "), was " + i);
    }
    return i;
  }
}
