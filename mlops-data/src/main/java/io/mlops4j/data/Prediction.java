package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One forecast value: a row of a prediction file ({@code
 * predictions/{plant}/{circuit}/{YYYY-MM-DD}.parquet}).
 *
 * <p>Timestamps are instants (UTC) stored to the microsecond: the constructor truncates finer
 * precision, so a prediction read back from a file equals the one written.
 *
 * @param circuit the plant and circuit the model forecasts
 * @param sensorId the sensor whose target column is forecast; not blank
 * @param forecastTimestamp the instant the forecast is for, UTC, microsecond precision
 * @param horizonStep how many steps ahead of the last observed reading it is; at least 1
 * @param prediction the forecast value, in the target column's unit; finite
 * @param modelName the registered model that produced it, such as {@code lstm_P001_C001}; not blank
 * @param modelVersion the registered model version; at least 1
 * @param deltaVersion the sensor table's Delta version the model read as input; at least 0
 * @param scoredAt when the scoring run produced it, UTC, microsecond precision
 */
public record Prediction(
    CircuitRef circuit,
    String sensorId,
    Instant forecastTimestamp,
    int horizonStep,
    double prediction,
    String modelName,
    int modelVersion,
    long deltaVersion,
    Instant scoredAt) {
  /** The earliest instant a prediction file can hold: the smallest microsecond {@code long}. */
  private static final Instant MIN = Instant.EPOCH.plus(Long.MIN_VALUE, ChronoUnit.MICROS);

  /** The latest instant a prediction file can hold: the largest microsecond {@code long}. */
  private static final Instant MAX = Instant.EPOCH.plus(Long.MAX_VALUE, ChronoUnit.MICROS);

  /**
   * Checks every field and truncates both timestamps to the microsecond.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if a field is out of range; the message names the field
   */
  public Prediction {
    requireNonNull(circuit, "circuit");
    requireText(sensorId, "sensorId");
    forecastTimestamp = microsecond(forecastTimestamp, "forecastTimestamp");
    if (horizonStep < 1) {
      throw new IllegalArgumentException(
          "horizonStep is " + horizonStep + "; expected a step of at least 1");
    }
    if (!Double.isFinite(prediction)) {
      throw new IllegalArgumentException(
          "prediction is "
              + prediction
              + " for "
              + forecastTimestamp
              + "; expected a finite value");
    }
    requireText(modelName, "modelName");
    if (modelVersion < 1) {
      throw new IllegalArgumentException(
          "modelVersion is " + modelVersion + "; expected a registered version of at least 1");
    }
    if (deltaVersion < 0) {
      throw new IllegalArgumentException(
          "deltaVersion is " + deltaVersion + "; expected a Delta table version of at least 0");
    }
    scoredAt = microsecond(scoredAt, "scoredAt");
  }

  private static void requireText(String value, String field) {
    requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank; expected a non-blank name");
    }
  }

  private static Instant microsecond(Instant instant, String field) {
    requireNonNull(instant, field);
    if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
      throw new IllegalArgumentException(
          field
              + " is "
              + instant
              + "; expected an instant between "
              + MIN
              + " and "
              + MAX
              + " (microseconds since the epoch in a long)");
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
