package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.internal.MonitoringErrors;
import io.mlops4j.monitoring.internal.Samples;

/**
 * Accuracy of forecasts against what happened, in the target column's unit unless said otherwise.
 *
 * <p>Definitions (as scikit-learn where it has one): MAE = mean |a - p|; RMSE = sqrt(mean (a -
 * p)²); MAPE = mean |a - p| / |a| over actuals a ≠ 0, as a fraction (0.1 = 10 %), zero actuals
 * skipped and counted in {@code zeroActualsSkipped} (NaN when every actual is 0); sMAPE = mean 2|a
 * - p| / (|a| + |p|) as a fraction from 0 to 2, a pair with a = p = 0 counting as 0; R² = 1 -
 * SS_res/SS_tot ({@code r2_score}: NaN for a single point, 1 or 0 for constant actuals with perfect
 * or imperfect forecasts); bias = mean (p - a), positive when forecasts are too high.
 *
 * @param rows the number of (actual, predicted) pairs behind the metrics
 * @param mae mean absolute error
 * @param rmse root mean squared error
 * @param mape mean absolute percentage error, as a fraction; NaN if every actual is 0
 * @param zeroActualsSkipped pairs left out of MAPE because the actual is 0
 * @param smape symmetric mean absolute percentage error, as a fraction from 0 to 2
 * @param r2 coefficient of determination; NaN for fewer than 2 rows
 * @param bias mean error, predicted minus actual
 */
public record ForecastMetrics(
    int rows,
    double mae,
    double rmse,
    double mape,
    int zeroActualsSkipped,
    double smape,
    double r2,
    double bias) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative or more rows are skipped than exist
   */
  public ForecastMetrics {
    if (rows < 1 || zeroActualsSkipped < 0 || zeroActualsSkipped > rows) {
      throw new IllegalArgumentException(
          "expected rows >= 1 and 0 <= zeroActualsSkipped <= rows, was rows="
              + rows
              + ", zeroActualsSkipped="
              + zeroActualsSkipped);
    }
  }

  /**
   * Computes the metrics of paired actual and predicted values.
   *
   * @param actual what happened
   * @param predicted what was forecast, one per actual value
   * @return the metrics
   * @throws MlopsException if the arrays are empty, differ in length, or hold NaN or infinity (the
   *     message names the first such value)
   */
  public static ForecastMetrics of(double[] actual, double[] predicted) {
    requireNonNull(actual, "actual");
    requireNonNull(predicted, "predicted");
    if (actual.length != predicted.length) {
      throw new InvalidInputException(
          MonitoringErrors.lengthMismatch(actual.length, predicted.length));
    }
    Samples.requireFinite("actual", actual);
    Samples.requireFinite("predicted", predicted);
    int n = actual.length;
    double absSum = 0;
    double squareSum = 0;
    double errorSum = 0;
    double apeSum = 0;
    double sapeSum = 0;
    double actualSum = 0;
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      double a = actual[i];
      double error = predicted[i] - a;
      double abs = Math.abs(error);
      absSum += abs;
      squareSum += error * error;
      errorSum += error;
      actualSum += a;
      if (a == 0) {
        zeros++;
      } else {
        apeSum += abs / Math.abs(a);
      }
      double scale = Math.abs(a) + Math.abs(predicted[i]);
      if (scale > 0) {
        sapeSum += 2 * abs / scale;
      }
    }
    double mean = actualSum / n;
    double totalSquares = 0;
    for (double a : actual) {
      totalSquares += (a - mean) * (a - mean);
    }
    double r2;
    if (n < 2) {
      r2 = Double.NaN;
    } else if (totalSquares == 0) {
      r2 = squareSum == 0 ? 1.0 : 0.0;
    } else {
      r2 = 1 - squareSum / totalSquares;
    }
    return new ForecastMetrics(
        n,
        absSum / n,
        Math.sqrt(squareSum / n),
        zeros == n ? Double.NaN : apeSum / (n - zeros),
        zeros,
        sapeSum / n,
        r2,
        errorSum / n);
  }
}
