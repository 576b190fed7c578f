package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to register as a new model version; the backend allocates the version.
 *
 * @param name the model name, such as {@code lstm_P001_C001}
 * @param artifact a file or directory (a SavedModel with metadata) to store with the version
 * @param description free text
 * @param tags searchable tags; values must not hold secrets
 * @param properties immutable properties
 */
public record ModelSpec(
    String name,
    Path artifact,
    String description,
    Map<String, String> tags,
    Map<String, String> properties) {
  /** Checks the components and copies the maps. */
  public ModelSpec {
    requireNonNull(name, "name");
    requireNonNull(artifact, "artifact");
    requireNonNull(description, "description");
    tags = Map.copyOf(tags);
    properties = Map.copyOf(properties);
  }

  /**
   * A spec with only a name, an artifact and tags.
   *
   * @param name the model name
   * @param artifact the file or directory to store
   * @param tags searchable tags
   * @return the spec
   */
  public static ModelSpec of(String name, Path artifact, Map<String, String> tags) {
    return new ModelSpec(name, artifact, "", tags, Map.of());
  }
}
