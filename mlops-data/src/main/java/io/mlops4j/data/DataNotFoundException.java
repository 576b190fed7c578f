package io.mlops4j.data;

import io.mlops4j.config.MlopsException;
import java.util.OptionalLong;

/**
 * Data that was asked for is not there: a missing table, an unknown sensor, a cutoff before any
 * data, or a version that does not exist.
 */
public final class DataNotFoundException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final String tablePath;
  private final long version;

  /**
   * Creates the exception.
   *
   * @param message what was missing and what is available
   * @param tablePath the table's location
   * @param version the version looked at, or -1 if none was loaded
   */
  public DataNotFoundException(String message, String tablePath, long version) {
    super(message);
    this.tablePath = tablePath;
    this.version = version;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what was missing and what is available
   * @param tablePath the table's location
   * @param version the version looked at, or -1 if none was loaded
   * @param cause the underlying failure
   */
  public DataNotFoundException(String message, String tablePath, long version, Throwable cause) {
    super(message, cause);
    this.tablePath = tablePath;
    this.version = version;
  }

  /**
   * Returns the table's location.
   *
   * @return the local path or URI of the table
   */
  public String getTablePath() {
    return tablePath;
  }

  /**
   * Returns the table version that was looked at.
   *
   * @return the version, or empty if no version was loaded
   */
  public OptionalLong getVersion() {
    return version < 0 ? OptionalLong.empty() : OptionalLong.of(version);
  }
}
