package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlops train}, {@code predict} and {@code model inspect} on a tiny generated table. */
class ModelCommandTest {
  @TempDir static Path dir;
  static String table;
  static String config;
  static String model;
  static CliRun train;

  /** 1 circuit x 12 days hourly from 2025-01-01; a tiny model (8 units, 2 epochs). */
  @BeforeAll
  static void generateAndTrain() throws IOException {
    table = dir.resolve("sensor_readings").toString();
    CliRun generate =
        CliRun.of(
            "data",
            "generate",
            "--out",
            table,
            "--plants",
            "1",
            "--circuits",
            "1",
            "--days",
            "12",
            "--start",
            "2025-01-01");
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    Path circuit = dir.resolve("config/plants/P001/C001.yml");
    Files.createDirectories(circuit.getParent());
    Files.writeString(
        circuit,
        """
        plant_id: "P001"
        circuit_id: "C001"
        training:
          cutoff_date: "2025-01-10"
          environment_version: "1.5.0"
          hyperparameters:
            sequence_length: 12
            lstm_units: 8
            dropout: 0.1
            learning_rate: 0.01
            batch_size: 32
            epochs: 5
            forecast_horizon: 3
          data_filters:
            sensor_id: "SENSOR_P001_C001"
            feature_columns: ["temperature", "pressure"]
        deployment:
          compute_instance_type: "Standard_DS3_v2"
          mini_batch_size: 100
        """);
    Files.writeString(
        dir.resolve("config/plants_circuits.yml"),
        """
        plants:
          - plant_id: "P001"
            plant_name: "Test plant"
            circuits:
              - circuit_id: "C001"
                circuit_name: "Test circuit"
        """);
    config = dir.resolve("config").toString();
    model = dir.resolve("models/P001_C001").toString();
    train =
        CliRun.of(
            "train",
            "P001/C001",
            "--root",
            config,
            "--table",
            table,
            "--out",
            model,
            "--epochs",
            "2");
  }

  @Test
  void trainPrintsProgressAndTheMetricsTableAndSavesTheModel() {
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.err()).contains("epoch 1/2 [", "epoch 2/2 [", "val_loss");
    assertThat(train.out())
        .contains("circuit              P001/C001")
        .contains("epochs=2")
        .contains("features             [temperature, pressure] -> temperature")
        .contains("forecaster", "MAE", "RMSE", "MAPE")
        .contains("model ", "last value ", "seasonal naive (24 steps)")
        .contains("saved " + model);
    assertThat(Path.of(model, "mlops-model.json")).isRegularFile();
    assertThat(Path.of(model, "saved_model.pb")).isRegularFile();
  }

  @Test
  void inspectLoadsTheModelAndPrintsItsMetadata() {
    CliRun run = CliRun.of("model", "inspect", model);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("circuit              P001/C001")
        .contains("frequency            PT1H")
        .contains("lineage              table ")
        .contains("cutoff 2025-01-10, fingerprint sha256:")
        .contains("window_normalization=last_value");
  }

  @Test
  void predictForecastsTheHorizonAfterTheLatestRows() {
    CliRun run =
        CliRun.of(
            "predict",
            "--model",
            model,
            "--table",
            table,
            "--sensor",
            "SENSOR_P001_C001",
            "--latest-day");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).hasSize(4).first().isEqualTo("timestamp,temperature");
    assertThat(run.out()).contains("2025-01-13T00:00:00Z,", "2025-01-13T02:00:00Z,");
  }

  @Test
  void predictWithoutLatestDayReadsEveryRowAndAnUnknownSensorIsInvalidInput() {
    CliRun run =
        CliRun.of("predict", "--model", model, "--table", table, "--sensor", "SENSOR_P001_C001");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("timestamp,temperature").contains("2025-01-13T01:00:00Z,");

    CliRun unknown =
        CliRun.of("predict", "--model", model, "--table", table, "--sensor", "SENSOR_X");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("SENSOR_X");
  }

  @Test
  void inspectingAForeignDirectoryIsAClearError() {
    CliRun run = CliRun.of("model", "inspect", config);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("is not an mlops4j model directory: mlops-model.json is missing");
  }

  @Test
  void predictingWithACorruptModelDirectoryIsInvalidInput() throws IOException {
    Path corrupt = dir.resolve("corrupt-model");
    Files.createDirectories(corrupt);
    Files.writeString(corrupt.resolve("mlops-model.json"), "{ not json");
    CliRun run =
        CliRun.of(
            "predict", "--model", corrupt.toString(), "--table", table, "--sensor", "SENSOR_X");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("has a corrupt mlops-model.json: not valid JSON");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void trainingOnFewerRowsThanOneWindowSaysHowManyAreNeededAndWritesNothing() throws IOException {
    Path root = dir.resolve("config-long");
    Files.createDirectories(root.resolve("plants/P001"));
    Files.copy(dir.resolve("config/plants_circuits.yml"), root.resolve("plants_circuits.yml"));
    Files.writeString(
        root.resolve("plants/P001/C001.yml"),
        Files.readString(dir.resolve("config/plants/P001/C001.yml"))
            .replace("sequence_length: 12", "sequence_length: 250"));
    Path out = dir.resolve("models/too-few-rows");
    CliRun run =
        CliRun.of(
            "train",
            "P001/C001",
            "--root",
            root.toString(),
            "--table",
            table,
            "--out",
            out.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "needs at least 253 rows (sequence_length 250 + forecast_horizon 3) but only 240 are"
                + " available");
    assertThat(out).doesNotExist();
    try (var siblings = Files.list(out.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsOnly("P001_C001");
    }
  }

  @Test
  void predictLatestDayReadsEarlierDaysWhenTheWindowIsLongerThanADay() throws IOException {
    Path root = dir.resolve("config-two-days");
    Files.createDirectories(root.resolve("plants/P001"));
    Files.copy(dir.resolve("config/plants_circuits.yml"), root.resolve("plants_circuits.yml"));
    Files.writeString(
        root.resolve("plants/P001/C001.yml"),
        Files.readString(dir.resolve("config/plants/P001/C001.yml"))
            .replace("sequence_length: 12", "sequence_length: 30"));
    String longWindow = dir.resolve("models/long-window").toString();
    CliRun trained =
        CliRun.of(
            "train",
            "P001/C001",
            "--root",
            root.toString(),
            "--table",
            table,
            "--out",
            longWindow,
            "--epochs",
            "1");
    assertThat(trained.exitCode()).as(trained.err()).isZero();

    CliRun run =
        CliRun.of(
            "predict",
            "--model",
            longWindow,
            "--table",
            table,
            "--sensor",
            "SENSOR_P001_C001",
            "--latest-day");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("timestamp,temperature").contains("2025-01-13T00:00:00Z,");
  }

  @Test
  void trainingIntoAnExistingDirectoryFails() {
    CliRun run =
        CliRun.of("train", "P001/C001", "--root", config, "--table", table, "--out", config);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("exists; choose a new directory");
  }
}
