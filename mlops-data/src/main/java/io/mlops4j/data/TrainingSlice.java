package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * The rows of the sensor table a training MLTable selects: one sensor's rows up to a date, from one
 * version of the Delta table.
 *
 * @param deltaFolder the Delta table's folder, as written in the MLTable ({@code paths[0].folder});
 *     a relative folder is relative to the MLTable file
 * @param deltaVersion the Delta table version read ({@code version_as_of}), {@code >= 0}
 * @param sensorId the {@code sensor_id} of the rows
 * @param lastDate the last {@code date} included (UTC day)
 * @param featureColumns the feature columns to read, in order; empty means every feature column of
 *     the table. The key columns {@code timestamp}, {@code sensor_id} and {@code date} are always
 *     read and are not listed here
 */
public record TrainingSlice(
    String deltaFolder,
    long deltaVersion,
    String sensorId,
    LocalDate lastDate,
    List<String> featureColumns) {
  /**
   * Checks the slice.
   *
   * @throws IllegalArgumentException if the folder is blank, the version negative or the columns
   *     repeat
   * @throws io.mlops4j.config.InvalidIdException if the sensor id or a column name is unsafe
   */
  public TrainingSlice {
    requireNonNull(deltaFolder, "deltaFolder");
    requireNonNull(lastDate, "lastDate");
    if (deltaFolder.isBlank()) {
      throw new IllegalArgumentException("deltaFolder must not be blank");
    }
    if (deltaVersion < 0) {
      throw new IllegalArgumentException("deltaVersion must be >= 0, got " + deltaVersion);
    }
    SensorTableColumns.checkSensorId(sensorId);
    featureColumns = List.copyOf(featureColumns);
    featureColumns.forEach(SensorTableColumns::checkFeatureColumn);
    if (new HashSet<>(featureColumns).size() != featureColumns.size()) {
      throw new IllegalArgumentException("featureColumns must be unique: " + featureColumns);
    }
  }
}
