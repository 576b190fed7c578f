package io.mlops4j.release;

/**
 * Runs a batch scoring job on this machine for the local backend: the seam where mlops-scoring
 * plugs in its batch-scoring runner. Implementations must honour {@link
 * JobContext#cancelRequested()} and write their log to {@link JobContext#log()}.
 */
@FunctionalInterface
public interface JobRunner {
  /**
   * Runs one job to its end.
   *
   * @param context the job, its deployment, the downloaded model and where to log
   * @return the exit code: 0 for success
   * @throws Exception if the job failed; the job is then recorded as FAILED with the message
   */
  int run(JobContext context) throws Exception;
}
