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

  /**
   * Reports that no more epochs will run: all ran, early stopping ended them, or training was
   * cancelled. Called once, after the last {@link #onEpoch}, before the validation part is scored
   * and the trainer logs its milestone, so a progress bar can end its line. Does nothing by
   * default.
   *
   * @param epochsRun epochs completed
   */
  default void onEpochsEnd(int epochsRun) {}
}
