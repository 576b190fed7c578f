package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What one version of the sensor table holds: its feature columns, data files and, per sensor, the
 * row count and date range. Computed by {@link SensorTable#summary(TableVersion)} in one pass.
 *
 * @param location the table's location
 * @param version the Delta version summarised
 * @param featureColumns the feature columns, in table order
 * @param files live data files in that version
 * @param sensors one entry per sensor with rows, in sensor id order
 */
public record TableSummary(
    String location, long version, List<String> featureColumns, long files, List<Sensor> sensors) {
  /** Copies the lists. */
  public TableSummary {
    requireNonNull(location, "location");
    featureColumns = List.copyOf(featureColumns);
    sensors = List.copyOf(sensors);
  }

  /**
   * Returns the total number of rows.
   *
   * @return the sum of every sensor's rows
   */
  public long rows() {
    return sensors.stream().mapToLong(Sensor::rows).sum();
  }

  /**
   * One sensor's rows in the table.
   *
   * @param sensorId the sensor
   * @param rows its row count
   * @param firstDate its earliest {@code date}
   * @param lastDate its latest {@code date}
   */
  public record Sensor(String sensorId, long rows, LocalDate firstDate, LocalDate lastDate) {
    /** Checks the fields. */
    public Sensor {
      requireNonNull(sensorId, "sensorId");
      requireNonNull(firstDate, "firstDate");
      requireNonNull(lastDate, "lastDate");
    }
  }
}
