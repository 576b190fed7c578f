package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Which snapshot of a Delta table an MLTable's {@code read_delta_lake} reads: a table version
 * ({@code version_as_of}) or a point in time ({@code timestamp_as_of}). Azure ML's MLTable
 * reference requires exactly one of the two; this type makes "both" and "neither" impossible.
 */
public sealed interface DeltaAsOf permits DeltaAsOf.Version, DeltaAsOf.Timestamp {
  /**
   * A Delta table version: {@code version_as_of}. Reproducible as long as the version exists.
   *
   * @param version the table version, {@code >= 0}
   */
  record Version(long version) implements DeltaAsOf {
    /**
     * Checks the version.
     *
     * @throws IllegalArgumentException if the version is negative
     */
    public Version {
      if (version < 0) {
        throw new IllegalArgumentException(
            "version_as_of must be a Delta table version >= 0, got " + version);
      }
    }
  }

  /**
   * A point in time: {@code timestamp_as_of}, the latest version committed at or before it.
   *
   * @param timestamp an RFC 3339 timestamp with offset, such as {@code 2022-10-01T00:00:00Z}, kept
   *     as written
   */
  record Timestamp(String timestamp) implements DeltaAsOf {
    /**
     * Checks the timestamp.
     *
     * @throws IllegalArgumentException if it is not an RFC 3339 timestamp with offset
     */
    public Timestamp {
      requireNonNull(timestamp, "timestamp");
      try {
        OffsetDateTime.parse(timestamp, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "timestamp_as_of "
                + MlopsException.quote(timestamp)
                + " is not an RFC 3339 timestamp; expected for example 2022-10-01T00:00:00Z",
            e);
      }
    }
  }
}
