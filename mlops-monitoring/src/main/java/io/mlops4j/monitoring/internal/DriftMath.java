package io.mlops4j.monitoring.internal;

import java.util.Arrays;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The drift statistics of two samples, each defined as in scipy (see the reference vectors in
 * {@code shared/reference-vectors/metrics-and-drift.json}).
 */
public final class DriftMath {
  /** Proportion that replaces an empty bin in PSI. */
  public static final double PSI_EPSILON = 1e-4;

  /** Number of PSI / Jensen–Shannon bins: deciles of the baseline. */
  public static final int BINS = 10;

  /** Largest n·m for which the KS p-value is exact, as the reference definitions. */
  public static final long KS_EXACT_MAX_PRODUCT = 10_000;

  private static final KolmogorovSmirnovTest KS_EXACT =
      KolmogorovSmirnovTest.withDefaults().with(PValueMethod.EXACT);
  private static final KolmogorovSmirnovTest KS_ASYMPTOTIC =
      KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ASYMPTOTIC);

  private DriftMath() {}

  /**
   * Returns the inner bin edges: the baseline's 10 %..90 % quantiles with numpy's linear
   * interpolation.
   *
   * @param sortedBaseline the baseline, sorted ascending
   * @return nine edges, ascending (equal edges for repeated values)
   */
  public static double[] decileEdges(double[] sortedBaseline) {
    double[] edges = new double[BINS - 1];
    int n = sortedBaseline.length;
    for (int k = 1; k < BINS; k++) {
      // The levels are 0.1 * k in double arithmetic (0.30000000000000004, ...), as the reference
      // computes them: it matters when (n - 1) * level lands on a sample.
      double h = (n - 1) * (0.1 * k);
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, n - 1);
      edges[k - 1] = lerp(sortedBaseline[lo], sortedBaseline[hi], h - lo);
    }
    return edges;
  }

  /** numpy's {@code _lerp}: interpolates from the nearer end for accuracy. */
  private static double lerp(double a, double b, double t) {
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /**
   * Returns the proportion of values in each bin; a value equal to an edge goes to the upper bin
   * and the outer bins are open-ended.
   *
   * @param sorted the values, sorted ascending
   * @param edges inner edges, ascending
   * @return one proportion per bin (edges + 1 bins), summing to 1
   */
  public static double[] proportions(double[] sorted, double[] edges) {
    double[] result = new double[edges.length + 1];
    int start = 0;
    for (int b = 0; b < edges.length; b++) {
      int end = lowerBound(sorted, edges[b]);
      result[b] = (end - start) / (double) sorted.length;
      start = Math.max(start, end);
    }
    result[edges.length] = (sorted.length - start) / (double) sorted.length;
    return result;
  }

  /** Number of values less than {@code key}: those in bins below the edge {@code key}. */
  private static int lowerBound(double[] sorted, double key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Population stability index with empty bins replaced by {@link #PSI_EPSILON}.
   *
   * @param base baseline proportions
   * @param current current proportions
   * @return sum((cur - base) · ln(cur / base))
   */
  public static double psi(double[] base, double[] current) {
    double sum = 0;
    for (int i = 0; i < base.length; i++) {
      double b = base[i] == 0 ? PSI_EPSILON : base[i];
      double c = current[i] == 0 ? PSI_EPSILON : current[i];
      sum += (c - b) * Math.log(c / b);
    }
    return sum;
  }

  /**
   * Jensen–Shannon distance in base 2, as {@code scipy.spatial.distance.jensenshannon}.
   *
   * @param p first distribution (normalised here)
   * @param q second distribution (normalised here)
   * @return the distance, from 0 to 1
   */
  public static double jensenShannon(double[] p, double[] q) {
    double pSum = Arrays.stream(p).sum();
    double qSum = Arrays.stream(q).sum();
    double divergence = 0;
    for (int i = 0; i < p.length; i++) {
      double pi = p[i] / pSum;
      double qi = q[i] / qSum;
      double m = (pi + qi) / 2;
      divergence += relativeEntropy(pi, m) + relativeEntropy(qi, m);
    }
    divergence /= 2;
    return Math.sqrt(Math.max(0, divergence / Math.log(2)));
  }

  private static double relativeEntropy(double x, double y) {
    return x == 0 ? 0 : x * Math.log(x / y);
  }

  /**
   * Wasserstein-1 distance of two empirical samples, as {@code scipy.stats.wasserstein_distance}.
   *
   * @param u first sample, sorted ascending
   * @param v second sample, sorted ascending
   * @return the integral of |F_u - F_v|
   */
  public static double wasserstein1(double[] u, double[] v) {
    int i = 0;
    int j = 0;
    double sum = 0;
    double previous = Math.min(u[0], v[0]);
    while (i < u.length || j < v.length) {
      double next;
      if (j >= v.length || (i < u.length && u[i] <= v[j])) {
        next = u[i];
      } else {
        next = v[j];
      }
      double gap = next - previous;
      if (gap > 0) {
        sum += Math.abs(i / (double) u.length - j / (double) v.length) * gap;
      }
      while (i < u.length && u[i] == next) {
        i++;
      }
      while (j < v.length && v[j] == next) {
        j++;
      }
      previous = next;
    }
    return sum;
  }

  /**
   * Two-sided two-sample Kolmogorov–Smirnov statistic and p-value, as {@code scipy.stats.ks_2samp}:
   * exact p-value when n·m ≤ {@value #KS_EXACT_MAX_PRODUCT}, otherwise scipy's asymptotic one.
   *
   * @param x first sample
   * @param y second sample
   * @return {statistic, p-value}
   */
  public static double[] kolmogorovSmirnov(double[] x, double[] y) {
    KolmogorovSmirnovTest test =
        (long) x.length * y.length <= KS_EXACT_MAX_PRODUCT ? KS_EXACT : KS_ASYMPTOTIC;
    KolmogorovSmirnovTest.TwoResult result = test.test(x, y);
    return new double[] {result.getStatistic(), result.getPValue()};
  }
}
