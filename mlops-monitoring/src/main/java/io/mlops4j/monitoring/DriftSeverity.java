package io.mlops4j.monitoring;

import io.mlops4j.config.DriftThresholds;

/**
 * How strongly a feature drifted, from a circuit's {@code monitoring.drift_thresholds} applied to
 * the drift magnitude (the PSI, see {@link DriftStatistics#magnitude()}); ordered from none to
 * high.
 */
public enum DriftSeverity {
  /** Magnitude below the low threshold. */
  NONE,
  /** At or above the low threshold. */
  LOW,
  /** At or above the medium threshold. */
  MEDIUM,
  /** At or above the high threshold. */
  HIGH;

  /**
   * Classifies a drift magnitude.
   *
   * @param magnitude the PSI
   * @param thresholds the circuit's drift thresholds
   * @return the severity
   */
  public static DriftSeverity of(double magnitude, DriftThresholds thresholds) {
    if (magnitude >= thresholds.high()) {
      return HIGH;
    }
    if (magnitude >= thresholds.medium()) {
      return MEDIUM;
    }
    return magnitude >= thresholds.low() ? LOW : NONE;
  }

  /**
   * Returns the circuit status this severity gives: HIGH is CRITICAL, MEDIUM is WARNING, LOW and
   * NONE are OK.
   *
   * @return the status
   */
  public Status status() {
    return switch (this) {
      case HIGH -> Status.CRITICAL;
      case MEDIUM -> Status.WARNING;
      default -> Status.OK;
    };
  }
}
