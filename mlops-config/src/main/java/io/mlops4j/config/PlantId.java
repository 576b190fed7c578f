package io.mlops4j.config;

/**
 * The id of a plant, such as {@code P001}; safe to use in paths and Azure resource names.
 *
 * @param value the id; 1-32 letters, digits, '-' or '_', starting and ending with a letter or digit
 */
public record PlantId(String value) {
  public PlantId {
    Ids.check("plant id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
