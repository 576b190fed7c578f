package io.mlops4j.data.internal;

import static io.mlops4j.config.MlopsException.quote;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.InvalidIdException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.DataNotFoundException;
import io.mlops4j.data.TrainingSlice;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Every user-facing message of mlops-data (Delta table, synthetic sensors, MLTable, data assets,
 * prediction files), built in one place.
 */
public final class DataErrors {
  /** Sensor ids: the rule of mlops-config's schema. */
  static final Pattern SENSOR_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");

  /** Feature column names: the rule of mlops-config's schema. */
  static final Pattern COLUMN = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");

  /** The rule every sensor id follows, as users read it. */
  public static final String SENSOR_ID_RULE =
      "sensor ids are 1-64 letters, digits, '_', '.', ':' or '-', starting with a letter or digit"
          + " (no quotes, backslashes, spaces, parentheses or line breaks)";

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

  // ---- synthetic sensors, MLTable and data assets ----

  /** The one MLTable form mlops4j evaluates locally, as told to users. */
  public static final String SUPPORTED_FORM =
      "mlops4j evaluates MLTables with one folder: path, read_delta_lake with version_as_of as the"
          + " first step, then one filter 'col(\"sensor_id\") == \"<sensor id>\" and col(\"date\")"
          + " <= \"<yyyy-mm-dd>\"' and optionally keep_columns with timestamp, sensor_id, date and"
          + " feature columns, as MlTables.forTraining writes them";

  private static final String FILTER_FORM =
      "expected col(\"sensor_id\") == \"<sensor id>\" and col(\"date\") <= \"<yyyy-mm-dd>\""
          + " (clauses in either order)";

  // Synthetic sensors

  public static String outOfRange(String name, long value, long min, long max) {
    return name
        + " is "
        + value
        + "; expected "
        + (max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max);
  }

  public static String dateRange(LocalDate start, int days, LocalDate min, LocalDate max) {
    return "startDate "
        + start
        + " with "
        + days
        + " days is outside the supported dates; days must lie from "
        + min
        + " to "
        + max;
  }

  public static String frequencyNotDividingDay(int minutes) {
    return "frequencyMinutes is "
        + minutes
        + ", which does not divide a day (1440 minutes); use a divisor such as 1, 5, 10, 15, 30,"
        + " 60 or 1440";
  }

  public static String rateOutOfRange(String name, double value, double max) {
    return name + " is " + value + "; expected 0 to " + max;
  }

  public static String invalidSpec(List<String> problems) {
    return "invalid synthetic sensor spec:\n" + String.join("\n", problems);
  }

  public static String unknownSyntheticCircuit(
      CircuitRef circuit, int plants, int circuitsPerPlant) {
    return "circuit "
        + circuit
        + " is not generated; this spec generates plants P001 to "
        + String.format(Locale.ROOT, "P%03d", plants)
        + " with circuits C001 to "
        + String.format(Locale.ROOT, "C%03d", circuitsPerPlant);
  }

  public static String syntheticDateOutOfRange(LocalDate date, LocalDate start, LocalDate end) {
    return "date " + date + " is not generated; this spec generates " + start + " to " + end;
  }

  // Safe values

  public static String unsafeSensorId(String value) {
    return "sensor id "
        + MlopsException.quote(value)
        + " cannot be written into an MLTable filter expression; "
        + SENSOR_ID_RULE;
  }

  public static String unsafeFilterDate(String date) {
    return "date "
        + MlopsException.quote(date)
        + " cannot be written into an MLTable filter expression; expected yyyy-mm-dd with a"
        + " year from 0000 to 9999";
  }

  public static String invalidLocation(String what, String value) {
    return what
        + " "
        + MlopsException.quote(value)
        + " is not valid; expected a URI (abfss://, azureml://, https://, wasbs://, adl://) or a"
        + " relative path, without line breaks or other control characters";
  }

  public static String secretIn(String what, String marker) {
    return what
        + " looks like it holds a credential (it contains '"
        + marker
        + "'); it would be stored in the workspace for everyone to read. Pass the location without"
        + " SAS tokens or keys; mlops4j authenticates with azure-identity";
  }

  public static String controlCharacterInTag(String key) {
    return "tag "
        + key
        + " contains a line break or another control character; tag values are single-line text";
  }

  public static String invalidLineage(String field, String value, String expected) {
    return "lineage " + field + " " + MlopsException.quote(value) + " is not valid; " + expected;
  }

  public static boolean isControlCharacter(char c) {
    return c < 0x20
        || (c >= 0x7f && c < 0xa0)
        || c == 0x2028
        || c == 0x2029
        || c == 0xfeff
        || c >= 0xfffe;
  }

  public static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControlCharacter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  // MLTable evaluation

  public static String unsupportedFilter(String expression, String detail) {
    return "filter "
        + MlopsException.quote(expression)
        + " cannot be evaluated locally: "
        + detail
        + "; "
        + FILTER_FORM;
  }

  public static String notEvaluable(String detail) {
    return "MLTable cannot be evaluated locally: " + detail + ". " + SUPPORTED_FORM;
  }

  public static String notLocalFolder(String folder) {
    return "MLTable folder '"
        + folder
        + "' is not a local folder; only local folders (a path or a file: URI) are evaluated"
        + " locally. Mount or download the Delta table and point the MLTable, or the reader, at"
        + " that folder";
  }

  public static String sliceReadFailed(TrainingSlice slice) {
    return "Failed to read sensor table '"
        + slice.deltaFolder()
        + "' at version "
        + slice.deltaVersion()
        + " while trying to evaluate the MLTable for sensor "
        + slice.sensorId()
        + " up to "
        + slice.lastDate();
  }

  // MLTable files

  public static String mlTableNotFound(Path path) {
    return "no MLTable file at "
        + path
        + "; pass the MLTable file or the folder that holds a file named MLTable";
  }

  public static String mlTableReadFailed(Path path) {
    return "Failed to read MLTable file '" + path + "' while trying to parse it";
  }

  public static String fileTooLarge(long size, int max) {
    return "file has " + size + " characters; MLTable files are limited to " + max;
  }

  public static String invalidYaml(String problem, String context) {
    return "invalid YAML: "
        + firstLine(problem)
        + (context == null ? "" : " (" + firstLine(context) + ")");
  }

  public static String moreThanOneDocument() {
    return "file holds more than one YAML document; an MLTable file holds exactly one";
  }

  public static String emptyFile() {
    return "file is empty; expected an MLTable with paths and transformations";
  }

  public static String missingPaths() {
    return "required key 'paths' is missing; an MLTable lists at least one file:, folder: or"
        + " pattern: path";
  }

  public static String noPaths() {
    return "paths is empty; list at least one file:, folder: or pattern: path";
  }

  public static String notMlTableType(String type) {
    return "type is " + MlopsException.quote(type) + "; an MLTable file has type: mltable";
  }

  public static String unknownKey(String key, List<String> valid) {
    return "unknown key " + MlopsException.quote(key) + "; valid keys: " + String.join(", ", valid);
  }

  public static String unknownDeltaKey(String key, List<String> valid) {
    String hint =
        key.equals("delta_table_version")
            ? " (delta_table_version is not a field Azure ML accepts; pin the table with"
                + " version_as_of: <n>)"
            : "";
    return unknownKey(key, valid) + hint;
  }

  public static String missingKey(String key) {
    return "required key '" + key + "' is missing";
  }

  public static String duplicateKey(String key) {
    return "duplicate key " + MlopsException.quote(key) + "; each key may appear once";
  }

  public static String complexKey() {
    return "keys must be plain strings; merge keys (<<) and complex keys are not supported";
  }

  public static String notOneKey(int keys, String example) {
    return "has " + keys + " keys; expected exactly one, as in " + example;
  }

  public static String tagNotAllowed(String tag) {
    return "YAML tag "
        + tag
        + " is not allowed; use plain mappings, lists, strings, numbers and booleans";
  }

  public static String notDecimalInteger(String text) {
    return MlopsException.quote(text) + " is not a decimal whole number of at most 18 digits";
  }

  public static String unknownStep(String name, List<String> supported) {
    return "unknown transformation "
        + MlopsException.quote(name)
        + "; supported transformations: "
        + String.join(", ", supported);
  }

  public static String unsupportedStep(String name, List<String> supported) {
    return "transformation '"
        + name
        + "' is valid in Azure ML but not supported by mlops4j; supported transformations: "
        + String.join(", ", supported);
  }

  public static String deltaBothVersionAndTimestamp() {
    return "read_delta_lake sets both version_as_of and timestamp_as_of; set exactly one (Azure"
        + " ML's MLTable reference requires one of them); mlops4j pins training data with"
        + " version_as_of";
  }

  public static String deltaNeitherVersionNorTimestamp() {
    return "read_delta_lake sets neither version_as_of nor timestamp_as_of; set version_as_of:"
        + " <n> (reproducible) or timestamp_as_of: <RFC 3339 timestamp>. Azure ML's MLTable"
        + " reference requires one; the Python SDK also writes files with neither (reading the"
        + " latest version), which mlops4j rejects because such an asset is not reproducible";
  }

  public static String columnTypeOptionsUnsupported() {
    return "column_type with options (formats, true/false values) is not supported by mlops4j;"
        + " use a plain type name such as float, int, boolean, string or datetime";
  }

  public static String wrongType(String expected, Node node) {
    return "expected " + expected + " but found " + describe(node);
  }

  private static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof ScalarNode scalar) {
      if (scalar.getTag().equals(Tag.NULL)) {
        return "nothing";
      }
      return MlopsException.quote(scalar.getValue());
    }
    return "an unsupported YAML node";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable input";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  // ---- prediction files ----

  public static MlopsException notFound(Path file) {
    return new MlopsException(
        "Prediction file '" + file + "' does not exist or is not a regular file");
  }

  public static MlopsException notParquet(Path file, Exception cause) {
    return new MlopsException(
        "Prediction file '"
            + file
            + "' is not a readable Parquet file ("
            + cause.getMessage()
            + "); expected a file written by PredictionFiles.write",
        cause);
  }

  public static MlopsException wrongSchema(Path file, List<String> problems) {
    return new MlopsException(
        "Prediction file '"
            + file
            + "' does not have the prediction columns:\n  "
            + String.join("\n  ", problems));
  }

  public static MlopsException corrupt(Path file, long row, Exception cause) {
    return new MlopsException(
        "Prediction file '"
            + file
            + "' is corrupt: failed to decode row "
            + row
            + " ("
            + cause.getMessage()
            + ")",
        cause);
  }

  public static MlopsException missingValue(Path file, long row, String column) {
    return new MlopsException(
        "Prediction file '"
            + file
            + "' row "
            + row
            + " has no value in column "
            + column
            + "; every column of a prediction is required");
  }

  public static MlopsException invalidRow(Path file, long row, RuntimeException cause) {
    return new MlopsException(
        "Prediction file '" + file + "' row " + row + " is invalid: " + cause.getMessage(), cause);
  }

  public static MlopsException misplacedRow(
      Path file, long row, CircuitRef actual, CircuitRef expected) {
    return new MlopsException(
        "Prediction file '"
            + file
            + "' row "
            + row
            + " is for circuit "
            + actual
            + ", but the file is filed under circuit "
            + expected
            + "; expected only "
            + expected
            + " rows there");
  }

  public static MlopsException readFailed(Path file, IOException cause) {
    return new MlopsException(
        "Failed to read prediction file '" + file + "': " + cause.getMessage(), cause);
  }

  public static MlopsException writeFailed(Path file, IOException cause) {
    return new MlopsException(
        "Failed to write prediction file '"
            + file
            + "': "
            + cause
            + "; the previous file, if any, is unchanged",
        cause);
  }

  public static MlopsException listFailed(Path directory, IOException cause) {
    return new MlopsException(
        "Failed to list prediction files in '" + directory + "': " + cause, cause);
  }

  public static IllegalArgumentException otherCircuit(
      int row, CircuitRef actual, CircuitRef expected) {
    return new IllegalArgumentException(
        "row "
            + row
            + " is a prediction for circuit "
            + actual
            + ", not "
            + expected
            + "; a prediction file holds the rows of one circuit");
  }
}
