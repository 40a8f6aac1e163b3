package io.plateau.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalDistributionTest {

  /** {z, Φ(z)} from SciPy 1.17.1: {@code scipy.stats.norm.cdf(z)}. */
  private static final double[][] CDF = {
      {-37.0, 5.7255712225239266e-300},
      {-20.0, 2.7536241186061556e-89},
      {-10.0, 7.61985302416047e-24},
      {-5.0, 2.866515718791933e-07},
      {-3.0, 0.0013498980316300933},
      {-1.959963984540054, 0.025},
      {-1.5, 0.06680720126885807},
      {-0.5, 0.3085375387259869},
      {-0.001, 0.49960105778608893},
      {0.0, 0.5},
      {0.3, 0.6179114221889526},
      {1.0, 0.8413447460685429},
      {2.5, 0.9937903346742238},
      {5.0, 0.9999997133484281},
      {8.5, 1.0},
  };

  /** {p, Φ⁻¹(p)} from SciPy 1.17.1: {@code scipy.stats.norm.ppf(p)}. */
  private static final double[][] QUANTILES = {
      {1e-300, -37.0470962993612},
      {1e-20, -9.262340089798409},
      {1e-10, -6.361340902404056},
      {1e-05, -4.264890793922825},
      {0.001, -3.090232306167813},
      {0.02425, -1.972961051311885},
      {0.025, -1.9599639845400545},
      {0.1, -1.2815515655446004},
      {0.3, -0.5244005127080409},
      {0.5, 0.0},
      {0.7, 0.5244005127080407},
      {0.975, 1.959963984540054},
      {0.99, 2.3263478740408408},
      // The double nearest 1 − 1e-10 is not exactly that, hence not minus the 1e-10 quantile.
      {0.9999999999, 6.361340889697422},
  };

  /** {x, erfc(x)} from SciPy 1.17.1: {@code scipy.special.erfc(x)}; one point in each of Cody's three ranges. */
  private static final double[][] ERFC = {
      {0.0, 1.0},
      {0.25, 0.7236736098317631},
      {0.46875, 0.507386526782062},
      {0.5, 0.4795001221869535},
      {1.0, 0.15729920705028516},
      {2.0, 0.004677734981047266},
      {4.0, 1.541725790028002e-08},
      {4.5, 1.9661604415428878e-10},
      {10.0, 2.0884875837625446e-45},
      {26.0, 5.663192408856145e-296},
      {-0.3, 1.3286267594591274},
      {-2.0, 1.9953222650189528},
  };

  @Test
  void cdfMatchesScipyToTwelveDigitsEvenInTheLowerTail() {
    for (double[] row : CDF) {
      assertEquals(row[1], NormalDistribution.cdf(row[0]), 1e-12 * row[1], "Φ(" + row[0] + ")");
    }
  }

  @Test
  void erfcMatchesScipyInEachOfCodysRanges() {
    for (double[] row : ERFC) {
      assertEquals(row[1], NormalDistribution.erfc(row[0]), 1e-13 * row[1], "erfc(" + row[0] + ")");
    }
  }

  @Test
  void densityMatchesScipy() {
    // scipy.stats.norm.pdf(1.3)
    assertEquals(0.17136859204780736, NormalDistribution.density(1.3), 1e-16);
    assertEquals(NormalDistribution.density(1.3), NormalDistribution.density(-1.3), 0);
  }

  @Test
  void cdfIsSymmetricAboutZero() {
    for (double z = -8; z <= 8; z += 0.01) {
      assertEquals(1, NormalDistribution.cdf(z) + NormalDistribution.cdf(-z), 1e-15, "z = " + z);
    }
  }

  @Test
  void cdfOfInfinitiesAndNaN() {
    assertEquals(0, NormalDistribution.cdf(Double.NEGATIVE_INFINITY), 0);
    assertEquals(1, NormalDistribution.cdf(Double.POSITIVE_INFINITY), 0);
    assertEquals(0, NormalDistribution.cdf(-40), 0, "below the smallest subnormal double");
    assertTrue(Double.isNaN(NormalDistribution.cdf(Double.NaN)));
  }

  @Test
  void inverseCdfMatchesScipyToTwelveDigits() {
    for (double[] row : QUANTILES) {
      assertEquals(row[1], NormalDistribution.inverseCdf(row[0]), 1e-12 * Math.max(1, Math.abs(row[1])),
          "Φ⁻¹(" + row[0] + ")");
    }
  }

  @Test
  void inverseCdfUndoesCdfAcrossTheLowerHalf() {
    for (double z = -37; z <= 0; z += 0.05) {
      assertEquals(z, NormalDistribution.inverseCdf(NormalDistribution.cdf(z)), 1e-12 * Math.max(1, -z),
          "z = " + z);
    }
  }

  @Test
  void inverseCdfOfZeroAndOneIsInfinite() {
    assertEquals(Double.NEGATIVE_INFINITY, NormalDistribution.inverseCdf(0));
    assertEquals(Double.POSITIVE_INFINITY, NormalDistribution.inverseCdf(1));
  }

  @Test
  void inverseCdfOfAnUnderflowingProbabilityIsStillFiniteAndOrdered() {
    double tiny = NormalDistribution.inverseCdf(Double.MIN_VALUE);
    assertTrue(Double.isFinite(tiny) && tiny < NormalDistribution.inverseCdf(1e-300), "was " + tiny);
  }

  @Test
  void inverseCdfRejectsANonProbabilityQuotingIt() {
    IllegalArgumentException above = assertThrows(IllegalArgumentException.class,
        () -> NormalDistribution.inverseCdf(1.5));
    assertEquals("p must be a probability in [0, 1], was 1.5", above.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NormalDistribution.inverseCdf(-0.1));
    assertThrows(IllegalArgumentException.class, () -> NormalDistribution.inverseCdf(Double.NaN));
  }
}
