package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A finished job, as the workspace reports it; handed to {@link AlertRules} for the job rules.
 *
 * @param jobId the job's id
 * @param kind training or batch scoring
 * @param plantId the plant the job ran for, or empty
 * @param circuitId the circuit, or empty
 * @param failed whether the job failed
 * @param endedAt when it ended
 * @param detail the failure reason or status text; may be empty
 */
public record JobRecord(
    String jobId,
    Kind kind,
    String plantId,
    String circuitId,
    boolean failed,
    Instant endedAt,
    String detail) {
  /** Checks the fields. */
  public JobRecord {
    requireNonNull(jobId, "jobId");
    requireNonNull(kind, "kind");
    requireNonNull(plantId, "plantId");
    requireNonNull(circuitId, "circuitId");
    requireNonNull(endedAt, "endedAt");
    requireNonNull(detail, "detail");
  }

  /** What a job did. */
  public enum Kind {
    /** Trained a model. */
    TRAINING,
    /** Scored a batch. */
    BATCH_SCORING
  }
}
