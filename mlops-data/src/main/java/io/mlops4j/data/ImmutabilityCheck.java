package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The result of re-checking a training slice on today's table: unchanged, or the first date whose
 * rows differ.
 *
 * @param sensorId the sensor
 * @param cutoff the slice's last date
 * @param expectedFingerprint the fingerprint recorded at training time
 * @param actualFingerprint the fingerprint of the same slice now
 * @param baseVersion the version the expected fingerprint was computed at
 * @param checkedVersion the version checked
 * @param firstChangedDate the first date whose rows differ, or null when unchanged
 */
public record ImmutabilityCheck(
    String sensorId,
    LocalDate cutoff,
    String expectedFingerprint,
    String actualFingerprint,
    long baseVersion,
    long checkedVersion,
    LocalDate firstChangedDate) {
  /** Checks the required fields. */
  public ImmutabilityCheck {
    requireNonNull(sensorId, "sensorId");
    requireNonNull(cutoff, "cutoff");
    requireNonNull(expectedFingerprint, "expectedFingerprint");
    requireNonNull(actualFingerprint, "actualFingerprint");
  }

  /**
   * Tells whether the slice is unchanged.
   *
   * @return true if the fingerprints match
   */
  public boolean unchanged() {
    return expectedFingerprint.equals(actualFingerprint);
  }
}
