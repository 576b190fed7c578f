package io.mlops4j.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetRefTest {
  private static final String WORKSPACE =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/test-rg/providers"
          + "/Microsoft.MachineLearningServices/workspaces/my-aml-workspace";

  @Test
  void parsesAndPrintsTheShortWorkspaceForm() {
    AssetRef ref = AssetRef.parse("azureml:lstm_P001_C001:3", AssetKind.MODEL);

    assertThat(ref).isEqualTo(AssetRef.workspace(AssetKind.MODEL, "lstm_P001_C001", "3"));
    assertThat(ref.inRegistry()).isFalse();
    assertThat(ref).hasToString("azureml:lstm_P001_C001:3");
  }

  @Test
  void parsesAndPrintsTheRegistryForm() {
    String text = "azureml://registries/mlops-registry/environments/lstm-env/versions/1.5.0";

    AssetRef ref = AssetRef.parse(text, AssetKind.MODEL);

    assertThat(ref)
        .isEqualTo(AssetRef.registry("mlops-registry", AssetKind.ENVIRONMENT, "lstm-env", "1.5.0"));
    assertThat(ref.inRegistry()).isTrue();
    assertThat(ref).hasToString(text);
  }

  @Test
  void parsesAndPrintsAWorkspaceArmId() {
    String text = WORKSPACE + "/data/sensor_training_data_P001_C001/versions/2025-12-09";

    AssetRef ref = AssetRef.parse(text, AssetKind.MODEL);

    assertThat(ref.kind()).isEqualTo(AssetKind.DATA);
    assertThat(ref.workspaceId()).isEqualTo(WORKSPACE);
    assertThat(ref.name()).isEqualTo("sensor_training_data_P001_C001");
    assertThat(ref.version()).isEqualTo("2025-12-09");
    assertThat(ref).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lstm_P001_C001:3",
        "azureml:lstm_P001_C001",
        "azureml:lstm_P001_C001:0",
        "azureml:lstm_P001_C001:v3",
        "azureml://registries/r/models/m/versions/1/extra",
        "azureml://registries/r/widgets/m/versions/1",
        "azureml:../etc:1",
        "azureml:m:1\nX"
      })
  void rejectsMalformedReferencesSayingWhatIsValid(String text) {
    assertThatThrownBy(() -> AssetRef.parse(text, AssetKind.MODEL))
        .isInstanceOf(RegistryException.class)
        .satisfies(
            e ->
                assertThat(((RegistryException) e).reason())
                    .isEqualTo(RegistryException.Reason.VALIDATION))
        .hasMessageContaining("expected azureml:NAME:VERSION")
        .hasMessageNotContaining("\n");
  }
}
