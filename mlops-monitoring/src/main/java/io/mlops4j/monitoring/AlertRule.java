package io.mlops4j.monitoring;

/** The design's alert rules. */
public enum AlertRule {
  /** A circuit's forecast accuracy reached a WARNING or CRITICAL threshold. */
  PERFORMANCE_DEGRADATION,
  /** A circuit's inputs drifted (medium or high severity). */
  DRIFT,
  /** A batch scoring job failed. */
  BATCH_JOB_FAILURE,
  /** More than {@value AlertRules#TRAINING_FAILURES_PER_DAY} training jobs failed in 24 hours. */
  TRAINING_FAILURE_RATE
}
