package io.plateau.data.ingest;

import static io.plateau.data.ingest.Fixtures.run;
import static io.plateau.data.ingest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plateau.bar.BarInterval;
import io.plateau.bar.BarSeries;
import io.plateau.util.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeStationParserTest {

  @TempDir
  Path dir;

  @Test
  void intradayBarsAreExchangeTimeCloseStampedWithUpPlusDownVolume() {
    Path file = write(dir, "MESH24.txt",
        "\"Date\",\"Time\",\"Open\",\"High\",\"Low\",\"Close\",\"Up\",\"Down\"",
        "01/02/2024,08:31,4800.00,4801.25,4799.75,4801.00,70,50",
        "07/01/2024,08:31,4800.00,4801.25,4799.75,4801.00,1,2");
    Fixtures.Run run = run(VendorFormat.TRADESTATION, file);
    BarSeries bars = run.result().series();
    // 08:31 CT closes the bar that started 08:30 CST = 14:30Z in winter, 08:30 CDT = 13:30Z in summer.
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), run.start(0));
    assertEquals(Instant.parse("2024-07-01T13:30:00Z"), run.start(1));
    assertEquals(120, bars.volume(0));
    // Up/Down are tick directions, not aggressor sides: no buy/sell split is kept.
    assertFalse(bars.hasAggressorVolume());
  }

  @Test
  void dailyBarsUseVolAndIgnoreOpenInterest() {
    Path file = write(dir, "mes-daily.txt",
        "\"Date\",\"Time\",\"Open\",\"High\",\"Low\",\"Close\",\"Vol\",\"OI\"",
        "1/2/2024,16:00,4800.00,4810.00,4790.00,4805.00,1000,250000");
    BarSeries bars = run(VendorFormat.TRADESTATION, file).result().series();
    assertEquals(BarInterval.DAILY, bars.interval());
    assertEquals(LocalDate.of(2024, 1, 2), bars.tradingDate(0));
    assertEquals(1000, bars.volume(0));
  }

  @Test
  void theHeaderIsRequired() {
    Path file = write(dir, "mes.txt", "01/02/2024,08:31,4800.00,4801.25,4799.75,4801.00,70,50");
    assertThrows(InputException.class, () -> run(VendorFormat.TRADESTATION, file));
  }
}
