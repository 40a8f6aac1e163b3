package io.plateau.util;

/**
 * The standard normal distribution's cumulative distribution function Φ and its inverse Φ⁻¹, to about 1e-15
 * relative accuracy, for the significance tests of the robustness statistics (probabilistic and deflated Sharpe
 * ratios) and the multi-alpha strategy's confidence in a model's record.
 *
 * <p>Φ comes from the complementary error function, {@code Φ(z) = erfc(−z/√2) / 2}, and erfc from W. J. Cody's
 * rational Chebyshev approximations ("Rational Chebyshev Approximations for the Error Function", Mathematics of
 * Computation 23 (1969) 631–637; the coefficients of his SPECFUN routine CALERF, as in SciPy and R): one rational
 * function for {@code |x| ≤ 0.46875} (erf), one for {@code 0.46875 < |x| ≤ 4} and one in {@code 1/x²} beyond,
 * the last two giving {@code erfc(x)·exp(x²)}. Relative accuracy holds in the lower tail, where {@code Φ(z)} is
 * tiny, down to Φ ≈ 1e-300 (z ≈ −37); below z ≈ −38.5 the result underflows to 0. In the upper tail Φ is a double
 * next to 1, so use {@code 1 − Φ(z) = Φ(−z)} when the tail probability itself matters. Dividing z by √2 rounds, so
 * far in the lower tail the relative error grows like {@code z²·1e-16} (1e-13 at z = −37).
 *
 * <p>Φ⁻¹ is Peter J. Acklam's rational approximation ("An algorithm for computing the inverse normal cumulative
 * distribution function", 2003; relative error below 1.15e-9), refined by one step of Halley's method on
 * {@code Φ(x) − p} with the Φ above, which triples the number of correct digits and leaves full double precision.
 * For {@code p > 0.5} it computes {@code −Φ⁻¹(1 − p)}, where {@code 1 − p} is exact, so the refinement always
 * runs in the lower tail where Φ is relatively accurate. When {@code Φ(x)} underflows (p below about 1e-308) the
 * refinement is skipped and Acklam's 1.15e-9 is what remains.
 */
public final class NormalDistribution {

  private static final double ONE_OVER_SQRT_2 = 0.7071067811865476;
  private static final double SQRT_2_PI = 2.5066282746310002;
  /** 1/√π. */
  private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
  /** Beyond this, erfc(x) = exp(−x²)/(x√π)·(1 − …) is below the smallest subnormal double. */
  private static final double ERFC_ZERO_BEYOND = 27.3;

  // Cody (1969), CALERF: erf(x) = x·A(x²)/B(x²) for |x| ≤ 0.46875.
  private static final double[] A = {
      3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03,
      1.85777706184603153e-1};
  private static final double[] B = {
      2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03};
  // erfc(x)·exp(x²) = C(x)/D(x) for 0.46875 < x ≤ 4.
  private static final double[] C = {
      5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
      8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
      2.15311535474403846e-8};
  private static final double[] D = {
      1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
      3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
  // erfc(x)·exp(x²) = (1/√π − z·P(z)/Q(z)) / x with z = 1/x², for x > 4.
  private static final double[] P = {
      3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
      6.58749161529837803e-4, 1.63153871373020978e-2};
  private static final double[] Q = {
      2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1, 6.05183413124413191e-2,
      2.33520497626869185e-3};

  // Acklam (2003): central region |p − 0.5| ≤ 0.5 − P_LOW, and the tail p < P_LOW.
  private static final double P_LOW = 0.02425;
  private static final double[] ACKLAM_A = {
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
      -3.066479806614716e+01, 2.506628277459239e+00};
  private static final double[] ACKLAM_B = {
      -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
      -1.328068155288572e+01};
  private static final double[] ACKLAM_C = {
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
      4.374664141464968e+00, 2.938163982698783e+00};
  private static final double[] ACKLAM_D = {
      7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};

  private NormalDistribution() {}

  /**
   * The standard normal density {@code φ(z) = exp(−z²/2) / √(2π)}; NaN for NaN.
   */
  public static double density(double z) {
    return Math.exp(-0.5 * z * z) / SQRT_2_PI;
  }

  /**
   * The probability that a standard normal variable is at most {@code z}, {@code Φ(z)}: 0 at −∞, 1 at +∞, NaN
   * for NaN.
   */
  public static double cdf(double z) {
    return 0.5 * erfc(-z * ONE_OVER_SQRT_2);
  }

  /**
   * The {@code p}-quantile of the standard normal distribution, {@code Φ⁻¹(p)}: −∞ at 0, +∞ at 1.
   *
   * @param p a probability in [0, 1]
   * @throws IllegalArgumentException when {@code p} is outside [0, 1] or NaN
   */
  public static double inverseCdf(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be a probability in [0, 1], was " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    // 1 − p is exact for p ≥ 0.5 (Sterbenz), so the upper half costs no accuracy.
    return p > 0.5 ? -lowerQuantile(1 - p) : lowerQuantile(p);
  }

  /** Φ⁻¹(p) for 0 &lt; p ≤ 0.5. */
  private static double lowerQuantile(double p) {
    double x;
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = (((((ACKLAM_C[0] * q + ACKLAM_C[1]) * q + ACKLAM_C[2]) * q + ACKLAM_C[3]) * q + ACKLAM_C[4]) * q
          + ACKLAM_C[5])
          / ((((ACKLAM_D[0] * q + ACKLAM_D[1]) * q + ACKLAM_D[2]) * q + ACKLAM_D[3]) * q + 1);
    } else {
      double q = p - 0.5;
      double r = q * q;
      x = (((((ACKLAM_A[0] * r + ACKLAM_A[1]) * r + ACKLAM_A[2]) * r + ACKLAM_A[3]) * r + ACKLAM_A[4]) * r
          + ACKLAM_A[5]) * q
          / (((((ACKLAM_B[0] * r + ACKLAM_B[1]) * r + ACKLAM_B[2]) * r + ACKLAM_B[3]) * r + ACKLAM_B[4]) * r + 1);
    }
    // One Halley step on f(x) = Φ(x) − p: with u = f/f' = (Φ(x) − p)/φ(x), x ← x − u / (1 + x·u/2).
    double cdf = cdf(x);
    double density = density(x);
    if (cdf > 0 && density > 0) {
      double u = (cdf - p) / density;
      x -= u / (1 + 0.5 * x * u);
    }
    return x;
  }

  /**
   * The complementary error function {@code erfc(x) = 1 − erf(x)} by Cody's CALERF approximations, accurate to
   * about 1e-15 relative for every x where the result is a normal double.
   */
  static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double y = Math.abs(x);
    if (y <= 0.46875) {
      double z = y * y;
      double num = A[4] * z;
      double den = z;
      for (int i = 0; i < 3; i++) {
        num = (num + A[i]) * z;
        den = (den + B[i]) * z;
      }
      return 1 - x * (num + A[3]) / (den + B[3]);
    }
    double scaled;
    if (y >= ERFC_ZERO_BEYOND) {
      return x > 0 ? 0 : 2;
    } else if (y <= 4) {
      double num = C[8] * y;
      double den = y;
      for (int i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      scaled = (num + C[7]) / (den + D[7]);
    } else {
      double z = 1 / (y * y);
      double num = P[5] * z;
      double den = z;
      for (int i = 0; i < 4; i++) {
        num = (num + P[i]) * z;
        den = (den + Q[i]) * z;
      }
      scaled = (ONE_OVER_SQRT_PI - z * (num + P[4]) / (den + Q[4])) / y;
    }
    // exp(−y²) as exp(−s²)·exp(−(y − s)(y + s)) with s = y rounded down to 1/16: s² is exact, so the rounding
    // error of y² (which exp would multiply by y²) never enters the exponent (Cody's CALERF does the same).
    double s = Math.floor(y * 16) / 16;
    double result = Math.exp(-s * s) * Math.exp(-(y - s) * (y + s)) * scaled;
    return x < 0 ? 2 - result : result;
  }
}
