package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * What monitoring compares a circuit against, from the optional {@code monitoring} section.
 *
 * @param performance error-metric levels for the monthly performance check
 * @param drift feature-drift levels for the quarterly drift check
 */
public record MonitoringConfig(PerformanceThresholds performance, DriftThresholds drift) {
  public MonitoringConfig {
    requireNonNull(performance, "performance");
    requireNonNull(drift, "drift");
  }

  /**
   * Returns the design's default thresholds.
   *
   * @return default performance and drift thresholds
   */
  public static MonitoringConfig defaults() {
    return new MonitoringConfig(PerformanceThresholds.defaults(), DriftThresholds.defaults());
  }
}
