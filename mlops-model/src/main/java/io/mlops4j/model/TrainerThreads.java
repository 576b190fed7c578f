package io.mlops4j.model;

/**
 * TensorFlow thread pools of one trainer or forecaster. Several trainers in one JVM (a plant's
 * circuits trained in parallel) should each get a share of the cores, so together they do not
 * oversubscribe them.
 *
 * <p>Each session gets its own pool of {@code interOp} threads, so trainers running on their own
 * Java threads run in parallel. TensorFlow keeps one intra-op pool per process, sized by the first
 * session the process creates; a later, different {@code intraOp} has no effect. For parallel
 * trainers keep {@code intraOp} at 1 (as {@link #single()} does): five trainers then use at most
 * five threads for their ops.
 *
 * @param intraOp threads one op may use (matrix products), at least 1
 * @param interOp ops that may run at once, at least 1
 */
public record TrainerThreads(int intraOp, int interOp) {
  /** Checks both counts. */
  public TrainerThreads {
    if (intraOp < 1 || interOp < 1) {
      throw new IllegalArgumentException(
          "thread counts must be >= 1, were intraOp=" + intraOp + ", interOp=" + interOp);
    }
  }

  /**
   * One thread each: the setting training is deterministic under (tested), and fast enough for the
   * design's model sizes (see {@code mlops model bench}).
   *
   * @return {@code (1, 1)}
   */
  public static TrainerThreads single() {
    return new TrainerThreads(1, 1);
  }
}
