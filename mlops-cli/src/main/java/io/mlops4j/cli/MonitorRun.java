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
import io.mlops4j.monitoring.RetrainingPatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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

  @Option(
      names = "--report",
      description =
          "Write the HTML report into this folder, and the alerts to alerts.jsonl beside it unless"
              + " --alerts names a file.")
  Path report;

  @Mixin AlertOptions alerts;

  @Option(names = "--json", description = "Print results as JSON.")
  boolean json;

  List<CircuitConfig> circuits() {
    ConfigTree tree = new ConfigLoader().load(root);
    if (circuits == null || circuits.isEmpty()) {
      return tree.circuits();
    }
    Set<CircuitRef> refs = new LinkedHashSet<>();
    for (String text : circuits) {
      refs.add(CircuitRef.parse(text));
    }
    List<CircuitConfig> selected = new ArrayList<>();
    for (CircuitRef ref : refs) {
      selected.add(tree.circuit(ref));
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
   * Adds a retraining patch moving a circuit's cutoff to the last complete date, unless that date
   * is not after its current cutoff (the period lies within its training data, so retraining would
   * add nothing); then says so on {@code err}.
   */
  void propose(
      List<RetrainingPatch> patches,
      CircuitConfig circuit,
      LocalDate lastReading,
      Clock clock,
      String reason,
      PrintWriter err) {
    LocalDate cutoff = lastCompleteDate(lastReading, clock);
    LocalDate current = circuit.training().cutoffDate();
    if (!cutoff.isAfter(current)) {
      err.println(
          "no retraining patch for "
              + circuit.ref()
              + " ("
              + reason
              + "): its last complete date "
              + cutoff
              + " is not after its training.cutoff_date "
              + current);
      return;
    }
    patches.add(RetrainingPatch.create(root, circuit, cutoff, reason));
  }

  /**
   * Writes the report (if asked for) before sending alerts, so a webhook that fails does not cost
   * the report, then returns the gate's exit code.
   */
  int finish(MonitoringReport report, List<Alert> list, AlertWebhooks webhooks, PrintWriter err) {
    if (this.report != null) {
      System.setProperty("java.awt.headless", "true");
      err.println("report: " + report.write(this.report));
      err.flush();
    }
    send(list, webhooks, err);
    err.flush();
    return alerts.exitCode(report.worstStatus());
  }

  /**
   * The webhooks to post alerts to; read before the run, so a bad URL fails before any work.
   *
   * @throws ParameterException if a URL is not an http(s) URL (the message never shows it)
   */
  AlertWebhooks webhooks(CommandLine commandLine) {
    return alerts.webhooks(commandLine);
  }

  int send(List<Alert> list, AlertWebhooks webhooks, PrintWriter err) {
    Path file = alerts.file;
    if (file == null && report != null) {
      file = report.toAbsolutePath().resolveSibling("alerts.jsonl");
    }
    return send(list, file, webhooks, err);
  }

  /**
   * Sends every alert to the JSON-lines file (if not null) and to each webhook, one sink after the
   * other, so a failing webhook neither stops the file nor the other webhook; then fails naming
   * every sink that failed.
   */
  static int send(List<Alert> list, Path file, AlertWebhooks webhooks, PrintWriter err) {
    Map<String, AlertSink> sinks = new LinkedHashMap<>();
    if (file != null) {
      sinks.put("alerts file " + file, AlertSinks.jsonLines(file));
    }
    if (webhooks.any() && !list.isEmpty()) {
      // the request timeout does not bound connecting on every JDK, so bound it as well
      HttpClient client =
          HttpClient.newBuilder().connectTimeout(webhooks.settings().timeout()).build();
      if (webhooks.webhook() != null) {
        sinks.put(
            "webhook " + webhooks.webhook(),
            deduplicated(
                AlertSinks.webhook(webhooks.webhook(), client, webhooks.settings()),
                file,
                "webhook"));
      }
      if (webhooks.teams() != null) {
        sinks.put(
            "Teams webhook " + webhooks.teams(),
            deduplicated(
                AlertSinks.teams(webhooks.teams(), client, webhooks.settings()), file, "teams"));
      }
      if (file == null) {
        err.println(
            "warning: no --alerts file or --report folder, so webhook alerts are not"
                + " de-duplicated");
      }
    }
    int sent = 0;
    List<String> failures = new ArrayList<>();
    IOException firstFailure = null;
    for (Map.Entry<String, AlertSink> sink : sinks.entrySet()) {
      for (Alert alert : list) {
        try {
          if (sink.getValue().send(alert)) {
            sent++;
          }
        } catch (IOException e) {
          // the sinks' messages name webhooks by scheme and host only, never their secret
          failures.add("cannot send alert " + alert.dedupKey() + ": " + e.getMessage());
          firstFailure = firstFailure == null ? e : firstFailure;
          break;
        }
      }
    }
    if (!list.isEmpty()) {
      err.printf(
          "%d alert(s), %d delivery(ies) (repeats skipped by dedup key)%s%n",
          list.size(), sent, sinks.isEmpty() ? "; no sink: pass --alerts or --report" : "");
    }
    if (!failures.isEmpty()) {
      throw new MlopsException(
          String.join("\n", failures)
              + (failures.size() < sinks.size()
                  ? "\nthe other sinks received the alerts; a rerun sends only what is missing"
                  : ""),
          firstFailure);
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
