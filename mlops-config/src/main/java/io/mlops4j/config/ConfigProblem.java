package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in a configuration file, with where it is and what would be valid.
 *
 * @param file the file, as a path relative to the working directory or absolute, as the user passed
 *     its root
 * @param line 1-based line, or 0 when the problem concerns the file as a whole
 * @param column 1-based column, or 0 when the problem concerns the file as a whole
 * @param field the field path such as {@code training.hyperparameters.dropout} or {@code
 *     plants[0].circuits[1].circuit_id}; empty for the document itself
 * @param message what was wrong and what would be valid
 */
public record ConfigProblem(String file, int line, int column, String field, String message) {
  public ConfigProblem {
    requireNonNull(file, "file");
    requireNonNull(field, "field");
    requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
  }

  /**
   * Renders the problem as one line: {@code file:line:column field: message}.
   *
   * @return the problem as an editor-friendly line
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line).append(':').append(column);
    }
    if (!field.isEmpty()) {
      out.append(' ').append(field);
    }
    return out.append(": ").append(message).toString();
  }
}
