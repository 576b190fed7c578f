package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * Error-metric levels, from {@code monitoring.performance_thresholds}; MAPE is a fraction (0.10 =
 * 10 %).
 *
 * @param mae mean absolute error levels; default 0.15 / 0.25
 * @param rmse root mean squared error levels; default 0.20 / 0.35
 * @param mape mean absolute percentage error levels, as fractions; default 0.10 / 0.20
 */
public record PerformanceThresholds(
    MetricThresholds mae, MetricThresholds rmse, MetricThresholds mape) {
  public PerformanceThresholds {
    requireNonNull(mae, "mae");
    requireNonNull(rmse, "rmse");
    requireNonNull(mape, "mape");
  }

  /**
   * Returns the design's defaults.
   *
   * @return mae 0.15/0.25, rmse 0.20/0.35, mape 0.10/0.20
   */
  public static PerformanceThresholds defaults() {
    return new PerformanceThresholds(
        new MetricThresholds(0.15, 0.25),
        new MetricThresholds(0.20, 0.35),
        new MetricThresholds(0.10, 0.20));
  }
}
