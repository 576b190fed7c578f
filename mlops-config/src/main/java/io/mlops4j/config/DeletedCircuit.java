package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * A circuit a pull request removed: its file was deleted or it left the master list. Never trained;
 * its deployment is a candidate for retirement.
 *
 * @param ref the circuit
 * @param configPath its config file before the change, relative to the repository root
 */
public record DeletedCircuit(CircuitRef ref, String configPath) {
  public DeletedCircuit {
    requireNonNull(ref, "ref");
    requireNonNull(configPath, "configPath");
  }
}
