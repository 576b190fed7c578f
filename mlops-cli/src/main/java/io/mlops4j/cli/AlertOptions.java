package io.mlops4j.cli;

import io.mlops4j.monitoring.Status;
import io.mlops4j.monitoring.WebhookSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of every command that raises alerts: where the alerts go (a JSON-lines file, a
 * webhook, a Teams webhook, whose URLs come from the environment) and which status fails the run.
 * The root command's factory creates it with the environment variables.
 */
final class AlertOptions {
  @Option(names = "--alerts", description = "JSON-lines alert file.")
  Path file;

  @Option(
      names = "--webhook",
      paramLabel = "URL",
      description =
          "Deprecated: the URL holds a secret and a flag shows it in process lists and logs; set"
              + " the environment variable "
              + AlertWebhooks.WEBHOOK_ENV
              + " instead. Also POST alerts as JSON to this URL.")
  String webhook;

  @Option(
      names = "--teams-webhook",
      paramLabel = "URL",
      description =
          "Deprecated: set the environment variable "
              + AlertWebhooks.TEAMS_ENV
              + " instead. Also post alerts to this Teams incoming webhook.")
  String teams;

  @Option(
      names = "--fail-on",
      defaultValue = "CRITICAL",
      description =
          "Exit 3 when a circuit or an alert reaches: ${COMPLETION-CANDIDATES} (default:"
              + " CRITICAL).")
  MonitorCommand.FailOn failOn;

  @Option(
      names = "--webhook-attempts",
      defaultValue = "3",
      description =
          "How many times a webhook alert is tried; 5xx answers, timeouts and refused connections"
              + " are retried (default: 3).")
  int webhookAttempts;

  @Option(
      names = "--webhook-backoff",
      defaultValue = "PT1S",
      description =
          "Wait before the second webhook attempt, doubled before each further one, as an ISO-8601"
              + " duration (default: PT1S; PT0S retries at once).")
  Duration webhookBackoff;

  private final Map<String, String> env;

  /**
   * Creates the options.
   *
   * @param env the environment variables, where the webhook URLs are read
   */
  AlertOptions(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * The webhooks to post alerts to; read before the run, so a bad URL fails before any work.
   *
   * @throws ParameterException if a URL is not an http(s) URL (the message never shows it), or the
   *     retry options are out of range
   */
  AlertWebhooks webhooks(CommandLine commandLine) {
    if (webhookAttempts < 1 || webhookBackoff.isNegative()) {
      throw new ParameterException(
          commandLine,
          "--webhook-attempts must be at least 1 and --webhook-backoff not negative (PT0S or"
              + " more), was "
              + webhookAttempts
              + " and "
              + webhookBackoff);
    }
    WebhookSettings settings =
        new WebhookSettings(WebhookSettings.defaults().timeout(), webhookAttempts, webhookBackoff);
    return AlertWebhooks.resolve(webhook, teams, env, settings, commandLine);
  }

  /** The exit code of the gate: {@link ExitCodes#GATE_FAILED} if the worst status reaches it. */
  int exitCode(Status worst) {
    return failOn.exitCode(worst);
  }
}
