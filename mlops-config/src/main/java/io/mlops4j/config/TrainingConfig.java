package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What a circuit's model trains on and with, from the {@code training} section.
 *
 * @param cutoffDate last date (inclusive) of the training data; also the data asset's version
 * @param environmentVersion semantic version of the training and scoring environment
 * @param hyperparameters the resolved hyperparameters, defaults applied
 * @param hyperparametersHash the Python tooling's hash of the hyperparameters as written in the
 *     file (see {@link HyperparametersHash})
 * @param dataFilters the sensor and columns to train on
 */
public record TrainingConfig(
    LocalDate cutoffDate,
    String environmentVersion,
    Hyperparameters hyperparameters,
    String hyperparametersHash,
    DataFilters dataFilters) {
  public TrainingConfig {
    requireNonNull(cutoffDate, "cutoffDate");
    requireNonNull(environmentVersion, "environmentVersion");
    requireNonNull(hyperparameters, "hyperparameters");
    requireNonNull(hyperparametersHash, "hyperparametersHash");
    requireNonNull(dataFilters, "dataFilters");
  }
}
