package io.mlops4j.model;

import java.util.List;

/**
 * Per-feature standardization fitted on the training part: the model sees {@code (value - mean) /
 * std} and forecasts the target in those units.
 *
 * @param means each feature's mean, in feature column order
 * @param stds each feature's standard deviation (1 where the feature was constant)
 */
public record FeatureScaler(List<Double> means, List<Double> stds) {
  /** Copies the lists and checks they have equal length and positive deviations. */
  public FeatureScaler {
    means = List.copyOf(means);
    stds = List.copyOf(stds);
    if (means.size() != stds.size()) {
      throw new IllegalArgumentException("means and stds must have equal length");
    }
    for (double s : stds) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("stds must be positive and finite, got " + s);
      }
    }
  }

  /**
   * Returns a feature's value in standardized units.
   *
   * @param feature the feature index
   * @param value the value in original units
   * @return the standardized value
   */
  public double standardize(int feature, double value) {
    return (value - means.get(feature)) / stds.get(feature);
  }

  /**
   * Returns a feature's value in original units.
   *
   * @param feature the feature index
   * @param value the standardized value
   * @return the value in original units
   */
  public double restore(int feature, double value) {
    return value * stds.get(feature) + means.get(feature);
  }
}
