package io.mlops4j.config;

/**
 * Warning and critical levels of one error metric; a metric at or above a level triggers it.
 *
 * @param warning the warning level, at least 0
 * @param critical the critical level, greater than the warning level
 */
public record MetricThresholds(double warning, double critical) {
  public MetricThresholds {
    if (!(warning >= 0 && warning < critical) || Double.isInfinite(critical)) {
      throw new IllegalArgumentException(
          "expected 0 <= warning < critical, was warning=" + warning + ", critical=" + critical);
    }
  }
}
