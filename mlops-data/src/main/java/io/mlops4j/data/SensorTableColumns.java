package io.mlops4j.data;

import io.mlops4j.config.InvalidIdException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.internal.DataErrors;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key columns of the sensor table and the rules for names and values that end up in MLTable
 * files and filter expressions. The rules match mlops-config's schema for {@code data_filters}, so
 * a valid config always passes; they are checked again here because a value that reaches a filter
 * expression must never be able to change it.
 */
final class SensorTableColumns {
  static final String TIMESTAMP = "timestamp";
  static final String SENSOR_ID = "sensor_id";
  static final String DATE = "date";

  /** The key columns, in table order. */
  static final List<String> KEYS = List.of(TIMESTAMP, SENSOR_ID, DATE);

  static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  static final String COLUMN_RULE =
      "column names are 1-64 letters, digits or '_', starting with a letter or '_'";

  static final Pattern SENSOR_ID_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
  static final String SENSOR_ID_RULE = DataErrors.SENSOR_ID_RULE;

  private SensorTableColumns() {}

  /** What is wrong with a feature column name, if anything. */
  static Optional<String> featureColumnProblem(String column) {
    if (column == null || !COLUMN.matcher(column).matches()) {
      return Optional.of(
          "column "
              + MlopsException.quote(String.valueOf(column))
              + " is not a valid name; "
              + COLUMN_RULE);
    }
    if (KEYS.contains(column)) {
      return Optional.of(
          "column '"
              + column
              + "' is a key column of the sensor table; feature columns must not be any of "
              + KEYS);
    }
    return Optional.empty();
  }

  /**
   * Checks a feature column that is about to be written into an MLTable file.
   *
   * @throws InvalidIdException if the name breaks the rule or is a key column
   */
  static String checkFeatureColumn(String column) {
    Optional<String> problem = featureColumnProblem(column);
    if (problem.isPresent()) {
      throw new InvalidIdException(problem.get());
    }
    return column;
  }

  /**
   * Checks a sensor id that is about to be written into a filter expression.
   *
   * @throws InvalidIdException if the id contains anything outside the rule
   */
  static String checkSensorId(String sensorId) {
    if (sensorId == null || !SENSOR_ID_VALUE.matcher(sensorId).matches()) {
      throw new InvalidIdException(DataErrors.unsafeSensorId(String.valueOf(sensorId)));
    }
    return sensorId;
  }
}
