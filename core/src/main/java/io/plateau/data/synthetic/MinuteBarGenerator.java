package io.plateau.data.synthetic;

import io.plateau.instrument.ExchangeClock;

/**
 * Draws the minute bars of one trading date into preallocated columns: the kernel behind
 * {@link SyntheticMarket#generate}. One instance per call (it owns per-day scratch buffers and two random
 * streams); nothing is allocated per bar or per day.
 *
 * <p>Three passes over the day's bars:
 * <ol>
 *   <li>A free path in (fractional) ticks from the open: Gaussian steps scaled by the intraday volatility
 *       profile, partly undone later in range regimes and partly extended in trends, and the day's jump at its
 *       minute.
 *   <li>The bridge: the free path's miss at the last bar is spread over the bars in proportion to their
 *       variance, so the last close is the daily path's close whatever happened before; highs and lows are
 *       drawn from the exact distribution of a Brownian bridge's maximum and minimum between each bar's open
 *       and close, then everything is rounded to the tick grid.
 *   <li>Volume and aggressor side, from a second stream seeded by the symbol (so a micro shares its E-mini's
 *       prices, drawn from the family's stream, but not its volume).
 * </ol>
 */
final class MinuteBarGenerator {

  /** E|Z| for a standard normal Z: keeps the move-driven volume boost mean-neutral. */
  private static final double MEAN_ABS_NORMAL = Math.sqrt(2 / Math.PI);
  /** A bar's return beyond this many sigmas (a jump) counts as this many for volume and flow. */
  private static final double MAX_RETURN_SIGMAS = 6;
  private static final double MAX_NET_AGGRESSOR_SHARE = 0.95;

  private final SyntheticConfig.Intraday intraday;
  private final SyntheticConfig.OrderFlow flow;
  private final SyntheticConfig.Volume volumeConfig;
  private final long seed;
  private final long priceStreamId;
  private final long flowStreamId;
  private final double familyTickSize;
  /** Family ticks per instrument tick: 1 when a micro shares its E-mini's grid, as in the catalog. */
  private final double ticksRatio;
  private final double volumePerDay;
  /** Share of the pending transient move played out each minute: 1 - 2^(-1 / half-life). */
  private final double transientDecayPerMinute;
  private final Xoshiro256 priceRandom = new Xoshiro256(0);
  private final Xoshiro256 flowRandom = new Xoshiro256(0);

  // Scratch for one day, indexed by bar of the day (path and variance have one more slot: the open).
  private final double[] path;
  private final double[] cumulativeVariance;
  private final double[] sigma;
  private final int[] profileIndex;
  /** The current contract code repeated, copied into the contract column a day at a time. */
  private final String[] contractTemplate;

  /**
   * @param family the family whose price stream is used ({@code ES} for MES)
   * @param symbol the instrument generated
   * @param familyTickSize the family's tick size: the daily path is in price, the bars in ticks
   * @param symbolTickSize the instrument's tick size
   */
  MinuteBarGenerator(SyntheticConfig config, long seed, String family, String symbol, double familyTickSize,
      double symbolTickSize, int maxBarsPerDay) {
    this.intraday = config.intraday();
    this.flow = config.orderFlow();
    this.volumeConfig = config.volume();
    this.seed = seed;
    this.priceStreamId = Xoshiro256.idOf("price:" + family);
    this.flowStreamId = Xoshiro256.idOf("flow:" + symbol);
    this.familyTickSize = familyTickSize;
    this.ticksRatio = familyTickSize / symbolTickSize;
    this.volumePerDay = volumeConfig.perDayOf(symbol);
    this.transientDecayPerMinute = 1 - Math.pow(2, -1 / intraday.transientHalfLifeMinutes());
    this.path = new double[maxBarsPerDay + 1];
    this.cumulativeVariance = new double[maxBarsPerDay + 1];
    this.sigma = new double[maxBarsPerDay];
    this.profileIndex = new int[maxBarsPerDay];
    this.contractTemplate = new String[Math.max(1, maxBarsPerDay)];
  }

  /** The output columns of one call, filled day by day. */
  record Columns(long[] startMillis, int[] openTicks, int[] highTicks, int[] lowTicks, int[] closeTicks,
      long[] volume, long[] buyVolume, long[] sellVolume, String[] contract) {}

  /**
   * Writes the bars of trading date {@code epochDay} (day {@code t} of {@code daily}) at {@code offset}.
   *
   * @param rangeStartMinute local minute (from the trading date's midnight) where each open range starts
   * @param rangeStartMillis UTC start of each open range
   * @param rangeBars bars in each open range
   * @param firstRange the day's first entry in the range arrays
   * @param ranges the day's number of ranges
   * @return the number of bars written
   */
  int generateDay(DailyPath daily, int t, long epochDay, IntradayProfile profile, int[] rangeStartMinute,
      long[] rangeStartMillis, int[] rangeBars, int firstRange, int ranges, String contract, Columns out,
      int offset) {
    int bars = 0;
    double relativeVariance = 0;
    for (int r = firstRange; r < firstRange + ranges; r++) {
      int start = rangeStartMinute[r];
      for (int j = 0; j < rangeBars[r]; j++) {
        profileIndex[bars++] = Math.min(start + j + IntradayProfile.MINUTES_PER_DAY, IntradayProfile.TABLE_LENGTH - 1);
      }
      relativeVariance += profile.varianceBetween(start, start + rangeBars[r]);
    }
    if (bars == 0) {
      return 0;
    }
    priceRandom.reseed(Xoshiro256.seedFor(seed, priceStreamId, epochDay));
    flowRandom.reseed(Xoshiro256.seedFor(seed, flowStreamId, epochDay));

    double open = Math.exp(daily.logClose[t] + daily.gapLog[t]) / familyTickSize;
    double close = Math.exp(daily.logClose[t + 1]) / familyTickSize;
    double unitSigma = daily.sigmaLog[t] * open / Math.sqrt(relativeVariance);
    int jumpIndex = jumpProfileIndex(daily, t, profile, profileIndex[bars - 1]);
    double jump = daily.jumpLog[t] * open;
    double transientShare = daily.regime[t] == DailyPath.RANGE
        ? intraday.rangeTransientShare()
        : intraday.trendTransientShare();

    freePath(bars, open, unitSigma, transientShare, jumpIndex, jump, profile);
    bridgeAndPrices(bars, close, out, offset);
    flow(daily, t, bars, profile, out, offset);

    long[] startMillis = out.startMillis();
    int i = offset;
    for (int r = firstRange; r < firstRange + ranges; r++) {
      long millis = rangeStartMillis[r];
      for (int j = 0; j < rangeBars[r]; j++) {
        startMillis[i++] = millis + j * ExchangeClock.MILLIS_PER_MINUTE;
      }
    }
    // One bulk copy instead of a reference store per bar: each such store pays the collector's write barrier.
    if (contractTemplate[0] != contract) {
      java.util.Arrays.fill(contractTemplate, contract);
    }
    System.arraycopy(contractTemplate, 0, out.contract(), offset, bars);
    return bars;
  }

  /**
   * The profile index at which the day's jump happens ({@code Integer.MAX_VALUE} when none): an event minute on the
   * previous evening when it is after the day's last open minute, a regular-hours jump at its fraction of them.
   */
  private static int jumpProfileIndex(DailyPath daily, int t, IntradayProfile profile, int lastIndex) {
    int minute = daily.jumpMinuteOfDay[t];
    if (minute == DailyPath.NO_JUMP) {
      return Integer.MAX_VALUE;
    }
    if (minute == DailyPath.JUMP_IN_REGULAR_HOURS) {
      int length = profile.regularCloseMinute - profile.regularOpenMinute;
      minute = profile.regularOpenMinute + (int) (daily.jumpRegularFraction[t] * length);
    }
    int index = minute + IntradayProfile.MINUTES_PER_DAY;
    return index > lastIndex ? index - IntradayProfile.MINUTES_PER_DAY : index;
  }

  /**
   * Pass 1: the free path from {@code open}, into {@link #path}, with per-bar sigma and cumulative variance.
   *
   * <p>Each minute's shock has a permanent part and a transient part {@code transientShare} of it, kept in
   * {@code pending} and played out at rate {@code decay} per minute (undone when the share is positive, extended
   * when negative). The shock is scaled by {@code 1 / (1 - transientShare)} so that the permanent parts alone carry
   * the day's variance: the free path then ends about where the daily path says, and the bridge in pass 2 only
   * nudges it, leaving the reversion or momentum intact.
   */
  private void freePath(int bars, double open, double unitSigma, double transientShare, int jumpIndex, double jump,
      IntradayProfile profile) {
    double[] path = this.path;
    double[] cumulativeVariance = this.cumulativeVariance;
    double[] sigma = this.sigma;
    int[] profileIndex = this.profileIndex;
    double[] volatility = profile.volatility;
    Xoshiro256 random = priceRandom;
    double gain = unitSigma / (1 - transientShare);
    double decay = transientDecayPerMinute;
    double x = open;
    double pending = 0;
    double variance = 0;
    boolean jumped = false;
    path[0] = open;
    cumulativeVariance[0] = 0;
    for (int k = 0; k < bars; k++) {
      int index = profileIndex[k];
      double s = gain * volatility[index];
      double shock = s * random.nextGaussian();
      double playedOut = decay * pending;
      x += shock - playedOut;
      pending += transientShare * shock - playedOut;
      if (!jumped && index >= jumpIndex) {
        x += jump;
        jumped = true;
      }
      variance += s * s;
      sigma[k] = s;
      path[k + 1] = x;
      cumulativeVariance[k + 1] = variance;
    }
  }

  /**
   * Pass 2: bends the free path to end at {@code close} and writes open, high, low and close in ticks; leaves the
   * bent closes in {@link #path} for pass 3.
   */
  private void bridgeAndPrices(int bars, double close, Columns out, int offset) {
    double[] path = this.path;
    double[] cumulativeVariance = this.cumulativeVariance;
    double[] sigma = this.sigma;
    int[] openTicks = out.openTicks();
    int[] highTicks = out.highTicks();
    int[] lowTicks = out.lowTicks();
    int[] closeTicks = out.closeTicks();
    Xoshiro256 random = priceRandom;
    double ratio = ticksRatio;
    double miss = close - path[bars];
    double perVariance = cumulativeVariance[bars] > 0 ? miss / cumulativeVariance[bars] : 0;
    double o = path[0];
    int openTick = toTick(o * ratio);
    for (int k = 0; k < bars; k++) {
      double c = path[k + 1] + perVariance * cumulativeVariance[k + 1];
      path[k + 1] = c;
      double s = sigma[k];
      double move = c - o;
      double twiceVariance = 2 * s * s;
      double high = 0.5 * (o + c + Math.sqrt(move * move + twiceVariance * random.nextExponential()));
      double low = 0.5 * (o + c - Math.sqrt(move * move + twiceVariance * random.nextExponential()));
      int closeTick = toTick(c * ratio);
      int i = offset + k;
      openTicks[i] = openTick;
      closeTicks[i] = closeTick;
      highTicks[i] = Math.max(toTick(high * ratio), Math.max(openTick, closeTick));
      lowTicks[i] = Math.max(1, Math.min(toTick(low * ratio), Math.min(openTick, closeTick)));
      o = c;
      openTick = closeTick;
    }
  }

  /** Pass 3: volume and buy/sell aggressor volume from the bent path. */
  private void flow(DailyPath daily, int t, int bars, IntradayProfile profile, Columns out, int offset) {
    double[] path = this.path;
    double[] sigma = this.sigma;
    int[] profileIndex = this.profileIndex;
    double[] volumeShare = profile.volumeShare;
    long[] volume = out.volume();
    long[] buyVolume = out.buyVolume();
    long[] sellVolume = out.sellVolume();
    Xoshiro256 random = flowRandom;
    double dayVolume = volumePerDay * daily.volumeFactor[t];
    double activity = volumeConfig.moveActivity();
    double activityNorm = 1 / (1 + activity * MEAN_ABS_NORMAL);
    double barNoise = volumeConfig.barNoise();
    double exhaustion = daily.exhaustion[t];
    double returnLoading = flow.returnLoading() * (1 - flow.exhaustionDamping() * exhaustion);
    double forwardLoading = flow.forwardLoading();
    // On the last days of a trend, flow leans against it: the trend is being absorbed, not pushed.
    double bias = -flow.exhaustionBias() * exhaustion * daily.regime[t];
    double noise = flow.noise();
    int horizon = flow.forwardMinutes();
    // The forward return is measured in units of this bar's sigma over the horizon: cheaper than the exact
    // forward variance, and the profile changes slowly over half an hour.
    double inverseSqrtHorizon = 1 / Math.sqrt(horizon);
    for (int k = 0; k < bars; k++) {
      double inverseSigma = 1 / sigma[k];
      double returnSigmas = (path[k + 1] - path[k]) * inverseSigma;
      returnSigmas = clamp(returnSigmas, MAX_RETURN_SIGMAS);
      int end = Math.min(k + horizon, bars - 1);
      double forwardSigmas = (path[end + 1] - path[k + 1]) * inverseSigma * inverseSqrtHorizon;
      forwardSigmas = clamp(forwardSigmas, MAX_RETURN_SIGMAS);

      double expected = dayVolume * volumeShare[profileIndex[k]]
          * (1 + activity * Math.abs(returnSigmas)) * activityNorm;
      double draw = expected * (1 - barNoise + barNoise * random.nextExponential());
      long v = Math.max(1, (long) (draw + 0.5));
      double net = returnLoading * returnSigmas + forwardLoading * forwardSigmas + bias
          + noise * random.nextGaussian();
      net = clamp(net, MAX_NET_AGGRESSOR_SHARE);
      long buy = (long) (v * 0.5 * (1 + net) + 0.5);
      int i = offset + k;
      volume[i] = v;
      buyVolume[i] = buy;
      sellVolume[i] = v - buy;
    }
  }

  /**
   * {@code value} limited to {@code [-limit, limit]}. Compares instead of {@code Math.min/max}, whose NaN and
   * signed-zero rules cost several times more in this loop; the limit is rarely reached, so the branches predict well.
   */
  private static double clamp(double value, double limit) {
    return value > limit ? limit : value < -limit ? -limit : value;
  }

  /** The nearest tick, at least 1: prices stay positive. */
  private static int toTick(double ticks) {
    return Math.max(1, (int) Math.floor(ticks + 0.5));
  }
}
