package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A batch deployment as it is now.
 *
 * @param spec what it runs and how
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record BatchDeployment(DeploymentSpec spec, Instant createdAt, Instant updatedAt) {
  /** Checks the components. */
  public BatchDeployment {
    requireNonNull(spec, "spec");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
  }
}
