package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Objects;

/**
 * Which version of a Delta table to read: the latest, a version number, or the last version
 * committed at or before an instant (time travel).
 *
 * <p>Immutable and thread-safe.
 */
public final class TableVersion {
  /** The latest version of the table. */
  public static final TableVersion LATEST = new TableVersion(-1, null);

  private final long version;
  private final Instant timestamp;

  private TableVersion(long version, Instant timestamp) {
    this.version = version;
    this.timestamp = timestamp;
  }

  /**
   * Returns a fixed version.
   *
   * @param version the Delta version, 0 or more
   * @return the table version
   * @throws IllegalArgumentException if {@code version} is negative
   */
  public static TableVersion of(long version) {
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, got " + version);
    }
    return new TableVersion(version, null);
  }

  /**
   * Returns the last version committed at or before an instant.
   *
   * @param timestamp the instant (commit timestamps have millisecond precision)
   * @return the table version
   */
  public static TableVersion asOf(Instant timestamp) {
    return new TableVersion(-1, requireNonNull(timestamp, "timestamp"));
  }

  /**
   * Tells whether this is {@link #LATEST}.
   *
   * @return true for the latest version
   */
  public boolean isLatest() {
    return version < 0 && timestamp == null;
  }

  /**
   * Returns the fixed version number.
   *
   * @return the version, or -1 if this is {@link #LATEST} or a timestamp
   */
  public long version() {
    return version;
  }

  /**
   * Returns the time-travel instant.
   *
   * @return the instant, or null if this is not a timestamp
   */
  public Instant timestamp() {
    return timestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableVersion t
        && t.version == version
        && Objects.equals(t.timestamp, timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, timestamp);
  }

  @Override
  public String toString() {
    if (timestamp != null) {
      return "as of " + timestamp;
    }
    return version < 0 ? "latest" : "version " + version;
  }
}
