package io.plateau.data.ingest;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.instrument.Instrument;
import java.util.Arrays;

/**
 * The growing columns of one contract's accepted bars, each with the file and line it came from. Unlike
 * {@link BarSeries.Builder} it can take back its last bar (a spike found one row later) and find a bar by time
 * (to tell a duplicate from an out-of-order row).
 */
final class Columns {

  private static final int INITIAL_CAPACITY = 4096;

  long[] startMillis = new long[INITIAL_CAPACITY];
  int[] openTicks = new int[INITIAL_CAPACITY];
  int[] highTicks = new int[INITIAL_CAPACITY];
  int[] lowTicks = new int[INITIAL_CAPACITY];
  int[] closeTicks = new int[INITIAL_CAPACITY];
  long[] volume = new long[INITIAL_CAPACITY];
  long[] buyVolume = new long[INITIAL_CAPACITY];
  long[] sellVolume = new long[INITIAL_CAPACITY];
  int[] sourceFile = new int[INITIAL_CAPACITY];
  long[] sourceLine = new long[INITIAL_CAPACITY];
  int size;
  /** Whether every bar so far had aggressor volume (buy and sell not -1). */
  private boolean allAggressor = true;

  void add(long start, int open, int high, int low, int close, long vol, long buy, long sell, int file, long line) {
    if (size == startMillis.length) {
      grow();
    }
    int i = size;
    startMillis[i] = start;
    openTicks[i] = open;
    highTicks[i] = high;
    lowTicks[i] = low;
    closeTicks[i] = close;
    volume[i] = vol;
    buyVolume[i] = buy;
    sellVolume[i] = sell;
    sourceFile[i] = file;
    sourceLine[i] = line;
    allAggressor &= buy >= 0 && sell >= 0;
    size = i + 1;
  }

  /** Takes back the last bar. The aggressor flag stays as it was: at worst a series loses a split it could keep. */
  void removeLast() {
    size--;
  }

  /** The index of the bar starting at {@code start}, or a negative number when there is none. */
  int indexOf(long start) {
    return Arrays.binarySearch(startMillis, 0, size, start);
  }

  boolean sameValues(int i, int open, int high, int low, int close, long vol, long buy, long sell) {
    return openTicks[i] == open && highTicks[i] == high && lowTicks[i] == low && closeTicks[i] == close
        && volume[i] == vol && buyVolume[i] == buy && sellVolume[i] == sell;
  }

  private void grow() {
    int capacity = startMillis.length * 2;
    startMillis = Arrays.copyOf(startMillis, capacity);
    openTicks = Arrays.copyOf(openTicks, capacity);
    highTicks = Arrays.copyOf(highTicks, capacity);
    lowTicks = Arrays.copyOf(lowTicks, capacity);
    closeTicks = Arrays.copyOf(closeTicks, capacity);
    volume = Arrays.copyOf(volume, capacity);
    buyVolume = Arrays.copyOf(buyVolume, capacity);
    sellVolume = Arrays.copyOf(sellVolume, capacity);
    sourceFile = Arrays.copyOf(sourceFile, capacity);
    sourceLine = Arrays.copyOf(sourceLine, capacity);
  }

  /** The bars as a series (copies), with {@code contract} (may be null) in every bar's contract column. */
  BarSeries toSeries(Instrument instrument, BarInterval interval, String contract) {
    boolean aggressor = allAggressor && size > 0;
    String[] contracts = null;
    if (contract != null) {
      contracts = new String[size];
      Arrays.fill(contracts, contract);
    }
    return BarSeries.ofColumns(instrument, interval,
        Arrays.copyOf(startMillis, size),
        Arrays.copyOf(openTicks, size),
        Arrays.copyOf(highTicks, size),
        Arrays.copyOf(lowTicks, size),
        Arrays.copyOf(closeTicks, size),
        Arrays.copyOf(volume, size),
        aggressor ? Arrays.copyOf(buyVolume, size) : null,
        aggressor ? Arrays.copyOf(sellVolume, size) : null,
        contracts);
  }
}
