package io.mlops4j.config;

/**
 * Training hyperparameters of a circuit's LSTM, from {@code training.hyperparameters}.
 *
 * <p>Optional keys and their defaults: {@code forecast_horizon} {@value #DEFAULT_FORECAST_HORIZON},
 * {@code validation_split} {@value #DEFAULT_VALIDATION_SPLIT}, {@code early_stopping_patience}
 * {@value #DEFAULT_EARLY_STOPPING_PATIENCE} (0 turns early stopping off), {@code seed} {@value
 * #DEFAULT_SEED}, {@code lstm_layers} {@value #DEFAULT_LSTM_LAYERS}, {@code window_normalization}
 * {@code last_value} ({@link #DEFAULT_WINDOW_NORMALIZATION}).
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
 * @param windowNormalization how each input window is re-centred on its own level
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
    int lstmLayers,
    WindowNormalization windowNormalization) {

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

  /**
   * Default {@code window_normalization}: re-centring each window on its last value validated
   * better than {@code none} and {@code mean} on series with a level shift after training (see
   * mlops-model's {@code LevelShiftTest}), and no worse without one.
   */
  public static final WindowNormalization DEFAULT_WINDOW_NORMALIZATION =
      WindowNormalization.LAST_VALUE;

  public Hyperparameters {
    java.util.Objects.requireNonNull(windowNormalization, "windowNormalization");
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
   * Creates hyperparameters with the default {@code window_normalization}.
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
  public Hyperparameters(
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
    this(
        sequenceLength,
        lstmUnits,
        dropout,
        learningRate,
        batchSize,
        epochs,
        forecastHorizon,
        validationSplit,
        earlyStoppingPatience,
        seed,
        lstmLayers,
        DEFAULT_WINDOW_NORMALIZATION);
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
        lstmLayers,
        windowNormalization);
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
        lstmLayers,
        windowNormalization);
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
        lstmLayers,
        windowNormalization);
  }

  /**
   * Returns a copy with another window normalization.
   *
   * @param value the normalization
   * @return the copy
   */
  public Hyperparameters withWindowNormalization(WindowNormalization value) {
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
        seed,
        lstmLayers,
        value);
  }

  /**
   * Returns a copy with another sequence length and forecast horizon.
   *
   * @param sequence input window length, at least 2
   * @param horizon steps forecast ahead, at least 1
   * @return the copy
   */
  public Hyperparameters withWindow(int sequence, int horizon) {
    return new Hyperparameters(
        sequence,
        lstmUnits,
        dropout,
        learningRate,
        batchSize,
        epochs,
        horizon,
        validationSplit,
        earlyStoppingPatience,
        seed,
        lstmLayers,
        windowNormalization);
  }

  /**
   * Returns a copy with another batch size and learning rate.
   *
   * @param batch mini-batch size, at least 1
   * @param rate Adam learning rate, greater than 0
   * @return the copy
   */
  public Hyperparameters withOptimizer(int batch, double rate) {
    return new Hyperparameters(
        sequenceLength,
        lstmUnits,
        dropout,
        rate,
        batch,
        epochs,
        forecastHorizon,
        validationSplit,
        earlyStoppingPatience,
        seed,
        lstmLayers,
        windowNormalization);
  }

  /**
   * Returns a copy with another dropout rate and early-stopping patience.
   *
   * @param rate dropout rate, {@code 0 <= rate < 1}
   * @param patience epochs without validation improvement before stopping; 0 = never
   * @return the copy
   */
  public Hyperparameters withRegularization(double rate, int patience) {
    return new Hyperparameters(
        sequenceLength,
        lstmUnits,
        rate,
        learningRate,
        batchSize,
        epochs,
        forecastHorizon,
        validationSplit,
        patience,
        seed,
        lstmLayers,
        windowNormalization);
  }

  /**
   * Returns the resolved hyperparameters under their config names ({@code sequence_length}, ...,
   * {@code window_normalization}), every optional key filled with its value, as Python would read
   * them: ints as {@link Integer} or {@link Long}, floats as {@link Double}, the normalization as
   * its config name.
   *
   * @return config names to values, in a stable order
   */
  public java.util.Map<String, Object> toConfigMap() {
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("sequence_length", sequenceLength);
    map.put("lstm_units", lstmUnits);
    map.put("dropout", dropout);
    map.put("learning_rate", learningRate);
    map.put("batch_size", batchSize);
    map.put("epochs", epochs);
    map.put("forecast_horizon", forecastHorizon);
    map.put("validation_split", validationSplit);
    map.put("early_stopping_patience", earlyStoppingPatience);
    map.put("seed", seed);
    map.put("lstm_layers", lstmLayers);
    map.put("window_normalization", windowNormalization.configName());
    return java.util.Collections.unmodifiableMap(map);
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
    }
  }
}
