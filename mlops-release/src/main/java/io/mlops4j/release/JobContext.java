package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * What a {@link JobRunner} gets for one job.
 *
 * @param jobId the job id
 * @param deployment the deployment being run
 * @param modelDir the deployed model's artifact, downloaded and verified
 * @param outputDir a directory for the job's outputs
 * @param inputs the data input and per-invocation values
 * @param log where the job's log goes
 * @param cancellation tells whether cancellation was requested
 */
public record JobContext(
    String jobId,
    BatchDeployment deployment,
    Path modelDir,
    Path outputDir,
    JobInputs inputs,
    PrintWriter log,
    BooleanSupplier cancellation) {
  /** Checks the components. */
  public JobContext {
    requireNonNull(jobId, "jobId");
    requireNonNull(deployment, "deployment");
    requireNonNull(modelDir, "modelDir");
    requireNonNull(outputDir, "outputDir");
    requireNonNull(inputs, "inputs");
    requireNonNull(log, "log");
    requireNonNull(cancellation, "cancellation");
  }

  /**
   * Tells whether the job should stop as soon as it can.
   *
   * @return true once cancellation was requested
   */
  public boolean cancelRequested() {
    return cancellation.getAsBoolean();
  }
}
