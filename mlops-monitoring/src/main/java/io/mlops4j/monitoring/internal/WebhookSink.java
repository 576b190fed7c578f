package io.mlops4j.monitoring.internal;

import static java.util.Objects.requireNonNull;

import io.mlops4j.monitoring.Alert;
import io.mlops4j.monitoring.AlertSink;
import io.mlops4j.monitoring.WebhookSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.function.Function;

/** POSTs alerts to a URL, retrying on 5xx, timeouts and connection errors. */
public final class WebhookSink implements AlertSink {
  private final URI uri;
  private final HttpClient client;
  private final WebhookSettings settings;
  private final Function<Alert, String> payload;

  /**
   * Creates the sink.
   *
   * @param uri the endpoint
   * @param client the HTTP client
   * @param settings timeout and retries
   * @param payload renders an alert's body
   */
  public WebhookSink(
      URI uri, HttpClient client, WebhookSettings settings, Function<Alert, String> payload) {
    this.uri = requireNonNull(uri, "uri");
    this.client = requireNonNull(client, "client");
    this.settings = requireNonNull(settings, "settings");
    this.payload = requireNonNull(payload, "payload");
  }

  @Override
  public boolean send(Alert alert) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload.apply(alert)))
            .build();
    String last = "";
    long backoff = settings.backoff().toMillis();
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      if (attempt > 1 && backoff > 0) {
        pause(backoff);
        backoff *= 2;
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return true;
        }
        last = "HTTP " + status;
        if (status < 500) {
          throw new IOException(MonitoringErrors.webhookFailed(uri, attempt, last));
        }
      } catch (HttpTimeoutException e) {
        last = "timed out after " + settings.timeout();
      } catch (java.net.ConnectException e) {
        last = "cannot connect (" + e.getMessage() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(MonitoringErrors.webhookFailed(uri, attempt, "interrupted"), e);
      }
    }
    throw new IOException(MonitoringErrors.webhookFailed(uri, settings.maxAttempts(), last));
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry a webhook", e);
    }
  }
}
