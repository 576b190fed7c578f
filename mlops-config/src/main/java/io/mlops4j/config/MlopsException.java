package io.mlops4j.config;

/**
 * A failure the user caused or can fix: bad input, a missing resource, a rejected operation.
 *
 * <p>Every mlops4j module throws this type (or one of its few subclasses) for user-facing errors;
 * programming errors use the standard {@code NullPointerException}, {@code
 * IllegalArgumentException} and {@code IllegalStateException}. The message says what was wrong,
 * where, and what would be valid.
 */
public class MlopsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message for the user.
   *
   * @param message what was wrong, where, and what would be valid
   */
  public MlopsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message for the user and the failure that caused it.
   *
   * @param message what was wrong, where, and what would be valid
   * @param cause the underlying failure, kept for diagnostics
   */
  public MlopsException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Quotes user input for a message: control characters escaped, at most 80 characters, so input
   * cannot forge or flood an error message.
   *
   * @param userInput the input to echo
   * @return the input in single quotes, safe to print on one line
   */
  public static String quote(String userInput) {
    return "'" + io.mlops4j.config.internal.Text.printable(String.valueOf(userInput)) + "'";
  }
}
