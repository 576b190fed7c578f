package io.mlops4j.config.internal;

import java.util.ArrayList;
import java.util.List;

/** Field paths in the form {@code a.b[2].c}. */
public final class FieldPaths {
  private FieldPaths() {}

  /**
   * Appends a mapping key.
   *
   * @param parent the parent path, empty for the root
   * @param key the key
   * @return the child path
   */
  public static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /**
   * Appends a sequence index.
   *
   * @param parent the parent path
   * @param index the index
   * @return the child path
   */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /**
   * Returns the parent path.
   *
   * @param field a path
   * @return its parent, empty for a top-level field
   */
  public static String parent(String field) {
    int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
    return cut < 0 ? "" : field.substring(0, cut);
  }

  /**
   * Returns the last name of a path, without indexes.
   *
   * @param field a path
   * @return its last key
   */
  public static String leaf(String field) {
    String withoutIndex = field.replaceAll("(\\[\\d+])+$", "");
    int dot = withoutIndex.lastIndexOf('.');
    return dot < 0 ? withoutIndex : withoutIndex.substring(dot + 1);
  }

  /**
   * Splits a path into keys (String) and indexes (Integer).
   *
   * @param field a path
   * @return its steps
   */
  public static List<Object> steps(String field) {
    List<Object> steps = new ArrayList<>();
    if (field.isEmpty()) {
      return steps;
    }
    for (String part : field.split("\\.")) {
      int bracket = part.indexOf('[');
      String key = bracket < 0 ? part : part.substring(0, bracket);
      if (!key.isEmpty()) {
        steps.add(key);
      }
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
        bracket = part.indexOf('[', close);
      }
    }
    return steps;
  }
}
