package io.mlops4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.MlopsException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataAssetDescriptionTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-12-10T08:15:30.123Z"), ZoneOffset.UTC);
  private static final Lineage LINEAGE = new Lineage("42", "jdoe@contoso.com", "3f9c2ab");
  private static final String FINGERPRINT = "sha256:9f86d081884c7d65";

  @Test
  void describesTheTrainingAssetWithTagsInAStableOrder() {
    CircuitConfig config = TestCircuits.p001c001();

    DataAssetDescription description =
        DataAssetDescription.forTraining(
            config, TestCircuits.DELTA_FOLDER, 812, FINGERPRINT, LINEAGE, CLOCK);

    assertThat(description.name()).isEqualTo("sensor_training_data_P001_C001");
    assertThat(description.version()).isEqualTo("2025-12-09");
    assertThat(description.type()).isEqualTo("mltable");
    assertThat(description.mlTableYaml())
        .isEqualTo(MlTables.forTraining(config, TestCircuits.DELTA_FOLDER, 812).toYaml());
    assertThat(description.tags())
        .containsExactly(
            entry("plant_id", "P001"),
            entry("circuit_id", "C001"),
            entry("cutoff_date", "2025-12-09"),
            entry("sensor_id", "SENSOR_P001_C001"),
            entry("hyperparameters_hash", config.training().hyperparametersHash()),
            entry("delta_path", TestCircuits.DELTA_FOLDER),
            entry("delta_version", "812"),
            entry("fingerprint", FINGERPRINT),
            entry("pr_number", "42"),
            entry("pr_author", "jdoe@contoso.com"),
            entry("git_commit_sha", "3f9c2ab"),
            entry("registered_at", "2025-12-10T08:15:30Z"));
    assertThat(config.training().hyperparametersHash()).matches("[0-9a-f]{8}");
  }

  @Test
  void leavesLineageTagsEmptyWithoutLineage() {
    DataAssetDescription description =
        DataAssetDescription.forTraining(
            TestCircuits.p001c001(),
            TestCircuits.DELTA_FOLDER,
            1,
            FINGERPRINT,
            Lineage.NONE,
            CLOCK);

    assertThat(description.tags())
        .containsEntry("pr_number", "")
        .containsEntry("pr_author", "")
        .containsEntry("git_commit_sha", "");
  }

  @Test
  void rejectsASasTokenInTheDeltaPathWithoutEchoingIt() {
    String sas = "https://acct.blob.core.windows.net/sensors?sp=r&sig=c2VjcmV0";

    assertThatThrownBy(
            () ->
                DataAssetDescription.forTraining(
                    TestCircuits.p001c001(), sas, 1, FINGERPRINT, LINEAGE, CLOCK))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("contains 'sig='")
        .hasMessageNotContaining("c2VjcmV0");
  }

  @Test
  void rejectsTagValuesThatLookLikeSecrets() {
    for (String secret :
        new String[] {
          "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==",
          "Bearer abc.def",
          "token=abc",
          "-----BEGIN PRIVATE KEY-----",
          "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig"
        }) {
      Lineage lineage = new Lineage("1", secret, "");

      assertThatThrownBy(
              () ->
                  DataAssetDescription.forTraining(
                      TestCircuits.p001c001(),
                      TestCircuits.DELTA_FOLDER,
                      1,
                      FINGERPRINT,
                      lineage,
                      CLOCK))
          .as(secret)
          .isInstanceOf(MlopsException.class)
          .hasMessageStartingWith("tag pr_author looks like it holds a credential");
    }
  }

  @Test
  void rejectsTagValuesWithLineBreaks() {
    MlTable table = MlTables.forTraining(TestCircuits.p001c001(), TestCircuits.DELTA_FOLDER, 1);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("fingerprint", "abc\ninjected: true");

    assertThatThrownBy(() -> new DataAssetDescription("n", "v", table, tags))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "tag fingerprint contains a line break or another control character; tag values are"
                + " single-line text");
  }

  @Test
  void rejectsMalformedLineage() {
    assertThatThrownBy(() -> new Lineage("#42", "", ""))
        .isInstanceOf(MlopsException.class)
        .hasMessage("lineage pr_number '#42' is not valid; expected 1-10 digits or nothing");
    assertThatThrownBy(() -> new Lineage("", "a\nb", ""))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("lineage pr_author 'a\\u000ab' is not valid");
    assertThatThrownBy(() -> new Lineage("", "", "main"))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "lineage git_commit_sha 'main' is not valid; expected 7-64 hex digits or nothing");
  }
}
