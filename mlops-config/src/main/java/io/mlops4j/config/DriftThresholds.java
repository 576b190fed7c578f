package io.mlops4j.config;

/**
 * Feature-drift levels, from {@code monitoring.drift_thresholds}; defaults 0.05 / 0.15 / 0.25.
 *
 * @param low the low-drift level, at least 0
 * @param medium the medium-drift level, greater than low
 * @param high the high-drift level, greater than medium
 */
public record DriftThresholds(double low, double medium, double high) {
  public DriftThresholds {
    if (!(low >= 0 && low < medium && medium < high) || Double.isInfinite(high)) {
      throw new IllegalArgumentException(
          "expected 0 <= low < medium < high, was " + low + ", " + medium + ", " + high);
    }
  }

  /**
   * Returns the design's defaults: 0.05, 0.15, 0.25.
   *
   * @return the default drift thresholds
   */
  public static DriftThresholds defaults() {
    return new DriftThresholds(0.05, 0.15, 0.25);
  }
}
