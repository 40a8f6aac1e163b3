package io.plateau.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.instrument.InstrumentCatalog;
import org.junit.jupiter.api.Test;

class IntradayProfileTest {

  private static final SyntheticConfig.Intraday INTRADAY = SyntheticConfig.builtIn().intraday();
  private static final IntradayProfile CME = new IntradayProfile(
      InstrumentCatalog.builtIn().get("ES").sessions(), INTRADAY.volatilityProfile(), INTRADAY.volumeProfile());
  private static final int OPEN = 8 * 60 + 30;
  private static final int CLOSE = 15 * 60 + 15;
  private static final int DAY = IntradayProfile.MINUTES_PER_DAY;

  @Test
  void profilesPeakAtTheRegularOpenAndCloseAndSagAtMidday() {
    for (double[] table : new double[][] {CME.volatility, CME.volumeShare}) {
      double open = table[DAY + OPEN];
      double midday = table[DAY + 12 * 60];
      double beforeClose = table[DAY + CLOSE - 1];
      double night = table[DAY + 2 * 60];
      assertTrue(open > midday && beforeClose > midday && midday > night,
          "open " + open + ", midday " + midday + ", before close " + beforeClose + ", night " + night);
    }
    assertEquals(1 + INTRADAY.volatilityProfile().openBoost()
        + INTRADAY.volatilityProfile().closeBoost() * Math.exp(-(CLOSE - 1 - OPEN) / 15.0),
        CME.volatility[DAY + OPEN], 1e-9, "the open's boost on top of midday's 1");
  }

  @Test
  void thePreviousEveningRepeatsTheSameLocalTimes() {
    assertEquals(CME.volatility[DAY + 17 * 60], CME.volatility[17 * 60]);
    assertEquals(CME.volumeShare[DAY + 20 * 60], CME.volumeShare[20 * 60]);
  }

  @Test
  void volumeSharesOfAFullDaySumToOne() {
    double sum = 0;
    for (int minute = 0; minute < DAY; minute++) {
      sum += CME.volumeShare[DAY + minute];
    }
    assertEquals(1, sum, 1e-9);
  }

  @Test
  void varianceBetweenSumsSquaredVolatility() {
    double expected = 0;
    for (int minute = -420; minute < 960; minute++) {
      expected += CME.volatility[DAY + minute] * CME.volatility[DAY + minute];
    }
    assertEquals(expected, CME.varianceBetween(-420, 960), 1e-9);
    assertEquals(0, CME.varianceBetween(600, 600));
  }
}
