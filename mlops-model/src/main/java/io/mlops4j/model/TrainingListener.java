package io.mlops4j.model;

/**
 * Told about training progress, for progress bars and experiment logging. Called on the training
 * thread after every epoch; keep it quick. An exception thrown here aborts training.
 */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores progress. */
  TrainingListener NONE = progress -> {};

  /**
   * Reports an epoch.
   *
   * @param progress the epoch's losses and the elapsed time
   */
  void onEpoch(EpochProgress progress);
}
