package io.plateau.exec;

import io.plateau.instrument.Instrument;
import io.plateau.instrument.TickGrid;
import io.plateau.util.Checks;

/**
 * The open position of one simulation: several entries on one side (scaling in), each with its own protective
 * stop and target and the alpha model that opened it, each becoming one trade in the {@link TradeLog} when it
 * closes. Prices are ticks; money is in
 * the instrument's currency. Mutable, allocation-free after construction, one per simulation thread.
 *
 * <p>A trade's gross P&L comes from its actual fill prices (slippage included); commission and fees are charged
 * per contract per side; the slippage cost is reported separately for information. MAE and MFE are the worst and
 * best excursion from the entry price over the bars the entry was open, its entry bar included, times contracts.
 */
public final class Position {

  private final double tickValue;
  private final TickGrid grid;
  private final CostModel costs;
  private final int maxEntries;
  private final int maxContracts;
  private final AddPolicy addPolicy;
  private final TradeLog log;

  private int side;
  private int count;
  private final long[] entryTime;
  private final int[] contracts;
  private final int[] entryTicks;
  private final int[] entrySlippageTicks;
  private final int[] stopTicks;
  private final int[] targetTicks;
  private final int[] adverseTicks;
  private final int[] favorableTicks;
  private final int[] model;
  private final int[] entryNumber;

  public Position(Instrument instrument, CostModel costs, int maxEntries, int maxContracts, AddPolicy addPolicy,
      TradeLog log) {
    this.tickValue = instrument.tickValue();
    this.grid = instrument.tickGrid();
    this.costs = Checks.notNull(costs, "costs");
    this.maxEntries = Checks.positive(maxEntries, "maxEntries");
    this.maxContracts = Checks.positive(maxContracts, "maxContracts");
    this.addPolicy = Checks.notNull(addPolicy, "addPolicy");
    this.log = Checks.notNull(log, "log");
    entryTime = new long[maxEntries];
    contracts = new int[maxEntries];
    entryTicks = new int[maxEntries];
    entrySlippageTicks = new int[maxEntries];
    stopTicks = new int[maxEntries];
    targetTicks = new int[maxEntries];
    adverseTicks = new int[maxEntries];
    favorableTicks = new int[maxEntries];
    model = new int[maxEntries];
    entryNumber = new int[maxEntries];
  }

  /** +1 long, -1 short, 0 flat. */
  public int side() {
    return side;
  }

  public boolean isFlat() {
    return count == 0;
  }

  /** Open entries. */
  public int entries() {
    return count;
  }

  public int contracts() {
    int total = 0;
    for (int i = 0; i < count; i++) {
      total += contracts[i];
    }
    return total;
  }

  /** Contract-weighted average entry price in ticks (NaN when flat). */
  public double averageEntryTicks() {
    long weighted = 0;
    int total = 0;
    for (int i = 0; i < count; i++) {
      weighted += (long) entryTicks[i] * contracts[i];
      total += contracts[i];
    }
    return total == 0 ? Double.NaN : (double) weighted / total;
  }

  /** Open profit at {@code markTicks}, before exit costs, in currency. */
  public double unrealizedPnl(int markTicks) {
    long ticks = 0;
    for (int i = 0; i < count; i++) {
      ticks += (long) side * (markTicks - entryTicks[i]) * contracts[i];
    }
    return ticks * tickValue;
  }

  /**
   * How many of {@code wanted} contracts an entry on {@code entrySide} may take now: 0 when the position is on the
   * other side, holds its maximum number of entries, is at its maximum contracts, or (with
   * {@link AddPolicy#ONLY_IN_PROFIT}) is not in profit at {@code markTicks}.
   */
  public int allowedContracts(int entrySide, int wanted, int markTicks) {
    if (count > 0 && entrySide != side) {
      return 0;
    }
    if (count == maxEntries) {
      return 0;
    }
    if (count > 0 && addPolicy == AddPolicy.ONLY_IN_PROFIT && unrealizedPnl(markTicks) <= 0) {
      return 0;
    }
    return Math.max(0, Math.min(wanted, maxContracts - contracts()));
  }

  /**
   * Adds an entry of alpha model {@code entryModel} filled at {@code fillTicks} ({@code slippageTicks} of which were
   * slippage), with its protective stop and target ({@link Fills#NO_FILL} for none). The caller checked
   * {@link #allowedContracts}.
   */
  public void open(long timeMillis, int entrySide, int entryContracts, int fillTicks, int slippageTicks,
      int stop, int target, int entryModel) {
    if (count == maxEntries || (count > 0 && entrySide != side) || entryContracts <= 0) {
      throw new IllegalStateException("entry not allowed: side " + entrySide + " on " + side + ", " + count
          + " of " + maxEntries + " entries, " + entryContracts + " contracts");
    }
    side = entrySide;
    entryTime[count] = timeMillis;
    contracts[count] = entryContracts;
    entryTicks[count] = fillTicks;
    entrySlippageTicks[count] = slippageTicks;
    stopTicks[count] = stop;
    targetTicks[count] = target;
    adverseTicks[count] = 0;
    favorableTicks[count] = 0;
    model[count] = entryModel;
    entryNumber[count] = count + 1;
    count++;
  }

  /** Updates every entry's excursions with a bar's high and low (call for each bar an entry is open). */
  public void mark(int high, int low) {
    for (int i = 0; i < count; i++) {
      int adverse = side > 0 ? entryTicks[i] - low : high - entryTicks[i];
      int favorable = side > 0 ? high - entryTicks[i] : entryTicks[i] - low;
      adverseTicks[i] = Math.max(adverseTicks[i], adverse);
      favorableTicks[i] = Math.max(favorableTicks[i], favorable);
    }
  }

  /** The alpha model that opened entry {@code entry}. */
  public int model(int entry) {
    return model[entry];
  }

  public int contracts(int entry) {
    return contracts[entry];
  }

  /** Entry {@code entry}'s fill price in ticks. */
  public int entryTicks(int entry) {
    return entryTicks[entry];
  }

  public int stopTicks(int entry) {
    return stopTicks[entry];
  }

  public int targetTicks(int entry) {
    return targetTicks[entry];
  }

  /** Moves an entry's protective stop (trailing, breakeven). */
  public void setStopTicks(int entry, int stop) {
    stopTicks[entry] = stop;
  }

  /**
   * Closes entry {@code entry} at {@code fillTicks} ({@code slippageTicks} of them slippage), records the trade and
   * returns its net P&L. The last entry takes the closed one's index, so close from the highest index down.
   */
  public double close(int entry, long timeMillis, int fillTicks, int slippageTicks) {
    if (entry < 0 || entry >= count) {
      throw new IndexOutOfBoundsException("entry " + entry + " of " + count);
    }
    int n = contracts[entry];
    double gross = (double) side * (fillTicks - entryTicks[entry]) * n * tickValue;
    double commission = 2.0 * n * costs.perContractPerSide();
    double slippage = (double) (entrySlippageTicks[entry] + slippageTicks) * n * tickValue;
    log.add(entryTime[entry], timeMillis, side, n, grid.toPrice(entryTicks[entry]), grid.toPrice(fillTicks), gross,
        commission, slippage, (double) adverseTicks[entry] * n * tickValue,
        (double) favorableTicks[entry] * n * tickValue, model[entry], entryNumber[entry]);
    int last = count - 1;
    entryTime[entry] = entryTime[last];
    contracts[entry] = contracts[last];
    entryTicks[entry] = entryTicks[last];
    entrySlippageTicks[entry] = entrySlippageTicks[last];
    stopTicks[entry] = stopTicks[last];
    targetTicks[entry] = targetTicks[last];
    adverseTicks[entry] = adverseTicks[last];
    favorableTicks[entry] = favorableTicks[last];
    model[entry] = model[last];
    entryNumber[entry] = entryNumber[last];
    count = last;
    if (count == 0) {
      side = 0;
    }
    return gross - commission;
  }

  /** Closes every entry at one price (a market exit, the session close); returns the total net P&L. */
  public double closeAll(long timeMillis, int fillTicks, int slippageTicks) {
    double net = 0;
    for (int entry = count - 1; entry >= 0; entry--) {
      net += close(entry, timeMillis, fillTicks, slippageTicks);
    }
    return net;
  }

  /** Closes the entries of alpha model {@code entryModel} at one price; returns their total net P&L. */
  public double closeModel(int entryModel, long timeMillis, int fillTicks, int slippageTicks) {
    double net = 0;
    for (int entry = count - 1; entry >= 0; entry--) {
      if (model[entry] == entryModel) {
        net += close(entry, timeMillis, fillTicks, slippageTicks);
      }
    }
    return net;
  }
}
