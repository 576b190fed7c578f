package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.data.internal.DataErrors;

/**
 * One entry of an MLTable's {@code paths}: a file, a folder or a glob pattern.
 *
 * <p>The location is kept as written: a URI ({@code azureml://}, {@code https://}, {@code
 * wasbs://}, {@code abfss://}, {@code adl://}) or a path relative to the MLTable file.
 *
 * @param kind file, folder or pattern
 * @param location the URI or relative path; not blank, no control characters
 */
public record MlTablePath(Kind kind, String location) {
  /** The kinds of path an MLTable may list. */
  public enum Kind {
    /** {@code file:}, one file. */
    FILE("file"),
    /** {@code folder:}, a folder; for {@code read_delta_lake}, the Delta table's root. */
    FOLDER("folder"),
    /** {@code pattern:}, a glob such as {@code ./*.csv}. */
    PATTERN("pattern");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /**
     * Returns the YAML key of this kind.
     *
     * @return {@code file}, {@code folder} or {@code pattern}
     */
    public String key() {
      return key;
    }
  }

  /**
   * Checks the location.
   *
   * @throws IllegalArgumentException if the location is blank or holds control characters
   */
  public MlTablePath {
    requireNonNull(kind, "kind");
    requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("a " + kind.key() + " path must not be blank");
    }
    if (DataErrors.hasControlCharacter(location)) {
      throw new IllegalArgumentException(
          "a " + kind.key() + " path must not contain control characters such as line breaks");
    }
  }

  /**
   * Returns a folder path.
   *
   * @param location the folder's URI or relative path
   * @return the path
   */
  public static MlTablePath folder(String location) {
    return new MlTablePath(Kind.FOLDER, location);
  }

  /**
   * Returns a file path.
   *
   * @param location the file's URI or relative path
   * @return the path
   */
  public static MlTablePath file(String location) {
    return new MlTablePath(Kind.FILE, location);
  }

  /**
   * Returns a pattern path.
   *
   * @param location the glob
   * @return the path
   */
  public static MlTablePath pattern(String location) {
    return new MlTablePath(Kind.PATTERN, location);
  }
}
