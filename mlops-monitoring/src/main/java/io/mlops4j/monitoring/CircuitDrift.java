package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitRef;
import java.time.LocalDate;
import java.util.List;

/**
 * How far a circuit's recent inputs moved from its training data.
 *
 * @param circuit the circuit
 * @param baselineCutoff last date of the baseline (the training cutoff), inclusive
 * @param from first date of the current window, inclusive
 * @param to last date of the current window, inclusive
 * @param features drift per feature, in config order
 * @param severity the highest severity of any feature
 * @param lastReading the last date with a reading in the window
 */
public record CircuitDrift(
    CircuitRef circuit,
    LocalDate baselineCutoff,
    LocalDate from,
    LocalDate to,
    List<FeatureDrift> features,
    DriftSeverity severity,
    LocalDate lastReading) {
  /** Checks and copies the fields. */
  public CircuitDrift {
    requireNonNull(circuit, "circuit");
    requireNonNull(baselineCutoff, "baselineCutoff");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    features = List.copyOf(features);
    requireNonNull(severity, "severity");
    requireNonNull(lastReading, "lastReading");
  }

  /**
   * Returns the status the severity gives.
   *
   * @return CRITICAL for high drift, WARNING for medium, else OK
   */
  public Status status() {
    return severity.status();
  }
}
