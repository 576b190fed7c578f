package io.mlops4j.config;

/**
 * Input a user handed in (a file, a sample, a folder, a URL) that cannot be used as given; the
 * message says what was wrong, where, and what would be valid. The CLI exits 2 on it, as on a
 * {@link ConfigException}, unlike failures of the machine or a service.
 */
public class InvalidInputException extends MlopsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, where, and what would be valid
   */
  public InvalidInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the failure that revealed the problem.
   *
   * @param message what was wrong, where, and what would be valid
   * @param cause the underlying failure
   */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
