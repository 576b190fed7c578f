package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook URLs come from the environment, and their secret never reaches output or files. */
class MonitorWebhookTest {
  private static final String SECRET = "Xy9-s3cr3t";

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private volatile int status = 200;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/webhookb2",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/webhookb2/"
        + SECRET
        + "/IncomingWebhook/"
        + SECRET;
  }

  private static Path failedJob(Path dir) throws IOException {
    return Files.writeString(
        dir.resolve("jobs.json"),
        """
        [{"job_id": "score-7", "kind": "batch_scoring", "status": "Failed",
          "ended_at": "%s", "plant_id": "P001", "circuit_id": "C001"}]
        """
            .formatted(Instant.now()));
  }

  @Test
  void teamsWebhookFromTheEnvironmentReceivesTheAlertOnce(@TempDir Path dir) throws IOException {
    Path jobs = failedJob(dir);
    Map<String, String> env = Map.of("MLOPS_TEAMS_WEBHOOK_URL", url());
    String[] args = {
      "monitor", "alerts", "--jobs", jobs.toString(), "--alerts", dir.resolve("a.jsonl").toString()
    };

    CliRun run = CliRun.withEnv(env, args);
    CliRun again = CliRun.withEnv(env, args);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).doesNotContain("warning");
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0)).contains("AdaptiveCard");
    assertThat(again.exitCode()).isEqualTo(3);
    assertThat(bodies).hasSize(1);
  }

  @Test
  void failingWebhookIsAnErrorWithoutTheUrlsSecretAndNothingOnDiskHoldsIt(@TempDir Path dir)
      throws IOException {
    status = 503;
    Path jobs = failedJob(dir);
    Path alerts = dir.resolve("out/alerts.jsonl");

    CliRun run =
        CliRun.withEnv(
            Map.of("MLOPS_TEAMS_WEBHOOK_URL", url(), "MLOPS_ALERT_WEBHOOK_URL", url() + "?x=1"),
            "--verbose",
            "monitor",
            "alerts",
            "--jobs",
            jobs.toString(),
            "--alerts",
            alerts.toString(),
            "--webhook-backoff",
            "PT0S");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "webhook http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/… did not accept the alert after 3 attempt(s): HTTP 503")
        .doesNotContain(SECRET)
        .doesNotContain("webhookb2");
    assertThat(run.out()).doesNotContain(SECRET);
    assertThat(bodies).hasSize(6);
    assertThat(Files.readAllLines(alerts)).hasSize(1);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
      }
    }
  }

  @Test
  void rerunAfterAFailedWebhookSendsOnlyWhatIsMissing(@TempDir Path dir) throws IOException {
    status = 500;
    Path jobs = failedJob(dir);
    Path alerts = dir.resolve("alerts.jsonl");
    Map<String, String> env = Map.of("MLOPS_ALERT_WEBHOOK_URL", url());
    String[] args = {
      "monitor",
      "alerts",
      "--jobs",
      jobs.toString(),
      "--alerts",
      alerts.toString(),
      "--webhook-backoff",
      "PT0S"
    };

    CliRun failed = CliRun.withEnv(env, args);
    status = 200;
    bodies.clear();
    CliRun rerun = CliRun.withEnv(env, args);

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err())
        .contains("the other sinks received the alerts; a rerun sends only what is missing");
    assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(3);
    assertThat(bodies).hasSize(1);
    assertThat(Files.readAllLines(alerts)).hasSize(1);
    assertThat(Files.readAllLines(dir.resolve("alerts.jsonl.webhook-sent"))).hasSize(1);
  }

  @Test
  void refusedConnectionNamesOnlyTheHost(@TempDir Path dir) throws IOException {
    String refused = url();
    server.stop(0);

    CliRun run =
        CliRun.withEnv(
            Map.of("MLOPS_ALERT_WEBHOOK_URL", refused),
            "--verbose",
            "monitor",
            "alerts",
            "--jobs",
            failedJob(dir).toString(),
            "--webhook-backoff",
            "PT0S");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot connect").doesNotContain(SECRET);
  }

  @Test
  void webhookAttemptsAndBackoffAreChecked(@TempDir Path dir) throws IOException {
    status = 503;
    Map<String, String> env = Map.of("MLOPS_ALERT_WEBHOOK_URL", url());
    String jobs = failedJob(dir).toString();

    CliRun once =
        CliRun.withEnv(
            env,
            "monitor",
            "alerts",
            "--jobs",
            jobs,
            "--webhook-attempts",
            "1",
            "--alerts",
            dir.resolve("a.jsonl").toString());
    CliRun zero =
        CliRun.withEnv(env, "monitor", "alerts", "--jobs", jobs, "--webhook-attempts", "0");
    CliRun negative =
        CliRun.withEnv(env, "monitor", "alerts", "--jobs", jobs, "--webhook-backoff", "PT-1S");

    assertThat(once.exitCode()).isEqualTo(1);
    assertThat(once.err()).contains("did not accept the alert after 1 attempt(s): HTTP 503");
    assertThat(bodies).hasSize(1);
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--webhook-attempts must be at least 1", "was 0 and PT1S");
    assertThat(negative.exitCode()).isEqualTo(2);
    assertThat(negative.err()).contains("--webhook-backoff not negative", "PT-1S");
  }

  @Test
  void badUrlInTheEnvironmentIsAUsageErrorThatDoesNotShowIt(@TempDir Path dir) throws IOException {
    CliRun run =
        CliRun.withEnv(
            Map.of("MLOPS_TEAMS_WEBHOOK_URL", "webhook.office.com/" + SECRET),
            "monitor",
            "alerts",
            "--jobs",
            failedJob(dir).toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("the webhook URL in environment variable MLOPS_TEAMS_WEBHOOK_URL is not an")
        .doesNotContain(SECRET);
    assertThat(bodies).isEmpty();
  }

  @Test
  void webhookFlagStillWorksButWarnsThatItIsDeprecated(@TempDir Path dir) throws IOException {
    CliRun run =
        CliRun.withEnv(
            Map.of(), "monitor", "alerts", "--jobs", failedJob(dir).toString(), "--webhook", url());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err())
        .contains("warning: --webhook is deprecated")
        .contains("MLOPS_ALERT_WEBHOOK_URL")
        .doesNotContain(SECRET);
    assertThat(bodies).hasSize(1);
  }
}
