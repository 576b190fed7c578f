package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertSinksTest {
  private static final Alert ALERT =
      new Alert(
          AlertRule.PERFORMANCE_DEGRADATION,
          Status.CRITICAL,
          "P001",
          "C002",
          "forecast accuracy CRITICAL",
          Map.of("mae", 0.31),
          Instant.parse("2026-11-01T06:00:00Z"),
          Alert.dedupKey(
              AlertRule.PERFORMANCE_DEGRADATION, "P001", "C002", Status.CRITICAL, "2026-10"));
  private static final WebhookSettings FAST =
      new WebhookSettings(Duration.ofSeconds(5), 3, Duration.ZERO);

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus = 503;
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean hang;
  private HttpClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          if (hang) {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          int status = failuresLeft.getAndDecrement() > 0 ? failureStatus : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    client = HttpClient.newHttpClient();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private URI hook() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @Test
  void webhookPostsTheAlertFieldsAsJson() throws IOException {
    assertThat(AlertSinks.webhook(hook(), client, FAST).send(ALERT)).isTrue();

    JsonNode body = new ObjectMapper().readTree(bodies.get(0));
    assertThat(body.get("plant_id").asText()).isEqualTo("P001");
    assertThat(body.get("circuit_id").asText()).isEqualTo("C002");
    assertThat(body.get("rule").asText()).isEqualTo("performance_degradation");
    assertThat(body.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(body.get("values").get("mae").asDouble()).isEqualTo(0.31);
    assertThat(body.get("dedup_key").asText()).hasSize(16).isEqualTo(ALERT.dedupKey());
  }

  @Test
  void teamsSinkPostsAnAdaptiveCard() throws IOException {
    AlertSinks.teams(hook(), client, FAST).send(ALERT);

    JsonNode body = new ObjectMapper().readTree(bodies.get(0));
    assertThat(body.get("type").asText()).isEqualTo("message");
    JsonNode attachment = body.get("attachments").get(0);
    assertThat(attachment.get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.get("content");
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.get("body").get(0).get("text").asText())
        .isEqualTo("CRITICAL: performance degradation P001/C002");
    assertThat(card.get("body").get(2).get("facts").get(0).get("value").asText()).isEqualTo("P001");
  }

  @Test
  void retriesOnServerErrorsUntilAccepted() throws IOException {
    failuresLeft.set(2);

    assertThat(AlertSinks.webhook(hook(), client, FAST).send(ALERT)).isTrue();

    assertThat(bodies).hasSize(3);
  }

  @Test
  void givesUpAfterMaxAttemptsAndDoesNotRetryClientErrors() {
    failuresLeft.set(10);
    AlertSink sink = AlertSinks.webhook(hook(), client, FAST);

    assertThatThrownBy(() -> sink.send(ALERT))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("/hook did not accept the alert after 3 attempt(s): HTTP 503");
    assertThat(bodies).hasSize(3);

    bodies.clear();
    failureStatus = 400;
    assertThatThrownBy(() -> sink.send(ALERT)).hasMessageEndingWith("1 attempt(s): HTTP 400");
    assertThat(bodies).hasSize(1);
  }

  @Test
  void timesOutASlowEndpoint() {
    hang = true;
    AlertSink sink =
        AlertSinks.webhook(
            hook(), client, new WebhookSettings(Duration.ofMillis(200), 2, Duration.ZERO));

    assertThatThrownBy(() -> sink.send(ALERT))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("after 2 attempt(s): timed out after PT0.2S");
  }

  @Test
  void jsonLinesAndLedgerSkipAnAlertAlreadySent(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("alerts/alerts.jsonl");
    AlertSink lines = AlertSinks.jsonLines(file);
    AlertSink webhook =
        AlertSinks.deduplicated(AlertSinks.webhook(hook(), client, FAST), dir.resolve("sent.txt"));

    assertThat(lines.send(ALERT)).isTrue();
    assertThat(lines.send(ALERT)).isFalse();
    assertThat(webhook.send(ALERT)).isTrue();
    assertThat(webhook.send(ALERT)).isFalse();

    assertThat(Files.readAllLines(file)).hasSize(1);
    assertThat(bodies).hasSize(1);
  }
}
