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
 */
public record YamlDocument(
    String file,
    JsonNode root,
    Map<String, Position> valuePositions,
    Map<String, Position> keyPositions) {

  public YamlDocument {
    valuePositions = Map.copyOf(valuePositions);
    keyPositions = Map.copyOf(keyPositions);
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
