package io.mlops4j.model;

import static java.util.Objects.requireNonNull;

import io.mlops4j.data.SensorRows;
import io.mlops4j.model.internal.ModelErrors;
import java.util.List;

/**
 * A time-ordered series to train on or forecast from: timestamps and feature columns, with the
 * target among the features.
 *
 * <p>Arrays are shared, not copied: treat them as read-only. Rows may have gaps in time (windows
 * never span them) but no missing values: read the sensor table with {@code NullPolicy.DROP_ROW} so
 * rows with a missing value become gaps.
 *
 * @param timestampMicros each row's timestamp, microseconds since the epoch (UTC), strictly
 *     increasing
 * @param featureColumns the model's input columns, in order
 * @param features one array per feature column, each as long as {@code timestampMicros}
 * @param targetColumn the column forecast; one of {@code featureColumns}
 */
public record TrainingSeries(
    long[] timestampMicros, List<String> featureColumns, double[][] features, String targetColumn) {

  /**
   * Checks the shape of the series.
   *
   * @throws io.mlops4j.config.MlopsException if the target is not a feature column or a column has
   *     another length than the timestamps
   */
  public TrainingSeries {
    requireNonNull(timestampMicros, "timestampMicros");
    featureColumns = List.copyOf(featureColumns);
    requireNonNull(features, "features");
    requireNonNull(targetColumn, "targetColumn");
    if (featureColumns.isEmpty() || features.length != featureColumns.size()) {
      throw new IllegalArgumentException(
          "features must have one array per feature column ("
              + featureColumns.size()
              + "), has "
              + features.length);
    }
    if (!featureColumns.contains(targetColumn)) {
      throw new io.mlops4j.config.MlopsException(
          ModelErrors.targetNotAFeature(targetColumn, featureColumns));
    }
    for (int c = 0; c < features.length; c++) {
      if (features[c].length != timestampMicros.length) {
        throw new IllegalArgumentException(
            "feature '"
                + featureColumns.get(c)
                + "' has "
                + features[c].length
                + " values for "
                + timestampMicros.length
                + " timestamps");
      }
    }
  }

  /**
   * Takes the columns of a sensor slice.
   *
   * @param rows the rows read from the sensor table
   * @param featureColumns the model's input columns, in order
   * @param targetColumn the column forecast; one of {@code featureColumns}
   * @return the series
   * @throws io.mlops4j.config.MlopsException if a column is not in the rows
   */
  public static TrainingSeries of(
      SensorRows rows, List<String> featureColumns, String targetColumn) {
    double[][] features = new double[featureColumns.size()][];
    for (int c = 0; c < features.length; c++) {
      String column = featureColumns.get(c);
      if (!rows.featureColumns().contains(column)) {
        throw new io.mlops4j.config.MlopsException(
            ModelErrors.missingColumn(column, rows.sensorId(), rows.featureColumns()));
      }
      features[c] = rows.feature(column);
    }
    return new TrainingSeries(rows.timestampMicros(), featureColumns, features, targetColumn);
  }

  /**
   * Returns the number of rows.
   *
   * @return the row count
   */
  public int size() {
    return timestampMicros.length;
  }

  /**
   * Returns the index of the target among the features.
   *
   * @return the target's column index
   */
  public int targetIndex() {
    return featureColumns.indexOf(targetColumn);
  }
}
