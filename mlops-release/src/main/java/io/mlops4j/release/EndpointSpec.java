package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A batch endpoint to create if missing, or update.
 *
 * @param name the endpoint name, such as {@code batch-endpoint-plant-P001}
 * @param description free text
 * @param tags tags
 */
public record EndpointSpec(String name, String description, Map<String, String> tags) {
  /** Checks the components and copies the map. */
  public EndpointSpec {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    tags = Map.copyOf(tags);
  }
}
