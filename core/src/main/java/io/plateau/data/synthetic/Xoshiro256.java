package io.plateau.data.synthetic;

/**
 * A seeded pseudo-random generator for the synthetic market: xoshiro256** (Blackman and Vigna, 2018) with
 * normal and exponential variates by the ziggurat method (Marsaglia and Tsang, 2000).
 *
 * <p>Why not {@link java.util.SplittableRandom} or {@link java.util.Random}: the bar generator needs a
 * Gaussian per bar at a few nanoseconds, reseeding per (seed, family, trading date) without allocating, and
 * a stream that never changes between JDK versions, since stored synthetic data must be reproducible from
 * its seed forever. Not thread-safe: one per thread, reseeded with {@link #reseed}.
 */
final class Xoshiro256 {

  /** The SplitMix64 increment (the golden ratio in 64 bits). */
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  // Ziggurat tables. The layer index comes from the high 32 bits of one 64-bit draw and the value from the
  // low 32 bits, so index and value are independent (the original shared bits between them).
  private static final int NORMAL_LAYERS = 128;
  private static final double NORMAL_TAIL_START = 3.442619855899;
  private static final int[] NORMAL_K = new int[NORMAL_LAYERS];
  private static final double[] NORMAL_W = new double[NORMAL_LAYERS];
  private static final double[] NORMAL_F = new double[NORMAL_LAYERS];
  private static final int EXP_LAYERS = 256;
  private static final double EXP_TAIL_START = 7.697117470131487;
  private static final long[] EXP_K = new long[EXP_LAYERS];
  private static final double[] EXP_W = new double[EXP_LAYERS];
  private static final double[] EXP_F = new double[EXP_LAYERS];

  static {
    // Normal: 128 layers of equal area vn; constants from Marsaglia and Tsang (2000), zigset().
    double m1 = 2147483648.0;
    double dn = NORMAL_TAIL_START;
    double tn = dn;
    double vn = 9.91256303526217e-3;
    double q = vn / Math.exp(-0.5 * dn * dn);
    NORMAL_K[0] = (int) ((dn / q) * m1);
    NORMAL_K[1] = 0;
    NORMAL_W[0] = q / m1;
    NORMAL_W[NORMAL_LAYERS - 1] = dn / m1;
    NORMAL_F[0] = 1.0;
    NORMAL_F[NORMAL_LAYERS - 1] = Math.exp(-0.5 * dn * dn);
    for (int i = NORMAL_LAYERS - 2; i >= 1; i--) {
      dn = Math.sqrt(-2.0 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
      NORMAL_K[i + 1] = (int) ((dn / tn) * m1);
      tn = dn;
      NORMAL_F[i] = Math.exp(-0.5 * dn * dn);
      NORMAL_W[i] = dn / m1;
    }
    // Exponential: 256 layers of equal area ve.
    double m2 = 4294967296.0;
    double de = EXP_TAIL_START;
    double te = de;
    double ve = 3.949659822581572e-3;
    q = ve / Math.exp(-de);
    EXP_K[0] = (long) ((de / q) * m2);
    EXP_K[1] = 0;
    EXP_W[0] = q / m2;
    EXP_W[EXP_LAYERS - 1] = de / m2;
    EXP_F[0] = 1.0;
    EXP_F[EXP_LAYERS - 1] = Math.exp(-de);
    for (int i = EXP_LAYERS - 2; i >= 1; i--) {
      de = -Math.log(ve / de + Math.exp(-de));
      EXP_K[i + 1] = (long) ((de / te) * m2);
      te = de;
      EXP_F[i] = Math.exp(-de);
      EXP_W[i] = de / m2;
    }
  }

  private long s0;
  private long s1;
  private long s2;
  private long s3;

  Xoshiro256(long seed) {
    reseed(seed);
  }

  /** Restarts the stream from {@code seed}, expanded into the 256-bit state by SplitMix64 (never all zero). */
  void reseed(long seed) {
    long x = seed;
    s0 = mix(x += GOLDEN_GAMMA);
    s1 = mix(x += GOLDEN_GAMMA);
    s2 = mix(x += GOLDEN_GAMMA);
    s3 = mix(x + GOLDEN_GAMMA);
  }

  /**
   * A seed for the stream of {@code (seed, a, b)}: distinct inputs give unrelated streams, and the result
   * depends on nothing else (not on call order, threads or chunking).
   */
  static long seedFor(long seed, long a, long b) {
    return mix(mix(mix(seed) ^ (a * GOLDEN_GAMMA + 0x632BE59BD9B4E019L)) ^ (b + 0x2545F4914F6CDD1DL));
  }

  /** A stable 64-bit id of a name (FNV-1a), for seeding by symbol or purpose. */
  static long idOf(String name) {
    long hash = 0xCBF29CE484222325L;
    for (int i = 0; i < name.length(); i++) {
      hash ^= name.charAt(i);
      hash *= 0x100000001B3L;
    }
    return hash;
  }

  /** The SplitMix64 finalizer (Stafford's variant 13): a bijection that scrambles every bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  double nextDoubleOpenZero() {
    return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
  }

  /** A standard normal variate. */
  double nextGaussian() {
    long r = nextLong();
    int hz = (int) r;
    int iz = (int) (r >>> 32) & (NORMAL_LAYERS - 1);
    if (Math.abs(hz) < NORMAL_K[iz]) {
      return hz * NORMAL_W[iz];
    }
    return gaussianSlow(hz, iz);
  }

  /** The rare ziggurat cases (about 2.5% of draws): the wedges and the tail. */
  private double gaussianSlow(int hz, int iz) {
    while (true) {
      double x = hz * NORMAL_W[iz];
      if (iz == 0) {
        double y;
        do {
          x = -Math.log(nextDoubleOpenZero()) / NORMAL_TAIL_START;
          y = -Math.log(nextDoubleOpenZero());
        } while (y + y < x * x);
        return hz > 0 ? NORMAL_TAIL_START + x : -NORMAL_TAIL_START - x;
      }
      if (NORMAL_F[iz] + nextDouble() * (NORMAL_F[iz - 1] - NORMAL_F[iz]) < Math.exp(-0.5 * x * x)) {
        return x;
      }
      long r = nextLong();
      hz = (int) r;
      iz = (int) (r >>> 32) & (NORMAL_LAYERS - 1);
      if (Math.abs(hz) < NORMAL_K[iz]) {
        return hz * NORMAL_W[iz];
      }
    }
  }

  /** A standard exponential variate (mean 1). */
  double nextExponential() {
    long r = nextLong();
    long jz = r & 0xFFFFFFFFL;
    int iz = (int) (r >>> 32) & (EXP_LAYERS - 1);
    if (jz < EXP_K[iz]) {
      return jz * EXP_W[iz];
    }
    return exponentialSlow(jz, iz);
  }

  private double exponentialSlow(long jz, int iz) {
    while (true) {
      if (iz == 0) {
        return EXP_TAIL_START - Math.log(nextDoubleOpenZero());
      }
      double x = jz * EXP_W[iz];
      if (EXP_F[iz] + nextDouble() * (EXP_F[iz - 1] - EXP_F[iz]) < Math.exp(-x)) {
        return x;
      }
      long r = nextLong();
      jz = r & 0xFFFFFFFFL;
      iz = (int) (r >>> 32) & (EXP_LAYERS - 1);
      if (jz < EXP_K[iz]) {
        return jz * EXP_W[iz];
      }
    }
  }
}
