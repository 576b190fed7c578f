package io.mlops4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering of a {@link ChangeSet} as JSON, an Azure DevOps matrix and logging commands. */
class ChangeReportFormatTest {
  private static final String VSO_CIRCUITS =
      "##vso[task.setvariable variable=circuits;isOutput=true]";
  private static final String VSO_COUNT =
      "##vso[task.setvariable variable=circuit_count;isOutput=true]";

  private final ObjectMapper json = new ObjectMapper();

  private static final ChangeSet TWO_CIRCUITS =
      new ChangeSet(
          "1111111111111111111111111111111111111111",
          "2222222222222222222222222222222222222222",
          List.of(
              new CircuitChange(
                  CircuitRef.parse("P001/C001"),
                  LocalDate.of(2026, 1, 15),
                  "config/plants/P001/C001.yml",
                  ChangeKind.ADDED,
                  List.of("training", "deployment", "monitoring")),
              new CircuitChange(
                  CircuitRef.parse("P002/C003"),
                  LocalDate.of(2025, 12, 9),
                  "config/plants/P002/C003.yml",
                  ChangeKind.MODIFIED,
                  List.of("deployment"))),
          List.of(new DeletedCircuit(CircuitRef.parse("P003/C004"), "config/plants/P003/C004.yml")),
          List.of(CircuitRef.parse("P001/C002")),
          List.of(
              new SharedChange(
                  "environment/conda.yml", 'M', "shared file: affects every circuit")));

  private static final ChangeSet EMPTY =
      new ChangeSet("", "", List.of(), List.of(), List.of(), List.of());

  @Test
  void rendersMatrixAsOneEntryPerCircuitKeyedByPlantAndCircuit() throws Exception {
    String text = ChangeReportFormat.MATRIX.render(TWO_CIRCUITS);

    assertThat(json.readTree(text))
        .isEqualTo(
            json.valueToTree(
                Map.of(
                    "P001_C001",
                    Map.of(
                        "plant_id", "P001",
                        "circuit_id", "C001",
                        "cutoff_date", "2026-01-15",
                        "config_path", "config/plants/P001/C001.yml",
                        "change", "added"),
                    "P002_C003",
                    Map.of(
                        "plant_id", "P002",
                        "circuit_id", "C003",
                        "cutoff_date", "2025-12-09",
                        "config_path", "config/plants/P002/C003.yml",
                        "change", "modified"))));
    assertThat(text).endsWith("}\n");
  }

  @Test
  void rendersMatrixEntriesInTrainingOrder() throws Exception {
    JsonNode matrix = json.readTree(ChangeReportFormat.MATRIX.render(TWO_CIRCUITS));

    assertThat(matrix.fieldNames()).toIterable().containsExactly("P001_C001", "P002_C003");
  }

  @Test
  void rendersVsoAsExactlyTwoLoggingCommandsWithSingleLineMatrixAndCount() throws Exception {
    String text = ChangeReportFormat.VSO.render(TWO_CIRCUITS);

    assertThat(text).endsWith("\n");
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith(VSO_CIRCUITS);
    assertThat(json.readTree(lines.get(0).substring(VSO_CIRCUITS.length())))
        .isEqualTo(json.readTree(ChangeReportFormat.MATRIX.render(TWO_CIRCUITS)));
    assertThat(lines.get(0).substring(VSO_CIRCUITS.length()))
        .startsWith("{\"P001_C001\":{\"plant_id\":\"P001\",")
        .doesNotContain(" ");
    assertThat(lines.get(1)).isEqualTo(VSO_COUNT + "2");
  }

  @Test
  void rendersJsonWithEveryPartOfTheChangeSet() throws Exception {
    JsonNode report = json.readTree(ChangeReportFormat.JSON.render(TWO_CIRCUITS));

    assertThat(report.fieldNames())
        .toIterable()
        .containsExactly(
            "base",
            "head",
            "circuits",
            "deleted",
            "unchanged",
            "shared_changes",
            "affects_all_circuits");
    assertThat(report.get("base").asText()).isEqualTo("1111111111111111111111111111111111111111");
    assertThat(report.get("head").asText()).isEqualTo("2222222222222222222222222222222222222222");
    assertThat(report.get("circuits"))
        .isEqualTo(
            json.readTree(
                """
                [{"plant_id": "P001", "circuit_id": "C001", "cutoff_date": "2026-01-15",
                  "config_path": "config/plants/P001/C001.yml", "change": "added",
                  "changed_sections": ["training", "deployment", "monitoring"]},
                 {"plant_id": "P002", "circuit_id": "C003", "cutoff_date": "2025-12-09",
                  "config_path": "config/plants/P002/C003.yml", "change": "modified",
                  "changed_sections": ["deployment"]}]
                """));
    assertThat(report.get("deleted"))
        .isEqualTo(
            json.readTree(
                """
                [{"plant_id": "P003", "circuit_id": "C004",
                  "config_path": "config/plants/P003/C004.yml"}]
                """));
    assertThat(report.get("unchanged")).isEqualTo(json.readTree("[\"P001/C002\"]"));
    assertThat(report.get("shared_changes"))
        .isEqualTo(
            json.readTree(
                """
                [{"path": "environment/conda.yml", "status": "M",
                  "reason": "shared file: affects every circuit"}]
                """));
    assertThat(report.get("affects_all_circuits").asBoolean()).isTrue();
  }

  @Test
  void rendersEmptyChangeSetAsEmptyMatrixAndZeroCount() throws Exception {
    assertThat(json.readTree(ChangeReportFormat.MATRIX.render(EMPTY)))
        .isEqualTo(json.createObjectNode());
    assertThat(ChangeReportFormat.VSO.render(EMPTY))
        .isEqualTo(VSO_CIRCUITS + "{}\n" + VSO_COUNT + "0\n");
  }

  @Test
  void rendersEmptyChangeSetAsJsonWithEmptyListsAndNoSharedChange() throws Exception {
    JsonNode report = json.readTree(ChangeReportFormat.JSON.render(EMPTY));

    assertThat(report)
        .isEqualTo(
            json.readTree(
                """
                {"base": "", "head": "", "circuits": [], "deleted": [], "unchanged": [],
                 "shared_changes": [], "affects_all_circuits": false}
                """));
  }

  @Test
  void leavesDeletedAndUnchangedCircuitsOutOfMatrixAndCount() {
    ChangeSet onlyDeletedAndUnchanged =
        new ChangeSet(
            "",
            "",
            List.of(),
            TWO_CIRCUITS.deleted(),
            TWO_CIRCUITS.unchanged(),
            TWO_CIRCUITS.shared());

    assertThat(ChangeReportFormat.VSO.render(onlyDeletedAndUnchanged))
        .isEqualTo(VSO_CIRCUITS + "{}\n" + VSO_COUNT + "0\n");
  }

  /**
   * Azure Pipelines requires matrix configuration names of letters, digits and '_', starting with a
   * letter; plant and circuit ids may contain '-' and start with a digit, and NamingPolicy accepts
   * such ids (e.g. plant "P-01", circuit "C-1"), so the keys are made safe.
   */
  @Test
  void rendersMatrixKeysThatAzurePipelinesAccepts() throws Exception {
    ChangeSet dashed =
        new ChangeSet(
            "",
            "",
            List.of(
                new CircuitChange(
                    CircuitRef.parse("P-01/C-1"),
                    LocalDate.of(2026, 1, 15),
                    "config/plants/P-01/C-1.yml",
                    ChangeKind.ADDED,
                    List.of("training")),
                new CircuitChange(
                    CircuitRef.parse("001/C001"),
                    LocalDate.of(2026, 1, 15),
                    "config/plants/001/C001.yml",
                    ChangeKind.ADDED,
                    List.of("training"))),
            List.of(),
            List.of(),
            List.of());
    assertThat(NamingPolicy.problems(CircuitRef.parse("P-01/C-1"))).isEmpty();
    assertThat(NamingPolicy.problems(CircuitRef.parse("001/C001"))).isEmpty();

    JsonNode matrix = json.readTree(ChangeReportFormat.MATRIX.render(dashed));

    assertThat(matrix.fieldNames())
        .toIterable()
        .hasSize(2)
        .allMatch(k -> k.matches("[A-Za-z]\\w*"));
  }
}
