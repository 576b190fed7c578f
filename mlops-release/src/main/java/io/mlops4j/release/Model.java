package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * A registered model version. Immutable once created, except for its tags and archived flag.
 *
 * @param name the model name
 * @param version the integer version, from 1, allocated by the backend without gaps
 * @param description free text
 * @param tags searchable key/value tags (plant_id, circuit_id, cutoff_date, ...)
 * @param properties immutable key/value properties
 * @param artifactDigest {@code sha256:...} of the artifact, checked on download
 * @param artifactSize total bytes of the artifact's files
 * @param archived whether the version is archived (hidden from listings by default)
 * @param source where this version was copied from (an {@link AssetRef} string), or empty
 * @param createdAt when it was registered
 */
public record Model(
    String name,
    int version,
    String description,
    Map<String, String> tags,
    Map<String, String> properties,
    String artifactDigest,
    long artifactSize,
    boolean archived,
    String source,
    Instant createdAt) {
  /** Checks the components and copies the maps. */
  public Model {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    tags = Map.copyOf(tags);
    properties = Map.copyOf(properties);
    requireNonNull(artifactDigest, "artifactDigest");
    requireNonNull(source, "source");
    requireNonNull(createdAt, "createdAt");
  }

  /**
   * Returns the reference to this version within its workspace.
   *
   * @return {@code azureml:NAME:VERSION}
   */
  public AssetRef ref() {
    return AssetRef.workspace(AssetKind.MODEL, name, Integer.toString(version));
  }
}
