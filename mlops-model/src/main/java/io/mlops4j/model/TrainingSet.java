package io.mlops4j.model;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitRef;

/**
 * What one training run learns from: the circuit, its series and where the series came from.
 *
 * @param circuit the circuit the model is for
 * @param series the time-ordered rows
 * @param lineage where the rows came from
 */
public record TrainingSet(CircuitRef circuit, TrainingSeries series, TrainingLineage lineage) {
  /** Checks that no part is null. */
  public TrainingSet {
    requireNonNull(circuit, "circuit");
    requireNonNull(series, "series");
    requireNonNull(lineage, "lineage");
  }
}
