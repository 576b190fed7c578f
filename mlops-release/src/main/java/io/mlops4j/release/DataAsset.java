package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A created data asset version; immutable except for its tags.
 *
 * @param spec what was created
 * @param source where it was copied from, or empty
 * @param createdAt when it was created
 */
public record DataAsset(DataAssetSpec spec, String source, Instant createdAt) {
  /** Checks the components. */
  public DataAsset {
    requireNonNull(spec, "spec");
    requireNonNull(source, "source");
    requireNonNull(createdAt, "createdAt");
  }

  /**
   * Returns the reference to this version within its workspace.
   *
   * @return {@code azureml:NAME:VERSION}
   */
  public AssetRef ref() {
    return AssetRef.workspace(AssetKind.DATA, spec.name(), spec.version());
  }
}
