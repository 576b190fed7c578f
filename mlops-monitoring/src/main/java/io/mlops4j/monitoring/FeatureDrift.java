package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

/**
 * The drift of one feature.
 *
 * @param feature the feature column
 * @param statistics every statistic
 * @param severity the severity of its magnitude
 */
public record FeatureDrift(String feature, DriftStatistics statistics, DriftSeverity severity) {
  /** Checks the fields. */
  public FeatureDrift {
    requireNonNull(feature, "feature");
    requireNonNull(statistics, "statistics");
    requireNonNull(severity, "severity");
  }
}
