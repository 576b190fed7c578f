package io.mlops4j.monitoring;

/** How a circuit is doing, from its thresholds; ordered from best to worst. */
public enum Status {
  /** No threshold reached. */
  OK,
  /** A warning threshold reached, or medium drift. */
  WARNING,
  /** A critical threshold reached, or high drift. */
  CRITICAL;

  /**
   * Returns the worse of two statuses.
   *
   * @param other the other status
   * @return the worse one
   */
  public Status worst(Status other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
