package io.mlops4j.model.internal;

import io.mlops4j.config.MlopsException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Every user-facing message of mlops-model, built in one place (STYLE P6). */
public final class ModelErrors {
  private ModelErrors() {}

  /**
   * The target column is not among the feature columns.
   *
   * @param target the target column
   * @param features the feature columns
   * @return the message
   */
  public static String targetNotAFeature(String target, List<String> features) {
    return "target column "
        + MlopsException.quote(target)
        + " is not one of the feature columns "
        + features
        + "; the model forecasts one of its inputs, so list it in feature_columns";
  }

  /**
   * A column the model needs is not in the rows.
   *
   * @param column the column
   * @param sensorId the sensor
   * @param available the columns read
   * @return the message
   */
  public static String missingColumn(String column, String sensorId, List<String> available) {
    return "column "
        + MlopsException.quote(column)
        + " is not in the rows read for sensor "
        + MlopsException.quote(sensorId)
        + "; columns read: "
        + available;
  }

  /**
   * Fewer rows than one window.
   *
   * @param what what was being done, e.g. "training P001/C001"
   * @param available rows available
   * @param sequenceLength the window's input length
   * @param horizon the forecast horizon (0 when forecasting)
   * @return the message
   */
  public static String tooFewRows(String what, int available, int sequenceLength, int horizon) {
    int needed = sequenceLength + horizon;
    return what
        + " needs at least "
        + needed
        + " rows (sequence_length "
        + sequenceLength
        + (horizon > 0 ? " + forecast_horizon " + horizon : "")
        + ") but only "
        + available
        + " are available; use a longer slice (an earlier start or a later cutoff_date)"
        + (horizon > 0 ? " or a shorter sequence_length" : "");
  }

  /**
   * A value is NaN or infinite.
   *
   * @param what where the value was, e.g. "training series"
   * @param column the column
   * @param row the row index
   * @param at the row's time, or null if unknown
   * @param value the value
   * @return the message
   */
  public static String nonFinite(String what, String column, int row, Instant at, double value) {
    return what
        + ": column "
        + MlopsException.quote(column)
        + " is "
        + value
        + " at row "
        + row
        + (at == null ? "" : " (" + at + ")")
        + "; every input must be a finite number. Read the table with NullPolicy.DROP_ROW so rows"
        + " with missing values become gaps, or fill them before training or forecasting";
  }

  /**
   * Timestamps are not strictly increasing.
   *
   * @param row the row whose timestamp is not after the previous one
   * @param at its time
   * @return the message
   */
  public static String notIncreasing(int row, Instant at) {
    return "timestamps must be strictly increasing, but row "
        + row
        + " ("
        + at
        + ") is not after the row before it; sort the rows and drop duplicates";
  }

  /**
   * Every window position spans a gap.
   *
   * @param what what was being done
   * @param rows rows available
   * @param skipped windows skipped
   * @param frequency the inferred frequency
   * @param needed consecutive rows a window needs
   * @return the message
   */
  public static String noWindows(
      String what, int rows, int skipped, Duration frequency, int needed) {
    return what
        + ": no window of "
        + needed
        + " consecutive rows at the inferred frequency "
        + frequency
        + " fits between the gaps of the "
        + rows
        + " rows ("
        + skipped
        + " window positions span a gap); use a slice with fewer gaps or a shorter sequence_length";
  }

  /**
   * Too few windows to split into training and validation.
   *
   * @param what what was being done
   * @param windows windows built
   * @param split the validation split
   * @return the message
   */
  public static String tooFewWindows(String what, int windows, double split) {
    return what
        + ": "
        + windows
        + " windows cannot be split chronologically into training and validation parts with"
        + " validation_split "
        + split
        + "; both parts need at least one window, so use a longer slice";
  }

  /**
   * Input with the wrong number of steps or features.
   *
   * @param dir where the model came from, or null
   * @param expected the expected shape
   * @param actual the shape given
   * @param columns the model's feature columns
   * @return the message
   */
  public static String wrongShape(Path dir, String expected, String actual, List<String> columns) {
    return "model"
        + (dir == null ? "" : " " + MlopsException.quote(dir.toString()))
        + " expects windows of "
        + expected
        + " (features "
        + columns
        + ") but got "
        + actual;
  }

  /**
   * A directory is not a model directory.
   *
   * @param dir the directory
   * @param missing the file that is missing
   * @return the message
   */
  public static String notAModel(Path dir, String missing) {
    return MlopsException.quote(dir.toString())
        + " is not an mlops4j model directory: "
        + missing
        + " is missing; expected a directory written by 'mlops train' or TrainedModel.save"
        + " (mlops-model.json and a TensorFlow SavedModel)";
  }

  /**
   * A model directory does not exist.
   *
   * @param dir the directory
   * @return the message
   */
  public static String noSuchModel(Path dir) {
    return "model directory "
        + MlopsException.quote(dir.toString())
        + " does not exist or is not a directory";
  }

  /**
   * A window or row count passed to predict is empty.
   *
   * @return the message
   */
  public static String noWindowsToPredict() {
    return "no windows to forecast: pass at least one window";
  }

  /**
   * The metadata cannot be read.
   *
   * @param dir the directory
   * @param detail what is wrong
   * @return the message
   */
  public static String corruptMetadata(Path dir, String detail) {
    return "model directory "
        + MlopsException.quote(dir.toString())
        + " has a corrupt mlops-model.json: "
        + detail;
  }

  /**
   * The metadata has another format version.
   *
   * @param dir the directory
   * @param version its version
   * @param supported the version this release reads
   * @return the message
   */
  public static String unsupportedFormat(Path dir, int version, int supported) {
    return "model directory "
        + MlopsException.quote(dir.toString())
        + " has metadata format_version "
        + version
        + "; this release of mlops-model reads format_version "
        + supported;
  }

  /**
   * The SavedModel cannot be loaded.
   *
   * @param dir the directory
   * @param detail what TensorFlow said
   * @return the message
   */
  public static String corruptSavedModel(Path dir, String detail) {
    return "model directory "
        + MlopsException.quote(dir.toString())
        + " has a SavedModel TensorFlow cannot load: "
        + detail;
  }

  /**
   * The graph does not match the metadata.
   *
   * @param dir the directory
   * @param what what differs
   * @param expected what the metadata says
   * @param actual what the graph has
   * @return the message
   */
  public static String graphMismatch(Path dir, String what, String expected, String actual) {
    return "model directory "
        + MlopsException.quote(dir.toString())
        + ": the SavedModel's "
        + what
        + " is "
        + actual
        + " but mlops-model.json says "
        + expected
        + "; the directory was modified or mixes two models, so retrain or restore it";
  }

  /**
   * The output directory exists.
   *
   * @param dir the directory
   * @return the message
   */
  public static String outputExists(Path dir) {
    return "cannot save the model to "
        + MlopsException.quote(dir.toString())
        + ": it already exists; choose a new directory or delete it first";
  }

  /**
   * Writing the model failed.
   *
   * @param dir the directory
   * @return the message
   */
  public static String saveFailed(Path dir) {
    return "failed to write the model directory " + MlopsException.quote(dir.toString());
  }

  /**
   * Training was cancelled.
   *
   * @param what what was being trained
   * @param epochs epochs completed
   * @return the message
   */
  public static String cancelled(String what, int epochs) {
    return what + " was cancelled after " + epochs + " completed epochs";
  }

  /**
   * The last rows are not consecutive.
   *
   * @param needed rows needed
   * @param frequency the model's frequency
   * @param gapAt where the gap is
   * @return the message
   */
  public static String latestWindowHasGap(int needed, Duration frequency, Instant gapAt) {
    return "the last "
        + needed
        + " rows are not consecutive at the model's frequency "
        + frequency
        + ": there is a gap before "
        + gapAt
        + "; forecast once the missing rows have arrived";
  }
}
