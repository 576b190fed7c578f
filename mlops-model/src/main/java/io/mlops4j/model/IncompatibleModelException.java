package io.mlops4j.model;

import io.mlops4j.config.MlopsException;

/**
 * Input that does not fit a model: a window with the wrong number of steps or features. The message
 * says what the model expects and what it got.
 */
public final class IncompatibleModelException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String actual;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param expected the expected input shape, e.g. {@code [24, 3]}
   * @param actual the shape given
   */
  public IncompatibleModelException(String message, String expected, String actual) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * Returns the input shape the model expects.
   *
   * @return e.g. {@code [24 steps, 3 features]}
   */
  public String expected() {
    return expected;
  }

  /**
   * Returns the input shape given.
   *
   * @return e.g. {@code [24 steps, 2 features]}
   */
  public String actual() {
    return actual;
  }
}
