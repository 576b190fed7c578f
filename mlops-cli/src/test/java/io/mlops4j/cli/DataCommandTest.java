package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.SyntheticSensorSpec;
import io.mlops4j.data.SyntheticSensors;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  private static final String SENSOR = "SENSOR_P001_C001";

  @TempDir Path dir;
  private String table;

  /** 2 plants x 2 circuits x 3 days hourly from 2025-01-01, one commit per day (versions 1-3). */
  @BeforeEach
  void generate() {
    table = dir.resolve("sensor_readings").toString();
    CliRun run =
        CliRun.of(
            "data",
            "generate",
            "--out",
            table,
            "--plants",
            "2",
            "--circuits",
            "2",
            "--days",
            "3",
            "--freq-minutes",
            "60",
            "--days-per-commit",
            "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "generated ", " rows: 4 sensors (2 plants x 2 circuits), 2025-01-01 to 2025-01-03")
        .contains("wrote 3 commits to ", "table version 3");
  }

  @Test
  void generateIntoAnExistingTableIsInvalidInput() {
    CliRun run =
        CliRun.of(
            "data", "generate", "--out", table, "--plants", "1", "--circuits", "1", "--days", "1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("already holds a Delta table");
  }

  @Test
  void inspectShowsVersionFilesAndRowsAndDatesPerSensor() {
    CliRun run = CliRun.of("data", "inspect", table);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("version: 3 (latest 3)")
        .contains("feature columns: temperature, pressure, vibration, flow_rate")
        .contains("data files: ")
        .contains("in 4 sensors")
        .containsPattern("SENSOR_P002_C002 +\\d+ +2025-01-01 +2025-01-03");
  }

  @Test
  void inspectJsonListsEverySensor() throws Exception {
    CliRun run = CliRun.of("data", "inspect", table, "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("version").asLong()).isEqualTo(3);
    assertThat(json.get("files").asLong()).isPositive();
    assertThat(json.get("sensors")).hasSize(4);
    JsonNode first = json.get("sensors").get(0);
    assertThat(first.get("sensor_id").asText()).isEqualTo(SENSOR);
    assertThat(first.get("first_date").asText()).isEqualTo("2025-01-01");
    assertThat(first.get("last_date").asText()).isEqualTo("2025-01-03");
    assertThat(first.get("rows").asLong()).isBetween(60L, 72L);
  }

  @Test
  void sliceCsvHasTheHeaderIsoTimestampsAndJavaDoubles() {
    CliRun run =
        CliRun.of("data", "slice", "--table", table, "--sensor", SENSOR, "--cutoff", "2025-01-02");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("timestamp,sensor_id,date,temperature,pressure,vibration,flow_rate");
    assertThat(lines.get(1))
        .matches(
            "2025-01-01T\\d\\d:00:00Z,SENSOR_P001_C001,2025-01-01(,-?\\d+\\.\\d+(E-?\\d+)?){4}");
    assertThat(lines.get(lines.size() - 1)).contains(",2025-01-02,");
    String[] cells = lines.get(1).split(",");
    assertThat(Double.toString(Double.parseDouble(cells[3]))).isEqualTo(cells[3]);
    assertThat(run.err()).contains("read version 3: " + (lines.size() - 1) + " rows, files read");
  }

  @Test
  void sliceJsonAndColumns() throws Exception {
    CliRun run =
        CliRun.of(
            "data",
            "slice",
            "--table",
            table,
            "--sensor",
            SENSOR,
            "--cutoff",
            "2025-01-01",
            "--format",
            "json",
            "--columns",
            "pressure");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(run.out());
    assertThat(rows.size()).isBetween(20, 24);
    JsonNode row = rows.get(0);
    assertThat(row.get("timestamp").asText()).startsWith("2025-01-01T");
    assertThat(row.get("sensor_id").asText()).isEqualTo(SENSOR);
    assertThat(row.get("date").asText()).isEqualTo("2025-01-01");
    assertThat(row.get("pressure").isDouble()).isTrue();
    assertThat(row.has("temperature")).isFalse();
  }

  @Test
  void sliceLatestDayReadsOnlyTheLastDate() {
    CliRun run = CliRun.of("data", "slice", "--table", table, "--sensor", SENSOR, "--latest-day");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().skip(1)).isNotEmpty().allMatch(l -> l.contains(",2025-01-03,"));
  }

  @Test
  void sliceAtAnOlderVersionTravelsInTime() {
    CliRun run =
        CliRun.of(
            "data",
            "slice",
            "--table",
            table,
            "--sensor",
            SENSOR,
            "--latest-day",
            "--version",
            "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().skip(1)).isNotEmpty().allMatch(l -> l.contains(",2025-01-01,"));
    assertThat(run.err()).contains("read version 1");
  }

  @Test
  void unknownSensorIsInvalidInputNamingTheSensor() {
    CliRun run =
        CliRun.of(
            "data",
            "slice",
            "--table",
            table,
            "--sensor",
            "SENSOR_P009_C009",
            "--cutoff",
            "2025-01-02");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("SENSOR_P009_C009");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void cutoffBeforeTheDataIsInvalidInput() {
    CliRun run =
        CliRun.of("data", "slice", "--table", table, "--sensor", SENSOR, "--cutoff", "2024-12-31");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("2025-01-01");
  }

  @Test
  void sliceNeedsCutoffOrLatestDay() {
    CliRun run = CliRun.of("data", "slice", "--table", table, "--sensor", SENSOR);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--cutoff", "--latest-day");
  }

  @Test
  void mltablePinsTheTableVersionAndFiltersTheCircuitsSensor() {
    CliRun run =
        CliRun.of("data", "mltable", "P001/C001", "--root", "../examples", "--table", table);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("version_as_of: 3")
        .contains("col(\"sensor_id\") == \"SENSOR_P001_C001\"")
        .contains("col(\"date\") <= \"2025-12-09\"")
        .contains("folder: " + Path.of(table).toAbsolutePath());
  }

  @Test
  void mltableDataAssetPrintsTagsWithFingerprintAndLineage() {
    CliRun run =
        CliRun.of(
            "data",
            "mltable",
            "P001/C001",
            "--root",
            "../examples",
            "--table",
            table,
            "--version",
            "2",
            "--data-asset",
            "--pr-number",
            "42",
            "--commit",
            "abcdef1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("version_as_of: 2")
        .contains("name: \"sensor_training_data_P001_C001\"")
        .contains("delta_version: \"2\"")
        .contains("fingerprint: \"sha256:")
        .contains("pr_number: \"42\"")
        .contains("git_commit_sha: \"abcdef1\"");
  }

  @Test
  void verifyImmutableIsUnchangedUntilAnOldDayIsRewritten() {
    CliRun fp =
        CliRun.of(
            "data", "fingerprint", "--table", table, "--sensor", SENSOR, "--cutoff", "2025-01-02");
    assertThat(fp.exitCode()).as(fp.err()).isZero();
    String fingerprint = fp.out().strip();
    assertThat(fingerprint).matches("sha256:[0-9a-f]{64}");
    String[] verify = {
      "data",
      "verify-immutable",
      "--table",
      table,
      "--sensor",
      SENSOR,
      "--cutoff",
      "2025-01-02",
      "--fingerprint",
      fingerprint,
      "--base-version",
      "3"
    };

    CliRun unchanged = CliRun.of(verify);
    assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();
    assertThat(unchanged.out()).startsWith("unchanged");

    SyntheticSensors other =
        new SyntheticSensors(
            SyntheticSensorSpec.defaults(1, 1, 3, LocalDate.of(2025, 1, 1))
                .withFeatureColumns(List.of("temperature", "pressure", "vibration", "flow_rate"))
                .withSeed(7));
    SensorTable.open(Path.of(table))
        .upsert(List.of(other.getDay(CircuitRef.parse("P001/C001"), LocalDate.of(2025, 1, 2))));

    CliRun changed = CliRun.of(verify);
    assertThat(changed.exitCode()).isEqualTo(ExitCodes.GATE_FAILED);
    assertThat(changed.out()).startsWith("changed").contains("from 2025-01-02 on");
  }

  @Test
  void benchWithTinySizesPrintsEveryFigure() {
    CliRun run =
        CliRun.of(
            "data",
            "bench",
            "--sensors",
            "3",
            "--days",
            "4",
            "--days-per-commit",
            "2",
            "--dir",
            dir.resolve("bench").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("write: ", " in 2 commits, version 2")
        .contains("data files: ")
        .contains("training slice SENSOR_P001_C002 up to 2024-01-04, cold: ")
        .contains("training slice warm: median ")
        .contains("latest day of 3 sensors in one pass: ", "files read ", "skipped ")
        .contains("peak heap: ")
        .contains("targets: warm slice < 1 s ");
  }
}
