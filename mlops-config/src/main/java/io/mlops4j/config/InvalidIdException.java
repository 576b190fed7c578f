package io.mlops4j.config;

/**
 * An id (plant, circuit, sensor, reference) that is malformed or unsafe to use in a path or an
 * Azure resource name.
 */
public final class InvalidIdException extends MlopsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which id was wrong and what a valid one looks like
   */
  public InvalidIdException(String message) {
    super(message);
  }
}
