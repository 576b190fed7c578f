package io.mlops4j.model;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets another thread cancel a running training. Training checks it before every mini-batch and
 * then fails with a {@link io.mlops4j.config.MlopsException} saying it was cancelled. Thread-safe.
 */
public final class TrainingControl {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** Creates a control that is not cancelled. */
  public TrainingControl() {}

  /** Asks the training to stop as soon as possible. */
  public void cancel() {
    cancelled.set(true);
  }

  /**
   * Returns whether {@link #cancel()} was called.
   *
   * @return true once cancelled
   */
  public boolean isCancelled() {
    return cancelled.get();
  }
}
