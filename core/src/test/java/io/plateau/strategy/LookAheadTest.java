package io.plateau.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plateau.bar.BarSeries;
import io.plateau.data.synthetic.SyntheticConfig;
import io.plateau.data.synthetic.SyntheticMarket;
import io.plateau.indicator.IndicatorCache;
import io.plateau.instrument.InstrumentCatalog;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * No strategy looks ahead: replacing every bar after bar t with other bars never changes a decision made at or
 * before t. Decisions are recorded straight from the {@link Orders} a strategy talks to.
 */
class LookAheadTest {

  private static final LocalDate FROM = LocalDate.of(2022, 10, 3);
  private static final LocalDate TO = LocalDate.of(2022, 10, 14);

  /** Parameter sets per strategy: each registered strategy must have some. */
  private static final Map<String, List<Map<String, String>>> CASES = Map.of(
      SmaCross.NAME, List.of(Map.of("fast", "5", "slow", "30", "direction", "both"),
          Map.of("fast", "10", "slow", "60", "direction", "both", "atr_stop", "2")),
      BollingerReversion.NAME, List.of(Map.of("window", "20", "k", "1.5"),
          Map.of("window", "14", "high_vol_window", "20", "vol_lookback", "50", "vol_threshold", "0.0003")),
      RsiReversion.NAME, List.of(Map.of("period", "14", "adx_max", "40"),
          Map.of("period", "7", "lower", "25", "upper", "75", "atr_stop", "3")),
      OpeningRangeBreakout.NAME, List.of(Map.of(),
          Map.of("volume_mult", "0", "max_trades_per_day", "3", "target", "round_number", "range_minutes", "15"),
          Map.of("volume_mult", "1.2", "volume_lookback", "10", "target", "vwap_band", "direction", "short")),
      VwapReversion.NAME, List.of(Map.of(),
          Map.of("band_sigma", "1", "wick_ratio", "0.3", "adx_max", "0", "max_trades_per_day", "5"),
          Map.of("band_sigma", "1.5", "fade_lookback", "3", "adx_max", "40", "direction", "long")),
      DeltaDivergence.NAME, List.of(Map.of(),
          Map.of("lookback", "10", "regular_hours_only", "false", "max_trades_per_day", "5"),
          Map.of("lookback", "30", "direction", "long", "target_ticks", "12", "stop_ticks", "8")),
      MultiAlpha.NAME, List.of(Map.of(),
          Map.of("add_policy", "average-down", "contracts_per_entry", "1-2-3", "orb_volume_mult", "0",
              "vwap_band_sigma", "1", "vwap_adx_max", "0", "delta_lookback", "10")));

  private static BarSeries market(long seed) {
    return SyntheticMarket.create(InstrumentCatalog.builtIn(), SyntheticConfig.builtIn(), seed, FROM, TO)
        .generate("MES", FROM, TO);
  }

  /** {@code original}'s bars up to {@code t}, then {@code other}'s (same times: same schedule). */
  static BarSeries splice(BarSeries original, BarSeries other, int t) {
    BarSeries.Builder builder = BarSeries.builder(original.instrument(), original.interval());
    for (int i = 0; i < original.size(); i++) {
      BarSeries from = i <= t ? original : other;
      builder.add(from.startMillis(i), from.openTicks(i), from.highTicks(i), from.lowTicks(i), from.closeTicks(i),
          from.volume(i), from.buyVolume(i), from.sellVolume(i), from.contract(i));
    }
    return builder.build();
  }

  private static List<String> decisions(StrategyDefinition definition, StrategySpec spec, BarSeries bars, int upTo) {
    return RecordingOrders.decisions(definition.compile(spec, bars, new IndicatorCache(bars)), upTo);
  }

  @Test
  void changingLaterBarsNeverChangesEarlierDecisions() {
    BarSeries original = market(3);
    BarSeries other = market(4);
    SplittableRandom random = new SplittableRandom(17);
    int checked = 0;
    for (StrategyDefinition definition : Strategies.all()) {
      List<Map<String, String>> cases = CASES.get(definition.name());
      assertTrue(cases != null, "every strategy needs look-ahead cases: add " + definition.name() + " to CASES");
      for (Map<String, String> params : cases) {
        StrategySpec spec = definition.spec(params);
        for (int trial = 0; trial < 5; trial++) {
          int t = 200 + random.nextInt(original.size() - 400);
          List<String> before = decisions(definition, spec, original, t);
          List<String> after = decisions(definition, spec, splice(original, other, t), t);
          assertEquals(before, after, definition.name() + " " + spec + " decisions up to bar " + t);
          checked += before.size();
        }
      }
    }
    assertTrue(checked > 20, "decisions compared: " + checked);
    assertTrue(!Arrays.equals(original.closeTicksUnsafe(), other.closeTicksUnsafe()), "the splice changes bars");
  }
}
