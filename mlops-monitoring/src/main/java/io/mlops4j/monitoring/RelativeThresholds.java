package io.mlops4j.monitoring;

/**
 * Thresholds relative to a model's validation metrics: a metric at or above {@code factor ×} its
 * validation value reaches that level (WARNING at 1.5 × and CRITICAL at 2 × by default).
 *
 * @param warningFactor multiple of the validation metric that gives WARNING; above 1
 * @param criticalFactor multiple that gives CRITICAL; above {@code warningFactor}
 */
public record RelativeThresholds(double warningFactor, double criticalFactor) {
  /**
   * Checks the factors.
   *
   * @throws IllegalArgumentException unless {@code 1 < warningFactor < criticalFactor}, finite
   */
  public RelativeThresholds {
    if (!(warningFactor > 1 && warningFactor < criticalFactor && Double.isFinite(criticalFactor))) {
      throw new IllegalArgumentException(
          "expected 1 < warningFactor < criticalFactor, was "
              + warningFactor
              + ", "
              + criticalFactor);
    }
  }

  /**
   * Returns WARNING at 1.5 × and CRITICAL at 2 × the validation metric.
   *
   * @return the default factors
   */
  public static RelativeThresholds defaults() {
    return new RelativeThresholds(1.5, 2.0);
  }
}
