package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A plant as listed in {@code config/plants_circuits.yml}, with its circuits.
 *
 * @param id the plant id
 * @param name the human-readable name
 * @param circuits the plant's circuits, in file order
 */
public record Plant(PlantId id, String name, List<Circuit> circuits) {
  public Plant {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    circuits = List.copyOf(circuits);
  }
}
