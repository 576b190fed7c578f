package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * A circuit a pull request changed, which must be trained.
 *
 * @param ref the circuit
 * @param cutoffDate its cutoff date after the change
 * @param configPath its config file, relative to the repository root
 * @param change whether it was added or modified
 * @param changedSections the top-level sections that changed ({@code training}, {@code deployment},
 *     {@code monitoring}); every section for an added circuit, empty when unknown
 */
public record CircuitChange(
    CircuitRef ref,
    LocalDate cutoffDate,
    String configPath,
    ChangeKind change,
    List<String> changedSections) {
  public CircuitChange {
    requireNonNull(ref, "ref");
    requireNonNull(cutoffDate, "cutoffDate");
    requireNonNull(configPath, "configPath");
    requireNonNull(change, "change");
    changedSections = List.copyOf(changedSections);
  }
}
