package io.mlops4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.config.InvalidInputException;
import io.mlops4j.monitoring.Alert;
import io.mlops4j.monitoring.AlertRules;
import io.mlops4j.monitoring.JobRecord;
import io.mlops4j.monitoring.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops monitor alerts}: the job alert rules over job records. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "Apply the job alert rules to job records: one CRITICAL alert per failed batch scoring job,"
          + " and one when more than 5 training jobs failed in the last 24 hours.",
      "",
      "--jobs is a JSON array of objects with job_id, kind (training or batch_scoring), status"
          + " (Failed, Completed, ...), ended_at (ISO-8601) and optionally plant_id, circuit_id"
          + " and error."
    })
final class MonitorAlertsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--jobs", required = true, description = "Job records (JSON array).")
  Path jobs;

  @Mixin AlertOptions alerts;

  @Override
  public Integer call() {
    AlertWebhooks webhooks = alerts.webhooks(spec.commandLine());
    List<JobRecord> records = read(jobs);
    List<Alert> raised = new AlertRules(Clock.systemUTC()).listAlerts(records);
    PrintWriter out = spec.commandLine().getOut();
    Status worst = Status.OK;
    for (Alert alert : raised) {
      out.printf(
          Locale.ROOT,
          "%-8s %-22s %s%n",
          alert.severity(),
          alert.rule().name().toLowerCase(Locale.ROOT),
          alert.message());
      worst = worst.worst(alert.severity());
    }
    out.printf("%d job record(s), %d alert(s)%n", records.size(), raised.size());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    MonitorRun.send(raised, alerts.file, webhooks, err);
    err.flush();
    return alerts.exitCode(worst);
  }

  static List<JobRecord> read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot read job records '" + file + "': " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new InvalidInputException(
          "job records '"
              + file
              + "' must be a JSON array of objects with job_id, kind, status"
              + " and ended_at");
    }
    List<JobRecord> records = new ArrayList<>();
    int i = 0;
    for (JsonNode job : root) {
      String where = file + " [" + i++ + "]";
      String kind = text(job, "kind").toLowerCase(Locale.ROOT);
      JobRecord.Kind parsed =
          switch (kind) {
            case "training", "train" -> JobRecord.Kind.TRAINING;
            case "batch_scoring", "scoring", "batch" -> JobRecord.Kind.BATCH_SCORING;
            default ->
                throw new InvalidInputException(
                    where + ": kind '" + kind + "' is not training or batch_scoring");
          };
      String status = text(job, "status").toLowerCase(Locale.ROOT);
      Instant ended;
      try {
        ended = Instant.parse(text(job, "ended_at"));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            where + ": ended_at '" + text(job, "ended_at") + "' is not an ISO-8601 instant", e);
      }
      records.add(
          new JobRecord(
              text(job, "job_id"),
              parsed,
              text(job, "plant_id"),
              text(job, "circuit_id"),
              status.equals("failed") || status.equals("failure") || status.equals("error"),
              ended,
              text(job, "error")));
    }
    return records;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
