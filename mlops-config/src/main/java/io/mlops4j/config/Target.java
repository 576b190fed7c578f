package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * A logical target from {@code workspaces.yml}: a name such as {@code prod} and where it lives.
 *
 * @param name the logical name, such as {@code dev}, {@code prod} or {@code shared}
 * @param kind workspace or registry
 * @param azure where it lives in Azure, or {@link AzureLocation#NONE} for the embedded local store
 */
public record Target(String name, TargetKind kind, AzureLocation azure) {
  /** Checks the components. */
  public Target {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(azure, "azure");
  }

  /**
   * Tells whether the target lives in the embedded local store.
   *
   * @return true for a local target
   */
  public boolean isLocal() {
    return azure.equals(AzureLocation.NONE);
  }

  /**
   * Creates a local target.
   *
   * @param name the logical name
   * @param kind workspace or registry
   * @return the target
   */
  public static Target local(String name, TargetKind kind) {
    return new Target(name, kind, AzureLocation.NONE);
  }
}
