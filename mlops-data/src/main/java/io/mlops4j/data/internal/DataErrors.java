package io.mlops4j.data.internal;

import static io.mlops4j.config.MlopsException.quote;

import io.mlops4j.config.InvalidIdException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.DataNotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every user-facing message of mlops-data's Delta table, built in one place. */
public final class DataErrors {
  /** Sensor ids: the rule of mlops-config's schema. */
  static final Pattern SENSOR_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");

  /** Feature column names: the rule of mlops-config's schema. */
  static final Pattern COLUMN = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");

  private DataErrors() {}

  /**
   * Checks a sensor id.
   *
   * @param sensorId the id
   * @return the id
   * @throws InvalidIdException if it is null or unsafe
   */
  public static String checkSensorId(String sensorId) {
    if (sensorId == null || !SENSOR_ID.matcher(sensorId).matches()) {
      throw new InvalidIdException(
          "sensor id "
              + quote(sensorId)
              + " is not valid; expected 1-64 characters: letters, digits, '_', '.', ':' or '-',"
              + " starting with a letter or digit");
    }
    return sensorId;
  }

  /**
   * Checks feature column names.
   *
   * @param columns the names
   * @return an immutable copy
   * @throws InvalidIdException if a name is unsafe or repeated
   */
  public static List<String> checkColumns(Collection<String> columns) {
    for (String c : columns) {
      if (c == null || !COLUMN.matcher(c).matches()) {
        throw new InvalidIdException(
            "feature column "
                + quote(c)
                + " is not a valid column name; expected 1-64 characters: letters, digits or '_',"
                + " not starting with a digit");
      }
      if (c.equals(DeltaSensorTable.TIMESTAMP)
          || c.equals(DeltaSensorTable.SENSOR_ID)
          || c.equals(DeltaSensorTable.DATE)) {
        throw new InvalidIdException(
            "feature column " + quote(c) + " is a key column; feature columns are the other ones");
      }
    }
    if (Set.copyOf(columns).size() != columns.size()) {
      throw new InvalidIdException("feature columns must be unique: " + columns);
    }
    return List.copyOf(columns);
  }

  static DataNotFoundException tableNotFound(String path, Throwable cause) {
    return new DataNotFoundException(
        "Delta table '"
            + path
            + "' not found: there is no _delta_log directory with commits there; create the table"
            + " first or check the path",
        path,
        -1,
        cause);
  }

  static DataNotFoundException noSuchVersion(String path, long version, long latest, Throwable e) {
    return new DataNotFoundException(
        "Delta table '"
            + path
            + "' has no version "
            + version
            + "; latest available version is "
            + latest,
        path,
        latest,
        e);
  }

  static DataNotFoundException noVersionAsOf(String path, Instant at, Throwable e) {
    return new DataNotFoundException(
        "Delta table '" + path + "' has no version as of " + at + ": " + e.getMessage(),
        path,
        -1,
        e);
  }

  static DataNotFoundException unknownSensor(
      String path, long version, String sensorId, List<String> present) {
    return new DataNotFoundException(
        "sensor "
            + quote(sensorId)
            + " has no rows in table '"
            + path
            + "' at version "
            + version
            + "; sensors present: "
            + firstTen(present),
        path,
        version);
  }

  static DataNotFoundException cutoffBeforeData(
      String path, long version, String sensorId, LocalDate cutoff, LocalDate firstDate) {
    return new DataNotFoundException(
        "sensor "
            + quote(sensorId)
            + " has no rows on or before cutoff "
            + cutoff
            + " in table '"
            + path
            + "' at version "
            + version
            + "; its first date is "
            + firstDate,
        path,
        version);
  }

  static DataNotFoundException unknownColumn(
      String path, long version, String column, List<String> featureColumns) {
    return new DataNotFoundException(
        "column "
            + quote(column)
            + " is not in table '"
            + path
            + "' at version "
            + version
            + "; feature columns: "
            + featureColumns,
        path,
        version);
  }

  static MlopsException unsupportedFeatures(String path, Set<String> features, Throwable e) {
    return new MlopsException(
        "Delta table '"
            + path
            + "' requires table feature(s) "
            + features.stream().sorted().collect(Collectors.toList())
            + " which this reader (delta-kernel "
            + DeltaSensorTable.KERNEL_VERSION
            + ") does not support",
        e);
  }

  static MlopsException unsupportedProtocol(String path, Throwable e) {
    return new MlopsException(
        "Delta table '"
            + path
            + "' uses a protocol this reader (delta-kernel "
            + DeltaSensorTable.KERNEL_VERSION
            + ") does not support: "
            + e.getMessage(),
        e);
  }

  static MlopsException failed(String path, String operation, Throwable e) {
    return new MlopsException(
        "Failed to read sensor table '"
            + path
            + "' while trying to "
            + operation
            + ": "
            + e.getMessage(),
        e);
  }

  static MlopsException nullFeature(String sensorId, long timestampMicros, String column) {
    return new MlopsException(
        "sensor "
            + quote(sensorId)
            + " has a null "
            + quote(column)
            + " at "
            + Instant.EPOCH.plusNanos(timestampMicros * 1_000L)
            + "; read with NullPolicy.DROP_ROW to drop such rows");
  }

  /**
   * The fingerprint given does not belong to the slice at the given version.
   *
   * @param sensorId the sensor
   * @param expected the fingerprint given
   * @param version the version
   * @param atVersion the slice's fingerprint at that version
   * @return the exception
   */
  public static MlopsException fingerprintMismatch(
      String sensorId, String expected, long version, String atVersion) {
    return new MlopsException(
        "fingerprint "
            + quote(expected)
            + " of sensor "
            + quote(sensorId)
            + " does not match the slice at version "
            + version
            + " ("
            + atVersion
            + "); pass the version the fingerprint was computed at");
  }

  /**
   * A table URI whose scheme this reader does not support.
   *
   * @param scheme the scheme, or null
   * @return the exception
   */
  static MlopsException unsupportedTableUri(String scheme) {
    return new MlopsException(
        "table URI scheme "
            + (scheme == null ? "(none)" : quote(scheme))
            + " is not supported; use a local path or file: URI (including Azure ML mounts) or "
            + AbfsLocation.FORM
            + " for ADLS Gen2 (wasbs://, abfs:// without TLS, https:// and s3a:// are not supported)");
  }

  /**
   * A malformed {@code file:} table URI. The URI itself is not echoed.
   *
   * @param problem what is wrong
   * @return the exception
   */
  static MlopsException invalidFileUri(String problem) {
    return new MlopsException(
        "file: table URI is not valid: "
            + problem
            + "; expected file:/absolute/path/to/table (or pass a Path)");
  }

  /**
   * A malformed {@code abfss://} URI.
   *
   * @param shown the URI to echo, or null when it may carry a secret
   * @param problem what is wrong
   * @param form the valid form
   * @return the exception
   */
  static MlopsException invalidAbfsUri(String shown, String problem, String form) {
    return new MlopsException(
        "abfss table URI "
            + (shown == null ? "(not shown)" : quote(shown))
            + " is not valid: "
            + problem
            + "; expected "
            + form);
  }

  private static String firstTen(List<String> present) {
    if (present.isEmpty()) {
      return "none (the table is empty)";
    }
    List<String> head = present.subList(0, Math.min(10, present.size()));
    String s = String.join(", ", head);
    return present.size() > 10 ? s + " (first 10 of " + present.size() + ")" : s;
  }
}
