package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

/**
 * A threshold rule that fired: which metric, its value, the threshold and where the threshold came
 * from.
 *
 * @param metric {@code mae}, {@code rmse} or {@code mape}
 * @param value the metric's value
 * @param threshold the threshold it reached
 * @param status WARNING or CRITICAL
 * @param rule the rule, such as {@code monitoring.performance_thresholds.mae.critical} or {@code
 *     2.0 × validation mae}
 */
public record ThresholdBreach(
    String metric, double value, double threshold, Status status, String rule) {
  /** Checks the fields. */
  public ThresholdBreach {
    requireNonNull(metric, "metric");
    requireNonNull(status, "status");
    requireNonNull(rule, "rule");
    if (status == Status.OK) {
      throw new IllegalArgumentException("a breach is WARNING or CRITICAL, not OK");
    }
  }

  /**
   * Describes the breach in one line.
   *
   * @return such as {@code mae 0.31 >= 0.25 (monitoring.performance_thresholds.mae.critical)}
   */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT, "%s %.6g >= %.6g (%s)", metric, value, threshold, rule);
  }
}
