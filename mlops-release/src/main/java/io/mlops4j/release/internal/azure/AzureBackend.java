package io.mlops4j.release.internal.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpLogOptions;
import io.mlops4j.config.ConfigException;
import io.mlops4j.config.Target;
import io.mlops4j.config.TargetKind;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.MlRegistry;
import io.mlops4j.release.MlWorkspace;
import io.mlops4j.release.PollSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Azure targets of one client: one {@link AzureTarget} per workspace or registry of {@code
 * workspaces.yml}, sharing the pipelines. Immutable and thread-safe; built by {@code
 * AzureMlClientBuilder}.
 */
public final class AzureBackend {
  private final TargetsConfig targets;
  private final Map<String, AzureTarget> byName = new TreeMap<>();

  /**
   * Creates the backend.
   *
   * @param targets the targets; every one must be an Azure target
   * @param management the pipeline for ARM (management audience)
   * @param dataPlane the pipeline for the scoring URIs (Azure ML audience)
   * @param armEndpoint the ARM endpoint, such as {@code https://management.azure.com}
   * @param httpClient the HTTP client blob storage uses
   * @param logOptions HTTP logging options for blob storage
   * @param pollInterval the interval between polls of long-running operations
   * @param jobPoll backoff while waiting for jobs
   * @param blobEndpoint the blob account URL to use instead of the datastore's (for emulators such
   *     as Azurite), or empty
   */
  public AzureBackend(
      TargetsConfig targets,
      HttpPipeline management,
      HttpPipeline dataPlane,
      String armEndpoint,
      HttpClient httpClient,
      HttpLogOptions logOptions,
      Duration pollInterval,
      PollSettings jobPoll,
      String blobEndpoint) {
    this.targets = requireNonNull(targets, "targets");
    AzureJson json = new AzureJson();
    ArmClient arm = new ArmClient(management, armEndpoint, pollInterval, json);
    ArmClient data = new ArmClient(dataPlane, armEndpoint, pollInterval, json);
    BlobArtifacts blobs = new BlobArtifacts(httpClient, logOptions);
    for (Target target : targets.targets().values()) {
      if (!target.isLocal()) {
        byName.put(
            target.name(),
            new AzureTarget(this, target, arm, data, blobs, json, jobPoll, blobEndpoint));
      }
    }
  }

  /**
   * Returns a workspace target.
   *
   * @param name the logical name
   * @return the workspace
   */
  public MlWorkspace workspace(String name) {
    return target(name, TargetKind.WORKSPACE);
  }

  /**
   * Returns a registry target; it also implements {@link MlWorkspace}, rejecting workspace-only
   * operations with VALIDATION.
   *
   * @param name the logical name
   * @return the registry
   */
  public MlRegistry registry(String name) {
    return target(name, TargetKind.REGISTRY);
  }

  /**
   * Returns the targets.
   *
   * @return the targets
   */
  public TargetsConfig targets() {
    return targets;
  }

  AzureTarget target(String name, TargetKind kind) {
    Target target = targets.get(name, kind);
    AzureTarget azure = byName.get(target.name());
    if (azure == null) {
      throw new ConfigException(
          java.util.List.of(
              new io.mlops4j.config.ConfigProblem(
                  "workspaces.yml",
                  0,
                  0,
                  target.name(),
                  "is a local target; this client serves Azure targets only")));
    }
    return azure;
  }

  Optional<AzureTarget> registryByLogicalName(String name) {
    AzureTarget t = byName.get(name);
    return t != null && t.isRegistry() ? Optional.of(t) : Optional.empty();
  }

  /** The logical name of a registry given its Azure name, or the Azure name if none matches. */
  String logicalRegistryName(String azureName) {
    for (AzureTarget t : byName.values()) {
      if (t.isRegistry() && t.azureName().equalsIgnoreCase(azureName)) {
        return t.name();
      }
    }
    return azureName;
  }
}
