package io.mlops4j.cli;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.ConfigTree;
import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.Alert;
import io.mlops4j.monitoring.AlertSink;
import io.mlops4j.monitoring.AlertSinks;
import io.mlops4j.monitoring.MonitoringReport;
import io.mlops4j.monitoring.WebhookSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code monitor performance} and {@code monitor drift}. */
final class MonitorRun {
  @Option(names = "--root", required = true, description = "The config repository (or config dir).")
  Path root;

  @Option(names = "--table", required = true, description = "The sensor table's directory.")
  Path table;

  @Option(
      names = "--circuit",
      description = "Only these circuits, as PLANT/CIRCUIT (repeatable; default: every circuit).")
  List<String> circuits;

  @Option(names = "--report", description = "Write the HTML report into this folder.")
  Path report;

  @Option(
      names = "--alerts",
      description =
          "JSON-lines alert file (default: alerts.jsonl beside the --report folder; none without"
              + " --report).")
  Path alerts;

  @Option(names = "--webhook", description = "Also POST alerts as JSON to this URL.")
  URI webhook;

  @Option(names = "--teams-webhook", description = "Also post alerts to a Teams incoming webhook.")
  URI teams;

  @Option(
      names = "--fail-on",
      defaultValue = "CRITICAL",
      description = "Exit 3 when a circuit reaches: ${COMPLETION-CANDIDATES} (default: CRITICAL).")
  MonitorCommand.FailOn failOn;

  @Option(names = "--json", description = "Print results as JSON.")
  boolean json;

  List<CircuitConfig> circuits() {
    ConfigTree tree = new ConfigLoader().load(root);
    if (circuits == null || circuits.isEmpty()) {
      return tree.circuits();
    }
    List<CircuitConfig> selected = new ArrayList<>();
    for (String text : circuits) {
      selected.add(tree.circuit(CircuitRef.parse(text)));
    }
    return selected;
  }

  /**
   * The last complete date of data, the new cutoff a retraining patch proposes: the last date with
   * a reading in the period, or yesterday if that is today (a day still being written).
   */
  static LocalDate lastCompleteDate(LocalDate lastReading, Clock clock) {
    LocalDate yesterday = LocalDate.now(clock).minusDays(1);
    return lastReading.isAfter(yesterday) ? yesterday : lastReading;
  }

  /**
   * Writes the report (if asked for) before sending alerts, so a webhook that fails does not cost
   * the report, then returns the gate's exit code.
   */
  int finish(MonitoringReport report, List<Alert> list, PrintWriter err) {
    if (this.report != null) {
      System.setProperty("java.awt.headless", "true");
      err.println("report: " + report.write(this.report));
      err.flush();
    }
    send(list, err);
    err.flush();
    return failOn.exitCode(report.worstStatus());
  }

  int send(List<Alert> list, PrintWriter err) {
    Path file = alerts;
    if (file == null && report != null) {
      file = report.toAbsolutePath().resolveSibling("alerts.jsonl");
    }
    return send(list, file, webhook, teams, err);
  }

  /** Sends alerts to the JSON-lines file and the webhooks given (each may be null). */
  static int send(List<Alert> list, Path file, URI webhook, URI teams, PrintWriter err) {
    List<AlertSink> sinks = new ArrayList<>();
    if (file != null) {
      sinks.add(AlertSinks.jsonLines(file));
    }
    HttpClient client = webhook == null && teams == null ? null : HttpClient.newHttpClient();
    if (webhook != null) {
      sinks.add(
          deduplicated(
              AlertSinks.webhook(webhook, client, WebhookSettings.defaults()), file, "webhook"));
    }
    if (teams != null) {
      sinks.add(
          deduplicated(AlertSinks.teams(teams, client, WebhookSettings.defaults()), file, "teams"));
    }
    if (file == null && (webhook != null || teams != null)) {
      err.println(
          "warning: no --alerts file or --report folder, so webhook alerts are not de-duplicated");
    }
    int sent = 0;
    for (Alert alert : list) {
      for (AlertSink sink : sinks) {
        try {
          if (sink.send(alert)) {
            sent++;
          }
        } catch (IOException e) {
          throw new MlopsException(
              "cannot send alert " + alert.dedupKey() + ": " + e.getMessage(), e);
        }
      }
    }
    if (!list.isEmpty()) {
      err.printf(
          "%d alert(s), %d delivery(ies) (repeats skipped by dedup key)%s%n",
          list.size(), sent, sinks.isEmpty() ? "; no sink: pass --alerts or --report" : "");
    }
    return sent;
  }

  /** Webhook sinks remember the keys they sent in a ledger beside the alerts file, if any. */
  private static AlertSink deduplicated(AlertSink sink, Path alertsFile, String kind) {
    if (alertsFile == null) {
      return sink;
    }
    return AlertSinks.deduplicated(
        sink, alertsFile.resolveSibling(alertsFile.getFileName() + "." + kind + "-sent"));
  }
}
