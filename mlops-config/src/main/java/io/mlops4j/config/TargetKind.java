package io.mlops4j.config;

/** Whether a target is a workspace (assets, endpoints, jobs) or a registry (shared assets). */
public enum TargetKind {
  /** An Azure ML workspace, such as dev, test or prod. */
  WORKSPACE,
  /** An Azure ML registry, shared across workspaces. */
  REGISTRY
}
