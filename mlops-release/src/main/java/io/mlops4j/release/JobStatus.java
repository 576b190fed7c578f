package io.mlops4j.release;

/** The life of a batch scoring job. */
public enum JobStatus {
  /** Accepted, not started. */
  QUEUED,
  /** Running. */
  RUNNING,
  /** Finished successfully. */
  COMPLETED,
  /** Finished with an error. */
  FAILED,
  /** Cancelled before it finished. */
  CANCELED;

  /**
   * Tells whether the job has ended.
   *
   * @return true for COMPLETED, FAILED and CANCELED
   */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELED;
  }
}
