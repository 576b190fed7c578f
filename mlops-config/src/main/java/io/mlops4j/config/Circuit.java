package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * A circuit as listed in {@code config/plants_circuits.yml}.
 *
 * @param id the circuit id
 * @param name the human-readable name
 */
public record Circuit(CircuitId id, String name) {
  public Circuit {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
  }
}
