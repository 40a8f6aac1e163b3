package io.plateau.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TickGridTest {

  @Test
  void pricesRoundTripThroughTicksAsTheirDecimalValues() {
    TickGrid tenth = TickGrid.of(0.1);
    assertEquals(23456, tenth.toTicks(2345.6));
    assertEquals(2345.6, tenth.toPrice(23456));
    assertEquals(5123.25, TickGrid.of(0.25).toPrice(20493));
    assertEquals(1.08555, TickGrid.of(0.00005).toPrice(21711));
    assertEquals(-12.5, TickGrid.of(0.25).toPrice(-50), "back-adjusted history can go negative");
  }

  @Test
  void onGridAllowsBinaryNoiseButNotOffTickPrices() {
    TickGrid quarter = TickGrid.of(0.25);
    assertTrue(quarter.isOnGrid(5000.75));
    assertFalse(quarter.isOnGrid(5000.3));
    assertTrue(TickGrid.of(0.1).isOnGrid(0.1 + 0.2));
    assertFalse(TickGrid.of(0.1).isOnGrid(2000.05));
    assertFalse(quarter.isOnGrid(Double.NaN));
  }
}
