package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * A circuit's resolved configuration, from {@code config/plants/{plant_id}/{circuit_id}.yml}, with
 * every default applied.
 *
 * @param ref the plant and circuit
 * @param training what the model trains on and with
 * @param deployment how the batch deployment runs
 * @param monitoring monitoring thresholds
 */
public record CircuitConfig(
    CircuitRef ref,
    TrainingConfig training,
    DeploymentConfig deployment,
    MonitoringConfig monitoring) {
  public CircuitConfig {
    requireNonNull(ref, "ref");
    requireNonNull(training, "training");
    requireNonNull(deployment, "deployment");
    requireNonNull(monitoring, "monitoring");
  }

  /**
   * Returns the path of this circuit's config file relative to the config directory.
   *
   * @return {@code plants/{plant_id}/{circuit_id}.yml}
   */
  public String relativePath() {
    return "plants/" + ref.plant().value() + "/" + ref.circuit().value() + ".yml";
  }
}
