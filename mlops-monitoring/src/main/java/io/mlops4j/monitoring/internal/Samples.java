package io.mlops4j.monitoring.internal;

import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.MlopsException;

/** Checks on the samples metrics and drift statistics are computed from. */
public final class Samples {
  private Samples() {}

  /**
   * Checks that a sample has at least two values, all finite.
   *
   * @param name the sample's name in messages
   * @param values the values
   * @throws MlopsException if a value is NaN or infinite, or there are fewer than two
   */
  public static void requireDistribution(String name, double[] values) {
    requireFinite(name, values);
    if (values.length < 2) {
      throw new InvalidInputException(MonitoringErrors.tooFewForDrift(name, values.length));
    }
  }

  /**
   * Checks that a sample is non-empty and finite.
   *
   * @param name the sample's name in messages
   * @param values the values
   * @throws MlopsException if a value is NaN or infinite, or there are none
   */
  public static void requireFinite(String name, double[] values) {
    if (values.length == 0) {
      throw new InvalidInputException(MonitoringErrors.empty(name));
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new InvalidInputException(MonitoringErrors.notFinite(name, i, values[i]));
      }
    }
  }
}
