package io.mlops4j.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed YAML file as a JSON tree, with the position of every value and every mapping key,
 * addressed by field path ({@code training.hyperparameters.dropout}, {@code plants[0].plant_id}).
 *
 * @param file the file name shown in problems
 * @param root the document as a JSON tree
 * @param valuePositions where each value starts
 * @param keyPositions where each mapping key starts
 * @param plainScalars the text of each unquoted scalar as written, such as {@code 1.0} or {@code
 *     0010}, to show users what they wrote rather than what YAML made of it
 */
public record YamlDocument(
    String file,
    JsonNode root,
    Map<String, Position> valuePositions,
    Map<String, Position> keyPositions,
    Map<String, String> plainScalars) {

  /** Copies the maps. */
  public YamlDocument {
    valuePositions = Map.copyOf(valuePositions);
    keyPositions = Map.copyOf(keyPositions);
    plainScalars = Map.copyOf(plainScalars);
  }

  /**
   * Describes a field's value for a message: an unquoted scalar as written, else as parsed.
   *
   * @param field a field path
   * @return e.g. {@code 1.0}, {@code 'high'}, {@code a list}
   */
  public String shown(String field) {
    String plain = plainScalars.get(field);
    return plain != null ? Text.printable(plain) : ConfigErrors.describe(at(field));
  }

  /**
   * Returns where a field's value starts, falling back to its closest ancestor.
   *
   * @param field a field path
   * @return the position, or the start of the file
   */
  public Position valueAt(String field) {
    for (String f = field; ; f = FieldPaths.parent(f)) {
      Position p = valuePositions.get(f);
      if (p != null) {
        return p;
      }
      if (f.isEmpty()) {
        return Position.START;
      }
    }
  }

  /**
   * Returns where a field's key starts, falling back to where its value starts.
   *
   * @param field a field path
   * @return the position
   */
  public Position keyAt(String field) {
    Position p = keyPositions.get(field);
    return p != null ? p : valueAt(field);
  }

  /**
   * Returns the node at a field path.
   *
   * @param field a field path
   * @return the node, or a missing node
   */
  public JsonNode at(String field) {
    JsonNode node = root;
    for (Object step : FieldPaths.steps(field)) {
      node = step instanceof Integer i ? node.path(i) : node.path((String) step);
    }
    return node;
  }
}
