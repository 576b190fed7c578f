package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * How a circuit's batch deployment runs, from the {@code deployment} section.
 *
 * <p>Optional keys and their defaults follow Azure ML's batch deployment defaults: {@code
 * instance_count} {@value #DEFAULT_INSTANCE_COUNT}, {@code max_concurrency_per_instance} {@value
 * #DEFAULT_MAX_CONCURRENCY_PER_INSTANCE}, {@code error_threshold} {@value #DEFAULT_ERROR_THRESHOLD}
 * (-1 = no limit), {@code retry_max} {@value #DEFAULT_RETRY_MAX}, {@code timeout} {@value
 * #DEFAULT_TIMEOUT_SECONDS} seconds.
 *
 * @param computeInstanceType the VM size of the compute cluster, such as {@code Standard_DS3_v2}
 * @param miniBatchSize number of input files per scoring call, at least 1
 * @param instanceCount number of nodes per scoring job, at least 1
 * @param maxConcurrencyPerInstance scoring processes per node, at least 1
 * @param errorThreshold failed input files tolerated per job; -1 for no limit
 * @param retryMax retries of a failed or timed-out mini-batch, at least 0
 * @param timeoutSeconds seconds allowed per mini-batch, at least 1
 */
public record DeploymentConfig(
    String computeInstanceType,
    int miniBatchSize,
    int instanceCount,
    int maxConcurrencyPerInstance,
    int errorThreshold,
    int retryMax,
    int timeoutSeconds) {

  /** Default {@code instance_count}. */
  public static final int DEFAULT_INSTANCE_COUNT = 1;

  /** Default {@code max_concurrency_per_instance}. */
  public static final int DEFAULT_MAX_CONCURRENCY_PER_INSTANCE = 1;

  /** Default {@code error_threshold}: no limit. */
  public static final int DEFAULT_ERROR_THRESHOLD = -1;

  /** Default {@code retry_max}. */
  public static final int DEFAULT_RETRY_MAX = 3;

  /** Default {@code timeout}, in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  public DeploymentConfig {
    requireNonNull(computeInstanceType, "computeInstanceType");
    if (miniBatchSize < 1
        || instanceCount < 1
        || maxConcurrencyPerInstance < 1
        || errorThreshold < -1
        || retryMax < 0
        || timeoutSeconds < 1) {
      throw new IllegalArgumentException(
          "deployment settings out of range: miniBatchSize, instanceCount,"
              + " maxConcurrencyPerInstance and timeoutSeconds must be >= 1, errorThreshold >= -1,"
              + " retryMax >= 0");
    }
  }
}
