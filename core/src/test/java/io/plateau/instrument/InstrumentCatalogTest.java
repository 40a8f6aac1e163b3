package io.plateau.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.util.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentCatalogTest {

  @TempDir
  Path dir;

  private static final String CL = """
      instruments:
        CL:
          description: Crude oil
          exchange: NYMEX
          currency: USD
          multiplier: 1000
          tick_size: 0.01
          tick_value: 10.00
          sessions: cme_equity_index
          contract_months: FGHJKMNQUVXZ
          expiry: third_friday
          commission_per_side: 0.85
          fees_per_side: 1.50
      """;

  @Test
  void theBuiltInCatalogHasTheIndexFuturesWithCmeSpecs() {
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    assertEquals(List.of("ES", "MES", "NQ", "MNQ", "RTY", "M2K", "YM", "MYM"), catalog.symbols());
    // DOMAIN.md's table, from CME's specifications.
    assertSpec(catalog.get("ES"), 50, 0.25, 12.50);
    assertSpec(catalog.get("MES"), 5, 0.25, 1.25);
    assertSpec(catalog.get("NQ"), 20, 0.25, 5.00);
    assertSpec(catalog.get("MNQ"), 2, 0.25, 0.50);
    assertSpec(catalog.get("RTY"), 50, 0.10, 5.00);
    assertSpec(catalog.get("M2K"), 5, 0.10, 0.50);
    assertSpec(catalog.get("YM"), 5, 1.00, 5.00);
    assertSpec(catalog.get("MYM"), 0.5, 1.00, 0.50);
    assertEquals("ES", catalog.get("MES").microOf());
    assertEquals(0.62, catalog.get("MES").costPerSide(), 1e-9);
    assertEquals(2.26, catalog.get("ES").costPerSide(), 1e-9);
    assertEquals("America/Chicago", catalog.get("M2K").sessions().timeZone().getId());
  }

  private static void assertSpec(Instrument instrument, double multiplier, double tick, double tickValue) {
    assertEquals(multiplier, instrument.multiplier(), instrument.symbol());
    assertEquals(tick, instrument.tickSize(), instrument.symbol());
    assertEquals(tickValue, instrument.tickValue(), 1e-12, instrument.symbol());
    assertEquals("HMUZ", instrument.contractMonths(), instrument.symbol());
  }

  @Test
  void aUserFileAddsInstruments() throws IOException {
    Path file = write("mine.yaml", CL);
    InstrumentCatalog catalog = InstrumentCatalog.builtInWith(List.of(file));
    assertEquals(10.0, catalog.get("CL").tickValue());
    assertTrue(catalog.contains("ES"));
  }

  @Test
  void aTickValueThatIsNotTickSizeTimesMultiplierNamesFileInstrumentAndKey() throws IOException {
    Path file = write("bad.yaml", CL.replace("tick_value: 10.00", "tick_value: 12.50"));
    String message = failure(file);
    assertTrue(message.contains("bad.yaml"), message);
    assertTrue(message.contains("instruments.CL"), message);
    assertTrue(message.contains("tick_value"), message);
    assertTrue(message.contains("12.5"), message);
  }

  @Test
  void unknownKeysBadSessionsAndBadValuesAreErrors() throws IOException {
    assertTrue(failure(write("a.yaml", CL.replace("fees_per_side: 1.50", "fees_per_side: 1.50\n    margin: 3")))
        .contains("instruments.CL.margin: unknown key"));
    assertTrue(failure(write("b.yaml", CL.replace("cme_equity_index", "nymex"))).contains("unknown session schedule 'nymex'"));
    assertTrue(failure(write("c.yaml", CL.replace("multiplier: 1000", "multiplier: -5"))).contains("instruments.CL.multiplier"));
    assertTrue(failure(write("d.yaml", CL.replace("FGHJKMNQUVXZ", "ABC"))).contains("contract_months"));
    assertTrue(failure(write("e.yaml", CL.replace("third_friday", "last_day"))).contains("instruments.CL.expiry"));
    String badHalt = """
        sessions:
          broken:
            time_zone: America/Chicago
            globex_open: "17:00"
            regular: { open: "08:30", close: "15:15" }
            eras:
              - { from: 2000-01-03, close: "16:00", halts: ["15:30-15:15"] }
        """;
    assertTrue(failure(write("f.yaml", badHalt)).contains("sessions.broken.eras[0].halts"));
    String regularOutside = badHalt.replace("15:30-15:15", "15:15-15:30").replace("close: \"15:15\" }", "close: \"16:30\" }");
    String message = failure(write("g.yaml", regularOutside));
    assertTrue(message.contains("sessions.broken") && message.contains("regular hours"), message);
    assertTrue(failure(write("h.yaml", "instruments: [")).contains("h.yaml:"), "YAML syntax errors name the line");
  }

  @Test
  void anUnknownSymbolListsTheKnownOnes() {
    InputException e = assertThrows(InputException.class, () -> InstrumentCatalog.builtIn().get("ZZ"));
    assertTrue(e.getMessage().contains("ES, MES"), e.getMessage());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String failure(Path file) {
    return assertThrows(InputException.class, () -> InstrumentCatalog.builtInWith(List.of(file))).getMessage();
  }
}
