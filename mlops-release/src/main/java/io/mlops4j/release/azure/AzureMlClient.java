package io.mlops4j.release.azure;

import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.MlRegistry;
import io.mlops4j.release.MlWorkspace;
import io.mlops4j.release.internal.azure.AzureBackend;

/**
 * The Azure ML backend of {@link MlClient}: the workspaces and registries of {@code workspaces.yml}
 * that have {@code backend: azure}, over ARM REST. Immutable and thread-safe; build it with {@link
 * AzureMlClientBuilder}.
 */
public final class AzureMlClient implements MlClient {
  private final AzureBackend backend;

  AzureMlClient(AzureBackend backend) {
    this.backend = backend;
  }

  @Override
  public MlWorkspace workspace(String name) {
    return backend.workspace(name);
  }

  @Override
  public MlRegistry registry(String name) {
    return backend.registry(name);
  }

  @Override
  public TargetsConfig targets() {
    return backend.targets();
  }

  /** Holds no connections of its own: the HTTP client's are released by the JDK. */
  @Override
  public void close() {}
}
