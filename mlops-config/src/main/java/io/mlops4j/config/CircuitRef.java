package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * A circuit of a plant, written {@code P001/C001}.
 *
 * @param plant the plant
 * @param circuit the circuit within the plant
 */
public record CircuitRef(PlantId plant, CircuitId circuit) implements Comparable<CircuitRef> {
  public CircuitRef {
    requireNonNull(plant, "plant");
    requireNonNull(circuit, "circuit");
  }

  /**
   * Parses {@code PLANT/CIRCUIT}, such as {@code P001/C001}.
   *
   * @param text the reference
   * @return the parsed reference
   * @throws InvalidIdException if the text is not {@code PLANT/CIRCUIT} with valid ids
   */
  public static CircuitRef parse(String text) {
    requireNonNull(text, "text");
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      throw new InvalidIdException(
          "circuit reference '"
              + Ids.printable(text)
              + "' is not of the form PLANT/CIRCUIT, for example P001/C001");
    }
    return new CircuitRef(
        new PlantId(text.substring(0, slash)), new CircuitId(text.substring(slash + 1)));
  }

  /**
   * Returns {@code PLANT_CIRCUIT}, the key used in pipeline matrices and resource names.
   *
   * @return the plant and circuit ids joined by an underscore
   */
  public String key() {
    return plant.value() + "_" + circuit.value();
  }

  @Override
  public int compareTo(CircuitRef other) {
    int byPlant = plant.value().compareTo(other.plant.value());
    return byPlant != 0 ? byPlant : circuit.value().compareTo(other.circuit.value());
  }

  @Override
  public String toString() {
    return plant.value() + "/" + circuit.value();
  }
}
