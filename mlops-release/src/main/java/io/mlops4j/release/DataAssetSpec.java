package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A data asset version to create.
 *
 * @param name the asset name, such as {@code sensor_training_data_P001_C001}
 * @param version the version, such as the cutoff date {@code 2025-12-09}
 * @param type the asset type
 * @param path where the data is (a datastore URI, or a local path for the local backend)
 * @param description free text
 * @param tags tags such as plant_id, circuit_id, cutoff_date, delta_version
 */
public record DataAssetSpec(
    String name,
    String version,
    DataAssetType type,
    String path,
    String description,
    Map<String, String> tags) {
  /** Checks the components and copies the map. */
  public DataAssetSpec {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(type, "type");
    requireNonNull(path, "path");
    requireNonNull(description, "description");
    tags = Map.copyOf(tags);
  }
}
