package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.data.Prediction;
import io.mlops4j.data.PredictionFiles;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorTable;
import io.mlops4j.monitoring.RetrainingPatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {
  private static final CircuitRef CIRCUIT = CircuitRef.parse("P001/C001");

  @TempDir static Path shared;
  private static Path root;
  private static Path table;
  private static Path predictions;

  /**
   * The example config (P001/C001 cut off on 2025-12-09), a table of its sensor from 2025-11-01 to
   * 2026-01-31 drifting from 2025-12-10, and step-1 predictions for January 2026 that are off by 1.
   */
  @BeforeAll
  static void createRepository() throws IOException {
    root = shared.resolve("repo");
    copyTree(Path.of("..", "examples", "config"), root.resolve("config"));
    table = shared.resolve("sensor_readings");
    CliRun generate =
        CliRun.of(
            "data",
            "generate",
            "--out",
            table.toString(),
            "--plants",
            "1",
            "--circuits",
            "1",
            "--days",
            "92",
            "--start",
            "2025-11-01",
            "--drift-from",
            "2025-12-10",
            "--features",
            "temperature,pressure,flow_rate",
            "--days-per-commit",
            "92");
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    predictions = shared.resolve("predictions");
    SensorRows rows =
        SensorTable.open(table)
            .trainingSlice("SENSOR_P001_C001", LocalDate.of(2026, 1, 31), List.of("temperature"))
            .rows();
    PredictionFiles files = new PredictionFiles(predictions);
    LocalDate day = LocalDate.of(2026, 1, 1);
    List<Prediction> dayRows = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.date(i).isBefore(day)) {
        continue;
      }
      if (!rows.date(i).equals(day)) {
        files.write(CIRCUIT, day, dayRows);
        dayRows = new ArrayList<>();
        day = rows.date(i);
      }
      dayRows.add(
          new Prediction(
              CIRCUIT,
              rows.sensorId(),
              rows.timestamp(i),
              1,
              rows.feature("temperature")[i] + 1.0,
              "lstm_P001_C001",
              1,
              0,
              Instant.parse("2026-02-01T00:00:00Z")));
    }
    files.write(CIRCUIT, day, dayRows);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void performanceOfACriticalCircuitExitsThreeWithReportAlertAndPatch(@TempDir Path out)
      throws IOException {
    Path report = out.resolve("report");
    CliRun run =
        CliRun.of(
            "monitor",
            "performance",
            "--root",
            root.toString(),
            "--table",
            table.toString(),
            "--predictions",
            predictions.toString(),
            "--month",
            "2026-01",
            "--circuit",
            "P001/C001",
            "--report",
            report.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.out())
        .startsWith("P001/C001    CRITICAL mae=1.0000 rmse=1.0000")
        .contains("rows=744 unmatched=0")
        .contains("mae 1.00000 >= 0.220000 (monitoring.performance_thresholds.mae.critical)");
    assertThat(report.resolve("index.html")).exists();
    assertThat(report.resolve("plots/P001/C001/forecast.png")).exists();
    assertThat(Files.readString(report.resolve("patches/P001/C001.patch")))
        .contains("+  cutoff_date: \"2026-01-31\"");
    List<String> alerts = Files.readAllLines(out.resolve("alerts.jsonl"));
    assertThat(alerts).singleElement().asString().contains("\"rule\":\"performance_degradation\"");

    CliRun again =
        CliRun.of(
            "monitor",
            "performance",
            "--root",
            root.toString(),
            "--table",
            table.toString(),
            "--predictions",
            predictions.toString(),
            "--month",
            "2026-01",
            "--circuit",
            "P001/C001",
            "--report",
            report.toString(),
            "--fail-on",
            "NEVER");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("alerts.jsonl"))).as("deduplicated").hasSize(1);
  }

  @Test
  void performanceJsonHasMetricsPerHorizonStepAndRelativeRules(@TempDir Path models)
      throws IOException {
    Files.createDirectories(models.resolve("P001/C001"));
    Files.writeString(
        models.resolve("P001/C001/mlops-model.json"),
        "{\"name\":\"lstm_P001_C001\",\"validation_metrics\":{\"MAE\":0.4,\"rmse\":0.45}}");

    CliRun run =
        CliRun.of(
            "monitor",
            "performance",
            "--root",
            root.toString(),
            "--table",
            table.toString(),
            "--predictions",
            predictions.toString(),
            "--month",
            "2026-01",
            "--circuit",
            "P001/C001",
            "--models",
            models.toString(),
            "--json",
            "--fail-on",
            "NEVER");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode circuit = new ObjectMapper().readTree(run.out()).get(0);
    assertThat(circuit.get("status").asText()).isEqualTo("CRITICAL");
    assertThat(circuit.get("by_horizon_step").get("1").get("rows").asInt()).isEqualTo(744);
    assertThat(circuit.get("breaches").findValuesAsText("rule"))
        .contains("2.0 × validation mae", "2.0 × validation rmse");
  }

  @Test
  void driftAfterTheCutoffIsHighAndProposesRetraining(@TempDir Path out) throws IOException {
    Path report = out.resolve("drift-report");
    CliRun run =
        CliRun.of(
            "monitor",
            "drift",
            "--root",
            root.toString(),
            "--table",
            table.toString(),
            "--quarter",
            "2026-Q1",
            "--circuit",
            "P001/C001",
            "--report",
            report.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.out())
        .startsWith("P001/C001    CRITICAL HIGH")
        .contains("temperature HIGH psi=");
    assertThat(report.resolve("plots/P001/C001/drift-3-flow_rate.png")).exists();
    assertThat(Files.readString(report.resolve("patches/P001/C001.patch")))
        .contains("-  cutoff_date: \"2025-12-09\"")
        .as("the last date with readings, not the quarter's end")
        .contains("+  cutoff_date: \"2026-01-31\"");
  }

  @Test
  void driftOfAQuarterOverlappingTheTrainingDataWarns() {
    CliRun run =
        CliRun.of(
            "monitor",
            "drift",
            "--root",
            root.toString(),
            "--table",
            table.toString(),
            "--quarter",
            "2025-Q4",
            "--circuit",
            "P001/C001",
            "--fail-on",
            "NEVER");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            "warning: P001/C001: 2025-Q4 starts on or before its training.cutoff_date 2025-12-09,"
                + " so readings up to the cutoff are in both the baseline and the current sample");
  }

  @Test
  void noRetrainingPatchWhenTheDataEndsBeforeTheCutoff() {
    MonitorRun run = new MonitorRun();
    run.root = root;
    CircuitConfig circuit = new ConfigLoader().load(root).circuit(CIRCUIT);
    List<RetrainingPatch> patches = new ArrayList<>();
    StringWriter err = new StringWriter();
    Clock clock = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

    run.propose(
        patches,
        circuit,
        LocalDate.of(2025, 12, 9),
        clock,
        "drift HIGH",
        new PrintWriter(err, true));
    assertThat(patches).isEmpty();
    assertThat(err.toString())
        .contains(
            "no retraining patch for P001/C001 (drift HIGH): its last complete date 2025-12-09 is"
                + " not after its training.cutoff_date 2025-12-09");

    run.propose(
        patches, circuit, LocalDate.of(2026, 1, 31), clock, "drift HIGH", new PrintWriter(err));
    assertThat(patches)
        .singleElement()
        .satisfies(p -> assertThat(p.newCutoff()).hasToString("2026-01-31"));
  }

  @Test
  void negativeToleranceIsAUsageError() {
    CliRun run =
        CliRun.of(
            "monitor",
            "performance",
            "--root",
            root.toString(),
            "--table",
            table.toString(),
            "--predictions",
            predictions.toString(),
            "--month",
            "2026-01",
            "--tolerance",
            "-PT5M");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--tolerance PT-5M is negative; expected a duration >= 0");
  }

  @Test
  void circuitsWithoutReadingsAreSkippedWithAReason() {
    CliRun run =
        CliRun.of(
            "monitor",
            "drift",
            "--root",
            root.toString(),
            "--table",
            table.toString(),
            "--quarter",
            "2026-Q1",
            "--fail-on",
            "NEVER");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("P001/C001    CRITICAL HIGH");
    assertThat(run.err())
        .contains(
            "skipped P002/C001: circuit P002/C001: sensor SENSOR_P002_C001 has no readings up to"
                + " 2026-03-31 in the sensor table; check data_filters.sensor_id")
        .contains("skipped P001/C002: column 'vibration' is not in table");
  }

  @Test
  void relativeFactorsMustBeTwoIncreasingValues() {
    for (String bad : List.of("2.0", "2.0,1.5", "1.5,1.8,2.0")) {
      CliRun run =
          CliRun.of(
              "monitor",
              "performance",
              "--root",
              root.toString(),
              "--table",
              table.toString(),
              "--predictions",
              predictions.toString(),
              "--month",
              "2026-01",
              "--relative",
              bad);

      assertThat(run.exitCode()).as(bad).isEqualTo(2);
      assertThat(run.err())
          .contains("--relative ")
          .contains("; expected WARNING,CRITICAL factors with 1 < WARNING < CRITICAL, such as");
    }
  }

  @Test
  void badQuarterIsAClearError() {
    CliRun run =
        CliRun.of(
            "monitor",
            "drift",
            "--root",
            root.toString(),
            "--table",
            table.toString(),
            "--quarter",
            "2026-Q5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--quarter '2026-Q5' is not a quarter; expected YYYY-Qn");
  }

  @Test
  void failedBatchJobsRaiseCriticalAlertsOnce(@TempDir Path dir) throws IOException {
    Instant now = Instant.now();
    Path jobs =
        Files.writeString(
            dir.resolve("jobs.json"),
            """
            [{"job_id": "score-7", "kind": "batch_scoring", "status": "Failed",
              "ended_at": "%s", "plant_id": "P001", "circuit_id": "C001", "error": "OOM"},
             {"job_id": "train-1", "kind": "training", "status": "Completed", "ended_at": "%s"}]
            """
                .formatted(now, now));
    Path alerts = dir.resolve("alerts.jsonl");

    CliRun run =
        CliRun.of("monitor", "alerts", "--jobs", jobs.toString(), "--alerts", alerts.toString());
    CliRun again =
        CliRun.of("monitor", "alerts", "--jobs", jobs.toString(), "--alerts", alerts.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.out())
        .contains("CRITICAL batch_job_failure", "batch scoring job score-7 failed at", ": OOM")
        .contains("2 job record(s), 1 alert(s)");
    assertThat(again.exitCode()).isEqualTo(3);
    assertThat(Files.readAllLines(alerts)).hasSize(1);
  }

  @Test
  void metricsOfPlainFilesAsJson(@TempDir Path dir) throws IOException {
    Path actual = Files.writeString(dir.resolve("a.csv"), "1\n2\n0\n4\n");
    Path predicted = Files.writeString(dir.resolve("p.csv"), "1.5\n2\n1\n3\n");

    CliRun run =
        CliRun.of(
            "monitor",
            "metrics",
            "--actual",
            actual.toString(),
            "--predicted",
            predicted.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("rows").asInt()).isEqualTo(4);
    assertThat(json.get("mae").asDouble()).isEqualTo(0.625);
    assertThat(json.get("zero_actuals_skipped").asInt()).isEqualTo(1);
    assertThat(json.get("mape").asDouble()).isEqualTo((0.5 + 0 + 0.25) / 3);
  }

  @Test
  void metricsReadsActualAndPredictedColumnsOfOneCsv(@TempDir Path dir) throws IOException {
    Path both = Files.writeString(dir.resolve("both.csv"), "predicted,actual\n2,1\n4,2\n");

    CliRun run =
        CliRun.of(
            "monitor", "metrics", "--actual", both.toString(), "--predicted", both.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("bias                   1.5");
  }

  @Test
  void nanInAFileIsAClearError(@TempDir Path dir) throws IOException {
    Path actual = Files.writeString(dir.resolve("a.csv"), "1\nNaN\n");
    Path predicted = Files.writeString(dir.resolve("p.csv"), "1\n2\n");

    CliRun run =
        CliRun.of(
            "monitor",
            "metrics",
            "--actual",
            actual.toString(),
            "--predicted",
            predicted.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            actual + ":2: cannot read 'NaN'; expected a finite number; drop missing readings");
  }

  @Test
  void headerWithoutTheColumnIsAClearErrorNotTheFirstColumn(@TempDir Path dir) throws IOException {
    Path both = Files.writeString(dir.resolve("both.csv"), "time,forecast\n1,2\n3,4\n");

    CliRun run =
        CliRun.of(
            "monitor", "metrics", "--actual", both.toString(), "--predicted", both.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            both
                + ":1: cannot read 'time,forecast'; expected a header naming the column 'actual'"
                + " (such as actual,...), or one number per line without a header");
  }

  @Test
  void compareOfTwoSamplesAsJson(@TempDir Path dir) throws IOException {
    Path baseline = Files.writeString(dir.resolve("b.txt"), "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    Path current = Files.writeString(dir.resolve("c.txt"), "value\n6\n7\n8\n9\n10\n11\n");

    CliRun run =
        CliRun.of(
            "monitor",
            "compare",
            "--baseline",
            baseline.toString(),
            "--current",
            current.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("current_rows").asInt()).isEqualTo(6);
    assertThat(json.get("ks_statistic").asDouble()).isEqualTo(0.5);
    assertThat(json.fieldNames())
        .toIterable()
        .contains("psi", "ks_pvalue", "wasserstein1", "jensen_shannon");
  }
}
