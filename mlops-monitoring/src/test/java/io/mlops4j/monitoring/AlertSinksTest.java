package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mlops4j.config.MlopsException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
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
        "/webhookb2",
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

  /** A secret token in the path and the query, as in a Teams incoming webhook. */
  private static final String SECRET = "s3cr3t-T0KEN";

  private WebhookUrl hook() {
    return hook(server.getAddress().getPort());
  }

  private static WebhookUrl hook(int port) {
    return new WebhookUrl(
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/webhookb2/"
                + SECRET
                + "@tenant/IncomingWebhook/"
                + SECRET
                + "?sig="
                + SECRET));
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
        .hasMessage(
            "webhook http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/… did not accept the alert after 3 attempt(s): HTTP 503");
    assertThat(bodies).hasSize(3);

    bodies.clear();
    failureStatus = 400;
    assertThatThrownBy(() -> sink.send(ALERT))
        .hasMessageEndingWith("1 attempt(s): HTTP 400, not retried");
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

  @Test
  void failuresNameTheWebhookByHostOnlyAndNeverItsSecret(@TempDir Path dir) throws IOException {
    int refusingPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refusingPort = socket.getLocalPort();
    }
    Path file = dir.resolve("alerts.jsonl");
    failuresLeft.set(100);
    hang = false;
    List<Throwable> failures = new ArrayList<>();
    for (AlertSink sink :
        List.of(
            AlertSinks.deduplicated(
                AlertSinks.teams(hook(), client, FAST), dir.resolve("alerts.jsonl.teams-sent")),
            AlertSinks.deduplicated(
                AlertSinks.webhook(hook(refusingPort), client, FAST),
                dir.resolve("alerts.jsonl.webhook-sent")))) {
      AlertSinks.jsonLines(file).send(ALERT);
      failures.add(catchThrowable(() -> sink.send(ALERT)));
    }
    hang = true;
    failures.add(
        catchThrowable(
            () ->
                AlertSinks.webhook(
                        hook(),
                        client,
                        new WebhookSettings(Duration.ofMillis(100), 2, Duration.ZERO))
                    .send(ALERT)));

    assertThat(failures).hasSize(3).allSatisfy(f -> assertThat(f).isInstanceOf(IOException.class));
    assertThat(failures.get(0)).hasMessageEndingWith("after 3 attempt(s): HTTP 503");
    assertThat(failures.get(1)).hasMessageContaining("cannot connect");
    assertThat(failures.get(2)).hasMessageEndingWith("timed out after PT0.1S");
    for (Throwable failure : failures) {
      assertThat(failure.getMessage()).contains("http://127.0.0.1:").contains("/…");
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t)).doesNotContain(SECRET).doesNotContain("webhookb2");
        for (StackTraceElement e : t.getStackTrace()) {
          assertThat(e.toString()).doesNotContain(SECRET);
        }
      }
    }
    try (Stream<Path> written = Files.walk(dir)) {
      List<Path> files = written.filter(Files::isRegularFile).toList();
      assertThat(files).isNotEmpty();
      for (Path f : files) {
        assertThat(f.toString()).doesNotContain(SECRET);
        assertThat(Files.readString(f)).doesNotContain(SECRET).doesNotContain("webhookb2");
      }
    }
  }

  @Test
  void webhookUrlShowsOnlySchemeAndHost() {
    WebhookUrl url = hook(8443);

    assertThat(url).hasToString("http://127.0.0.1:8443/…");
    assertThat(List.of(url).toString()).doesNotContain(SECRET);
    assertThat(url.leaksInto("POST " + url.uri().getRawPath())).isTrue();
    assertThat(url.leaksInto("Connection refused")).isFalse();
  }

  @Test
  void badWebhookUrlIsAnErrorThatDoesNotRepeatIt() {
    assertThatThrownBy(() -> WebhookUrl.parse("ftp://host/" + SECRET, "environment variable X_URL"))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "the webhook URL in environment variable X_URL is not an http(s) URL (scheme 'ftp');"
                + " expected https://HOST/PATH, such as an incoming webhook's URL (the URL is not"
                + " shown because it holds a secret)")
        .hasNoCause();
    assertThatThrownBy(() -> WebhookUrl.parse("https://host/a b/" + SECRET, "X_URL"))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("X_URL is not a valid URL (at character 14)")
        .hasMessageNotContaining(SECRET)
        .hasNoCause();
    assertThatThrownBy(() -> WebhookUrl.parse("/just/" + SECRET, "X_URL"))
        .hasMessageContaining("X_URL is not an http(s) URL;")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void brokenLineInTheAlertFileIsAnErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("alerts.jsonl");
    AlertSinks.jsonLines(file).send(ALERT);
    Files.writeString(file, "{\"dedup_key\": \"x\"", StandardOpenOption.APPEND);

    assertThatThrownBy(() -> AlertSinks.jsonLines(file).send(ALERT))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ":2: not a JSON object (")
        .hasMessageEndingWith(
            "; expected one alert object per line as mlops writes them; fix or"
                + " delete the line (its alert may then be sent again)");
  }
}
