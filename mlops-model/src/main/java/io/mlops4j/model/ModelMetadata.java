package io.mlops4j.model;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.Hyperparameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a model directory's {@code mlops-model.json} holds: the model's provenance and everything
 * needed to feed it.
 *
 * @param formatVersion version of the metadata format, {@value #FORMAT_VERSION} for this release
 * @param circuit the circuit the model is for
 * @param hyperparameters the resolved hyperparameters
 * @param hyperparametersHash the hash of the hyperparameters, as in registry tags
 * @param featureColumns the input columns, in the order of the input's last dimension
 * @param targetColumn the column forecast
 * @param scaler per-feature standardization fitted on the training part
 * @param frequency the sampling frequency inferred from the timestamps
 * @param lineage where the training data came from
 * @param windows how the series was cut into windows
 * @param validation validation errors of the model and the baselines
 * @param libraryVersion mlops-model's version
 * @param tensorflowVersion the TensorFlow runtime version, and TensorFlow Java's
 * @param createdAt when the model was trained (UTC)
 */
public record ModelMetadata(
    int formatVersion,
    CircuitRef circuit,
    Hyperparameters hyperparameters,
    String hyperparametersHash,
    List<String> featureColumns,
    String targetColumn,
    FeatureScaler scaler,
    Duration frequency,
    TrainingLineage lineage,
    WindowStats windows,
    ValidationReport validation,
    String libraryVersion,
    String tensorflowVersion,
    Instant createdAt) {

  /** The metadata format this release writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies the column list and checks that no part is null and that the parts fit together: the
   * target is one of the features, the scaler has one mean and std per feature, and the frequency
   * is positive.
   */
  public ModelMetadata {
    requireNonNull(circuit, "circuit");
    requireNonNull(hyperparameters, "hyperparameters");
    requireNonNull(hyperparametersHash, "hyperparametersHash");
    featureColumns = List.copyOf(featureColumns);
    requireNonNull(targetColumn, "targetColumn");
    requireNonNull(scaler, "scaler");
    requireNonNull(frequency, "frequency");
    if (featureColumns.isEmpty()
        || featureColumns.stream().distinct().count() != featureColumns.size()) {
      throw new IllegalArgumentException(
          "feature_columns must name at least one column, each once, but were " + featureColumns);
    }
    if (!featureColumns.contains(targetColumn)) {
      throw new IllegalArgumentException(
          "target_column '"
              + targetColumn
              + "' is not one of the feature_columns "
              + featureColumns);
    }
    if (scaler.means().size() != featureColumns.size()) {
      throw new IllegalArgumentException(
          "scaler has "
              + scaler.means().size()
              + " means and stds but there are "
              + featureColumns.size()
              + " feature_columns "
              + featureColumns
              + "; it needs one per feature");
    }
    if (frequency.isZero() || frequency.isNegative()) {
      throw new IllegalArgumentException(
          "frequency (frequency_seconds) must be positive, was " + frequency);
    }
    requireNonNull(lineage, "lineage");
    requireNonNull(windows, "windows");
    requireNonNull(validation, "validation");
    requireNonNull(libraryVersion, "libraryVersion");
    requireNonNull(tensorflowVersion, "tensorflowVersion");
    requireNonNull(createdAt, "createdAt");
  }

  /**
   * Returns the index of the target among the features.
   *
   * @return the target's column index
   */
  public int targetIndex() {
    return featureColumns.indexOf(targetColumn);
  }
}
