package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.DeploymentConfig;
import java.util.Map;

/**
 * A batch deployment to create or update: one per circuit, in its plant's endpoint.
 *
 * @param endpoint the endpoint name
 * @param name the deployment name, such as {@code deployment-circuit-C001}
 * @param model the model version deployed (workspace or registry reference)
 * @param environment the environment version it runs in
 * @param settings compute, instance count, mini-batch size, concurrency, error threshold, retries
 *     and timeout
 * @param environmentVariables variables fixed for every job of the deployment; no secrets
 * @param tags tags
 */
public record DeploymentSpec(
    String endpoint,
    String name,
    AssetRef model,
    AssetRef environment,
    DeploymentConfig settings,
    Map<String, String> environmentVariables,
    Map<String, String> tags) {
  /** Checks the components and copies the maps. */
  public DeploymentSpec {
    requireNonNull(endpoint, "endpoint");
    requireNonNull(name, "name");
    requireNonNull(model, "model");
    requireNonNull(environment, "environment");
    requireNonNull(settings, "settings");
    environmentVariables = Map.copyOf(environmentVariables);
    tags = Map.copyOf(tags);
    if (model.kind() != AssetKind.MODEL || environment.kind() != AssetKind.ENVIRONMENT) {
      throw new IllegalArgumentException(
          "model must reference a model and environment an environment");
    }
  }
}
