package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.config.GitRepoFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlops config changes} and {@code mlops config env-change} on real git repositories. */
class ConfigChangesCommandTest {
  private static final String MASTER = "config/plants_circuits.yml";
  private static final String ENV = "environment/environment.yml";
  private static final String P001_LAST_CIRCUIT =
      "      - circuit_id: \"C003\"\n        circuit_name: \"Hydrotreater feed pump\"\n";
  private static final String VSO_CIRCUITS =
      "##vso[task.setvariable variable=circuits;isOutput=true]";
  private static final String VSO_COUNT =
      "##vso[task.setvariable variable=circuit_count;isOutput=true]";

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;
  private GitRepoFixture repo;
  private String seed;

  @BeforeEach
  void createRepository() {
    repo = GitRepoFixture.standard(dir.resolve("repo"));
    seed = repo.headId();
  }

  @AfterEach
  void closeRepository() {
    repo.close();
  }

  // --- config changes -----------------------------------------------------------------------

  @Test
  void printsMatrixOfAddedAndModifiedCircuits() throws Exception {
    commitAddedAndModifiedCircuits();

    Result result = changes("--format", "matrix");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(json.readTree(result.out()))
        .isEqualTo(
            json.readTree(
                """
                {"P001_C002": {"plant_id": "P001", "circuit_id": "C002",
                               "cutoff_date": "2025-12-09",
                               "config_path": "config/plants/P001/C002.yml",
                               "change": "modified"},
                 "P001_C004": {"plant_id": "P001", "circuit_id": "C004",
                               "cutoff_date": "2026-01-15",
                               "config_path": "config/plants/P001/C004.yml",
                               "change": "added"}}
                """));
  }

  @Test
  void printsVsoLoggingCommandsForALaterJobsMatrix() throws Exception {
    commitAddedAndModifiedCircuits();

    Result result = changes("--format", "vso");

    assertThat(result.exitCode()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith(VSO_CIRCUITS);
    JsonNode matrix = json.readTree(lines.get(0).substring(VSO_CIRCUITS.length()));
    assertThat(matrix.fieldNames()).toIterable().containsExactly("P001_C002", "P001_C004");
    assertThat(matrix.get("P001_C004").get("change").asText()).isEqualTo("added");
    assertThat(lines.get(1)).isEqualTo(VSO_COUNT + "2");
  }

  @Test
  void printsJsonByDefaultWithBaseHeadAndEveryKindOfChange() throws Exception {
    String head = commitAddedAndModifiedCircuits();

    Result result = changes();

    assertThat(result.exitCode()).isZero();
    JsonNode report = json.readTree(result.out());
    assertThat(report.get("base").asText()).isEqualTo(seed);
    assertThat(report.get("head").asText()).isEqualTo(head);
    assertThat(report.get("circuits"))
        .extracting(c -> c.get("circuit_id").asText() + ":" + c.get("changed_sections"))
        .containsExactly(
            "C002:[\"training\"]", "C004:[\"training\",\"deployment\",\"monitoring\"]");
    assertThat(report.get("deleted")).isEmpty();
    assertThat(report.get("unchanged")).isEmpty();
    assertThat(report.get("shared_changes")).isEmpty();
    assertThat(report.get("affects_all_circuits").asBoolean()).isFalse();
  }

  @Test
  void reportsEnvironmentChangeAsSharedInJson() throws Exception {
    repo.createBranch("feature");
    repo.replace("environment/conda.yml", "python=3.10", "python=3.11");
    repo.commit("python 3.11");

    Result result = changes("--format", "json");

    assertThat(result.exitCode()).isZero();
    JsonNode report = json.readTree(result.out());
    assertThat(report.get("circuits")).isEmpty();
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
  void printsEmptyMatrixAndZeroCountWhenNothingToTrain() {
    repo.createBranch("feature");
    repo.write("README.md", "# docs\n");
    repo.commit("docs only");

    Result result = changes("--format", "VSO");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(VSO_CIRCUITS + "{}\n" + VSO_COUNT + "0\n");
  }

  @Test
  void honoursConfigDirAndSharedOptions() throws Exception {
    try (GitRepoFixture other = GitRepoFixture.init(dir.resolve("other"))) {
      other.copyExamples("examples/config", "examples/environment");
      other.commit("seed examples");
      other.createBranch("feature");
      other.replace("examples/config/plants/P003/C003.yml", "epochs: 50", "epochs: 90");
      other.replace("examples/environment/conda.yml", "python=3.10", "python=3.11");
      other.commit("change examples");

      Result result =
          run(
              "config",
              "changes",
              "--repo",
              other.root().toString(),
              "--base",
              "main",
              "--head",
              "feature",
              "--config-dir",
              "examples/config",
              "--shared",
              "examples/environment/,Dockerfile");

      assertThat(result.exitCode()).isZero();
      JsonNode report = json.readTree(result.out());
      assertThat(report.get("circuits")).hasSize(1);
      assertThat(report.get("circuits").get(0).get("config_path").asText())
          .isEqualTo("examples/config/plants/P003/C003.yml");
      assertThat(report.get("shared_changes").get(0).get("path").asText())
          .isEqualTo("examples/environment/conda.yml");
    }
  }

  @Test
  void classifiesPathsFileAgainstTheWorkingTree() throws Exception {
    repo.replace("config/plants/P002/C001.yml", "epochs: 50", "epochs: 55");
    repo.delete("config/plants/P003/C004.yml");
    Path paths = dir.resolve("changed.txt");
    Files.writeString(
        paths, "M\tconfig/plants/P002/C001.yml\nD\tconfig/plants/P003/C004.yml\n\nM\tREADME.md\n");

    Result result =
        run(
            "config",
            "changes",
            "--repo",
            repo.root().toString(),
            "--paths",
            paths.toString(),
            "--format",
            "json");

    assertThat(result.exitCode()).isZero();
    assertThat(json.readTree(result.out()))
        .isEqualTo(
            json.readTree(
                """
                {"base": "", "head": "",
                 "circuits": [{"plant_id": "P002", "circuit_id": "C001",
                               "cutoff_date": "2025-12-09",
                               "config_path": "config/plants/P002/C001.yml",
                               "change": "modified", "changed_sections": []}],
                 "deleted": [{"plant_id": "P003", "circuit_id": "C004",
                              "config_path": "config/plants/P003/C004.yml"}],
                 "unchanged": [], "shared_changes": [], "affects_all_circuits": false}
                """));
  }

  @Test
  void rejectsMalformedLineInPathsFileWithExitCode2() throws Exception {
    Path paths = dir.resolve("changed.txt");
    Files.writeString(paths, "M\tconfig/plants/P002/C001.yml\nQ\tsomething\n");

    Result result =
        run("config", "changes", "--repo", repo.root().toString(), "--paths", paths.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("changed paths:2:1").contains("cannot parse 'Q\\u0009");
  }

  /**
   * A --paths file that does not exist is invalid input (exit 2) and the message should say what is
   * wrong; it once exited 1 with only "error: /path/to/missing.txt" (the bare NoSuchFileException
   * message).
   */
  @Test
  void rejectsMissingPathsFileWithExitCode2SayingItCannotBeRead() {
    Path missing = dir.resolve("missing.txt");

    Result result =
        run("config", "changes", "--repo", repo.root().toString(), "--paths", missing.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--paths").contains(missing.toString());
  }

  @Test
  void rejectsUnknownBaseRevisionWithExitCode2AndNoStackTrace() {
    repo.createBranch("feature");

    Result result = run("config", "changes", "--repo", repo.root().toString(), "--base", "nope");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("error: ")
        .contains("revision 'nope' is not a commit")
        .doesNotContain("\tat ");
  }

  @Test
  void rejectsUnsupportedFormatWithExitCode2() {
    repo.createBranch("feature");

    Result result = changes("--format", "yaml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("--format 'yaml' is not supported; expected json, matrix or vso");
  }

  @Test
  void rejectsBaseAndPathsTogetherWithExitCode2() {
    Result result =
        run(
            "config",
            "changes",
            "--repo",
            repo.root().toString(),
            "--base",
            "main",
            "--paths",
            dir.resolve("changed.txt").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--base").contains("--paths");
  }

  @Test
  void rejectsMissingBaseAndPathsWithExitCode2() {
    Result result = run("config", "changes", "--repo", repo.root().toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--base").contains("--paths");
  }

  @Test
  void rejectsInvalidChangedConfigWithExitCode2NamingFileAtCommitAndField() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C002.yml", "dropout: 0.2", "dropout: 1.7");
    String head = repo.commit("bad dropout");

    Result result = changes("--format", "matrix");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("config/plants/P001/C002.yml@" + head.substring(0, 7))
        .contains("training.hyperparameters.dropout");
  }

  // --- config env-change ----------------------------------------------------------------------

  @Test
  void describesMajorBumpAsBreakingAndListsCircuitsToMove() {
    repo.createBranch("feature");
    bumpEnvironment("2.0.0", "false", "true");
    for (String circuit : GitRepoFixture.SAMPLE_CIRCUITS.subList(1, 9)) {
      repo.replace(
          "config/plants/" + circuit + ".yml",
          "environment_version: \"1.5.0\"",
          "environment_version: \"2.0.0\"");
    }
    repo.commit("2.0.0, all but P001/C001 moved");

    Result result = envChange();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "environment mlops4j-lstm-forecasting: 1.5.0 -> 2.0.0:"
                + " BREAKING, every circuit must retrain\n"
                + "summary: Add azureml-dataset-runtime for batch inputs\n"
                + "circuits whose config must move to 2.0.0: P001/C001\n");
  }

  @Test
  void printsMinorBumpAsJsonWithDeploymentsToUpdate() throws Exception {
    repo.createBranch("feature");
    bumpEnvironment("1.6.0", "true", "false");
    repo.replace("environment/conda.yml", "python=3.10", "python=3.11");
    repo.commit("python 3.11");

    Result result = envChange("--json");

    assertThat(result.exitCode()).isZero();
    JsonNode view = json.readTree(result.out());
    assertThat(view.fieldNames())
        .toIterable()
        .containsExactly(
            "kind",
            "name",
            "from_version",
            "to_version",
            "requires_retrain",
            "change_summary",
            "changed_files",
            "circuits_to_move",
            "circuits_to_redeploy");
    assertThat(view.get("kind").asText()).isEqualTo("environment_only");
    assertThat(view.get("name").asText()).isEqualTo("mlops4j-lstm-forecasting");
    assertThat(view.get("from_version").asText()).isEqualTo("1.5.0");
    assertThat(view.get("to_version").asText()).isEqualTo("1.6.0");
    assertThat(view.get("requires_retrain").asBoolean()).isFalse();
    assertThat(view.get("changed_files"))
        .isEqualTo(json.readTree("[\"environment/conda.yml\", \"environment/environment.yml\"]"));
    assertThat(view.get("circuits_to_move")).isEmpty();
    List<String> redeploy = new ArrayList<>();
    view.get("circuits_to_redeploy").forEach(n -> redeploy.add(n.asText()));
    assertThat(redeploy).containsExactlyElementsOf(GitRepoFixture.SAMPLE_CIRCUITS);
  }

  @Test
  void describesPatchBumpAsEnvironmentOnlyListingDeploymentsToUpdate() {
    repo.createBranch("feature");
    bumpEnvironment("1.5.1", "true", "false");
    repo.replace(ENV, "Add azureml-dataset-runtime for batch inputs", "Security patch");
    repo.commit("1.5.1");

    Result result = envChange();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "environment mlops4j-lstm-forecasting: 1.5.0 -> 1.5.1:"
                + " environment-only release (no retraining)\n"
                + "summary: Security patch\n"
                + "deployments to update: "
                + String.join(", ", GitRepoFixture.SAMPLE_CIRCUITS)
                + "\n");
  }

  @Test
  void printsMajorBumpAsJsonRequiringRetrain() throws Exception {
    repo.createBranch("feature");
    bumpEnvironment("2.0.0", "false", "true");
    repo.commit("2.0.0");

    Result result = envChange("--json");

    assertThat(result.exitCode()).isZero();
    JsonNode view = json.readTree(result.out());
    assertThat(view.get("kind").asText()).isEqualTo("breaking");
    assertThat(view.get("requires_retrain").asBoolean()).isTrue();
    assertThat(view.get("circuits_to_move")).hasSize(GitRepoFixture.SAMPLE_CIRCUITS.size());
    assertThat(view.get("circuits_to_redeploy")).isEmpty();
  }

  @Test
  void reportsNoEnvironmentChangeWhenOnlyConfigChanged() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C001.yml", "epochs: 50", "epochs: 60");
    repo.commit("config only");

    Result result = envChange();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("environment mlops4j-lstm-forecasting: 1.5.0 -> 1.5.0: no change\n");
  }

  @Test
  void rejectsEnvironmentChangeWithoutBumpWithExitCode2() {
    repo.createBranch("feature");
    repo.replace("environment/conda.yml", "python=3.10", "python=3.11");
    repo.commit("forgot the bump");

    Result result = envChange("--json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("environment/conda.yml")
        .contains("version is still 1.5.0; bump MAJOR");
  }

  @Test
  void rejectsEnvChangeWithUnknownRevisionWithExitCode2() {
    Result result =
        run(
            "config",
            "env-change",
            "--repo",
            repo.root().toString(),
            "--base",
            "origin/main",
            "--head",
            "main");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("revision 'origin/main' is not a commit");
  }

  // --- helpers -------------------------------------------------------------------------------

  private String commitAddedAndModifiedCircuits() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C002.yml", "epochs: 50", "epochs: 80");
    repo.write(
        "config/plants/P001/C004.yml",
        repo.read("config/plants/P001/C003.yml")
            .replace("C003", "C004")
            .replace("cutoff_date: \"2025-12-09\"", "cutoff_date: \"2026-01-15\""));
    repo.replace(
        MASTER,
        P001_LAST_CIRCUIT,
        P001_LAST_CIRCUIT + "      - circuit_id: \"C004\"\n        circuit_name: \"Desalter\"\n");
    return repo.commit("add P001/C004, retune P001/C002");
  }

  private void bumpEnvironment(String version, String backwardCompatible, String requiresRetrain) {
    repo.replace(ENV, "version: \"1.5.0\"", "version: \"" + version + "\"");
    repo.replace(
        ENV,
        "backward_compatible: \"true\"",
        "backward_compatible: \"" + backwardCompatible + "\"");
    repo.replace(
        ENV, "requires_retrain: \"false\"", "requires_retrain: \"" + requiresRetrain + "\"");
  }

  private Result changes(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "config",
                "changes",
                "--repo",
                repo.root().toString(),
                "--base",
                "main",
                "--head",
                "feature"));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  private Result envChange(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "config",
                "env-change",
                "--repo",
                repo.root().toString(),
                "--base",
                "main",
                "--head",
                "feature"));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        MlopsCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  private record Result(int exitCode, String out, String err) {}
}
