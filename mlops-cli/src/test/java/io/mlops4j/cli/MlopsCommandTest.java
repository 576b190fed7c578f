package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MlopsCommandTest {
  private static final String EXAMPLES = "../examples";

  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: mlops", "config", "2     invalid input or usage", "130   interrupted");
  }

  @Test
  void missingCommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing a command");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("config", "validate", "--no-such-option");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--no-such-option'");
  }

  @Test
  void validatesTheSampleTree() {
    CliRun run = CliRun.of("config", "validate", "--root", EXAMPLES);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("OK ../examples/config: 3 plants, 9 circuits\n");
  }

  @Test
  void validatesAsJson() throws Exception {
    CliRun run = CliRun.of("config", "validate", "--root", EXAMPLES, "--json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(json.path("valid").asBoolean()).isTrue();
    assertThat(json.path("circuits").asInt()).isEqualTo(9);
    assertThat(json.path("problems")).isEmpty();
  }

  @Test
  void missingRootIsInvalidInput() {
    CliRun run = CliRun.of("config", "validate", "--root", "../no-such-dir");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("error: ../no-such-dir: no plants_circuits.yml in ../no-such-dir");
  }

  @Test
  void showsTheResolvedConfigWithDefaultsHashAndNames() throws Exception {
    CliRun run = CliRun.of("config", "show", "P001/C002", "--root", EXAMPLES, "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.at("/training/hyperparameters/forecast_horizon").asInt()).isEqualTo(1);
    assertThat(json.at("/training/hyperparameters/seed").asLong()).isEqualTo(42);
    assertThat(json.at("/training/hyperparameters_hash").asText()).matches("[0-9a-f]{8}");
    assertThat(json.at("/training/data_filters/target_column").asText()).isEqualTo("temperature");
    assertThat(json.at("/deployment/retry_max").asInt()).isEqualTo(3);
    assertThat(json.at("/monitoring/performance_thresholds/rmse/critical").asDouble())
        .isEqualTo(0.35);
    assertThat(json.at("/names/batch_endpoint").asText()).isEqualTo("batch-endpoint-plant-P001");
    assertThat(json.at("/names/deployment").asText()).isEqualTo("deployment-circuit-C002");
    assertThat(json.at("/model_tags/data_asset_version").asText()).isEqualTo("2025-12-09");
  }

  @Test
  void showsYamlByDefault() {
    CliRun run = CliRun.of("config", "show", "P001/C001", "--root", EXAMPLES);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "plant_id: \"P001\"",
            "hyperparameters_hash: \"6f543457\"",
            "early_stopping_patience: 10");
  }

  @Test
  void unsafeCircuitReferenceIsInvalidInput() {
    CliRun run = CliRun.of("config", "show", "../P001/C001", "--root", EXAMPLES);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not of the form PLANT/CIRCUIT");
  }

  @Test
  void unknownCircuitIsInvalidInputNamingTheMissingFile() {
    CliRun run = CliRun.of("config", "show", "P001/C099", "--root", EXAMPLES);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("../examples/config/plants/P001/C099.yml: file does not exist");
  }

  @Test
  void benchValidatesAGeneratedTreeAndPrintsTimes() {
    CliRun run =
        CliRun.of("config", "bench", "--plants", "3", "--circuits", "2", "--iterations", "2");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("validated 6 circuits (3 plants)", "cold", "warm over 2 runs");
  }

  @Test
  void validateAsJsonReportsAMissingTreeAsJson() throws Exception {
    CliRun run = CliRun.of("config", "validate", "--root", "../no-such-dir", "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("valid").asBoolean()).isFalse();
    assertThat(json.at("/problems/0/message").asText()).startsWith("no plants_circuits.yml in");
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void registryFailuresTheUserCanFixExitTwoOthersOne(Reason reason) {
    int expected =
        switch (reason) {
          case NOT_FOUND, VALIDATION, CONFLICT -> 2;
          default -> 1;
        };

    assertThat(MlopsCommand.exitCode(new RegistryException(reason, "op", "message")))
        .isEqualTo(expected);
  }
}
