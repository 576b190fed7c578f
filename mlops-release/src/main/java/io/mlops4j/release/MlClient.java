package io.mlops4j.release;

import io.mlops4j.config.TargetsConfig;

/**
 * Entry to the workspaces and registries declared in {@code workspaces.yml}. Thread-safe; close it
 * to release connections and stop local jobs.
 */
public interface MlClient extends AutoCloseable {
  /**
   * Returns a workspace by logical name.
   *
   * @param name such as {@code dev}, {@code test} or {@code prod}
   * @return the workspace
   * @throws io.mlops4j.config.ConfigException if no workspace has that name
   */
  MlWorkspace workspace(String name);

  /**
   * Returns a registry by logical name.
   *
   * @param name such as {@code shared}
   * @return the registry
   * @throws io.mlops4j.config.ConfigException if no registry has that name
   */
  MlRegistry registry(String name);

  /**
   * Returns the targets this client serves.
   *
   * @return the targets
   */
  TargetsConfig targets();

  @Override
  void close();
}
