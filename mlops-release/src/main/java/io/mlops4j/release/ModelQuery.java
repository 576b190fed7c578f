package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/**
 * Which model versions to list: by name (empty for all), by tags (all must match), and whether to
 * include archived versions.
 *
 * @param name the model name, or empty for every model
 * @param tags tags every listed version must carry with exactly these values
 * @param includeArchived whether archived versions are listed
 */
public record ModelQuery(String name, Map<String, String> tags, boolean includeArchived) {
  /** Checks the components and copies the map. */
  public ModelQuery {
    requireNonNull(name, "name");
    tags = Map.copyOf(tags);
  }

  /**
   * Every non-archived version of every model.
   *
   * @return the query
   */
  public static ModelQuery all() {
    return new ModelQuery("", Map.of(), false);
  }

  /**
   * Every non-archived version of one model.
   *
   * @param name the model name
   * @return the query
   */
  public static ModelQuery byName(String name) {
    return new ModelQuery(name, Map.of(), false);
  }

  /**
   * Returns this query narrowed to versions carrying a tag.
   *
   * @param key the tag key
   * @param value the tag value
   * @return the narrower query
   */
  public ModelQuery withTag(String key, String value) {
    Map<String, String> more = new HashMap<>(tags);
    more.put(key, value);
    return new ModelQuery(name, more, includeArchived);
  }

  /**
   * Returns this query including archived versions.
   *
   * @return the wider query
   */
  public ModelQuery includingArchived() {
    return new ModelQuery(name, tags, true);
  }
}
