package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.azure.AzureMlClient;
import io.mlops4j.release.azure.AzureMlClientBuilder;
import io.mlops4j.release.azure.AzureStubFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * {@code mlops ws ... --target prod} with an Azure {@code workspaces.yml}, against the Azure ML
 * stub of mlops-release (ARM over HTTPS plus Azurite): the root command's opener picks the Azure
 * backend; the test hands it a builder pointing at the stub with a static credential.
 */
class AzureTargetCliTest {
  /** dev/test/prod workspaces and the shared registry, as in examples/workspaces.yml. */
  static final String WORKSPACES =
      "workspaces:\n"
          + workspace("dev")
          + workspace("test")
          + workspace("prod")
          + "registries:\n"
          + "  shared:\n"
          + "    backend: azure\n"
          + "    subscription_id: 00000000-1111-2222-3333-444444444444\n"
          + "    resource_group: rg-mlops-shared\n"
          + "    registry_name: mlr-forecasting-shared\n"
          + "    region: westeurope\n";

  @TempDir Path dir;
  private AzureStubFixture stub;
  private Path workspaces;

  private static String workspace(String name) {
    return "  "
        + name
        + ":\n"
        + "    backend: azure\n"
        + "    subscription_id: 00000000-1111-2222-3333-444444444444\n"
        + "    resource_group: rg-mlops-"
        + name
        + "\n"
        + "    workspace_name: mlw-forecasting-"
        + name
        + "\n"
        + "    region: westeurope\n";
  }

  @BeforeEach
  void startStub() throws Exception {
    stub = AzureStubFixture.start(dir.resolve("stub"));
    workspaces =
        Files.writeString(dir.resolve("workspaces.yml"), WORKSPACES, StandardCharsets.UTF_8);
  }

  @AfterEach
  void stopStub() {
    if (stub == null) {
      return; // the stub did not start (e.g. Azurite skipped); nothing to check or close
    }
    try {
      assertThat(stub.violations()).as("swagger violations").isEmpty();
    } finally {
      stub.close();
    }
  }

  private CliRun ws(String... args) {
    List<String> all = new ArrayList<>(List.of("ws"));
    all.addAll(List.of(args));
    all.addAll(
        List.of("--workspaces", workspaces.toString(), "--store", dir.resolve("store").toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        MlopsCommand.commandLine(
                new PrintWriter(out),
                new PrintWriter(err),
                (store, targets) -> MlopsCommand.openClient(store, targets, stub::builder))
            .execute(all.toArray(String[]::new));
    return new CliRun(code, out.toString(), err.toString());
  }

  @Test
  void registersListsAndShowsModelsInProdOnAzure() throws IOException {
    Path artifact =
        Files.writeString(Files.createDirectories(dir.resolve("model")).resolve("w.bin"), "v1");

    CliRun first =
        ws(
            "models",
            "register",
            "--name",
            "lstm_P001_C001",
            "--path",
            artifact.toString(),
            "--tag",
            "plant_id=P001",
            "--target",
            "prod");
    CliRun second =
        ws(
            "models",
            "register",
            "--name",
            "lstm_P001_C001",
            "--path",
            artifact.toString(),
            "--target",
            "prod");
    CliRun list = ws("models", "list", "--target", "prod", "--json");
    CliRun devList = ws("models", "list", "--target", "dev");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("lstm_P001_C001 version 1 in prod");
    assertThat(second.out()).contains("version 2 in prod");
    assertThat(list.exitCode()).as(list.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(list.out());
    assertThat(json.toString()).contains("lstm_P001_C001");
    assertThat(devList.exitCode()).isZero();
    assertThat(devList.out()).doesNotContain("lstm_P001_C001");
  }

  @Test
  void missingModelInProdIsInvalidInputWithTheServiceMessage() {
    CliRun run = ws("models", "show", "lstm_P009_C001:3", "--target", "prod");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("lstm_P009_C001").contains("HTTP 404");
  }

  @Test
  void theDefaultOpenerPicksTheAzureBackendForAzureTargets() {
    TargetsConfig targets = new ConfigLoader().loadTargets(workspaces);
    AzureMlClientBuilder offline =
        new AzureMlClientBuilder()
            .credential(
                r -> Mono.just(new AccessToken("unused", OffsetDateTime.now().plusHours(1))));

    try (MlClient client = MlopsCommand.openClient(dir.resolve("store"), targets, () -> offline)) {
      assertThat(client).isInstanceOf(AzureMlClient.class);
      assertThat(client.workspace("prod").name()).isEqualTo("prod");
    }
    try (MlClient client =
        MlopsCommand.openClient(
            dir.resolve("store"), TargetsConfig.localDefaults(), () -> offline)) {
      assertThat(client).isNotInstanceOf(AzureMlClient.class);
    }
  }
}
