package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.ConfigException;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.config.DataFilters;
import io.mlops4j.config.InvalidIdException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.internal.DataErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds, parses and loads {@link MlTable}s.
 *
 * <p>The training MLTable of a circuit reads the sensor table's Delta folder pinned to the version
 * that was read, and filters it to the circuit's sensor up to its cutoff date:
 *
 * <pre>{@code
 * $schema: https://azuremlschemas.azureedge.net/latest/MLTable.schema.json
 * type: mltable
 * paths:
 *   - folder: abfss://sensors@account.dfs.core.windows.net/sensor_readings
 * transformations:
 *   - read_delta_lake:
 *       version_as_of: 812
 *   - filter: 'col("sensor_id") == "SENSOR_P001_C001" and col("date") <= "2025-12-09"'
 *   - keep_columns: [timestamp, sensor_id, date, temperature, pressure, flow_rate]
 * }</pre>
 *
 * <p>Pinning with {@code version_as_of} (never the original design's {@code delta_table_version:
 * latest}, which Azure ML does not accept) makes the asset reproducible. The date is compared as a
 * string, because MLTable documents no date literal; ISO dates sort as strings in date order
 * ([inference]: how Azure ML's engine compares a {@code date} column to a string is untested).
 * Values are never escaped into the expression: a sensor id or column name with anything outside
 * its rule is rejected.
 */
public final class MlTables {
  /** The name Azure ML gives an MLTable file inside its folder. */
  public static final String FILE_NAME = "MLTable";

  private MlTables() {}

  /**
   * Builds a circuit's training MLTable.
   *
   * @param config the circuit's config: its sensor id, cutoff date and feature columns
   * @param deltaFolderUri the sensor table's Delta folder on the datastore, such as {@code
   *     abfss://container@account.dfs.core.windows.net/sensor_readings}; no SAS token or key
   * @param deltaVersion the Delta table version that was read, {@code >= 0}
   * @return the MLTable, with {@code $schema}, one folder path, {@code read_delta_lake} with {@code
   *     version_as_of}, the filter and {@code keep_columns}
   * @throws InvalidIdException if the sensor id or a feature column could change the filter or the
   *     file (anything outside their rules, such as quotes, backslashes, parentheses or line
   *     breaks)
   * @throws MlopsException if the folder URI is blank, has control characters or carries a
   *     credential
   * @throws IllegalArgumentException if the version is negative
   */
  public static MlTable forTraining(
      CircuitConfig config, String deltaFolderUri, long deltaVersion) {
    requireNonNull(config, "config");
    requireNonNull(deltaFolderUri, "deltaFolderUri");
    if (deltaVersion < 0) {
      throw new IllegalArgumentException("deltaVersion must be >= 0, got " + deltaVersion);
    }
    checkLocation("Delta folder URI", deltaFolderUri);
    DataFilters filters = config.training().dataFilters();
    String filter = FilterExpression.training(filters.sensorId(), config.training().cutoffDate());
    List<String> columns = new ArrayList<>(SensorTableColumns.KEYS);
    for (String feature : filters.featureColumns()) {
      columns.add(SensorTableColumns.checkFeatureColumn(feature));
    }
    return new MlTable(
        MlTable.SCHEMA_URL,
        List.of(MlTablePath.folder(deltaFolderUri)),
        List.of(
            MlTableTransformation.ReadDeltaLake.versionAsOf(deltaVersion),
            new MlTableTransformation.Filter(filter),
            new MlTableTransformation.KeepColumns(columns)));
  }

  /**
   * Parses MLTable YAML, such as the files Azure ML's examples ship.
   *
   * <p>Accepted: {@code $schema}, {@code type: mltable} (optional), {@code paths} (required, a
   * non-empty list of {@code file:}, {@code folder:} or {@code pattern:}) and {@code
   * transformations} (the steps of {@link MlTableTransformation}). {@code read_delta_lake} must set
   * exactly one of {@code version_as_of} and {@code timestamp_as_of}, as Azure ML's MLTable
   * reference requires; files with neither, which the Python SDK writes, are rejected because they
   * are not reproducible. Settings set to null are left out.
   *
   * @param fileName the file name shown in errors
   * @param yaml the file's text
   * @return the MLTable
   * @throws ConfigException listing every problem with line, column and field path: malformed YAML,
   *     a missing {@code paths}, an unknown key or transformation, both or neither Delta version
   *     fields, a value of the wrong type
   */
  public static MlTable parse(String fileName, String yaml) {
    requireNonNull(fileName, "fileName");
    requireNonNull(yaml, "yaml");
    return MlTableParser.parse(fileName, yaml);
  }

  /**
   * Reads and parses an MLTable file.
   *
   * @param path the MLTable file, or a folder holding a file named {@value #FILE_NAME}
   * @return the MLTable
   * @throws ConfigException if the file is not a valid MLTable (see {@link #parse})
   * @throws MlopsException if the file does not exist or cannot be read (the cause is kept)
   */
  public static MlTable load(Path path) {
    requireNonNull(path, "path");
    Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
    try {
      if (Files.size(file) > MlTableParser.MAX_CHARS) {
        throw new ConfigException(
            List.of(
                new ConfigProblem(
                    file.toString(),
                    0,
                    0,
                    "",
                    DataErrors.fileTooLarge(Files.size(file), MlTableParser.MAX_CHARS))));
      }
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new MlopsException(DataErrors.mlTableNotFound(file), e);
    } catch (IOException e) {
      throw new MlopsException(DataErrors.mlTableReadFailed(file), e);
    }
  }

  /** Checks a location is single-line text without credentials. */
  static void checkLocation(String what, String location) {
    if (location.isBlank() || DataErrors.hasControlCharacter(location)) {
      throw new MlopsException(DataErrors.invalidLocation(what, location));
    }
    SecretMarkers.find(location)
        .ifPresent(
            marker -> {
              throw new MlopsException(DataErrors.secretIn(what, marker));
            });
  }
}
