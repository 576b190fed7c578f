package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.monitoring.internal.AlertPayloads;
import io.mlops4j.monitoring.internal.DeduplicatingSink;
import io.mlops4j.monitoring.internal.JsonLinesSink;
import io.mlops4j.monitoring.internal.WebhookSink;
import java.net.http.HttpClient;
import java.nio.file.Path;

/** Creates the built-in {@link AlertSink}s. */
public final class AlertSinks {
  private AlertSinks() {}

  /**
   * Appends each alert as one JSON object per line to a file, skipping alerts whose de-duplication
   * key is already in the file. The default sink.
   *
   * @param file the file; created with its parent directories if missing
   * @return the sink
   */
  public static AlertSink jsonLines(Path file) {
    return new JsonLinesSink(requireNonNull(file, "file"));
  }

  /**
   * POSTs each alert as a JSON object (the fields of {@link Alert}, snake_case) to a URL.
   *
   * @param url the endpoint; its secret never appears in the sink's error messages
   * @param client the HTTP client
   * @param settings timeout and retries
   * @return the sink (no de-duplication: wrap it with {@link #deduplicated})
   */
  public static AlertSink webhook(WebhookUrl url, HttpClient client, WebhookSettings settings) {
    return new WebhookSink(url, client, settings, AlertPayloads::generic);
  }

  /**
   * POSTs each alert to a Microsoft Teams incoming webhook as an Adaptive Card message.
   *
   * @param url the incoming webhook's URL; its secret never appears in the sink's error messages
   * @param client the HTTP client
   * @param settings timeout and retries
   * @return the sink (no de-duplication: wrap it with {@link #deduplicated})
   */
  public static AlertSink teams(WebhookUrl url, HttpClient client, WebhookSettings settings) {
    return new WebhookSink(url, client, settings, AlertPayloads::teamsCard);
  }

  /**
   * Sends through another sink only the alerts whose de-duplication key is not yet in a ledger file
   * (one key per line), adding each key once it was sent.
   *
   * @param sink the sink
   * @param ledger the ledger file; created if missing
   * @return the de-duplicating sink
   */
  public static AlertSink deduplicated(AlertSink sink, Path ledger) {
    return new DeduplicatingSink(requireNonNull(sink, "sink"), requireNonNull(ledger, "ledger"));
  }
}
