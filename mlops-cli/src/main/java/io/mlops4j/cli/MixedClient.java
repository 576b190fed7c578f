package io.mlops4j.cli;

import io.mlops4j.config.TargetKind;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.MlRegistry;
import io.mlops4j.release.MlWorkspace;

/**
 * Local and Azure targets side by side: each target is served by its own backend. Sharing between a
 * local workspace and an Azure registry (or back) is not supported: each backend only shares within
 * itself.
 */
final class MixedClient implements MlClient {
  private final MlClient local;
  private final MlClient azure;
  private final TargetsConfig targets;

  MixedClient(MlClient local, MlClient azure, TargetsConfig targets) {
    this.local = local;
    this.azure = azure;
    this.targets = targets;
  }

  @Override
  public MlWorkspace workspace(String name) {
    return targets.get(name, TargetKind.WORKSPACE).isLocal()
        ? local.workspace(name)
        : azure.workspace(name);
  }

  @Override
  public MlRegistry registry(String name) {
    return targets.get(name, TargetKind.REGISTRY).isLocal()
        ? local.registry(name)
        : azure.registry(name);
  }

  @Override
  public TargetsConfig targets() {
    return targets;
  }

  @Override
  public void close() {
    try {
      local.close();
    } finally {
      azure.close();
    }
  }
}
