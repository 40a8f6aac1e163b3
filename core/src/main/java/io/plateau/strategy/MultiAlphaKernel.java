package io.plateau.strategy;

import io.plateau.bar.BarSeries;
import io.plateau.util.NormalDistribution;
import java.util.List;

/**
 * The {@link MultiAlpha} kernel: runs each model against a view of its own entries, passes their exits on, picks
 * at most one entry signal per bar and sizes it from the record of closed entries. Allocation-free per bar.
 */
final class MultiAlphaKernel implements Strategy {

  private final int[] close;
  private final List<String> labels;
  private final Strategy[] models;
  private final ModelOrders[] views;
  private final int[] minContracts;
  private final int[] maxContracts;
  private final int[] contractsPerEntry;
  private final int maxEntries;
  private final int positionMaxContracts;
  private final boolean pyramid;
  private final int minHistory;
  private final Record[] byModel;
  /** Index k − 1: entries opened as the position's k-th. */
  private final Record[] byEntryNumber;
  private final int warmUp;
  private final boolean flatAtSessionEnd;
  private int closedSeen;

  /**
   * @param models the compiled models, null for a model switched off
   * @param contractsPerEntry the fixed contracts of entry k at index k − 1, or null for adaptive sizing
   */
  MultiAlphaKernel(BarSeries bars, List<String> labels, Strategy[] models, int[] minContracts, int[] maxContracts,
      int[] contractsPerEntry, int maxEntries, int positionMaxContracts, boolean pyramid, int lookback,
      int minHistory) {
    this.close = bars.closeTicksUnsafe();
    this.labels = List.copyOf(labels);
    this.models = models;
    this.minContracts = minContracts;
    this.maxContracts = maxContracts;
    this.contractsPerEntry = contractsPerEntry;
    this.maxEntries = contractsPerEntry == null ? maxEntries : Math.min(maxEntries, contractsPerEntry.length);
    this.positionMaxContracts = positionMaxContracts;
    this.pyramid = pyramid;
    this.minHistory = minHistory;
    views = new ModelOrders[models.length];
    byModel = new Record[models.length];
    int warmUpBars = Integer.MAX_VALUE;
    boolean allFlat = true;
    for (int m = 0; m < models.length; m++) {
      views[m] = new ModelOrders(m);
      byModel[m] = new Record(lookback);
      if (models[m] != null) {
        warmUpBars = Math.min(warmUpBars, models[m].warmUpBars());
        allFlat &= models[m].flatAtSessionEnd();
      }
    }
    byEntryNumber = new Record[this.maxEntries];
    for (int k = 0; k < byEntryNumber.length; k++) {
      byEntryNumber[k] = new Record(lookback);
    }
    this.warmUp = warmUpBars;
    this.flatAtSessionEnd = allFlat;
  }

  @Override
  public void onBarClose(int bar, Orders orders) {
    learn(orders.closedTrades());
    for (int m = 0; m < models.length; m++) {
      views[m].reset(orders);
      if (models[m] != null && bar >= models[m].warmUpBars()) {
        models[m].onBarClose(bar, views[m]);
      }
      if (views[m].exit) {
        orders.exitModel(m);
      }
    }
    // The position once this bar's exits have filled at the next open.
    int side = 0;
    int entries = 0;
    int contracts = 0;
    long openProfitTicks = 0;
    for (int e = 0; e < orders.positionEntries(); e++) {
      if (!views[orders.entryModel(e)].exit) {
        side = orders.positionSide();
        entries++;
        contracts += orders.entryContracts(e);
        openProfitTicks += (long) side * (close[bar] - orders.entryPriceTicks(e)) * orders.entryContracts(e);
      }
    }
    if (entries >= maxEntries || (entries > 0 && pyramid && openProfitTicks <= 0)) {
      return;
    }
    int chosen = -1;
    double chosenScore = -1;
    for (int m = 0; m < models.length; m++) {
      ModelOrders view = views[m];
      if (view.wantsEntry && (entries == 0 || view.side == side)) {
        double score = score(m, entries + 1);
        if (score > chosenScore) {
          chosen = m;
          chosenScore = score;
        }
      }
    }
    if (chosen < 0) {
      return;
    }
    int wanted = contractsPerEntry != null ? contractsPerEntry[entries]
        : minContracts[chosen] + (int) Math.round(chosenScore * (maxContracts[chosen] - minContracts[chosen]));
    int size = Math.min(wanted, positionMaxContracts - contracts);
    if (size >= 1) {
      ModelOrders view = views[chosen];
      orders.enter(view.side, view.type, view.stopTicks, view.limitTicks, view.protectiveStopTicks, view.targetTicks,
          chosen, size);
    }
  }

  /** Adds the entries closed since the last bar to their model's and entry number's records. */
  private void learn(ClosedTrades closed) {
    for (; closedSeen < closed.size(); closedSeen++) {
      double perContract = closed.netPnl(closedSeen) / closed.contracts(closedSeen);
      byModel[closed.model(closedSeen)].add(perContract);
      int k = closed.entryNumber(closedSeen);
      if (k <= byEntryNumber.length) {
        byEntryNumber[k - 1].add(perContract);
      }
    }
  }

  /** How much of its contract range model {@code m} earns as the position's entry {@code k}: 0 to 1. */
  private double score(int m, int k) {
    return Math.min(byModel[m].score(minHistory), byEntryNumber[k - 1].score(minHistory));
  }

  @Override
  public int warmUpBars() {
    return warmUp;
  }

  @Override
  public boolean flatAtSessionEnd() {
    return flatAtSessionEnd;
  }

  @Override
  public List<String> models() {
    return labels;
  }

  /** The last {@code lookback} closed entries' net P&L per contract, in a ring. */
  private static final class Record {
    private final double[] ring;
    private int count;
    private int next;

    Record(int lookback) {
      ring = new double[lookback];
    }

    void add(double value) {
      ring[next] = value;
      next = (next + 1) % ring.length;
      count = Math.min(count + 1, ring.length);
    }

    /**
     * {@code max(0, 2Φ(t) − 1)} with t the t-statistic of the mean: 0 with fewer than {@code minHistory} entries
     * or a mean ≤ 0, towards 1 as the record grows surely positive. Equal values have no spread: 1 when positive.
     */
    double score(int minHistory) {
      if (count < minHistory) {
        return 0;
      }
      double sum = 0;
      for (int i = 0; i < count; i++) {
        sum += ring[i];
      }
      double mean = sum / count;
      if (mean <= 0) {
        return 0;
      }
      double squares = 0;
      for (int i = 0; i < count; i++) {
        squares += (ring[i] - mean) * (ring[i] - mean);
      }
      double standardError = Math.sqrt(squares / (count - 1) / count);
      return standardError == 0 ? 1 : Math.max(0, 2 * NormalDistribution.cdf(mean / standardError) - 1);
    }
  }

  /**
   * What one model sees: the position made of its own entries. It records the model's orders for
   * {@link #onBarClose} to pass on; a model of one strategy orders as model 0 and its contracts are ignored.
   */
  private static final class ModelOrders implements Orders {
    private final int model;
    private Orders orders;
    private boolean exit;
    private boolean wantsEntry;
    private int side;
    private OrderType type;
    private int stopTicks;
    private int limitTicks;
    private int protectiveStopTicks;
    private int targetTicks;

    ModelOrders(int model) {
      this.model = model;
    }

    void reset(Orders real) {
      orders = real;
      exit = false;
      wantsEntry = false;
    }

    /** The index in the whole position of this model's entry {@code entry}. */
    private int whole(int entry) {
      int seen = 0;
      for (int e = 0; e < orders.positionEntries(); e++) {
        if (orders.entryModel(e) == model && seen++ == entry) {
          return e;
        }
      }
      throw new IndexOutOfBoundsException("entry must be in [0, " + positionEntries() + "), was " + entry);
    }

    @Override
    public int positionSide() {
      return positionEntries() == 0 ? 0 : orders.positionSide();
    }

    @Override
    public int positionContracts() {
      int contracts = 0;
      for (int e = 0; e < orders.positionEntries(); e++) {
        if (orders.entryModel(e) == model) {
          contracts += orders.entryContracts(e);
        }
      }
      return contracts;
    }

    @Override
    public int positionEntries() {
      int entries = 0;
      for (int e = 0; e < orders.positionEntries(); e++) {
        if (orders.entryModel(e) == model) {
          entries++;
        }
      }
      return entries;
    }

    @Override
    public int entryModel(int entry) {
      whole(entry);
      return 0;
    }

    @Override
    public int entryContracts(int entry) {
      return orders.entryContracts(whole(entry));
    }

    @Override
    public int entryPriceTicks(int entry) {
      return orders.entryPriceTicks(whole(entry));
    }

    /** Every model's closed entries: no model of the registry reads them. */
    @Override
    public ClosedTrades closedTrades() {
      return orders.closedTrades();
    }

    @Override
    public void enter(int entrySide, OrderType entryType, int stop, int limit, int protectiveStop, int target,
        int ignoredModel, int ignoredContracts) {
      wantsEntry = true;
      side = Orders.checkSide(entrySide);
      type = entryType;
      stopTicks = stop;
      limitTicks = limit;
      protectiveStopTicks = protectiveStop;
      targetTicks = target;
    }

    @Override
    public void exitAll() {
      exit = positionEntries() > 0;
    }

    @Override
    public void exitModel(int ignoredModel) {
      exitAll();
    }
  }
}
