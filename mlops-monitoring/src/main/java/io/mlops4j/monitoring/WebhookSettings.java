package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a webhook sink delivers: a timeout per request and retries on 5xx responses, timeouts and
 * connection errors.
 *
 * @param timeout the longest a request may take; positive
 * @param maxAttempts how many times an alert is tried; at least 1
 * @param backoff wait before the second attempt, doubled before each further one; zero for none
 */
public record WebhookSettings(Duration timeout, int maxAttempts, Duration backoff) {
  /** Checks the settings. */
  public WebhookSettings {
    requireNonNull(timeout, "timeout");
    requireNonNull(backoff, "backoff");
    if (timeout.isNegative() || timeout.isZero() || maxAttempts < 1 || backoff.isNegative()) {
      throw new IllegalArgumentException(
          "expected a positive timeout, maxAttempts >= 1 and backoff >= 0, was "
              + timeout
              + ", "
              + maxAttempts
              + ", "
              + backoff);
    }
  }

  /**
   * Returns 10 s timeout, 3 attempts, 1 s backoff.
   *
   * @return the defaults
   */
  public static WebhookSettings defaults() {
    return new WebhookSettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(1));
  }
}
