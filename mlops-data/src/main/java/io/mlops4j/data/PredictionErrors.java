package io.mlops4j.data;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The user-facing messages about prediction files, built in one place. */
final class PredictionErrors {
  private PredictionErrors() {}

  static MlopsException notFound(Path file) {
    return new MlopsException(
        "Prediction file '" + file + "' does not exist or is not a regular file");
  }

  static MlopsException notParquet(Path file, Exception cause) {
    return new MlopsException(
        "Prediction file '"
            + file
            + "' is not a readable Parquet file ("
            + cause.getMessage()
            + "); expected a file written by PredictionFiles.write",
        cause);
  }

  static MlopsException wrongSchema(Path file, List<String> problems) {
    return new MlopsException(
        "Prediction file '"
            + file
            + "' does not have the prediction columns:\n  "
            + String.join("\n  ", problems));
  }

  static MlopsException corrupt(Path file, long row, Exception cause) {
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

  static MlopsException missingValue(Path file, long row, String column) {
    return new MlopsException(
        "Prediction file '"
            + file
            + "' row "
            + row
            + " has no value in column "
            + column
            + "; every column of a prediction is required");
  }

  static MlopsException invalidRow(Path file, long row, RuntimeException cause) {
    return new MlopsException(
        "Prediction file '" + file + "' row " + row + " is invalid: " + cause.getMessage(), cause);
  }

  static MlopsException misplacedRow(Path file, long row, CircuitRef actual, CircuitRef expected) {
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

  static MlopsException readFailed(Path file, IOException cause) {
    return new MlopsException(
        "Failed to read prediction file '" + file + "': " + cause.getMessage(), cause);
  }

  static MlopsException writeFailed(Path file, IOException cause) {
    return new MlopsException(
        "Failed to write prediction file '"
            + file
            + "': "
            + cause
            + "; the previous file, if any, is unchanged",
        cause);
  }

  static MlopsException listFailed(Path directory, IOException cause) {
    return new MlopsException(
        "Failed to list prediction files in '" + directory + "': " + cause, cause);
  }

  static IllegalArgumentException otherCircuit(int row, CircuitRef actual, CircuitRef expected) {
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
