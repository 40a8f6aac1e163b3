package io.plateau.metrics;

import io.plateau.exec.TradeLog;
import io.plateau.exec.DailyEquity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceSummaryTest {

  // A plain mapper: the snake_case names come from the records themselves, so any writer gets them.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void jsonHasSnakeCaseKeysAndRoundTrips() throws Exception {
    PerformanceSummary summary = Metrics.summarize(MetricsTest.fiveTrades(), MetricsTest.sixDays(), 300, 1_200);
    String json = MAPPER.writeValueAsString(summary);
    JsonNode tree = MAPPER.readTree(json);

    List<String> keys = new ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("trade_count", "winning_trades", "losing_trades", "net_profit", "gross_profit",
        "gross_loss", "profit_factor", "win_rate_percent", "average_win", "average_loss", "expectancy_per_trade",
        "expectancy_per_contract", "largest_win", "largest_loss", "starting_capital", "ending_equity",
        "trading_days", "max_drawdown", "max_drawdown_percent", "max_bar_drawdown", "longest_drawdown_days", "cagr_percent",
        "annualized_return_percent", "sharpe", "sortino", "mar", "risk_free_daily", "time_in_market_percent",
        "periods"), keys);
    assertEquals(1.4, tree.get("profit_factor").doubleValue());
    assertEquals(3, tree.get("longest_drawdown_days").intValue());
    assertEquals("Last 12 months", tree.get("periods").get(0).get("period").textValue());
    assertTrue(tree.get("periods").get(1).has("return_percent"));
    assertTrue(tree.get("periods").get(1).has("start_equity"));

    assertEquals(summary, MAPPER.readValue(json, PerformanceSummary.class));
  }

  @Test
  void nonFiniteValuesAreWrittenAsStringsAndReadBack() throws Exception {
    TradeLog oneWinner = new TradeLog();
    oneWinner.add(0, 1, 1, 1, 100, 101, 5, 1.25, 0, 0, 5, 0, 1);
    PerformanceSummary summary = Metrics.summarize(oneWinner, DailyEquity.builder(1_000).build(), 0, 0);
    String json = MAPPER.writeValueAsString(summary);

    assertTrue(json.contains("\"profit_factor\":\"Infinity\""), json);
    assertTrue(json.contains("\"sharpe\":\"NaN\""), json);
    assertTrue(json.contains("\"largest_loss\":\"NaN\""), json);
    // Records compare doubles as Double.compare does, so NaN equals NaN here.
    assertEquals(summary, MAPPER.readValue(json, PerformanceSummary.class));
  }
}
