package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A batch scoring job.
 *
 * @param id the job id
 * @param endpoint the endpoint invoked
 * @param deployment the deployment that ran it
 * @param inputs what it scored
 * @param status where it is in its life
 * @param exitCode the runner's exit code once ended, or -1
 * @param error why it failed, or empty
 * @param createdAt when it was submitted
 * @param endedAt when it ended, or {@link Instant#EPOCH} while it runs
 */
public record Job(
    String id,
    String endpoint,
    String deployment,
    JobInputs inputs,
    JobStatus status,
    int exitCode,
    String error,
    Instant createdAt,
    Instant endedAt) {
  /** Checks the components. */
  public Job {
    requireNonNull(id, "id");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(deployment, "deployment");
    requireNonNull(inputs, "inputs");
    requireNonNull(status, "status");
    requireNonNull(error, "error");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(endedAt, "endedAt");
  }
}
