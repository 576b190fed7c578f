package io.mlops4j.monitoring;

import java.io.IOException;

/**
 * Where alerts go: a JSON-lines file (the default), a generic webhook or a Microsoft Teams incoming
 * webhook; see {@link AlertSinks}. Implement it to send alerts elsewhere.
 *
 * <p>Implementations must be thread-safe.
 */
public interface AlertSink {
  /**
   * Sends one alert. A de-duplicating sink (the JSON-lines file, or any sink wrapped by {@link
   * AlertSinks#deduplicated}) skips an alert whose {@link Alert#dedupKey()} it already holds; the
   * bare webhook sinks send every alert.
   *
   * @param alert the alert
   * @return true if it was sent, false if it was a duplicate and skipped
   * @throws IOException if it could not be delivered
   */
  boolean send(Alert alert) throws IOException;
}
