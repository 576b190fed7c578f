package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

/**
 * Predictions paired with the actual readings of their forecast timestamps, in columns. Arrays are
 * shared, not copied: treat them as read-only.
 *
 * @param timestampMicros each pair's forecast timestamp, microseconds since the epoch, UTC
 * @param horizonSteps each pair's horizon step, from 1
 * @param actual the actual reading matched to each prediction
 * @param predicted the forecast value
 * @param unmatched predictions in the period without an actual reading within the tolerance
 */
public record JoinedForecasts(
    long[] timestampMicros,
    int[] horizonSteps,
    double[] actual,
    double[] predicted,
    int unmatched) {
  /** Checks that the columns have one value per pair. */
  public JoinedForecasts {
    requireNonNull(timestampMicros, "timestampMicros");
    requireNonNull(horizonSteps, "horizonSteps");
    requireNonNull(actual, "actual");
    requireNonNull(predicted, "predicted");
    int n = timestampMicros.length;
    if (horizonSteps.length != n || actual.length != n || predicted.length != n) {
      throw new IllegalArgumentException("every column must have one value per pair");
    }
    if (unmatched < 0) {
      throw new IllegalArgumentException("unmatched is negative: " + unmatched);
    }
  }

  /**
   * Returns the number of pairs.
   *
   * @return the pair count
   */
  public int size() {
    return timestampMicros.length;
  }
}
