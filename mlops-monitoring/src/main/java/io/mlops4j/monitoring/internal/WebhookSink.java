package io.mlops4j.monitoring.internal;

import static java.util.Objects.requireNonNull;

import io.mlops4j.monitoring.Alert;
import io.mlops4j.monitoring.AlertSink;
import io.mlops4j.monitoring.WebhookSettings;
import io.mlops4j.monitoring.WebhookUrl;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.function.Function;

/**
 * POSTs alerts to a URL, retrying on 5xx, timeouts and connection errors. Its failures name the URL
 * by scheme and host only ({@link WebhookUrl#redacted()}), and drop a cause whose message would
 * repeat the URL's secret path or query.
 */
public final class WebhookSink implements AlertSink {
  private final WebhookUrl url;
  private final HttpClient client;
  private final WebhookSettings settings;
  private final Function<Alert, String> payload;

  /**
   * Creates the sink.
   *
   * @param url the endpoint
   * @param client the HTTP client
   * @param settings timeout and retries
   * @param payload renders an alert's body
   */
  public WebhookSink(
      WebhookUrl url,
      HttpClient client,
      WebhookSettings settings,
      Function<Alert, String> payload) {
    this.url = requireNonNull(url, "url");
    this.client = requireNonNull(client, "client");
    this.settings = requireNonNull(settings, "settings");
    this.payload = requireNonNull(payload, "payload");
  }

  @Override
  public boolean send(Alert alert) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(url.uri())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload.apply(alert)))
            .build();
    String last = "";
    IOException lastError = null;
    long backoff = settings.backoff().toMillis();
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      if (attempt > 1 && backoff > 0) {
        pause(backoff, attempt - 1);
        backoff *= 2;
      }
      int status;
      try {
        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (HttpTimeoutException e) {
        last = "timed out after " + settings.timeout();
        lastError = e;
        continue;
      } catch (ConnectException e) {
        last = "cannot connect (" + safe(e) + ")";
        lastError = e;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(MonitoringErrors.webhookFailed(url, attempt, "interrupted"));
      } catch (IOException e) {
        // not retried (TLS, protocol errors): give up now, without the URL's secret
        throw failure(attempt, safe(e), e);
      }
      if (status >= 200 && status < 300) {
        return true;
      }
      last = "HTTP " + status;
      lastError = null;
      if (status < 500) {
        throw new IOException(MonitoringErrors.webhookFailed(url, attempt, last + ", not retried"));
      }
    }
    throw failure(settings.maxAttempts(), last, lastError);
  }

  /** A failure naming the URL by scheme and host, keeping the cause unless it holds the secret. */
  private IOException failure(int attempts, String last, Throwable cause) {
    IOException failed = new IOException(MonitoringErrors.webhookFailed(url, attempts, last));
    if (cause != null && !leaks(cause)) {
      failed.initCause(cause);
    }
    return failed;
  }

  /** The exception's type and message, or only its type if the message holds the secret. */
  private String safe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank() || url.leaksInto(message)) {
      return e.getClass().getSimpleName();
    }
    return e.getClass().getSimpleName() + ": " + message;
  }

  /** Whether any message in the cause chain holds the URL's secret. */
  private boolean leaks(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (url.leaksInto(t.getMessage()) || url.leaksInto(t.toString())) {
        return true;
      }
    }
    return false;
  }

  private void pause(long millis, int attempts) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(
          MonitoringErrors.webhookFailed(url, attempts, "interrupted while waiting to retry"));
    }
  }
}
