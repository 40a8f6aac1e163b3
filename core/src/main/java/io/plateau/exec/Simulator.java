package io.plateau.exec;

import io.plateau.bar.BarSeries;
import io.plateau.strategy.ClosedTrades;
import io.plateau.strategy.OrderType;
import io.plateau.strategy.Orders;
import io.plateau.strategy.Strategy;
import io.plateau.util.Checks;

/**
 * Runs a strategy over a bar series with the fill rules of {@link Fills}, costs, sizing and risk rules, and
 * produces its trades and daily mark-to-market equity.
 *
 * <p>Each bar, in this order:
 * <pre>
 *  1. a new trading date: note the session's starting equity, lift a daily-loss lockout
 *  2. an exit ordered at the previous close (of the position or of some models' entries) fills at the open
 *     (market, slippage)
 *  3. protective stops and targets of open entries (stop first when the bar reaches both)
 *  4. the entry ordered at the previous close: market, stop, limit or stop-limit; sized (by the sizing rule, or
 *     the contracts the strategy asked for), capped by the risk rules;
 *     its protective stop and target attached and checked on the rest of this bar (stop first)
 *  5. excursions (MAE/MFE) marked with the bar's high and low
 *  6. daily loss limit: equity marked at the close (realized and open P&amp;L) down by the limit since the session
 *     start → flat at the close, no entries until the next session
 *  7. last bar of the trading date and a strategy that must be flat: flat at the close
 *  8. the strategy decides at the close (orders for the next bar only; with {@link FillTiming#SAME_CLOSE} its
 *     market orders fill at this close instead)
 *  9. equity marked at the close (cash + open profit) for the bar-level drawdown; on the last bar of the
 *     trading date, recorded in the daily curve
 * </pre>
 * Closing at a bar's close (steps 6 and 7) pays market slippage. Allocation-free per bar; one simulator per thread.
 */
public final class Simulator {

  private final BarSeries bars;
  private final CostModel costs;
  private final Sizing sizing;
  private final RiskRules risk;
  private final double startingCapital;
  private final FillTiming timing;

  /** A simulator whose market orders fill at the next bar's open. */
  public Simulator(BarSeries bars, CostModel costs, Sizing sizing, RiskRules risk, double startingCapital) {
    this(bars, costs, sizing, risk, startingCapital, FillTiming.NEXT_OPEN);
  }

  public Simulator(BarSeries bars, CostModel costs, Sizing sizing, RiskRules risk, double startingCapital,
      FillTiming timing) {
    this.bars = Checks.notNull(bars, "bars");
    this.costs = Checks.notNull(costs, "costs");
    this.sizing = Checks.notNull(sizing, "sizing");
    this.risk = Checks.notNull(risk, "risk");
    this.startingCapital = Checks.positive(startingCapital, "startingCapital");
    this.timing = Checks.notNull(timing, "timing");
  }

  public SimulationResult run(Strategy strategy) {
    return run(strategy, 0);
  }

  /**
   * Runs {@code strategy} deciding only at the closes of bars {@code firstDecisionBar} and later: the bars before
   * merely warm up its indicators, and the account is flat until the first decision (a walk-forward window's
   * out-of-sample re-run).
   */
  public SimulationResult run(Strategy strategy, int firstDecisionBar) {
    return new Run(strategy, Checks.nonNegative(firstDecisionBar, "firstDecisionBar")).execute();
  }

  /** Models a position's entries can come from: one bit each in a pending-exit mask. */
  public static final int MAX_MODELS = Long.SIZE - 1;

  private static final long ALL_MODELS = -1L;

  /** The state of one run; also the {@link Orders} the strategy talks to. */
  private final class Run implements Orders {
    private final Strategy strategy;
    private final int firstDecisionBar;
    private final TradeLog trades = new TradeLog();
    private final Position position;
    private final DailyEquity.Builder daily = DailyEquity.builder(startingCapital);
    private final int slippage = costs.slippageTicks();
    private final int through = costs.limitThroughTicks();
    private final double tickValue = bars.instrument().tickValue();

    private double cash = startingCapital;
    /** Bit m: close model m's entries at the next open ({@link #ALL_MODELS} for the whole position). */
    private long pendingExits;
    private boolean pendingEntry;
    private int entrySide;
    private int entryModel;
    private int entryContracts;
    private OrderType entryType;
    private int entryStop;
    private int entryLimit;
    private int entryProtectiveStop;
    private int entryTarget;
    private double entryDecisionEquity;
    private int entryDecisionMark;
    private boolean lockedOut;
    private double sessionStartEquity;
    private int decisionClose;
    private long barsInMarket;
    private double barPeak = startingCapital;
    private double maxBarDrawdown;

    Run(Strategy strategy, int firstDecisionBar) {
      this.strategy = strategy;
      this.firstDecisionBar = firstDecisionBar;
      this.position = new Position(bars.instrument(), costs, risk.maxEntries(), risk.maxContracts(),
          risk.addPolicy(), trades);
    }

    SimulationResult execute() {
      int n = bars.size();
      int[] open = bars.openTicksUnsafe();
      int[] high = bars.highTicksUnsafe();
      int[] low = bars.lowTicksUnsafe();
      int[] close = bars.closeTicksUnsafe();
      int[] day = bars.tradingDayUnsafe();
      long[] time = bars.startMillisUnsafe();
      int firstDecision = Math.max(strategy.warmUpBars(), firstDecisionBar);
      boolean flatAtSessionEnd = strategy.flatAtSessionEnd();
      for (int i = 0; i < n; i++) {
        if (i == 0 || day[i] != day[i - 1]) {
          sessionStartEquity = i == 0 ? cash : cash + position.unrealizedPnl(close[i - 1]);
          lockedOut = false;
        }
        if (pendingExits != 0 && !position.isFlat()) {
          cash += closePending(time[i], Fills.market(-position.side(), open[i], slippage));
        }
        pendingExits = 0;
        protect(time[i], open[i], high[i], low[i]);
        if (pendingEntry && !lockedOut) {
          enterOn(time[i], open[i], high[i], low[i]);
        }
        pendingEntry = false;
        position.mark(high[i], low[i]);
        boolean lastOfDay = i == n - 1 || day[i + 1] != day[i];
        // Checked flat too: a loss realized by a stop within the bar counts as much as an open one.
        if (!lockedOut && risk.dailyLossLimitFraction() > 0) {
          double equity = cash + position.unrealizedPnl(close[i]);
          if (equity - sessionStartEquity <= -risk.dailyLossLimitFraction() * sessionStartEquity) {
            if (!position.isFlat()) {
              flattenAtClose(time[i], close[i]);
            }
            lockedOut = true;
          }
        }
        if (lastOfDay && flatAtSessionEnd && !position.isFlat()) {
          flattenAtClose(time[i], close[i]);
        }
        if (!position.isFlat()) {
          barsInMarket++;
        }
        double markedEquity = cash + position.unrealizedPnl(close[i]);
        barPeak = Math.max(barPeak, markedEquity);
        maxBarDrawdown = Math.max(maxBarDrawdown, barPeak - markedEquity);
        if (i >= firstDecision && !lockedOut && i < n - 1) {
          decisionClose = close[i];
          strategy.onBarClose(i, this);
          if (timing == FillTiming.SAME_CLOSE) {
            fillAtClose(time[i], close[i]);
          }
        }
        if (lastOfDay) {
          daily.add(day[i], cash + position.unrealizedPnl(close[i]));
        }
      }
      return new SimulationResult(trades, daily.build(), barsInMarket, n, maxBarDrawdown);
    }

    /** Step 3: protective orders of the entries open before this bar. */
    private void protect(long time, int open, int high, int low) {
      for (int e = position.entries() - 1; e >= 0; e--) {
        int side = position.side();
        int stop = position.stopTicks(e);
        int target = position.targetTicks(e);
        switch (Fills.protectiveFill(side, stop, target, open, high, low, through)) {
          case STOP -> cash += position.close(e, time, Fills.stop(-side, stop, open, high, low, slippage), slippage);
          case TARGET_AT_OPEN -> cash += position.close(e, time, open, 0);
          case TARGET -> cash += position.close(e, time, target, 0);
          case NONE -> { }
        }
      }
    }

    /** Step 4: the entry order placed at the previous close. */
    private void enterOn(long time, int open, int high, int low) {
      int fill = switch (entryType) {
        case MARKET -> Fills.market(entrySide, open, slippage);
        case STOP -> Fills.stop(entrySide, entryStop, open, high, low, slippage);
        case LIMIT -> Fills.limit(entrySide, entryLimit, open, high, low, through);
        case STOP_LIMIT -> Fills.stopLimit(entrySide, entryStop, entryLimit, open, high, low, slippage, through);
      };
      if (fill == Fills.NO_FILL) {
        return;
      }
      int stopDistance = entryProtectiveStop == NONE ? 0 : Math.abs(fill - entryProtectiveStop);
      int wanted = entryContracts != SIZED_BY_SIMULATOR ? entryContracts
          : sizing.contracts(entryDecisionEquity, stopDistance, tickValue, trades);
      int contracts = position.allowedContracts(entrySide, wanted, entryDecisionMark);
      if (contracts <= 0) {
        return;
      }
      int slippagePaid = switch (entryType) {
        case LIMIT -> 0;
        case MARKET, STOP -> slippage;
        // Slippage beyond the trigger (the stop, or the open on a gap), capped by the limit; none on a pullback.
        case STOP_LIMIT -> Math.max(0, entrySide * (fill
            - (entrySide > 0 ? Math.max(open, entryStop) : Math.min(open, entryStop))));
      };
      position.open(time, entrySide, contracts, fill, slippagePaid, entryProtectiveStop, entryTarget, entryModel);
      // The rest of the entry bar may reach the new entry's stop or target; the stop is assumed first.
      int e = position.entries() - 1;
      // The fill price stands in for the open: a stop already beyond it fills at once, at the fill less slippage.
      switch (Fills.protectiveFill(entrySide, entryProtectiveStop, entryTarget, fill, high, low, through)) {
        case STOP -> cash += position.close(e, time,
            Fills.stop(-entrySide, entryProtectiveStop, fill, high, low, slippage), slippage);
        case TARGET_AT_OPEN -> cash += position.close(e, time, fill, 0);
        case TARGET -> cash += position.close(e, time, entryTarget, 0);
        case NONE -> { }
      }
    }

    /** {@link FillTiming#SAME_CLOSE}: the market orders just decided fill at this bar's close. */
    private void fillAtClose(long time, int close) {
      if (pendingExits != 0 && !position.isFlat()) {
        cash += closePending(time, Fills.market(-position.side(), close, slippage));
        pendingExits = 0;
      }
      if (pendingEntry && entryType == OrderType.MARKET) {
        // The close is the whole remaining bar: a one-price bar for the entry and its protective check.
        enterOn(time, close, close, close);
        pendingEntry = false;
      }
    }

    /** Closes the entries of the models with a pending exit at {@code fill}; returns their net P&L. */
    private double closePending(long time, int fill) {
      if (pendingExits == ALL_MODELS) {
        return position.closeAll(time, fill, slippage);
      }
      double net = 0;
      for (long models = pendingExits; models != 0; models &= models - 1) {
        net += position.closeModel(Long.numberOfTrailingZeros(models), time, fill, slippage);
      }
      return net;
    }

    private void flattenAtClose(long time, int close) {
      cash += position.closeAll(time, Fills.market(-position.side(), close, slippage), slippage);
      pendingEntry = false;
    }

    @Override
    public int positionSide() {
      return position.side();
    }

    @Override
    public int positionContracts() {
      return position.contracts();
    }

    @Override
    public int positionEntries() {
      return position.entries();
    }

    @Override
    public int entryModel(int entry) {
      return position.model(checkEntry(entry));
    }

    @Override
    public int entryContracts(int entry) {
      return position.contracts(checkEntry(entry));
    }

    @Override
    public int entryPriceTicks(int entry) {
      return position.entryTicks(checkEntry(entry));
    }

    private int checkEntry(int entry) {
      if (entry < 0 || entry >= position.entries()) {
        throw new IndexOutOfBoundsException("entry must be in [0, " + position.entries() + "), was " + entry);
      }
      return entry;
    }

    @Override
    public ClosedTrades closedTrades() {
      return trades;
    }

    @Override
    public void enter(int side, OrderType type, int stopTicks, int limitTicks, int protectiveStopTicks,
        int targetTicks, int model, int contracts) {
      Orders.checkSide(side);
      checkModel(model);
      if (contracts < 0) {
        throw new IllegalArgumentException("contracts must be >= 0 (0: sized by the simulator), was " + contracts);
      }
      pendingEntry = true;
      entrySide = side;
      entryModel = model;
      entryContracts = contracts;
      entryType = type;
      entryStop = stopTicks;
      entryLimit = limitTicks;
      entryProtectiveStop = protectiveStopTicks;
      entryTarget = targetTicks;
      entryDecisionMark = decisionClose;
      entryDecisionEquity = cash + position.unrealizedPnl(decisionClose);
    }

    @Override
    public void exitAll() {
      pendingExits = ALL_MODELS;
    }

    @Override
    public void exitModel(int model) {
      pendingExits |= 1L << checkModel(model);
    }

    private static int checkModel(int model) {
      if (model < 0 || model >= MAX_MODELS) {
        throw new IllegalArgumentException("model must be in [0, " + MAX_MODELS + "), was " + model);
      }
      return model;
    }
  }
}
