package io.mlops4j.model;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;
import java.nio.file.Path;

/**
 * A directory that cannot be loaded as a model: missing, foreign (no {@code mlops-model.json} or
 * SavedModel), corrupt, of an unsupported format version, or with metadata that does not match its
 * graph. The message names the directory, what is wrong and what was expected. Callers treat it as
 * invalid input (the CLI exits with 2), unlike a failure while running a loaded model.
 */
public final class InvalidModelDirectoryException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final transient Path directory;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param directory the directory that was being loaded
   */
  public InvalidModelDirectoryException(String message, Path directory) {
    super(message);
    this.directory = requireNonNull(directory, "directory");
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message the full message
   * @param directory the directory that was being loaded
   * @param cause what the reader or TensorFlow reported
   */
  public InvalidModelDirectoryException(String message, Path directory, Throwable cause) {
    super(message, cause);
    this.directory = requireNonNull(directory, "directory");
  }

  /**
   * Returns the directory that was being loaded.
   *
   * @return the directory, as given
   */
  public Path directory() {
    return directory;
  }
}
