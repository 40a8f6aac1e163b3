package io.plateau.bar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.instrument.Instrument;
import io.plateau.instrument.InstrumentCatalog;
import io.plateau.util.InputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContinuousContractTest {

  private static final Instrument MES = InstrumentCatalog.builtIn().get("MES");

  /** A one-minute bar at {@code iso} (UTC) with open = high = low = close = {@code price}. */
  private record Bar(String iso, double price, long volume) {}

  private static BarSeries series(Bar... bars) {
    BarSeries.Builder builder = BarSeries.builder(MES, BarInterval.ONE_MINUTE);
    for (Bar bar : bars) {
      int ticks = (int) MES.tickGrid().toTicks(bar.price);
      builder.add(Instant.parse(bar.iso).toEpochMilli(), ticks, ticks, ticks, ticks, bar.volume, -1, -1, null);
    }
    return builder.build();
  }

  /*
   * Two contracts over Mon 2024-03-04 .. Fri 2024-03-08 (Chicago on CST, UTC-6), bars at 10:00 CT (16:00Z) and
   * 15:59 CT (21:59Z). MESM24 trades 50.25 above MESH24, except that on 03-06 it has only its 10:00 bar, at 50.50
   * above. Daily volumes: H24 2000, 2000, 800, 200, 100; M24 200, 2200, 900, 2000, 2000.
   */
  private static final BarSeries H24 = series(
      new Bar("2024-03-04T16:00:00Z", 5000.00, 1000), new Bar("2024-03-04T21:59:00Z", 5001.00, 1000),
      new Bar("2024-03-05T16:00:00Z", 5002.00, 1000), new Bar("2024-03-05T21:59:00Z", 5003.00, 1000),
      new Bar("2024-03-06T16:00:00Z", 5004.00, 400), new Bar("2024-03-06T21:59:00Z", 5005.00, 400),
      new Bar("2024-03-07T16:00:00Z", 5006.00, 100), new Bar("2024-03-07T21:59:00Z", 5007.00, 100),
      new Bar("2024-03-08T16:00:00Z", 5008.00, 50), new Bar("2024-03-08T21:59:00Z", 5009.00, 50));
  private static final BarSeries M24 = series(
      new Bar("2024-03-04T16:00:00Z", 5050.25, 100), new Bar("2024-03-04T21:59:00Z", 5051.25, 100),
      new Bar("2024-03-05T16:00:00Z", 5052.25, 1100), new Bar("2024-03-05T21:59:00Z", 5053.25, 1100),
      new Bar("2024-03-06T16:00:00Z", 5054.50, 900),
      new Bar("2024-03-07T16:00:00Z", 5056.25, 1000), new Bar("2024-03-07T21:59:00Z", 5057.25, 1000),
      new Bar("2024-03-08T16:00:00Z", 5058.25, 1000), new Bar("2024-03-08T21:59:00Z", 5059.25, 1000));

  private static Map<String, BarSeries> twoContracts() {
    Map<String, BarSeries> contracts = new LinkedHashMap<>();
    contracts.put("MESM24", M24);
    contracts.put("MESH24", H24);
    return contracts;
  }

  private static double[] closes(BarSeries bars) {
    double[] closes = new double[bars.size()];
    for (int i = 0; i < closes.length; i++) {
      closes[i] = bars.close(i);
    }
    return closes;
  }

  @Test
  void calendarRollAddsTheGapAtTheLastCommonBarToEarlierBars() {
    ContinuousContract continuous = ContinuousContract.backAdjust(MES, twoContracts(), RollRule.DEFAULT);
    // calendar:6: H24 expires Fri 2024-03-15; six trading days earlier is Thu 2024-03-07.
    // The last bar both have before 03-07 is 03-06 10:00 CT (M24 has no 15:59 bar that day):
    // gap = 5054.50 - 5004.00 = 50.50 = 202 ticks. (Each one's last close of the day would give 49.50.)
    assertEquals(List.of(new Roll(LocalDate.of(2024, 3, 7), "MESH24", "MESM24", 202)), continuous.rolls());
    BarSeries bars = continuous.series();
    assertEquals(10, bars.size());
    assertTrue(java.util.Arrays.equals(new double[] {
        5050.50, 5051.50, 5052.50, 5053.50, 5054.50, 5055.50, // H24 + 50.50
        5056.25, 5057.25, 5058.25, 5059.25}, closes(bars)), () -> java.util.Arrays.toString(closes(bars)));
    assertEquals(5050.50, bars.open(0));
    assertEquals(5050.50, bars.high(0));
    assertEquals(5050.50, bars.low(0));
    assertEquals("MESH24", bars.contract(5));
    assertEquals("MESM24", bars.contract(6));
    assertEquals(1000, bars.volume(6));
  }

  @Test
  void volumeRollFollowsTheDayAfterTheNextContractOutTrades() {
    ContinuousContract continuous =
        ContinuousContract.backAdjust(MES, twoContracts(), new RollRule.VolumeCrossover());
    // M24 first out-trades H24 on 03-05 (2200 > 2000): it is used from the next trading date, 03-06.
    // The last common bar before 03-06 is 03-05 15:59 CT: gap = 5053.25 - 5003.00 = 50.25 = 201 ticks.
    assertEquals(List.of(new Roll(LocalDate.of(2024, 3, 6), "MESH24", "MESM24", 201)), continuous.rolls());
    assertTrue(java.util.Arrays.equals(new double[] {
        5050.25, 5051.25, 5052.25, 5053.25, // H24 + 50.25
        5054.50, 5056.25, 5057.25, 5058.25, 5059.25}, closes(continuous.series())),
        () -> java.util.Arrays.toString(closes(continuous.series())));
  }

  @Test
  void volumeRollOnTheDayTheCurrentContractHasNoBars() {
    BarSeries h = series(new Bar("2024-03-04T16:00:00Z", 5000.00, 1000), new Bar("2024-03-05T16:00:00Z", 5001.00, 900));
    BarSeries m = series(new Bar("2024-03-04T16:00:00Z", 5050.00, 10), new Bar("2024-03-05T16:00:00Z", 5051.00, 20),
        new Bar("2024-03-06T16:00:00Z", 5052.00, 30));
    ContinuousContract continuous = ContinuousContract.backAdjust(MES,
        Map.of("MESH24", h, "MESM24", m), new RollRule.VolumeCrossover());
    assertEquals(List.of(new Roll(LocalDate.of(2024, 3, 6), "MESH24", "MESM24", 200)), continuous.rolls());
    assertEquals(3, continuous.series().size());
    assertEquals(5051.00, continuous.series().close(1));
  }

  @Test
  void everyBarGetsTheSumOfAllLaterGaps() {
    // Rolls (calendar:6): H24 → M24 on 2024-03-07, M24 → U24 on 2024-06-13 (M24 expires Fri 2024-06-21).
    BarSeries h = series(new Bar("2024-03-06T16:00:00Z", 5000.00, 1));
    BarSeries m = series(new Bar("2024-03-06T16:00:00Z", 5010.00, 1), new Bar("2024-06-12T15:00:00Z", 5100.00, 1));
    BarSeries u = series(new Bar("2024-06-12T15:00:00Z", 5125.00, 1), new Bar("2024-06-13T15:00:00Z", 5130.00, 1));
    ContinuousContract continuous = ContinuousContract.backAdjust(MES,
        Map.of("MESH24", h, "MESM24", m, "MESU24", u), RollRule.DEFAULT);
    assertEquals(List.of(
        new Roll(LocalDate.of(2024, 3, 7), "MESH24", "MESM24", 40),
        new Roll(LocalDate.of(2024, 6, 13), "MESM24", "MESU24", 100)), continuous.rolls());
    // H24 5000 + 10 + 25; M24 5100 + 25; U24 as traded.
    assertTrue(java.util.Arrays.equals(new double[] {5035.00, 5125.00, 5130.00}, closes(continuous.series())),
        () -> java.util.Arrays.toString(closes(continuous.series())));
  }

  @Test
  void aContractWithoutBarsInItsStretchIsDropped() {
    // M24's only bar is on 03-06, before its stretch (from 03-07): U24 follows H24 directly.
    BarSeries h = series(new Bar("2024-03-06T16:00:00Z", 5000.00, 1), new Bar("2024-03-07T16:00:00Z", 5001.00, 1));
    BarSeries m = series(new Bar("2024-03-05T16:00:00Z", 5010.00, 1));
    BarSeries u = series(new Bar("2024-03-06T16:00:00Z", 5100.00, 1), new Bar("2024-03-07T16:00:00Z", 5101.00, 1));
    ContinuousContract continuous = ContinuousContract.backAdjust(MES,
        Map.of("MESH24", h, "MESM24", m, "MESU24", u), RollRule.DEFAULT);
    assertEquals(List.of(new Roll(LocalDate.of(2024, 3, 7), "MESH24", "MESU24", 400)), continuous.rolls());
    assertEquals(2, continuous.series().size());
  }

  @Test
  void aSingleContractIsLeftAsItIs() {
    ContinuousContract continuous = ContinuousContract.backAdjust(MES, Map.of("MESH24", H24), RollRule.DEFAULT);
    assertTrue(continuous.rolls().isEmpty());
    assertEquals(H24.size(), continuous.series().size());
    assertEquals(5000.00, continuous.series().close(0));
  }

  @Test
  void contractsWithoutACommonBarBeforeTheRollCannotBeJoined() {
    BarSeries h = series(new Bar("2024-03-06T16:00:00Z", 5000.00, 1));
    BarSeries m = series(new Bar("2024-03-07T16:00:00Z", 5010.00, 1));
    InputException e = assertThrows(InputException.class,
        () -> ContinuousContract.backAdjust(MES, Map.of("MESH24", h, "MESM24", m), RollRule.DEFAULT));
    assertTrue(e.getMessage().contains("MESH24") && e.getMessage().contains("MESM24"), e.getMessage());
  }

  @Test
  void keysMustBeContractsOfTheInstrument() {
    assertThrows(IllegalArgumentException.class,
        () -> ContinuousContract.backAdjust(MES, Map.of("ESH24", H24), RollRule.DEFAULT));
    assertThrows(IllegalArgumentException.class,
        () -> ContinuousContract.backAdjust(MES, Map.of("MESH24", H24, "MESH2024", M24), RollRule.DEFAULT));
  }
}
