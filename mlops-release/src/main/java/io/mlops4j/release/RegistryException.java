package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;

/**
 * A workspace or registry operation that failed, with why, so callers can branch on {@link
 * #reason()} (for example, get-or-create on {@link Reason#NOT_FOUND}).
 */
public final class RegistryException extends MlopsException {
  private static final long serialVersionUID = 1L;

  /** Why an operation failed. */
  public enum Reason {
    /** The asset, endpoint, deployment or job does not exist. HTTP 404. */
    NOT_FOUND(404),
    /** It exists already, or a concurrent writer got there first. HTTP 409. */
    CONFLICT(409),
    /** The request is invalid. HTTP 400. */
    VALIDATION(400),
    /** Too many requests; retry later. HTTP 429. */
    THROTTLED(429),
    /** Credentials are missing or not allowed. HTTP 401/403. */
    UNAUTHORIZED(401),
    /** A wait ran out of time. */
    TIMEOUT(408),
    /** Anything else, such as a service or I/O failure. HTTP 5xx. */
    FAILED(500);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /**
     * Returns the HTTP status this reason corresponds to.
     *
     * @return the status code
     */
    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;
  private final String operation;

  /**
   * Creates the exception.
   *
   * @param reason why it failed
   * @param operation what was attempted, such as {@code registerModel lstm_P001_C001}
   * @param message what was wrong and what would be valid
   */
  public RegistryException(Reason reason, String operation, String message) {
    super(operation + ": " + message);
    this.reason = requireNonNull(reason, "reason");
    this.operation = requireNonNull(operation, "operation");
  }

  /**
   * Creates the exception with a cause.
   *
   * @param reason why it failed
   * @param operation what was attempted
   * @param message what was wrong
   * @param cause the underlying failure
   */
  public RegistryException(Reason reason, String operation, String message, Throwable cause) {
    super(operation + ": " + message, cause);
    this.reason = requireNonNull(reason, "reason");
    this.operation = requireNonNull(operation, "operation");
  }

  /**
   * Returns why the operation failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns what was attempted.
   *
   * @return the operation and its subject
   */
  public String operation() {
    return operation;
  }
}
