package io.mlops4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsConfigTest {
  private final ConfigLoader loader = new ConfigLoader();

  private static Path write(Path dir, String yaml) throws IOException {
    Path file = dir.resolve("workspaces.yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsLocalAndAzureTargets(@TempDir Path dir) throws IOException {
    TargetsConfig targets =
        loader.loadTargets(
            write(
                dir,
                """
                workspaces:
                  dev: {backend: local}
                  prod:
                    backend: azure
                    subscription_id: "00000000-1111-2222-3333-444444444444"
                    resource_group: "rg-mlops-prod"
                    workspace_name: "mlw-prod"
                    region: westeurope
                registries:
                  shared: {backend: azure, subscription_id: "00000000-1111-2222-3333-444444444444",
                           resource_group: "rg-mlops", registry_name: "mlops-registry"}
                """));

    assertThat(targets.get("dev", TargetKind.WORKSPACE).isLocal()).isTrue();
    assertThat(targets.get("prod", TargetKind.WORKSPACE).azure())
        .isEqualTo(
            new AzureLocation(
                "00000000-1111-2222-3333-444444444444", "rg-mlops-prod", "mlw-prod", "westeurope"));
    assertThat(targets.get("shared", TargetKind.REGISTRY).azure().name())
        .isEqualTo("mlops-registry");
  }

  @Test
  void rejectsSecretsWithoutEchoingThem(@TempDir Path dir) throws IOException {
    Path file =
        write(
            dir,
            """
            workspaces:
              prod:
                backend: azure
                subscription_id: "00000000-1111-2222-3333-444444444444"
                resource_group: "rg"
                workspace_name: "mlw-prod"
                client_secret: "s3cr3t-value-xyz"
            """);

    assertThatThrownBy(() -> loader.loadTargets(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + ":7:5 workspaces.prod.client_secret: secrets never go in workspaces.yml; remove"
                + " this key (its value is not shown) and let azure-identity find credentials"
                + " (environment variables, managed identity, workload identity or the Azure CLI"
                + " login)")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void requiresTheAzureCoordinates(@TempDir Path dir) throws IOException {
    Path file = write(dir, "registries:\n  shared: {backend: azure, resource_group: rg}\n");

    assertThatThrownBy(() -> loader.loadTargets(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "registries.shared.subscription_id: required key 'subscription_id' is missing")
        .hasMessageContaining("registries.shared.registry_name: required key 'registry_name'");
  }

  @Test
  void rejectsAnUnknownBackendAndBadNames(@TempDir Path dir) throws IOException {
    Path file = write(dir, "workspaces:\n  Dev: {backend: aws}\n");

    assertThatThrownBy(() -> loader.loadTargets(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("workspaces.Dev.backend")
        .hasMessageContaining("Dev");
  }

  @Test
  void namesTheKnownTargetsWhenOneIsMissing() {
    TargetsConfig targets = TargetsConfig.localDefaults();

    assertThatThrownBy(() -> targets.get("staging", TargetKind.WORKSPACE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no workspace target named 'staging'; known: dev, prod, test");
    assertThatThrownBy(() -> targets.get("dev", TargetKind.REGISTRY))
        .hasMessageContaining("no registry target named 'dev'; known: shared");
  }
}
