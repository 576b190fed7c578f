package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

/**
 * How to read the sensor table: which version, and what to do with null features.
 *
 * @param version the table version to read
 * @param nullPolicy what to do with a row whose requested feature is null or NaN
 */
public record ReadOptions(TableVersion version, NullPolicy nullPolicy) {
  /** Checks that both settings are present. */
  public ReadOptions {
    requireNonNull(version, "version");
    requireNonNull(nullPolicy, "nullPolicy");
  }

  /**
   * Returns the defaults: the latest version, rows with null features dropped.
   *
   * @return the default options
   */
  public static ReadOptions defaults() {
    return new ReadOptions(TableVersion.LATEST, NullPolicy.DROP_ROW);
  }

  /**
   * Returns a copy that reads another version.
   *
   * @param newVersion the version
   * @return the new options
   */
  public ReadOptions withVersion(TableVersion newVersion) {
    return new ReadOptions(newVersion, nullPolicy);
  }

  /**
   * Returns a copy with another null policy.
   *
   * @param newPolicy the policy
   * @return the new options
   */
  public ReadOptions withNullPolicy(NullPolicy newPolicy) {
    return new ReadOptions(version, newPolicy);
  }
}
