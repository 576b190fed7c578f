package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole, valid configuration tree: the master list and every circuit's config.
 *
 * @param configDir the directory holding {@code plants_circuits.yml} and {@code plants/}
 * @param master the master list
 * @param circuits every circuit's config, in master-list order
 */
public record ConfigTree(Path configDir, PlantsCircuits master, List<CircuitConfig> circuits) {
  public ConfigTree {
    requireNonNull(configDir, "configDir");
    requireNonNull(master, "master");
    circuits = List.copyOf(circuits);
  }

  /**
   * Returns one circuit's config.
   *
   * @param ref the circuit
   * @return its config
   * @throws MlopsException if the tree has no such circuit
   */
  public CircuitConfig circuit(CircuitRef ref) {
    Map<CircuitRef, CircuitConfig> byRef =
        circuits.stream().collect(Collectors.toMap(CircuitConfig::ref, Function.identity()));
    CircuitConfig config = byRef.get(ref);
    if (config == null) {
      throw new MlopsException(
          io.mlops4j.config.internal.ConfigErrors.unknownCircuit(ref, configDir, byRef.keySet()));
    }
    return config;
  }
}
