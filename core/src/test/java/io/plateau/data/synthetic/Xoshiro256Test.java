package io.plateau.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Xoshiro256Test {

  private static final int DRAWS = 2_000_000;

  @Test
  void aSeedAlwaysGivesTheSameStream() {
    Xoshiro256 first = new Xoshiro256(42);
    Xoshiro256 second = new Xoshiro256(0);
    second.reseed(42);
    for (int i = 0; i < 1000; i++) {
      assertEquals(first.nextLong(), second.nextLong());
    }
  }

  @Test
  void derivedSeedsDependOnEveryPart() {
    long base = Xoshiro256.seedFor(7, Xoshiro256.idOf("price:ES"), 19_000);
    assertEquals(base, Xoshiro256.seedFor(7, Xoshiro256.idOf("price:ES"), 19_000));
    assertNotEquals(base, Xoshiro256.seedFor(8, Xoshiro256.idOf("price:ES"), 19_000));
    assertNotEquals(base, Xoshiro256.seedFor(7, Xoshiro256.idOf("price:NQ"), 19_000));
    assertNotEquals(base, Xoshiro256.seedFor(7, Xoshiro256.idOf("price:ES"), 19_001));
  }

  @Test
  void stableIdsAreFnv1a() {
    // FNV-1a 64 of "a" from the reference implementation.
    assertEquals(0xAF63DC4C8601EC8CL, Xoshiro256.idOf("a"));
  }

  @Test
  void gaussianHasStandardNormalMoments() {
    Xoshiro256 random = new Xoshiro256(1);
    double sum = 0;
    double squares = 0;
    double fourth = 0;
    int beyondThree = 0;
    for (int i = 0; i < DRAWS; i++) {
      double z = random.nextGaussian();
      sum += z;
      squares += z * z;
      fourth += z * z * z * z;
      if (Math.abs(z) > 3) {
        beyondThree++;
      }
    }
    assertEquals(0, sum / DRAWS, 0.005);
    assertEquals(1, squares / DRAWS, 0.01);
    assertEquals(3, fourth / DRAWS, 0.05);
    // P(|Z| > 3) = 0.0027: the tail algorithm is exercised and right.
    assertEquals(0.0027, (double) beyondThree / DRAWS, 0.0003);
  }

  @Test
  void exponentialHasUnitMeanAndVariance() {
    Xoshiro256 random = new Xoshiro256(2);
    double sum = 0;
    double squares = 0;
    int beyondFive = 0;
    for (int i = 0; i < DRAWS; i++) {
      double e = random.nextExponential();
      assertTrue(e >= 0);
      sum += e;
      squares += e * e;
      if (e > 5) {
        beyondFive++;
      }
    }
    double mean = sum / DRAWS;
    assertEquals(1, mean, 0.005);
    assertEquals(1, squares / DRAWS - mean * mean, 0.02);
    assertEquals(Math.exp(-5), (double) beyondFive / DRAWS, 0.0005);
  }

  @Test
  void uniformsStayInTheirIntervals() {
    Xoshiro256 random = new Xoshiro256(3);
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      double u = random.nextDouble();
      double v = random.nextDoubleOpenZero();
      assertTrue(u >= 0 && u < 1);
      assertTrue(v > 0 && v <= 1);
      sum += u;
    }
    assertEquals(0.5, sum / DRAWS, 0.002);
  }
}
