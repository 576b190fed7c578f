package io.mlops4j.cli;

import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.WebhookSettings;
import io.mlops4j.monitoring.WebhookUrl;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The webhooks alerts are posted to, read from the environment variables {@value #WEBHOOK_ENV} and
 * {@value #TEAMS_ENV} (or the deprecated {@code --webhook} and {@code --teams-webhook} flags, which
 * put the URL's secret into process lists). Either may be null: no such webhook.
 *
 * @param webhook the generic JSON webhook, or null
 * @param teams the Microsoft Teams incoming webhook, or null
 * @param settings timeout, attempts and backoff of both
 */
record AlertWebhooks(WebhookUrl webhook, WebhookUrl teams, WebhookSettings settings) {
  /** The environment variable holding the generic webhook's URL. */
  static final String WEBHOOK_ENV = "MLOPS_ALERT_WEBHOOK_URL";

  /** The environment variable holding the Teams incoming webhook's URL. */
  static final String TEAMS_ENV = "MLOPS_TEAMS_WEBHOOK_URL";

  boolean any() {
    return webhook != null || teams != null;
  }

  /**
   * Reads the webhooks: a flag, if given, wins over its environment variable (with a warning that
   * the flag is deprecated); a blank variable counts as unset.
   *
   * @throws ParameterException if a URL is not an http(s) URL (exit code 2); the message names the
   *     variable or flag, never the URL
   */
  static AlertWebhooks resolve(
      String webhookFlag,
      String teamsFlag,
      Map<String, String> env,
      WebhookSettings settings,
      CommandLine commandLine) {
    PrintWriter err = commandLine.getErr();
    try {
      return new AlertWebhooks(
          one("--webhook", webhookFlag, WEBHOOK_ENV, env, err),
          one("--teams-webhook", teamsFlag, TEAMS_ENV, env, err),
          settings);
    } catch (MlopsException e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
  }

  private static WebhookUrl one(
      String flag, String flagValue, String variable, Map<String, String> env, PrintWriter err) {
    if (flagValue != null) {
      err.println(
          "warning: "
              + flag
              + " is deprecated because the URL's secret shows in process lists and pipeline"
              + " logs; set the environment variable "
              + variable
              + " instead");
      return WebhookUrl.parse(flagValue, "option " + flag);
    }
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return null;
    }
    return WebhookUrl.parse(value, "environment variable " + variable);
  }
}
