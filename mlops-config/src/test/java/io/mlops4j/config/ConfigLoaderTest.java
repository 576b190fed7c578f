package io.mlops4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Path EXAMPLES = Path.of("../examples");
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void loadsTheSampleTreeInMasterListOrder() {
    ConfigTree tree = loader.load(EXAMPLES);

    assertThat(tree.configDir()).isEqualTo(EXAMPLES.resolve("config"));
    assertThat(tree.master().plants())
        .extracting(p -> p.id().value())
        .containsExactly("P001", "P002", "P003");
    assertThat(tree.circuits())
        .extracting(c -> c.ref().toString())
        .containsExactly(
            "P001/C001",
            "P001/C002",
            "P001/C003",
            "P002/C001",
            "P002/C002",
            "P003/C001",
            "P003/C002",
            "P003/C003",
            "P003/C004");
    assertThat(tree.master().plants().get(0).name()).isEqualTo("Rotterdam Refinery");
  }

  @Test
  void appliesDocumentedDefaultsToOptionalKeys() {
    CircuitConfig config = loader.load(EXAMPLES).circuit(CircuitRef.parse("P001/C002"));

    Hyperparameters hp = config.training().hyperparameters();
    assertThat(hp.forecastHorizon()).isEqualTo(1);
    assertThat(hp.validationSplit()).isEqualTo(0.2);
    assertThat(hp.earlyStoppingPatience()).isEqualTo(10);
    assertThat(hp.seed()).isEqualTo(42);
    assertThat(hp.lstmLayers()).isEqualTo(1);
    assertThat(config.training().dataFilters().targetColumn()).isEqualTo("temperature");
    assertThat(config.deployment())
        .isEqualTo(new DeploymentConfig("Standard_DS3_v2", 100, 1, 1, -1, 3, 30));
    assertThat(config.monitoring()).isEqualTo(MonitoringConfig.defaults());
    assertThat(config.monitoring().performance().mape())
        .isEqualTo(new MetricThresholds(0.10, 0.20));
    assertThat(config.monitoring().drift()).isEqualTo(new DriftThresholds(0.05, 0.15, 0.25));
  }

  @Test
  void readsEveryOptionalKeyWhenGiven() {
    CircuitConfig config = loader.loadCircuit(EXAMPLES, CircuitRef.parse("P003/C002"));

    assertThat(config.training().cutoffDate()).isEqualTo(LocalDate.of(2025, 12, 9));
    assertThat(config.training().hyperparameters())
        .isEqualTo(
            new Hyperparameters(
                24, 128, 0.2, 0.001, 32, 50, 24, 0.2, 8, 7, 1, WindowNormalization.MEAN));
    assertThat(config.training().dataFilters())
        .isEqualTo(
            new DataFilters(
                "SENSOR_P003_C002",
                List.of("oil_temperature", "load", "ambient_temperature"),
                "oil_temperature"));
    assertThat(config.deployment())
        .isEqualTo(new DeploymentConfig("Standard_DS3_v2", 100, 2, 2, 5, 2, 120));
    assertThat(config.monitoring().performance().rmse())
        .isEqualTo(new MetricThresholds(0.18, 0.30));
  }

  @Test
  void acceptsTheConfigDirectoryItselfAsRoot() {
    assertThat(loader.load(EXAMPLES.resolve("config")).circuits()).hasSize(9);
  }

  @Test
  void acceptsUnquotedDatesAndVersionsWrittenAsYamlScalars(@TempDir Path root) throws IOException {
    copyTree(EXAMPLES.resolve("config"), root.resolve("config"));
    Path file = root.resolve("config/plants/P001/C001.yml");
    Files.writeString(
        file,
        Files.readString(file).replace("\"2025-12-09\"", "2025-12-09"),
        StandardCharsets.UTF_8);

    assertThat(loader.loadCircuit(root, CircuitRef.parse("P001/C001")).training().cutoffDate())
        .isEqualTo(LocalDate.of(2025, 12, 9));
  }

  @Test
  void failsWithAClearMessageWhenThereIsNoConfig(@TempDir Path root) {
    assertThatThrownBy(() -> loader.load(root))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no plants_circuits.yml in " + root)
        .hasMessageContaining("pass the repository root (holding config/plants_circuits.yml)");
  }

  @Test
  void reportsAnUnknownCircuitWithTheKnownOnes() {
    ConfigTree tree = loader.load(EXAMPLES);

    assertThatThrownBy(() -> tree.circuit(CircuitRef.parse("P009/C001")))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("circuit P009/C001 is not in ")
        .hasMessageContaining("known circuits: P001/C001, P001/C002");
  }

  @Test
  void parsesContentFromElsewhereWithTheGivenFileName() throws IOException {
    byte[] content = Files.readAllBytes(EXAMPLES.resolve("config/plants/P001/C001.yml"));

    assertThatThrownBy(
            () ->
                loader.parseCircuit(
                    "config/plants/P001/C002.yml@abc1234", content, CircuitRef.parse("P001/C002")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "config/plants/P001/C002.yml@abc1234:4:13 circuit_id: circuit_id 'C001' does not"
                + " match the file's location config/plants/P001/C002.yml@abc1234; expected"
                + " 'C002'");
  }

  @Test
  void namesDefaultsThatAThresholdConflictsWith(@TempDir Path root) throws IOException {
    copyTree(EXAMPLES.resolve("config"), root.resolve("config"));
    Path file = root.resolve("config/plants/P001/C002.yml");
    Files.writeString(
        file,
        Files.readString(file)
            + "monitoring:\n  performance_thresholds:\n    mae: {warning: 0.3}\n",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> loader.loadCircuit(root, CircuitRef.parse("P001/C002")))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith(
            "monitoring.performance_thresholds.mae.warning: warning (0.3) must be less than"
                + " critical (0.25, the default)");
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
