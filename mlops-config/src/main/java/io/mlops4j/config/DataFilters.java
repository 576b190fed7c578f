package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;

/**
 * Which rows and columns of the sensor table a circuit trains on, from {@code
 * training.data_filters}.
 *
 * @param sensorId the {@code sensor_id} value selecting the circuit's rows
 * @param featureColumns the model's input columns, non-empty and unique, in model order
 * @param targetColumn the column forecast; one of the feature columns (default: the first)
 */
public record DataFilters(String sensorId, List<String> featureColumns, String targetColumn) {
  public DataFilters {
    requireNonNull(sensorId, "sensorId");
    requireNonNull(targetColumn, "targetColumn");
    featureColumns = List.copyOf(featureColumns);
    if (featureColumns.isEmpty()) {
      throw new IllegalArgumentException("featureColumns must name at least one column");
    }
    if (new HashSet<>(featureColumns).size() != featureColumns.size()) {
      throw new IllegalArgumentException("featureColumns must be unique: " + featureColumns);
    }
    if (!featureColumns.contains(targetColumn)) {
      throw new IllegalArgumentException(
          "targetColumn '" + targetColumn + "' must be one of " + featureColumns);
    }
  }
}
