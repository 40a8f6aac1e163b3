package io.plateau.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plateau.bar.RollRule;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FuturesContractTest {

  private static final Instrument ES = InstrumentCatalog.builtIn().get("ES");
  private static final Instrument MES = InstrumentCatalog.builtIn().get("MES");

  @Test
  void parsesOneTwoAndFourDigitYears() {
    assertEquals(Optional.of(new FuturesContract("MES", YearMonth.of(2024, 3))), FuturesContract.parse("MESH24", "MES", 2024));
    assertEquals(Optional.of(new FuturesContract("MES", YearMonth.of(2024, 3))), FuturesContract.parse("MESH4", "MES", 2023));
    assertEquals(Optional.of(new FuturesContract("ES", YearMonth.of(2009, 12))), FuturesContract.parse("ESZ9", "ES", 2010));
    assertEquals(Optional.of(new FuturesContract("ES", YearMonth.of(1999, 12))), FuturesContract.parse("ESZ99", "ES", 2001));
    assertEquals(Optional.of(new FuturesContract("M2K", YearMonth.of(2021, 6))), FuturesContract.parse("M2KM2021", "M2K", 2021));
    assertEquals(Optional.empty(), FuturesContract.parse("NQH24", "ES", 2024));
    assertEquals("MESU24", new FuturesContract("MES", YearMonth.of(2024, 9)).code());
  }

  @Test
  void expiryIsTheThirdFridayAndTheCustomaryRollEightDaysEarlier() {
    // CME's roll-date page: December 2014 expiry 2014-12-19, roll 2014-12-11.
    FuturesContract esz14 = new FuturesContract("ES", YearMonth.of(2014, 12));
    assertEquals(LocalDate.of(2014, 12, 19), esz14.lastTradingDate(ES));
    RollRule.Calendar customary = (RollRule.Calendar) RollRule.DEFAULT;
    assertEquals(LocalDate.of(2014, 12, 11), customary.rollDate(esz14, ES));
    assertEquals(new FuturesContract("ES", YearMonth.of(2014, 12)), customary.contractOn(LocalDate.of(2014, 12, 10), ES));
    assertEquals(new FuturesContract("ES", YearMonth.of(2015, 3)), customary.contractOn(LocalDate.of(2014, 12, 11), ES));
  }

  @Test
  void theFrontContractSkipsUnlistedMonths() {
    assertEquals(new FuturesContract("MES", YearMonth.of(2024, 6)), FuturesContract.frontOn(MES, LocalDate.of(2024, 3, 16)));
    assertEquals(new FuturesContract("MES", YearMonth.of(2024, 3)), FuturesContract.frontOn(MES, LocalDate.of(2024, 3, 15)));
    assertEquals(new FuturesContract("MES", YearMonth.of(2025, 3)), new FuturesContract("MES", YearMonth.of(2024, 12)).next(MES));
  }
}
