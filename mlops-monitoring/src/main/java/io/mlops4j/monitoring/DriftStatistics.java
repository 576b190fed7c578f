package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.internal.DriftMath;
import io.mlops4j.monitoring.internal.Samples;
import java.util.Arrays;

/**
 * How far a current sample of one feature has moved from its baseline.
 *
 * <p>Bins: 10 bins whose inner edges are the baseline's 10 %..90 % quantiles (numpy linear
 * interpolation); a value equal to an edge goes to the upper bin; the outer bins are open-ended.
 * PSI = Σ (cur - base) · ln(cur / base) over those bins, an empty bin counting as a proportion of
 * 1e-4. The Jensen–Shannon distance (base 2, 0 to 1) uses the same bins without epsilon.
 * Kolmogorov–Smirnov is two-sided, with scipy's exact p-value when n·m ≤ 10 000 and its asymptotic
 * one otherwise. Wasserstein-1 is in the feature's unit.
 *
 * <p>The <em>drift magnitude</em> compared with a circuit's drift thresholds is the PSI.
 *
 * @param baselineRows values in the baseline
 * @param currentRows values in the current sample
 * @param psi population stability index over the baseline deciles
 * @param ksStatistic Kolmogorov–Smirnov statistic, 0 to 1
 * @param ksPValue Kolmogorov–Smirnov p-value
 * @param wasserstein1 first Wasserstein (earth mover's) distance
 * @param jensenShannon Jensen–Shannon distance, base 2, 0 to 1
 * @param baselineProportions proportion of the baseline in each decile bin
 * @param currentProportions proportion of the current sample in each decile bin
 */
public record DriftStatistics(
    int baselineRows,
    int currentRows,
    double psi,
    double ksStatistic,
    double ksPValue,
    double wasserstein1,
    double jensenShannon,
    double[] baselineProportions,
    double[] currentProportions) {
  /**
   * Copies the proportions.
   *
   * @throws IllegalArgumentException if a count is below 1
   */
  public DriftStatistics {
    if (baselineRows < 1 || currentRows < 1) {
      throw new IllegalArgumentException(
          "expected at least one row in each sample, was " + baselineRows + ", " + currentRows);
    }
    baselineProportions = baselineProportions.clone();
    currentProportions = currentProportions.clone();
  }

  /**
   * Computes every statistic of a baseline and a current sample.
   *
   * @param baseline the reference values, such as the training slice; not modified
   * @param current the recent values; not modified
   * @return the statistics
   * @throws MlopsException if a sample has fewer than 2 values or holds NaN or infinity (the
   *     message names the first such value)
   */
  public static DriftStatistics of(double[] baseline, double[] current) {
    requireNonNull(baseline, "baseline");
    requireNonNull(current, "current");
    Samples.requireDistribution("baseline", baseline);
    Samples.requireDistribution("current", current);
    double[] base = baseline.clone();
    double[] cur = current.clone();
    Arrays.sort(base);
    Arrays.sort(cur);
    double[] edges = DriftMath.decileEdges(base);
    double[] baseProportions = DriftMath.proportions(base, edges);
    double[] currentProportions = DriftMath.proportions(cur, edges);
    double[] ks = DriftMath.kolmogorovSmirnov(base, cur);
    return new DriftStatistics(
        base.length,
        cur.length,
        DriftMath.psi(baseProportions, currentProportions),
        ks[0],
        ks[1],
        DriftMath.wasserstein1(base, cur),
        DriftMath.jensenShannon(baseProportions, currentProportions),
        baseProportions,
        currentProportions);
  }

  /**
   * Returns the proportions of the baseline per decile bin.
   *
   * @return a copy
   */
  @Override
  public double[] baselineProportions() {
    return baselineProportions.clone();
  }

  /**
   * Returns the proportions of the current sample per decile bin.
   *
   * @return a copy
   */
  @Override
  public double[] currentProportions() {
    return currentProportions.clone();
  }

  /**
   * Returns the drift magnitude the thresholds apply to: the PSI.
   *
   * @return the PSI
   */
  public double magnitude() {
    return psi;
  }
}
