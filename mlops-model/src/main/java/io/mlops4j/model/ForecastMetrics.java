package io.mlops4j.model;

import java.util.List;

/**
 * Errors of one forecaster on the validation windows, in the target's original units, overall and
 * per horizon step.
 *
 * @param mae mean absolute error over all steps
 * @param rmse root mean squared error over all steps
 * @param mape mean absolute percentage error over all steps, as a fraction (0.05 = 5 %), skipping
 *     actual values of zero; NaN if every actual was zero
 * @param maeByStep MAE of each horizon step (index 0 = one step ahead)
 * @param rmseByStep RMSE of each horizon step
 * @param mapeByStep MAPE of each horizon step
 * @param points number of (window, step) pairs scored
 */
public record ForecastMetrics(
    double mae,
    double rmse,
    double mape,
    List<Double> maeByStep,
    List<Double> rmseByStep,
    List<Double> mapeByStep,
    long points) {

  /** Copies the lists. */
  public ForecastMetrics {
    maeByStep = List.copyOf(maeByStep);
    rmseByStep = List.copyOf(rmseByStep);
    mapeByStep = List.copyOf(mapeByStep);
  }

  /**
   * Returns how much lower this MAE is than another's, as a fraction: 0.25 means 25 % lower.
   *
   * @param baseline the metrics to compare with
   * @return {@code 1 - mae / baseline.mae}, NaN if the baseline has no points
   */
  public double maeImprovementOver(ForecastMetrics baseline) {
    return baseline.points == 0 ? Double.NaN : 1 - mae / baseline.mae;
  }
}
