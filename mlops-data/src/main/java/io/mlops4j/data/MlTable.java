package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;
import io.mlops4j.data.internal.DataErrors;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * An MLTable file: where the data is ({@code paths}) and how to read it ({@code transformations}),
 * the format Azure ML registers as an {@code mltable} data asset.
 *
 * <p>Build one with {@link MlTables#forTraining}, read one with {@link MlTables#parse}, write one
 * with {@link #toYaml()}. {@code MlTables.parse(f, t.toYaml())} equals {@code t}.
 *
 * @param schema the {@code $schema} URL, or empty when the file has none
 * @param paths the paths, at least one, in order
 * @param transformations the steps, in order; may be empty
 */
public record MlTable(
    String schema, List<MlTablePath> paths, List<MlTableTransformation> transformations) {

  /** The {@code $schema} of MLTable files Azure ML publishes. */
  public static final String SCHEMA_URL =
      "https://azuremlschemas.azureedge.net/latest/MLTable.schema.json";

  /**
   * Copies the lists and checks there is a path.
   *
   * @throws IllegalArgumentException if there is no path or the schema holds control characters
   */
  public MlTable {
    requireNonNull(schema, "schema");
    paths = List.copyOf(paths);
    transformations = List.copyOf(transformations);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("an MLTable must list at least one path");
    }
    if (DataErrors.hasControlCharacter(schema)) {
      throw new IllegalArgumentException("$schema must not contain control characters");
    }
  }

  /**
   * Writes this MLTable as YAML, deterministically: keys in the order {@code $schema}, {@code type:
   * mltable}, {@code paths}, {@code transformations}; settings in their order; strings quoted only
   * when YAML needs it. Settings whose text is a YAML boolean or number are written unquoted.
   *
   * @return the file's text, ending with a line break
   */
  public String toYaml() {
    return MlTableWriter.write(this);
  }

  /**
   * Interprets this MLTable as a training slice of the sensor table, if it has the one form mlops4j
   * evaluates locally: one {@code folder} path; {@code read_delta_lake} with {@code version_as_of}
   * (and no path column) as the first step; then exactly one {@code filter} of the form {@code
   * col("sensor_id") == "<sensor id>" and col("date") <= "<yyyy-mm-dd>"} (clauses in either order,
   * either quote character) and at most one {@code keep_columns} that keeps {@code timestamp},
   * {@code sensor_id} and {@code date}, in either order. {@link MlTables#forTraining} produces this
   * form.
   *
   * @return the slice
   * @throws MlopsException saying what differs from the supported form
   */
  public TrainingSlice trainingSlice() {
    return TrainingSlices.of(this);
  }

  /**
   * Evaluates this MLTable locally: works out its {@link #trainingSlice()} and reads it from the
   * source, so the file registered in Azure ML also drives local training.
   *
   * @param source the sensor table reader
   * @return the slice's rows
   * @throws MlopsException if this MLTable is not of the supported form, or the source fails with
   *     an {@link IOException} (kept as the cause)
   * @throws IllegalStateException if the source returns rows outside the slice
   */
  public SensorRows evaluate(SliceSource source) {
    requireNonNull(source, "source");
    TrainingSlice slice = trainingSlice();
    SensorRows rows;
    try {
      rows = source.read(slice);
    } catch (IOException e) {
      throw new MlopsException(DataErrors.sliceReadFailed(slice), e);
    }
    checkRows(slice, rows);
    return rows;
  }

  private static void checkRows(TrainingSlice slice, SensorRows rows) {
    if (rows == null) {
      throw new IllegalStateException("SliceSource returned null for " + slice);
    }
    if (!rows.sensorId().equals(slice.sensorId())) {
      throw new IllegalStateException(
          "SliceSource returned rows of sensor "
              + rows.sensorId()
              + " for a slice of sensor "
              + slice.sensorId());
    }
    if (!slice.featureColumns().isEmpty()
        && !rows.featureColumns().equals(slice.featureColumns())) {
      throw new IllegalStateException(
          "SliceSource returned columns "
              + rows.featureColumns()
              + " for a slice of columns "
              + slice.featureColumns());
    }
    long last = slice.lastDate().toEpochDay();
    for (int row = 0; row < rows.size(); row++) {
      if (rows.epochDays()[row] > last) {
        throw new IllegalStateException(
            "SliceSource returned a row dated "
                + LocalDate.ofEpochDay(rows.epochDays()[row])
                + " for a slice ending "
                + slice.lastDate());
      }
    }
  }
}
