package io.mlops4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamingPolicyTest {
  private static final CircuitRef P001_C001 = CircuitRef.parse("P001/C001");

  @Test
  void derivesEveryNameFromTheIds() {
    assertThat(NamingPolicy.dataAssetName(P001_C001)).isEqualTo("sensor_training_data_P001_C001");
    assertThat(NamingPolicy.experimentName(P001_C001)).isEqualTo("plant_P001_circuit_C001");
    assertThat(NamingPolicy.modelName(P001_C001)).isEqualTo("lstm_P001_C001");
    assertThat(NamingPolicy.batchEndpointName(new PlantId("P001")))
        .isEqualTo("batch-endpoint-plant-P001");
    assertThat(NamingPolicy.deploymentName(new CircuitId("C001")))
        .isEqualTo("deployment-circuit-C001");
    assertThat(NamingPolicy.predictionPath(P001_C001, LocalDate.of(2025, 1, 31)))
        .isEqualTo("predictions/P001/C001/2025-01-31.parquet");
    assertThat(NamingPolicy.problems(P001_C001)).isEmpty();
  }

  @Test
  void acceptsThePlantIdLengthThatFillsTheEndpointNameExactly() {
    // "batch-endpoint-plant-" is 21 characters; Azure ML endpoint names have at most 32.
    assertThat(NamingPolicy.batchEndpointName(new PlantId("P0000000001"))).hasSize(32);
  }

  @Test
  void rejectsAPlantIdThatMakesTheEndpointNameTooLong() {
    assertThatThrownBy(() -> NamingPolicy.batchEndpointName(new PlantId("P00000000001")))
        .isInstanceOf(InvalidIdException.class)
        .hasMessage(
            "plant id 'P00000000001' produces batch endpoint name"
                + " 'batch-endpoint-plant-P00000000001', which Azure ML rejects; batch endpoint"
                + " names are 3-32 characters: a letter, then letters, digits or '-', ending with a"
                + " letter or digit; plant ids used in endpoint names have at most 11 characters"
                + " and no '_'");
  }

  @Test
  void rejectsUnderscoresInDeploymentNamesButNotInAssetNames() {
    CircuitRef ref = CircuitRef.parse("P001/C_01");

    assertThat(NamingPolicy.modelName(ref)).isEqualTo("lstm_P001_C_01");
    assertThatThrownBy(() -> NamingPolicy.deploymentName(ref.circuit()))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("deployment-circuit-C_01")
        .hasMessageContaining("at most 13 characters and no '_'");
    assertThat(NamingPolicy.problems(ref)).hasSize(1);
  }

  @Test
  void derivesModelTagsFromTheConfig() {
    CircuitConfig config =
        new ConfigLoader().loadCircuit(java.nio.file.Path.of("../examples"), P001_C001);

    assertThat(NamingPolicy.modelTags(config))
        .containsEntry("plant_id", "P001")
        .containsEntry("circuit_id", "C001")
        .containsEntry("cutoff_date", "2025-12-09")
        .containsEntry("data_asset_name", "sensor_training_data_P001_C001")
        .containsEntry("data_asset_version", "2025-12-09")
        .containsEntry("hyperparameters_hash", "6f543457")
        .containsEntry("sensor_id", "SENSOR_P001_C001")
        .containsEntry("environment_version", "1.5.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../P001", "P001/..", "P'01", "P\"01", "P 01", "", "-P01", "P01-", "a.b"})
  void rejectsIdsThatAreUnsafeInPathsOrNames(String id) {
    assertThatThrownBy(() -> new PlantId(id))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("is not a valid id; expected 1-32 characters");
  }

  @Test
  void parsesCircuitReferencesAndRejectsMalformedOnes() {
    assertThat(CircuitRef.parse("P001/C002").key()).isEqualTo("P001_C002");
    assertThatThrownBy(() -> CircuitRef.parse("P001"))
        .isInstanceOf(InvalidIdException.class)
        .hasMessage(
            "circuit reference 'P001' is not of the form PLANT/CIRCUIT, for example P001/C001");
    assertThatThrownBy(() -> CircuitRef.parse("P001/../C001"))
        .isInstanceOf(InvalidIdException.class);
  }
}
