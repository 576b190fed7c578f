package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;

/**
 * Rows of one sensor, in columns: what is written to and read from the sensor table.
 *
 * <p>Arrays are shared, not copied: treat them as read-only. A missing feature value is {@link
 * Double#NaN}. Rows are in timestamp order when read from the table.
 *
 * @param sensorId the sensor
 * @param timestampMicros each row's timestamp, microseconds since the epoch, UTC
 * @param epochDays each row's {@code date} column, days since 1970-01-01
 * @param featureColumns the feature column names, in the order of {@code features}
 * @param features one array per feature column, each as long as {@code timestampMicros}
 */
public record SensorRows(
    String sensorId,
    long[] timestampMicros,
    int[] epochDays,
    List<String> featureColumns,
    double[][] features) {
  /**
   * Checks that every column has one value per row and the column names are unique.
   *
   * @throws IllegalArgumentException if the columns disagree
   */
  public SensorRows {
    requireNonNull(sensorId, "sensorId");
    requireNonNull(timestampMicros, "timestampMicros");
    requireNonNull(epochDays, "epochDays");
    featureColumns = List.copyOf(featureColumns);
    requireNonNull(features, "features");
    if (epochDays.length != timestampMicros.length) {
      throw new IllegalArgumentException(
          "epochDays has " + epochDays.length + " rows, timestamps " + timestampMicros.length);
    }
    if (features.length != featureColumns.size()) {
      throw new IllegalArgumentException(
          features.length + " feature arrays for " + featureColumns.size() + " feature columns");
    }
    for (int c = 0; c < features.length; c++) {
      if (features[c].length != timestampMicros.length) {
        throw new IllegalArgumentException(
            "feature "
                + featureColumns.get(c)
                + " has "
                + features[c].length
                + " rows, timestamps "
                + timestampMicros.length);
      }
    }
    if (new HashSet<>(featureColumns).size() != featureColumns.size()) {
      throw new IllegalArgumentException("feature columns must be unique: " + featureColumns);
    }
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
   * Returns a row's timestamp.
   *
   * @param row the row index
   * @return the timestamp
   */
  public Instant timestamp(int row) {
    long micros = timestampMicros[row];
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
  }

  /**
   * Returns a row's date.
   *
   * @param row the row index
   * @return the date
   */
  public LocalDate date(int row) {
    return LocalDate.ofEpochDay(epochDays[row]);
  }

  /**
   * Returns one feature column.
   *
   * @param column the column name
   * @return its values, one per row
   * @throws IllegalArgumentException if there is no such column
   */
  public double[] feature(String column) {
    int index = featureColumns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no feature column " + column + " in " + featureColumns);
    }
    return features[index];
  }

  /**
   * Converts an instant to the microseconds the table stores.
   *
   * @param instant the instant
   * @return microseconds since the epoch
   */
  public static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /**
   * Returns the UTC date of a timestamp in microseconds.
   *
   * @param micros microseconds since the epoch
   * @return days since the epoch of its UTC date
   */
  public static int epochDay(long micros) {
    return (int)
        Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000))
            .atOffset(ZoneOffset.UTC)
            .toLocalDate()
            .toEpochDay();
  }
}
