package io.plateau.exec;

import java.util.Arrays;

/**
 * The closed trades of one simulation, in the order they closed: a columnar, append-only log.
 *
 * <p>One row is one round trip of one position (all its entries and exits averaged). Prices are the actual
 * average fill prices, so they already carry slippage; the P&amp;L columns are in account currency:
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
public final class TradeLog {

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
   * @throws IllegalArgumentException naming the first bad argument; the log is unchanged
   */
  public void add(long entryTimeMillis, long exitTimeMillis, int side, int contracts, double entryPrice,
      double exitPrice, double grossPnl, double commissionAndFees, double slippageCost, double mae, double mfe) {
    check(entryTimeMillis, exitTimeMillis, side, contracts, entryPrice, exitPrice, grossPnl, commissionAndFees,
        slippageCost, mae, mfe);
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
    size = i + 1;
  }

  // Kept apart from add() so that add stays small enough to inline; the messages are only built on failure.
  private static void check(long entryTimeMillis, long exitTimeMillis, int side, int contracts, double entryPrice,
      double exitPrice, double grossPnl, double commissionAndFees, double slippageCost, double mae, double mfe) {
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
  }

  /** Forgets every trade but keeps the capacity, so that the next simulation reuses the columns. */
  public void clear() {
    size = 0;
  }

  /** The number of closed trades. */
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
  public double netPnl(int i) {
    return netPnl[index(i)];
  }

  public double mae(int i) {
    return mae[index(i)];
  }

  public double mfe(int i) {
    return mfe[index(i)];
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
