package io.mlops4j.config;

/**
 * The id of a circuit within a plant, such as {@code C001}; safe to use in paths and Azure names.
 *
 * @param value the id; 1-32 letters, digits, '-' or '_', starting and ending with a letter or digit
 */
public record CircuitId(String value) {
  public CircuitId {
    Ids.check("circuit id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
