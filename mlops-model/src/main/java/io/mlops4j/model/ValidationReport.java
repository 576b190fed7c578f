package io.mlops4j.model;

import static java.util.Objects.requireNonNull;

/**
 * The model's validation errors next to two naive baselines, so every report says how much the
 * model beats them.
 *
 * @param bestEpoch the epoch whose weights were kept (from 1)
 * @param epochsRun epochs run before training ended or stopped early
 * @param model the model's errors
 * @param lastValue errors of repeating the last observed target value
 * @param seasonalNaive errors of repeating the value one day earlier, at {@code seasonalPeriod}
 *     steps; no points when the sampling frequency does not divide a day
 * @param seasonalPeriod the steps per day used by the seasonal baseline, 0 if none
 */
public record ValidationReport(
    int bestEpoch,
    int epochsRun,
    ForecastMetrics model,
    ForecastMetrics lastValue,
    ForecastMetrics seasonalNaive,
    int seasonalPeriod) {
  /** Checks that no part is null. */
  public ValidationReport {
    requireNonNull(model, "model");
    requireNonNull(lastValue, "lastValue");
    requireNonNull(seasonalNaive, "seasonalNaive");
  }
}
