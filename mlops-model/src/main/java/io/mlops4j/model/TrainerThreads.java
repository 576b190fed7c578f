package io.mlops4j.model;

/**
 * TensorFlow thread pools of one trainer or forecaster. Several trainers in one JVM (a plant's
 * circuits trained in parallel) should each get a share of the cores, so together they do not
 * oversubscribe them.
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
