package io.mlops4j.config;

import java.util.List;

/**
 * The master list of plants and circuits, {@code config/plants_circuits.yml}.
 *
 * @param plants the plants, in file order
 */
public record PlantsCircuits(List<Plant> plants) {
  public PlantsCircuits {
    plants = List.copyOf(plants);
  }

  /**
   * Lists every circuit of every plant.
   *
   * @return the circuits in file order; empty if there are none
   */
  public List<CircuitRef> circuitRefs() {
    return plants.stream()
        .flatMap(p -> p.circuits().stream().map(c -> new CircuitRef(p.id(), c.id())))
        .toList();
  }
}
