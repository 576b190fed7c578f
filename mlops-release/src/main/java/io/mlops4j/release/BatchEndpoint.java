package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A batch endpoint: one per plant.
 *
 * @param spec its name, description and tags
 * @param defaultDeployment the deployment invoked when none is named, or empty
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record BatchEndpoint(
    EndpointSpec spec, String defaultDeployment, Instant createdAt, Instant updatedAt) {
  /** Checks the components. */
  public BatchEndpoint {
    requireNonNull(spec, "spec");
    requireNonNull(defaultDeployment, "defaultDeployment");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
  }
}
