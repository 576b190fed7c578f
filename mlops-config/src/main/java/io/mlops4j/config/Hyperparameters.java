package io.mlops4j.config;

/**
 * Training hyperparameters of a circuit's LSTM, from {@code training.hyperparameters}.
 *
 * <p>Optional keys and their defaults: {@code forecast_horizon} {@value #DEFAULT_FORECAST_HORIZON},
 * {@code validation_split} {@value #DEFAULT_VALIDATION_SPLIT}, {@code early_stopping_patience}
 * {@value #DEFAULT_EARLY_STOPPING_PATIENCE} (0 turns early stopping off), {@code seed} {@value
 * #DEFAULT_SEED}, {@code lstm_layers} {@value #DEFAULT_LSTM_LAYERS}.
 *
 * @param sequenceLength input window length in time steps, at least 2
 * @param lstmUnits units per LSTM layer, at least 1
 * @param dropout dropout rate, {@code 0 <= dropout < 1}
 * @param learningRate Adam learning rate, greater than 0
 * @param batchSize mini-batch size, at least 1
 * @param epochs maximum number of epochs, at least 1
 * @param forecastHorizon number of steps forecast ahead, at least 1
 * @param validationSplit chronological fraction held out for validation, {@code 0 < split < 1}
 * @param earlyStoppingPatience epochs without validation improvement before stopping; 0 = never
 * @param seed random seed for weight initialisation and shuffling, at least 0
 * @param lstmLayers number of stacked LSTM layers, at least 1
 */
public record Hyperparameters(
    int sequenceLength,
    int lstmUnits,
    double dropout,
    double learningRate,
    int batchSize,
    int epochs,
    int forecastHorizon,
    double validationSplit,
    int earlyStoppingPatience,
    long seed,
    int lstmLayers) {

  /** Default {@code forecast_horizon}. */
  public static final int DEFAULT_FORECAST_HORIZON = 1;

  /** Default {@code validation_split}. */
  public static final double DEFAULT_VALIDATION_SPLIT = 0.2;

  /** Default {@code early_stopping_patience}. */
  public static final int DEFAULT_EARLY_STOPPING_PATIENCE = 10;

  /** Default {@code seed}. */
  public static final long DEFAULT_SEED = 42;

  /** Default {@code lstm_layers}. */
  public static final int DEFAULT_LSTM_LAYERS = 1;

  public Hyperparameters {
    atLeast("sequenceLength", sequenceLength, 2);
    atLeast("lstmUnits", lstmUnits, 1);
    atLeast("batchSize", batchSize, 1);
    atLeast("epochs", epochs, 1);
    atLeast("forecastHorizon", forecastHorizon, 1);
    atLeast("earlyStoppingPatience", earlyStoppingPatience, 0);
    atLeast("lstmLayers", lstmLayers, 1);
    if (seed < 0) {
      throw new IllegalArgumentException("seed must be >= 0, was " + seed);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
    }
    if (!(validationSplit > 0 && validationSplit < 1)) {
      throw new IllegalArgumentException(
          "validationSplit must be in (0, 1), was " + validationSplit);
    }
  }

  /**
   * Returns the design's reference values (sequence 24, 128 units, dropout 0.2, learning rate
   * 0.001, batch 32, 50 epochs) with every optional key at its default.
   *
   * @return the reference hyperparameters
   */
  public static Hyperparameters defaults() {
    return new Hyperparameters(
        24,
        128,
        0.2,
        0.001,
        32,
        50,
        DEFAULT_FORECAST_HORIZON,
        DEFAULT_VALIDATION_SPLIT,
        DEFAULT_EARLY_STOPPING_PATIENCE,
        DEFAULT_SEED,
        DEFAULT_LSTM_LAYERS);
  }

  /**
   * Returns a copy with another number of epochs.
   *
   * @param value the number of epochs, at least 1
   * @return the copy
   */
  public Hyperparameters withEpochs(int value) {
    return new Hyperparameters(
        sequenceLength,
        lstmUnits,
        dropout,
        learningRate,
        batchSize,
        value,
        forecastHorizon,
        validationSplit,
        earlyStoppingPatience,
        seed,
        lstmLayers);
  }

  /**
   * Returns a copy with another number of LSTM units.
   *
   * @param value units per layer, at least 1
   * @return the copy
   */
  public Hyperparameters withLstmUnits(int value) {
    return new Hyperparameters(
        sequenceLength,
        value,
        dropout,
        learningRate,
        batchSize,
        epochs,
        forecastHorizon,
        validationSplit,
        earlyStoppingPatience,
        seed,
        lstmLayers);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param value the seed, at least 0
   * @return the copy
   */
  public Hyperparameters withSeed(long value) {
    return new Hyperparameters(
        sequenceLength,
        lstmUnits,
        dropout,
        learningRate,
        batchSize,
        epochs,
        forecastHorizon,
        validationSplit,
        earlyStoppingPatience,
        value,
        lstmLayers);
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
    }
  }
}
