package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.config.DeploymentConfig;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.AssetKind;
import io.mlops4j.release.AssetRef;
import io.mlops4j.release.DataAssetSpec;
import io.mlops4j.release.DataAssetType;
import io.mlops4j.release.DeploymentSpec;
import io.mlops4j.release.EndpointSpec;
import io.mlops4j.release.EnvironmentSpec;
import io.mlops4j.release.Job;
import io.mlops4j.release.JobInputs;
import io.mlops4j.release.JobRunner;
import io.mlops4j.release.JobStatus;
import io.mlops4j.release.LocalMlClient;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.MlClients;
import io.mlops4j.release.MlWorkspace;
import io.mlops4j.release.ModelSpec;
import io.mlops4j.release.PollSettings;
import io.mlops4j.release.RegistryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WsCommandTest {
  private static final String MODEL = "lstm_P001_C001";
  private static final String AZURE_DEV =
      "workspaces:\n"
          + "  dev:\n"
          + "    backend: azure\n"
          + "    subscription_id: 00000000-1111-2222-3333-444444444444\n"
          + "    resource_group: rg-mlops\n"
          + "    workspace_name: mlw-dev\n";

  @TempDir Path dir;
  private Path store;

  @BeforeEach
  void setUp() {
    store = dir.resolve("store");
  }

  /** Runs {@code mlops ws ARGS --store STORE}. */
  private CliRun ws(String... args) {
    List<String> all = new ArrayList<>(List.of("ws"));
    all.addAll(List.of(args));
    all.add("--store");
    all.add(store.toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  private Path file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private CliRun register(String name, Path artifact, String... tags) {
    List<String> args =
        new ArrayList<>(
            List.of("models", "register", "--name", name, "--path", artifact.toString()));
    for (String tag : tags) {
      args.add("--tag");
      args.add(tag);
    }
    return ws(args.toArray(String[]::new));
  }

  private static JsonNode json(CliRun run) throws IOException {
    return new ObjectMapper().readTree(run.out());
  }

  private LocalMlClient client(JobRunner runner) {
    return MlClients.local(
        store,
        TargetsConfig.localDefaults(),
        runner,
        new PollSettings(Duration.ofMillis(1), 2.0, Duration.ofMillis(20)),
        Clock.systemUTC());
  }

  @Nested
  class Models {
    @Test
    void registeringTwiceAllocatesVersionsOneAndTwo() throws IOException {
      Path artifact = file("model/weights.bin", "v1");

      CliRun first = register(MODEL, artifact, "plant_id=P001");
      CliRun second = register(MODEL, artifact, "plant_id=P001");

      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.out())
          .isEqualTo("registered lstm_P001_C001 version 1 in dev (azureml:lstm_P001_C001:1)\n");
      assertThat(second.exitCode()).isZero();
      assertThat(second.out()).contains("lstm_P001_C001 version 2 in dev");
    }

    @Test
    void registerPrintsTheVersionAsJson() throws IOException {
      Path artifact = file("weights.bin", "abc");

      CliRun run =
          ws(
              "models",
              "register",
              "--name",
              MODEL,
              "--path",
              artifact.toString(),
              "--tag",
              "plant_id=P001",
              "--property",
              "git_commit=abc123",
              "--description",
              "first model",
              "--json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode model = json(run);
      assertThat(model.path("target").asText()).isEqualTo("dev");
      assertThat(model.path("name").asText()).isEqualTo(MODEL);
      assertThat(model.path("version").asInt()).isEqualTo(1);
      assertThat(model.path("ref").asText()).isEqualTo("azureml:lstm_P001_C001:1");
      assertThat(model.path("description").asText()).isEqualTo("first model");
      assertThat(model.at("/tags/plant_id").asText()).isEqualTo("P001");
      assertThat(model.at("/properties/git_commit").asText()).isEqualTo("abc123");
      assertThat(model.path("artifact_digest").asText()).matches("sha256:[0-9a-f]{64}");
      assertThat(model.path("artifact_size").asLong()).isEqualTo(3);
      assertThat(model.path("archived").asBoolean()).isFalse();
      assertThat(model.path("created_at").asText()).isNotEmpty();
    }

    @Test
    void listsByTagsAsATableAndAsJson() throws IOException {
      Path artifact = file("weights.bin", "w");
      register(MODEL, artifact, "plant_id=P001", "circuit_id=C001");
      register(MODEL, artifact, "plant_id=P001", "circuit_id=C001");
      register("lstm_P001_C002", artifact, "plant_id=P001", "circuit_id=C002");
      register("lstm_P002_C001", artifact, "plant_id=P002", "circuit_id=C001");

      CliRun table = ws("models", "list", "--tag", "plant_id=P001", "--tag", "circuit_id=C001");
      CliRun all = ws("models", "list", "--tag", "plant_id=P001", "--json");

      assertThat(table.exitCode()).as(table.err()).isZero();
      List<String> lines = table.out().lines().toList();
      assertThat(lines.get(0)).matches("NAME +VERSION +CREATED_AT +TAGS");
      assertThat(lines).hasSize(3);
      assertThat(lines.get(1))
          .startsWith("lstm_P001_C001  2")
          .endsWith("circuit_id=C001,plant_id=P001");
      assertThat(lines.get(2)).startsWith("lstm_P001_C001  1");
      JsonNode json = json(all);
      assertThat(json.isArray()).isTrue();
      assertThat(json.findValuesAsText("name")).containsExactly(MODEL, MODEL, "lstm_P001_C002");
      assertThat(json.findValuesAsText("version")).containsExactly("2", "1", "1");
    }

    @Test
    void listsByName() throws IOException {
      Path artifact = file("weights.bin", "w");
      register(MODEL, artifact);
      register("lstm_P001_C002", artifact);

      CliRun run = ws("models", "list", "--name", "lstm_P001_C002", "--json");

      assertThat(json(run).findValuesAsText("name")).containsExactly("lstm_P001_C002");
    }

    @Test
    void listWithNoMatchSaysSoAndExitsZero() {
      CliRun run = ws("models", "list", "--tag", "plant_id=P404");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo("no models in dev match the filters\n");
    }

    @Test
    void showsTheLatestVersionOrAGivenOne() throws IOException {
      register(MODEL, file("v1.bin", "one"));
      register(MODEL, file("v2.bin", "second"));

      CliRun latest = ws("models", "show", MODEL);
      CliRun first = ws("models", "show", MODEL + ":1", "--json");

      assertThat(latest.exitCode()).as(latest.err()).isZero();
      assertThat(latest.out())
          .contains("name: \"lstm_P001_C001\"", "version: 2", "artifact_size: 6");
      assertThat(first.exitCode()).isZero();
      assertThat(json(first).path("version").asInt()).isEqualTo(1);
      assertThat(json(first).path("artifact_size").asInt()).isEqualTo(3);
    }

    @Test
    void showOfAMissingModelIsInvalidInputNamingIt() {
      CliRun latest = ws("models", "show", "lstm_P404_C001");
      CliRun version = ws("models", "show", "lstm_P404_C001:7");

      assertThat(latest.exitCode()).isEqualTo(2);
      assertThat(latest.err()).contains("error: ", "lstm_P404_C001");
      assertThat(version.exitCode()).isEqualTo(2);
      assertThat(version.err()).contains("model lstm_P404_C001 has no version 7");
    }

    @Test
    void nonIntegerModelVersionIsAUsageError() {
      CliRun run = ws("models", "show", MODEL + ":latest");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("model version 'latest' is invalid; model versions are");
    }

    @Test
    void downloadReproducesTheArtifact() throws IOException {
      Path artifact = file("model/saved_model.pb", "graph bytes");
      file("model/variables/variables.index", "index bytes");
      register(MODEL, artifact.getParent());
      Path out = dir.resolve("downloaded");

      CliRun run = ws("models", "download", MODEL + ":1", "--out", out.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("downloaded lstm_P001_C001 version 1", out.toString());
      assertThat(out.resolve("saved_model.pb")).hasContent("graph bytes");
      assertThat(out.resolve("variables/variables.index")).hasContent("index bytes");
    }

    @Test
    void downloadNeedsAVersion() {
      CliRun run = ws("models", "download", MODEL, "--out", dir.resolve("o").toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("'lstm_P001_C001' has no version; expected NAME:VERSION");
    }

    @Test
    void archiveHidesTheVersionFromListAndLatest() throws IOException {
      Path artifact = file("weights.bin", "w");
      register(MODEL, artifact);
      register(MODEL, artifact);

      CliRun archive = ws("models", "archive", MODEL + ":2");
      CliRun list = ws("models", "list", "--json");
      CliRun withArchived = ws("models", "list", "--include-archived");
      CliRun latest = ws("models", "show", MODEL, "--json");

      assertThat(archive.exitCode()).as(archive.err()).isZero();
      assertThat(archive.out()).isEqualTo("archived lstm_P001_C001 version 2 in dev\n");
      assertThat(json(list).findValuesAsText("version")).containsExactly("1");
      assertThat(withArchived.out()).contains("ARCHIVED").containsPattern("2 +\\S+ +true");
      assertThat(json(latest).path("version").asInt()).isEqualTo(1);
    }

    @Test
    void registriesHoldModelsToo() throws IOException {
      CliRun run = register(MODEL, file("weights.bin", "w"));
      CliRun shared =
          ws(
              "models",
              "register",
              "--name",
              MODEL,
              "--path",
              dir.resolve("weights.bin").toString(),
              "--target",
              "shared");

      assertThat(run.exitCode()).isZero();
      assertThat(shared.exitCode()).as(shared.err()).isZero();
      assertThat(shared.out())
          .isEqualTo(
              "registered lstm_P001_C001 version 1 in shared"
                  + " (azureml://registries/shared/models/lstm_P001_C001/versions/1)\n");
      assertThat(ws("models", "list", "--target", "test").out()).isEqualTo("no models in test\n");
    }

    @Test
    void missingArtifactIsInvalidInput() {
      CliRun run = register(MODEL, dir.resolve("no-such-file"));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("no-such-file", "artifact does not exist");
    }

    @Test
    void malformedTagIsAUsageError() throws IOException {
      CliRun register = register(MODEL, file("weights.bin", "w"), "plant_id");
      CliRun list = ws("models", "list", "--tag", "=P001");

      assertThat(register.exitCode()).isEqualTo(2);
      assertThat(register.err())
          .contains("Invalid value for option '--tag'", "'plant_id' is not KEY=VALUE (no '=')");
      assertThat(list.exitCode()).isEqualTo(2);
      assertThat(list.err()).contains("'=P001' is not KEY=VALUE (the key is empty)");
      assertThat(store).doesNotExist();
    }

    @Test
    void tagGivenTwiceIsAUsageError() throws IOException {
      CliRun run = register(MODEL, file("weights.bin", "w"), "plant_id=P001", "plant_id=P002");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--tag 'plant_id' is given more than once");
    }

    @Test
    void tagValueThatLooksLikeASecretIsRejectedWithoutEchoingIt() throws IOException {
      CliRun run =
          register(MODEL, file("weights.bin", "w"), "sas=https://x.blob/c?sig=TopSecretSig");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("looks like a credential");
      assertThat(run.out() + run.err()).doesNotContain("TopSecretSig");
    }
  }

  @Nested
  class Environments {
    @Test
    void registersFromFlags() throws IOException {
      Path conda = file("conda.yml", "name: x\ndependencies:\n  - python=3.10\n");

      CliRun run =
          ws(
              "envs",
              "register",
              "--name",
              "lstm-env",
              "--version",
              "1.0.0",
              "--image",
              "python:3.10-slim",
              "--conda-file",
              conda.toString(),
              "--tag",
              "requires_retrain=false");
      CliRun show = ws("envs", "show", "lstm-env:1.0.0", "--json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .isEqualTo(
              "registered environment lstm-env version 1.0.0 in dev (azureml:lstm-env:1.0.0)\n");
      JsonNode env = json(show);
      assertThat(env.path("image").asText()).isEqualTo("python:3.10-slim");
      assertThat(env.path("conda_file").asText()).contains("python=3.10");
      assertThat(env.at("/tags/requires_retrain").asText()).isEqualTo("false");
    }

    @Test
    void registersABuildContextEnvironment() {
      CliRun run =
          ws(
              "envs",
              "register",
              "--name",
              "built",
              "--version",
              "2",
              "--build-context",
              "docker/",
              "--target",
              "shared",
              "--json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("\"build_context\" : \"docker/\"", "\"target\" : \"shared\"");
    }

    @Test
    void registersFromTheSampleEnvironmentYaml() throws IOException {
      Path copy = Files.createDirectories(dir.resolve("environment"));
      for (String name : List.of("environment.yml", "conda.yml")) {
        Files.copy(Path.of("../examples/environment").resolve(name), copy.resolve(name));
      }

      CliRun run =
          ws(
              "envs",
              "register",
              "--file",
              copy.resolve("environment.yml").toString(),
              "--tag",
              "git_commit_sha=abc123");
      CliRun list = ws("envs", "list");
      CliRun show = ws("envs", "show", "mlops4j-lstm-forecasting:1.5.0", "--json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("environment mlops4j-lstm-forecasting version 1.5.0 in dev");
      assertThat(list.out())
          .contains("mlops4j-lstm-forecasting  1.5.0    mcr.microsoft.com/openjdk/jdk:17-ubuntu");
      JsonNode env = json(show);
      assertThat(env.path("conda_file").asText())
          .isEqualTo(Files.readString(copy.resolve("conda.yml")));
      assertThat(env.path("description").asText()).startsWith("JDK 17 with the mlops4j scorer");
      assertThat(env.at("/tags/requires_retrain").asText()).isEqualTo("false");
      assertThat(env.at("/tags/git_commit_sha").asText()).isEqualTo("abc123");
    }

    @Test
    void registeringAnExistingVersionIsAConflict() {
      String[] args = {"envs", "register", "--name", "e", "--version", "1.0.0", "--image", "img"};
      ws(args);

      CliRun again = ws(args);

      assertThat(again.exitCode()).isEqualTo(2);
      assertThat(again.err()).contains("environment e version 1.0.0 already exists");
    }

    @Test
    void environmentYamlProblemsAreReportedTogether() throws IOException {
      Path yaml =
          file(
              "bad/environment.yml",
              "name: e\nversion: 1.10\nimage: img\nconda_file: missing.yml\nos_type: linux\n");

      CliRun run = ws("envs", "register", "--file", yaml.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains(
              "os_type: unsupported key 'os_type'",
              "version: expected a string such as \"1.5.0\"",
              "conda_file: 'missing.yml'",
              "file does not exist; the path is relative to the YAML file");
    }

    @Test
    void fileAndSpecFlagsDoNotMix() throws IOException {
      CliRun run =
          ws("envs", "register", "--file", file("e.yml", "").toString(), "--version", "2.0.0");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--file cannot be combined with --version");
    }

    @Test
    void flagsNeedExactlyOneOfImageAndBuildContext() {
      CliRun neither = ws("envs", "register", "--name", "e", "--version", "1");
      CliRun missing = ws("envs", "register", "--image", "img");

      assertThat(neither.exitCode()).isEqualTo(2);
      assertThat(neither.err()).contains("Give exactly one of --image and --build-context");
      assertThat(missing.exitCode()).isEqualTo(2);
      assertThat(missing.err()).contains("Missing --name and --version");
    }

    @Test
    void versionWithBuildMetadataIsRejectedBeforeItIsStored() {
      CliRun run =
          ws("envs", "register", "--name", "e", "--version", "1.5.0+build.7", "--image", "img");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains(
              "version '1.5.0+build.7' is invalid; expected 1-64 letters, digits, '.', '-' or '_'");
      assertThat(ws("envs", "list").out()).isEqualTo("no environments in dev\n");
    }

    @Test
    void theStoreItselfRefusesVersionsAzureMlCannotReference() {
      try (LocalMlClient client = client(context -> 0)) {
        assertThatThrownBy(
                () ->
                    client
                        .workspace("dev")
                        .createEnvironment(
                            new EnvironmentSpec("e", "1.5.0+build.7", "img", "", "", "", Map.of())))
            .isInstanceOf(RegistryException.class)
            .hasMessageContaining("version '1.5.0+build.7' is invalid");
      }
    }

    @Test
    void listIsEmptyAtFirst() {
      CliRun run = ws("envs", "list", "--json");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out().strip()).isEqualTo("[ ]");
    }
  }

  @Nested
  class Data {
    @Test
    void emptyListSaysSoAndExitsZero() {
      CliRun run = ws("data", "list");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo("no data assets in dev\n");
    }

    @Test
    void listsAndShowsDataAssets() throws IOException {
      try (LocalMlClient client = client(context -> 0)) {
        client
            .workspace("dev")
            .createDataAsset(
                new DataAssetSpec(
                    "sensor_training_data_P001_C001",
                    "2025-12-09",
                    DataAssetType.MLTABLE,
                    "data/P001/C001",
                    "",
                    Map.of("plant_id", "P001")));
      }

      CliRun list = ws("data", "list");
      CliRun show = ws("data", "show", "sensor_training_data_P001_C001:2025-12-09", "--json");
      CliRun missing = ws("data", "show", "sensor_training_data_P001_C001:2024-01-01");

      assertThat(list.out())
          .contains("NAME", "sensor_training_data_P001_C001  2025-12-09  mltable  data/P001/C001");
      assertThat(json(show).path("type").asText()).isEqualTo("mltable");
      assertThat(json(show).at("/tags/plant_id").asText()).isEqualTo("P001");
      assertThat(missing.exitCode()).isEqualTo(2);
      assertThat(missing.err()).contains("has no version 2024-01-01");
    }
  }

  @Nested
  class EndpointsDeploymentsAndJobs {
    private static final String ENDPOINT = "batch-endpoint-plant-P001";
    private static final String DEPLOYMENT = "deployment-circuit-C001";

    private void deploy(MlWorkspace dev) throws IOException {
      dev.registerModel(ModelSpec.of(MODEL, file("weights.bin", "w"), Map.of()));
      dev.createEnvironment(new EnvironmentSpec("env", "1.0.0", "img", "", "", "", Map.of()));
      dev.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "plant P001", Map.of()));
      dev.createOrUpdateDeployment(
          new DeploymentSpec(
              ENDPOINT,
              DEPLOYMENT,
              AssetRef.workspace(AssetKind.MODEL, MODEL, "1"),
              AssetRef.workspace(AssetKind.ENVIRONMENT, "env", "1.0.0"),
              new DeploymentConfig("Standard_DS3_v2", 10, 1, 1, -1, 3, 30),
              Map.of(),
              Map.of("circuit_id", "C001")));
      dev.setDefaultDeployment(ENDPOINT, DEPLOYMENT);
    }

    private Job runJob(JobRunner runner) throws IOException {
      try (LocalMlClient client = client(runner)) {
        MlWorkspace dev = client.workspace("dev");
        deploy(dev);
        Job job = dev.invoke(ENDPOINT, "", new JobInputs("data/in", Map.of("plant_id", "P001")));
        return dev.waitForJob(job.id(), Duration.ofSeconds(30));
      }
    }

    @Test
    void listsAndShowsEndpointsAndDeployments() throws IOException {
      try (LocalMlClient client = client(context -> 0)) {
        deploy(client.workspace("dev"));
      }

      CliRun endpoints = ws("endpoints", "list");
      CliRun endpoint = ws("endpoints", "show", ENDPOINT, "--json");
      CliRun deployments = ws("deployments", "list", "--endpoint", ENDPOINT);
      CliRun deployment = ws("deployments", "show", "--endpoint", ENDPOINT, DEPLOYMENT, "--json");

      assertThat(endpoints.out()).contains(ENDPOINT + "  " + DEPLOYMENT);
      assertThat(json(endpoint).path("default_deployment").asText()).isEqualTo(DEPLOYMENT);
      assertThat(deployments.out())
          .contains(DEPLOYMENT + "  azureml:lstm_P001_C001:1  azureml:env:1.0.0");
      assertThat(json(deployment).at("/settings/mini_batch_size").asInt()).isEqualTo(10);
      assertThat(json(deployment).path("model").asText()).isEqualTo("azureml:lstm_P001_C001:1");
    }

    @Test
    void deploymentsOfAMissingEndpointIsInvalidInput() {
      CliRun run = ws("deployments", "list", "--endpoint", "batch-endpoint-plant-P404");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("batch endpoint batch-endpoint-plant-P404 does not exist");
    }

    @Test
    void registryTargetsHaveNoEndpoints() {
      CliRun run = ws("endpoints", "list", "--target", "shared");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains(
              "'shared' is a registry; endpoints, deployments and jobs belong to a"
                  + " workspace: dev, prod, test");
    }

    @Test
    void waitExitsZeroForACompletedJobAndShowsLogs() throws IOException {
      Job job =
          runJob(
              context -> {
                context.log().println("scored 42 rows");
                return 0;
              });

      CliRun show = ws("jobs", "show", job.id(), "--json");
      CliRun wait = ws("jobs", "wait", job.id(), "--timeout", "10s");
      CliRun logs = ws("jobs", "logs", job.id());
      CliRun cancel = ws("jobs", "cancel", job.id());

      assertThat(json(show).path("status").asText()).isEqualTo("COMPLETED");
      assertThat(json(show).at("/values/plant_id").asText()).isEqualTo("P001");
      assertThat(wait.exitCode()).as(wait.err()).isZero();
      assertThat(wait.out()).contains("status: \"COMPLETED\"", "exit_code: 0");
      assertThat(logs.out()).contains("scored 42 rows");
      assertThat(cancel.exitCode()).isZero();
      assertThat(cancel.out()).contains("status: \"COMPLETED\"");
    }

    @Test
    void waitExitsThreeForAFailedJob() throws IOException {
      Job job =
          runJob(
              context -> {
                throw new IllegalStateException("input folder is empty");
              });

      CliRun wait = ws("jobs", "wait", job.id());

      assertThat(wait.exitCode()).isEqualTo(3);
      assertThat(wait.out()).contains("status: \"FAILED\"");
      assertThat(wait.err()).contains("ended FAILED: input folder is empty");
    }

    @Test
    void waitTimesOutWithExitOneAndCancelStopsTheJob() throws Exception {
      CountDownLatch started = new CountDownLatch(1);
      try (LocalMlClient client =
          client(
              context -> {
                started.countDown();
                CountDownLatch never = new CountDownLatch(1);
                while (!context.cancelRequested()) {
                  never.await(5, TimeUnit.MILLISECONDS); // the runner's cancellation poll
                }
                return 1;
              })) {
        MlWorkspace dev = client.workspace("dev");
        deploy(dev);
        Job job = dev.invoke(ENDPOINT, DEPLOYMENT, new JobInputs("data/in", Map.of()));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        CliRun timedOut = ws("jobs", "wait", job.id(), "--timeout", "50ms");
        CliRun cancel = ws("jobs", "cancel", job.id(), "--json");
        Job ended = dev.waitForJob(job.id(), Duration.ofSeconds(30));
        CliRun wait = ws("jobs", "wait", job.id(), "--timeout", "PT10S");

        assertThat(timedOut.exitCode()).isEqualTo(1);
        assertThat(timedOut.err()).contains("job is still RUNNING after");
        assertThat(cancel.exitCode()).isZero();
        assertThat(json(cancel).path("id").asText()).isEqualTo(job.id());
        assertThat(ended.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(wait.exitCode()).isEqualTo(3);
        assertThat(wait.err()).contains("ended CANCELED");
      }
    }

    @Test
    void invalidTimeoutIsAUsageError() {
      CliRun run = ws("jobs", "wait", "batchjob-1", "--timeout", "30 minutes");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("'30 minutes' is not a positive duration");
    }

    @Test
    void missingJobIsInvalidInput() {
      CliRun run = ws("jobs", "show", "batchjob-404");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("job batchjob-404 does not exist in dev");
    }
  }

  @Nested
  class Targets {
    @Test
    void unknownTargetIsInvalidInputNamingTheKnownTargets() {
      CliRun run = ws("models", "list", "--target", "staging");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains(
              "no target named 'staging'",
              "known workspaces: dev, prod, test; known registries: shared");
      assertThat(store).doesNotExist();
    }

    @Test
    void targetsComeFromTheWorkspacesFile() throws IOException {
      Path workspaces =
          file(
              "workspaces.yml",
              "workspaces:\n  dev:\n    backend: local\n  qa:\n    backend: local\n");

      CliRun qa = ws("models", "list", "--workspaces", workspaces.toString(), "--target", "qa");
      CliRun test = ws("models", "list", "--workspaces", workspaces.toString(), "--target", "test");

      assertThat(qa.exitCode()).as(qa.err()).isZero();
      assertThat(qa.out()).isEqualTo("no models in qa\n");
      assertThat(test.exitCode()).isEqualTo(2);
      assertThat(test.err())
          .contains(
              "no target named 'test' in " + workspaces,
              "known workspaces: dev, qa; known registries: (none)");
    }

    @Test
    void secretInTheWorkspacesFileIsRejectedWithoutShowingIt() throws IOException {
      Path workspaces =
          file("workspaces.yml", AZURE_DEV + "    client_secret: \"Sup3rS3cretV4lue\"\n");

      CliRun run = ws("models", "list", "--workspaces", workspaces.toString(), "--verbose");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains("workspaces.dev.client_secret: secrets never go in workspaces.yml");
      assertThat(run.out()).doesNotContain("Sup3rS3cretV4lue");
      assertThat(run.err()).doesNotContain("Sup3rS3cretV4lue");
    }

    @Test
    void missingWorkspacesFileIsInvalidInput() {
      CliRun run = ws("models", "list", "--workspaces", dir.resolve("nope.yml").toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("nope.yml: file does not exist");
    }

    @Test
    void theExampleWorkspacesFileIsValidAndAllLocal() {
      CliRun run =
          ws("models", "list", "--workspaces", "../examples/workspaces.yml", "--target", "shared");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).isEqualTo("no models in shared\n");
    }

    @Test
    void theExamplesCommentedAzureVariantIsValid() throws IOException {
      List<String> lines = Files.readAllLines(Path.of("../examples/workspaces.yml"));
      List<String> azure =
          lines.subList(lines.indexOf("# workspaces:"), lines.size()).stream()
              .map(line -> line.substring(2))
              .toList();
      Path workspaces = file("azure.yml", String.join("\n", azure) + "\n");

      TargetsConfig targets = new io.mlops4j.config.ConfigLoader().loadTargets(workspaces);
      // an offline builder: the default one would ask azure-identity for a token
      io.mlops4j.release.azure.AzureMlClientBuilder offline =
          new io.mlops4j.release.azure.AzureMlClientBuilder()
              .credential(
                  r ->
                      reactor.core.publisher.Mono.just(
                          new com.azure.core.credential.AccessToken(
                              "unused", java.time.OffsetDateTime.now().plusHours(1))));

      try (MlClient client = MlopsCommand.openClient(store, targets, () -> offline)) {
        assertThat(client).isInstanceOf(io.mlops4j.release.azure.AzureMlClient.class);
        assertThat(client.registry("shared").name()).isEqualTo("shared");
        assertThat(targets.targets().get("shared").azure().name())
            .isEqualTo("mlr-forecasting-shared");
        assertThat(targets.targets().keySet()).contains("dev", "test", "prod", "shared");
      }
    }
  }

  @Test
  void commandsOpenTheirClientThroughTheRootCommandsOpener() {
    List<String> opened = new ArrayList<>();
    ClientOpener recording =
        (path, targets) -> {
          opened.add(path + " " + targets.targets().keySet().stream().sorted().toList());
          return MlopsCommand.openLocal(path, targets);
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        MlopsCommand.commandLine(new PrintWriter(out), new PrintWriter(err), recording)
            .execute("ws", "data", "list", "--store", store.toString(), "--target", "test");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("no data assets in test\n");
    assertThat(opened).containsExactly(store + " [dev, prod, shared, test]");
  }

  @Test
  void helpNamesEveryWsCommand() {
    CliRun run = CliRun.of("ws", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("models", "envs", "data", "endpoints", "deployments", "jobs", "bench");
  }

  @Test
  void missingSubcommandIsAUsageError() {
    CliRun run = CliRun.of("ws", "models");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing a models subcommand");
  }

  @Test
  void benchRunsAndPrintsItsFigures() {
    CliRun run =
        CliRun.of("ws", "bench", "--registrations", "50", "--threads", "5", "--versions", "500");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains(
            "registrations: 50 versions of one model from 5 threads in ",
            "versions 1..50 gapless: yes",
            "target < 5 s for 1000 registrations: ",
            "building a store of 500 versions over 200 models from 5 threads",
            "list by tags plant_id=P007, circuit_id=C003 over 500 versions: 3 versions",
            "cold (first query on a newly opened store): ",
            "warm over 20 runs: median ",
            "target < 100 ms: ");
  }
}
