package io.mlops4j.config.internal;

/**
 * A 1-based line and column in a YAML file.
 *
 * @param line 1-based line
 * @param column 1-based column
 */
public record Position(int line, int column) {
  /** The start of a file. */
  public static final Position START = new Position(1, 1);
}
