package io.mlops4j.data;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Every user-facing message of mlops-data, so the wording stays consistent and tests can pin it.
 * User input is echoed through {@link MlopsException#quote(String)}; secrets are never echoed.
 */
final class DataErrors {
  /** The one MLTable form mlops4j evaluates locally, as told to users. */
  static final String SUPPORTED_FORM =
      "mlops4j evaluates MLTables with one folder: path, read_delta_lake with version_as_of as the"
          + " first step, then one filter 'col(\"sensor_id\") == \"<sensor id>\" and col(\"date\")"
          + " <= \"<yyyy-mm-dd>\"' and optionally keep_columns with timestamp, sensor_id, date and"
          + " feature columns, as MlTables.forTraining writes them";

  private static final String FILTER_FORM =
      "expected col(\"sensor_id\") == \"<sensor id>\" and col(\"date\") <= \"<yyyy-mm-dd>\""
          + " (clauses in either order)";

  private DataErrors() {}

  // Synthetic sensors

  static String outOfRange(String name, long value, long min, long max) {
    return name
        + " is "
        + value
        + "; expected "
        + (max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max);
  }

  static String dateRange(LocalDate start, int days, LocalDate min, LocalDate max) {
    return "startDate "
        + start
        + " with "
        + days
        + " days is outside the supported dates; days must lie from "
        + min
        + " to "
        + max;
  }

  static String frequencyNotDividingDay(int minutes) {
    return "frequencyMinutes is "
        + minutes
        + ", which does not divide a day (1440 minutes); use a divisor such as 1, 5, 10, 15, 30,"
        + " 60 or 1440";
  }

  static String rateOutOfRange(String name, double value, double max) {
    return name + " is " + value + "; expected 0 to " + max;
  }

  static String invalidSpec(List<String> problems) {
    return "invalid synthetic sensor spec:\n" + String.join("\n", problems);
  }

  static String unknownSyntheticCircuit(CircuitRef circuit, int plants, int circuitsPerPlant) {
    return "circuit "
        + circuit
        + " is not generated; this spec generates plants P001 to "
        + String.format(Locale.ROOT, "P%03d", plants)
        + " with circuits C001 to "
        + String.format(Locale.ROOT, "C%03d", circuitsPerPlant);
  }

  static String syntheticDateOutOfRange(LocalDate date, LocalDate start, LocalDate end) {
    return "date " + date + " is not generated; this spec generates " + start + " to " + end;
  }

  // Safe values

  static String unsafeSensorId(String value) {
    return "sensor id "
        + MlopsException.quote(value)
        + " cannot be written into an MLTable filter expression; "
        + SensorTableColumns.SENSOR_ID_RULE;
  }

  static String unsafeFilterDate(String date) {
    return "date "
        + MlopsException.quote(date)
        + " cannot be written into an MLTable filter expression; expected yyyy-mm-dd with a"
        + " year from 0000 to 9999";
  }

  static String invalidLocation(String what, String value) {
    return what
        + " "
        + MlopsException.quote(value)
        + " is not valid; expected a URI (abfss://, azureml://, https://, wasbs://, adl://) or a"
        + " relative path, without line breaks or other control characters";
  }

  static String secretIn(String what, String marker) {
    return what
        + " looks like it holds a credential (it contains '"
        + marker
        + "'); it would be stored in the workspace for everyone to read. Pass the location without"
        + " SAS tokens or keys; mlops4j authenticates with azure-identity";
  }

  static String controlCharacterInTag(String key) {
    return "tag "
        + key
        + " contains a line break or another control character; tag values are single-line text";
  }

  static String invalidLineage(String field, String value, String expected) {
    return "lineage " + field + " " + MlopsException.quote(value) + " is not valid; " + expected;
  }

  static boolean isControlCharacter(char c) {
    return c < 0x20
        || (c >= 0x7f && c < 0xa0)
        || c == 0x2028
        || c == 0x2029
        || c == 0xfeff
        || c >= 0xfffe;
  }

  static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControlCharacter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  // MLTable evaluation

  static String unsupportedFilter(String expression, String detail) {
    return "filter "
        + MlopsException.quote(expression)
        + " cannot be evaluated locally: "
        + detail
        + "; "
        + FILTER_FORM;
  }

  static String notEvaluable(String detail) {
    return "MLTable cannot be evaluated locally: " + detail + ". " + SUPPORTED_FORM;
  }

  static String notLocalFolder(String folder) {
    return "MLTable folder '"
        + folder
        + "' is not a local folder; only local folders (a path or a file: URI) are evaluated"
        + " locally. Mount or download the Delta table and point the MLTable, or the reader, at"
        + " that folder";
  }

  static String sliceReadFailed(TrainingSlice slice) {
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

  static String mlTableNotFound(Path path) {
    return "no MLTable file at "
        + path
        + "; pass the MLTable file or the folder that holds a file named MLTable";
  }

  static String mlTableReadFailed(Path path) {
    return "Failed to read MLTable file '" + path + "' while trying to parse it";
  }

  static String fileTooLarge(long size, int max) {
    return "file has " + size + " characters; MLTable files are limited to " + max;
  }

  static String invalidYaml(String problem, String context) {
    return "invalid YAML: "
        + firstLine(problem)
        + (context == null ? "" : " (" + firstLine(context) + ")");
  }

  static String moreThanOneDocument() {
    return "file holds more than one YAML document; an MLTable file holds exactly one";
  }

  static String emptyFile() {
    return "file is empty; expected an MLTable with paths and transformations";
  }

  static String missingPaths() {
    return "required key 'paths' is missing; an MLTable lists at least one file:, folder: or"
        + " pattern: path";
  }

  static String noPaths() {
    return "paths is empty; list at least one file:, folder: or pattern: path";
  }

  static String notMlTableType(String type) {
    return "type is " + MlopsException.quote(type) + "; an MLTable file has type: mltable";
  }

  static String unknownKey(String key, List<String> valid) {
    return "unknown key " + MlopsException.quote(key) + "; valid keys: " + String.join(", ", valid);
  }

  static String unknownDeltaKey(String key, List<String> valid) {
    String hint =
        key.equals("delta_table_version")
            ? " (delta_table_version is not a field Azure ML accepts; pin the table with"
                + " version_as_of: <n>)"
            : "";
    return unknownKey(key, valid) + hint;
  }

  static String missingKey(String key) {
    return "required key '" + key + "' is missing";
  }

  static String duplicateKey(String key) {
    return "duplicate key " + MlopsException.quote(key) + "; each key may appear once";
  }

  static String complexKey() {
    return "keys must be plain strings; merge keys (<<) and complex keys are not supported";
  }

  static String notOneKey(int keys, String example) {
    return "has " + keys + " keys; expected exactly one, as in " + example;
  }

  static String tagNotAllowed(String tag) {
    return "YAML tag "
        + tag
        + " is not allowed; use plain mappings, lists, strings, numbers and booleans";
  }

  static String notDecimalInteger(String text) {
    return MlopsException.quote(text) + " is not a decimal whole number of at most 18 digits";
  }

  static String unknownStep(String name, List<String> supported) {
    return "unknown transformation "
        + MlopsException.quote(name)
        + "; supported transformations: "
        + String.join(", ", supported);
  }

  static String unsupportedStep(String name, List<String> supported) {
    return "transformation '"
        + name
        + "' is valid in Azure ML but not supported by mlops4j; supported transformations: "
        + String.join(", ", supported);
  }

  static String deltaBothVersionAndTimestamp() {
    return "read_delta_lake sets both version_as_of and timestamp_as_of; set exactly one (Azure"
        + " ML's MLTable reference requires one of them); mlops4j pins training data with"
        + " version_as_of";
  }

  static String deltaNeitherVersionNorTimestamp() {
    return "read_delta_lake sets neither version_as_of nor timestamp_as_of; set version_as_of:"
        + " <n> (reproducible) or timestamp_as_of: <RFC 3339 timestamp>. Azure ML's MLTable"
        + " reference requires one; the Python SDK also writes files with neither (reading the"
        + " latest version), which mlops4j rejects because such an asset is not reproducible";
  }

  static String columnTypeOptionsUnsupported() {
    return "column_type with options (formats, true/false values) is not supported by mlops4j;"
        + " use a plain type name such as float, int, boolean, string or datetime";
  }

  static String wrongType(String expected, Node node) {
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
}
