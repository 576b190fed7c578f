package io.mlops4j.model;

import static java.util.Objects.requireNonNull;

/**
 * Where a model's training data came from, stored in its metadata. Each text part may be empty when
 * unknown, as when training from arrays.
 *
 * @param dataAsset the data asset's name, or empty
 * @param dataAssetVersion the data asset's version, or empty
 * @param deltaVersion the Delta table version read, or -1 when unknown
 * @param sliceFingerprint the training slice's fingerprint, or empty
 * @param cutoffDate the last day included, ISO {@code YYYY-MM-DD}, or empty
 * @param table where the rows were read from (a path or URI), or empty
 */
public record TrainingLineage(
    String dataAsset,
    String dataAssetVersion,
    long deltaVersion,
    String sliceFingerprint,
    String cutoffDate,
    String table) {

  /** No lineage: every part unknown. */
  public static final TrainingLineage NONE = new TrainingLineage("", "", -1, "", "", "");

  /** Checks that no part is null and the version is -1 or more. */
  public TrainingLineage {
    requireNonNull(dataAsset, "dataAsset");
    requireNonNull(dataAssetVersion, "dataAssetVersion");
    requireNonNull(sliceFingerprint, "sliceFingerprint");
    requireNonNull(cutoffDate, "cutoffDate");
    requireNonNull(table, "table");
    if (deltaVersion < -1) {
      throw new IllegalArgumentException("deltaVersion must be >= -1, was " + deltaVersion);
    }
  }
}
