package io.plateau.indicator;

import io.plateau.bar.BarSeries;
import io.plateau.bar.Session;
import io.plateau.util.InputException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * An indicator with its parameters, as written on the command line and in studies ({@code sma:20},
 * {@code bbands:20:2}, {@code vwap:2:globex}): parsed once, computed over a whole series, shared by every
 * parameter set that uses it (see {@link IndicatorCache}). Immutable and comparable by value.
 *
 * <pre>
 * spec                    outputs                                      first value (warm-up)
 * sma:N                   sma_N                                        bar N-1
 * ema:N                   ema_N (alpha 2/(N+1), SMA seed)              bar N-1
 * rsi:N                   rsi_N (Wilder)                               bar N
 * tr                      tr                                           bar 1
 * atr:N                   atr_N (Wilder, SMA seed)                     bar N
 * adx:N                   adx_N, plus_di_N, minus_di_N                 bars 2N-1, N, N
 * bbands:N:K              bb_middle_N_K, bb_upper_N_K, bb_lower_N_K    bar N-1 (population sigma)
 * stddev:N                stddev_N (population)                        bar N-1
 * vwap[:K][:globex]       vwap, vwap_upper_K, vwap_lower_K             first bar of each session (K default 2)
 * volavg:N                volavg_N (SMA of volume)                     bar N-1
 * highest:N / lowest:N    highest_N / lowest_N (of highs / lows)       bar N-1
 * orb:M                   or_high_M, or_low_M                          end of the first M regular minutes
 * cumdelta[:globex]       cumdelta (buy - sell aggressor volume)       first bar of each session
 * </pre>
 *
 * Conventions follow TA-Lib (and R TTR): not-yet-available values are NaN, never zero. Session indicators use
 * regular hours unless {@code globex} is given. Prices come out in price units; RSI, ADX and DI in 0..100.
 *
 * @param kind the indicator ({@code sma})
 * @param period the window N or minutes M, 0 when the indicator has none
 * @param k the band width K for Bollinger and VWAP bands, else 0
 * @param session the session a session indicator resets on
 */
public record IndicatorSpec(Kind kind, int period, double k, Session session) implements Serializable {

  /** The indicators Plateau computes. */
  public enum Kind {
    SMA, EMA, RSI, TR, ATR, ADX, BBANDS, STDDEV, VWAP, VOLAVG, HIGHEST, LOWEST, ORB, CUMDELTA;

    String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final String SYNTAX = "sma:N, ema:N, rsi:N, tr, atr:N, adx:N, bbands:N:K, stddev:N, "
      + "vwap[:K][:globex], volavg:N, highest:N, lowest:N, orb:MINUTES, cumdelta[:globex]";
  private static final double DEFAULT_VWAP_BAND_K = 2;

  public IndicatorSpec {
    if (period < 0 || !(k >= 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("period must be >= 0 and k a finite number >= 0, were " + period + ", " + k);
    }
  }

  /** Parses {@code sma:20} and friends; {@code what} names the option or key for the error. */
  public static IndicatorSpec parse(String text, String what) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
    Kind kind = null;
    for (Kind candidate : Kind.values()) {
      if (candidate.configName().equals(parts[0])) {
        kind = candidate;
      }
    }
    if (kind == null) {
      throw bad(text, what);
    }
    try {
      return switch (kind) {
        case TR -> {
          requireParts(parts, 1, 1, text, what);
          yield new IndicatorSpec(kind, 0, 0, Session.GLOBEX);
        }
        case BBANDS -> {
          requireParts(parts, 3, 3, text, what);
          yield new IndicatorSpec(kind, window(parts[1], text, what), number(parts[2], text, what), Session.GLOBEX);
        }
        case VWAP -> {
          requireParts(parts, 1, 3, text, what);
          Session session = parts[parts.length - 1].equals("globex") ? Session.GLOBEX : Session.REGULAR;
          int numbers = parts.length - 1 - (session == Session.GLOBEX ? 1 : 0);
          double k = numbers == 0 ? DEFAULT_VWAP_BAND_K : number(parts[1], text, what);
          if (numbers > 1) {
            throw bad(text, what);
          }
          yield new IndicatorSpec(kind, 0, k, session);
        }
        case CUMDELTA -> {
          requireParts(parts, 1, 2, text, what);
          if (parts.length == 2 && !parts[1].equals("globex")) {
            throw bad(text, what);
          }
          yield new IndicatorSpec(kind, 0, 0, parts.length == 2 ? Session.GLOBEX : Session.REGULAR);
        }
        default -> {
          requireParts(parts, 2, 2, text, what);
          yield new IndicatorSpec(kind, window(parts[1], text, what), 0,
              kind == Kind.ORB ? Session.REGULAR : Session.GLOBEX);
        }
      };
    } catch (NumberFormatException e) {
      throw bad(text, what);
    }
  }

  private static void requireParts(String[] parts, int min, int max, String text, String what) {
    if (parts.length < min || parts.length > max) {
      throw bad(text, what);
    }
  }

  private static int window(String text, String spec, String what) {
    int value = Integer.parseInt(text);
    if (value < 1 || value > 100_000) {
      throw new InputException(what + ": '" + spec + "': the window must be 1..100000, was " + value);
    }
    return value;
  }

  private static double number(String text, String spec, String what) {
    double value = Double.parseDouble(text);
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InputException(what + ": '" + spec + "': K must be a finite number >= 0, was " + text);
    }
    return value;
  }

  private static InputException bad(String text, String what) {
    return new InputException(what + ": unknown indicator '" + text + "'; expected one of " + SYNTAX);
  }

  /** Names of the output columns, in the order {@link #compute} returns them. */
  public List<String> outputs() {
    String n = Integer.toString(period);
    String kText = k == Math.rint(k) ? Long.toString((long) k) : Double.toString(k);
    return switch (kind) {
      case SMA, EMA, RSI, ATR, STDDEV, VOLAVG, HIGHEST, LOWEST -> List.of(kind.configName() + "_" + n);
      case TR -> List.of("tr");
      case ADX -> List.of("adx_" + n, "plus_di_" + n, "minus_di_" + n);
      case BBANDS -> List.of("bb_middle_" + n + "_" + kText, "bb_upper_" + n + "_" + kText,
          "bb_lower_" + n + "_" + kText);
      case VWAP -> List.of("vwap", "vwap_upper_" + kText, "vwap_lower_" + kText);
      case ORB -> List.of("or_high_" + n, "or_low_" + n);
      case CUMDELTA -> List.of("cumdelta");
    };
  }

  /** Bars before the first value on a continuous series (session indicators: 0, they restart each session). */
  public int unstableBars() {
    return switch (kind) {
      case SMA, EMA, STDDEV, VOLAVG, HIGHEST, LOWEST, BBANDS -> period - 1;
      case RSI, ATR -> period;
      case TR -> 1;
      case ADX -> 2 * period - 1;
      case VWAP, ORB, CUMDELTA -> 0;
    };
  }

  /** Computes every output over {@code series}; one array per {@link #outputs()} entry, NaN where not available. */
  public double[][] compute(BarSeries series) {
    double tick = series.instrument().tickSize();
    double[] close = ticks(series.closeTicksUnsafe());
    return switch (kind) {
      case SMA -> scaled(tick, Smoothing.sma(close, period));
      case EMA -> scaled(tick, Smoothing.ema(close, period));
      case RSI -> new double[][] {Oscillators.rsi(close, period)};
      case TR -> scaled(tick, Oscillators.trueRange(high(series), low(series), close));
      case ATR -> scaled(tick, Oscillators.atr(high(series), low(series), close, period));
      case ADX -> Oscillators.adx(high(series), low(series), close, period);
      case BBANDS -> bollinger(close, tick);
      case STDDEV -> scaled(tick, Smoothing.stdDev(close, period));
      case VWAP -> scaled(tick, SessionIndicators.vwap(series, session, k));
      case VOLAVG -> new double[][] {Smoothing.sma(volumes(series), period)};
      case HIGHEST -> scaled(tick, Smoothing.highest(high(series), period));
      case LOWEST -> scaled(tick, Smoothing.lowest(low(series), period));
      case ORB -> scaled(tick, SessionIndicators.openingRange(series, period));
      case CUMDELTA -> new double[][] {SessionIndicators.cumulativeDelta(series, session)};
    };
  }

  /** Bollinger bands over ticks: SMA ± K · population σ, computed on exact tick sums then scaled to prices. */
  private double[][] bollinger(double[] close, double tick) {
    double[] middle = Smoothing.sma(close, period);
    double[] sigma = Smoothing.stdDev(close, period);
    double[] upper = new double[close.length];
    double[] lower = new double[close.length];
    for (int i = 0; i < close.length; i++) {
      upper[i] = middle[i] + k * sigma[i];
      lower[i] = middle[i] - k * sigma[i];
    }
    return scaled(tick, middle, upper, lower);
  }

  private static double[][] scaled(double tick, double[]... columns) {
    for (double[] column : columns) {
      for (int i = 0; i < column.length; i++) {
        column[i] *= tick;
      }
    }
    return columns;
  }

  private static double[] high(BarSeries series) {
    return ticks(series.highTicksUnsafe());
  }

  private static double[] low(BarSeries series) {
    return ticks(series.lowTicksUnsafe());
  }

  private static double[] ticks(int[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static double[] volumes(BarSeries series) {
    int[] values = series.volumeUnsafe();
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /** {@code sma:20}: the text {@link #parse} reads back. */
  @Override
  public String toString() {
    String n = Integer.toString(period);
    String kText = k == Math.rint(k) ? Long.toString((long) k) : Double.toString(k);
    String globex = session == Session.GLOBEX ? ":globex" : "";
    return switch (kind) {
      case TR -> "tr";
      case BBANDS -> "bbands:" + n + ":" + kText;
      case VWAP -> "vwap:" + kText + globex;
      case CUMDELTA -> "cumdelta" + globex;
      default -> kind.configName() + ":" + n;
    };
  }
}
