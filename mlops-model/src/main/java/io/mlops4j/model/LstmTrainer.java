package io.mlops4j.model;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.Hyperparameters;
import io.mlops4j.config.HyperparametersHash;
import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.LogKeys;
import io.mlops4j.config.MlopsException;
import io.mlops4j.config.TrainingConfig;
import io.mlops4j.model.internal.LstmShape;
import io.mlops4j.model.internal.MetricsAccumulator;
import io.mlops4j.model.internal.ModelErrors;
import io.mlops4j.model.internal.Tensors;
import io.mlops4j.model.internal.TrainingLoop;
import io.mlops4j.model.internal.Versions;
import io.mlops4j.model.internal.Windowing;
import io.mlops4j.model.internal.Windows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a circuit's LSTM forecaster with TensorFlow Java.
 *
 * <p>The series is cut into windows of {@code sequence_length} input rows and {@code
 * forecast_horizon} target rows at its inferred sampling frequency (never across a gap), split
 * chronologically ({@code validation_split}; validation windows forecast only rows after the
 * training part's last target row), and standardized per feature with statistics of the training
 * part. The network is {@code lstm_layers} LSTM layers of {@code lstm_units}, dropout (training
 * only), and a dense layer with {@code forecast_horizon} outputs, with {@code window_normalization}
 * built into the graph. It is trained with Adam on shuffled mini-batches and early stopping on the
 * validation loss, keeping the best epoch's weights. The validation part is then scored in original
 * units against two naive baselines.
 *
 * <p>Deterministic: the same series, hyperparameters and seed give bit-identical weights on the
 * same machine with {@link TrainerThreads#single()} (other thread counts are not tested for it).
 * Instances are immutable; one instance may train several sets one after another or concurrently.
 */
public final class LstmTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(LstmTrainer.class);

  private final Hyperparameters hyperparameters;
  private final String hyperparametersHash;
  private final TrainerThreads threads;
  private final Clock clock;

  /**
   * Creates a trainer whose models record the hash of the resolved hyperparameters.
   *
   * @param hyperparameters the hyperparameters
   * @param threads TensorFlow thread pools
   * @param clock gives the model's creation time and the elapsed time in progress reports
   */
  public LstmTrainer(Hyperparameters hyperparameters, TrainerThreads threads, Clock clock) {
    this(hyperparameters, HyperparametersHash.of(hyperparameters.toConfigMap()), threads, clock);
  }

  private LstmTrainer(
      Hyperparameters hyperparameters, String hash, TrainerThreads threads, Clock clock) {
    this.hyperparameters = requireNonNull(hyperparameters, "hyperparameters");
    this.hyperparametersHash = requireNonNull(hash, "hash");
    this.threads = requireNonNull(threads, "threads");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * Creates a trainer for a circuit's training config; its models record the config's
   * hyperparameters hash (as registry tags use it).
   *
   * @param config the circuit's training config
   * @param threads TensorFlow thread pools
   * @param clock gives the model's creation time and the elapsed time in progress reports
   * @return the trainer
   */
  public static LstmTrainer of(TrainingConfig config, TrainerThreads threads, Clock clock) {
    return new LstmTrainer(config.hyperparameters(), config.hyperparametersHash(), threads, clock);
  }

  /**
   * Returns a trainer with other hyperparameters (and their resolved hash).
   *
   * @param other the hyperparameters
   * @return the trainer
   */
  public LstmTrainer withHyperparameters(Hyperparameters other) {
    return new LstmTrainer(other, threads, clock);
  }

  /**
   * Returns the hyperparameters.
   *
   * @return the hyperparameters
   */
  public Hyperparameters hyperparameters() {
    return hyperparameters;
  }

  /**
   * Trains without progress reports or cancellation.
   *
   * @param set the series to learn from
   * @return the model
   * @throws MlopsException if the series is too short, has non-finite values or no usable window
   */
  public TrainedModel train(TrainingSet set) {
    return train(set, TrainingListener.NONE, new TrainingControl());
  }

  /**
   * Trains.
   *
   * @param set the series to learn from
   * @param listener told after every epoch
   * @param control checked before every mini-batch for cancellation
   * @return the model, with the weights of the epoch with the lowest validation loss
   * @throws MlopsException if the series is too short, has non-finite values or no usable window,
   *     or training was cancelled
   */
  public TrainedModel train(TrainingSet set, TrainingListener listener, TrainingControl control) {
    requireNonNull(listener, "listener");
    requireNonNull(control, "control");
    Hyperparameters hp = hyperparameters;
    TrainingSeries series = set.series();
    String what = "training " + set.circuit();
    checkFinite(what + " series", series);
    int steps = hp.sequenceLength();
    int horizon = hp.forecastHorizon();
    Windowing plan = Windowing.plan(what, series.timestampMicros(), steps, horizon);
    int count = plan.count();
    int trainCount = (int) Math.floor(count * (1 - hp.validationSplit()));
    if (trainCount < 1 || trainCount >= count) {
      throw new InvalidInputException(ModelErrors.tooFewWindows(what, count, hp.validationSplit()));
    }
    int[] trainStarts = Arrays.copyOfRange(plan.starts(), 0, trainCount);
    int lastTrainRow = trainStarts[trainCount - 1] + steps + horizon - 1;
    // validation windows forecast rows after the training part only: with forecast_horizon > 1
    // the next windows' first targets were still targets of the last training windows
    int firstVal = trainCount;
    while (firstVal < count && plan.starts()[firstVal] + steps <= lastTrainRow) {
      firstVal++;
    }
    if (firstVal >= count) {
      throw new InvalidInputException(ModelErrors.tooFewWindows(what, count, hp.validationSplit()));
    }
    int[] valStarts = Arrays.copyOfRange(plan.starts(), firstVal, count);
    FeatureScaler scaler = fit(series, lastTrainRow + 1);
    int target = series.targetIndex();
    Windows train = windows(series, scaler, trainStarts, steps, horizon);
    Windows val = windows(series, scaler, valStarts, steps, horizon);
    LstmShape shape =
        new LstmShape(
            steps,
            series.featureColumns().size(),
            hp.lstmUnits(),
            hp.lstmLayers(),
            horizon,
            target);

    Instant started = clock.instant();
    TrainingLoop.Outcome outcome =
        new TrainingLoop(shape, hp, Tensors.config(threads.intraOp(), threads.interOp()))
            .run(
                train,
                val,
                (epoch, loss, valLoss) ->
                    listener.onEpoch(
                        new EpochProgress(
                            epoch,
                            hp.epochs(),
                            loss,
                            valLoss,
                            Duration.between(started, clock.instant()))),
                control::isCancelled);
    listener.onEpochsEnd(outcome.epochsRun());
    if (outcome.cancelled()) {
      throw new MlopsException(ModelErrors.cancelled(what, outcome.epochsRun()));
    }
    Duration frequency = Duration.ofNanos(plan.frequencyMicros() * 1000);
    ValidationReport report =
        evaluate(series, scaler, valStarts, outcome, frequency, plan.frequencyMicros());
    ModelMetadata metadata =
        new ModelMetadata(
            ModelMetadata.FORMAT_VERSION,
            set.circuit(),
            hp,
            hyperparametersHash,
            series.featureColumns(),
            series.targetColumn(),
            scaler,
            frequency,
            set.lineage(),
            new WindowStats(count, plan.skipped(), trainCount, valStarts.length),
            report,
            Versions.library(),
            Versions.tensorflow(),
            clock.instant());
    LOG.atInfo()
        .addKeyValue(LogKeys.PLANT_ID, set.circuit().plant().value())
        .addKeyValue(LogKeys.CIRCUIT_ID, set.circuit().circuit().value())
        .addKeyValue(LogKeys.ROWS, series.size())
        .addKeyValue(LogKeys.DURATION_MS, Duration.between(started, clock.instant()).toMillis())
        .addKeyValue("epochs_run", outcome.epochsRun())
        .addKeyValue("best_epoch", outcome.bestEpoch())
        .log("trained circuit");
    return new TrainedModel(metadata, outcome.weights());
  }

  static void checkFinite(String what, TrainingSeries series) {
    for (int c = 0; c < series.features().length; c++) {
      double[] column = series.features()[c];
      for (int r = 0; r < column.length; r++) {
        if (!Double.isFinite(column[r])) {
          throw new InvalidInputException(
              ModelErrors.nonFinite(
                  what,
                  series.featureColumns().get(c),
                  r,
                  Instant.EPOCH.plusNanos(series.timestampMicros()[r] * 1000),
                  column[r]));
        }
      }
    }
  }

  private static FeatureScaler fit(TrainingSeries series, int rows) {
    List<Double> means = new ArrayList<>();
    List<Double> stds = new ArrayList<>();
    for (double[] column : series.features()) {
      double sum = 0;
      for (int r = 0; r < rows; r++) {
        sum += column[r];
      }
      double mean = sum / rows;
      double sq = 0;
      for (int r = 0; r < rows; r++) {
        sq += (column[r] - mean) * (column[r] - mean);
      }
      double std = Math.sqrt(sq / rows);
      means.add(mean);
      stds.add(std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1.0);
    }
    return new FeatureScaler(means, stds);
  }

  private static Windows windows(
      TrainingSeries series, FeatureScaler scaler, int[] starts, int steps, int horizon) {
    int features = series.featureColumns().size();
    int target = series.targetIndex();
    float[] x = new float[starts.length * steps * features];
    float[] y = new float[starts.length * horizon];
    int[] firstTarget = new int[starts.length];
    double[][] cols = series.features();
    for (int w = 0; w < starts.length; w++) {
      int s = starts[w];
      int base = w * steps * features;
      for (int t = 0; t < steps; t++) {
        for (int f = 0; f < features; f++) {
          x[base + t * features + f] = (float) scaler.standardize(f, cols[f][s + t]);
        }
      }
      for (int k = 0; k < horizon; k++) {
        y[w * horizon + k] = (float) scaler.standardize(target, cols[target][s + steps + k]);
      }
      firstTarget[w] = s + steps;
    }
    return new Windows(x, y, starts.length, firstTarget);
  }

  private ValidationReport evaluate(
      TrainingSeries series,
      FeatureScaler scaler,
      int[] valStarts,
      TrainingLoop.Outcome outcome,
      Duration frequency,
      long frequencyMicros) {
    int steps = hyperparameters.sequenceLength();
    int horizon = hyperparameters.forecastHorizon();
    int target = series.targetIndex();
    double[] y = series.features()[target];
    long[] ts = series.timestampMicros();
    long dayMicros = 86_400_000_000L;
    int period = dayMicros % frequencyMicros == 0 ? (int) (dayMicros / frequencyMicros) : 0;
    MetricsAccumulator model = new MetricsAccumulator(horizon);
    MetricsAccumulator last = new MetricsAccumulator(horizon);
    MetricsAccumulator seasonal = new MetricsAccumulator(horizon);
    float[] predictions = outcome.valPredictions();
    for (int w = 0; w < valStarts.length; w++) {
      int lastInput = valStarts[w] + steps - 1;
      for (int k = 0; k < horizon; k++) {
        int row = lastInput + 1 + k;
        double actual = y[row];
        model.add(k, scaler.restore(target, predictions[w * horizon + k]), actual);
        last.add(k, y[lastInput], actual);
        if (period > 0) {
          // the value one day before the forecast time, known at forecast time only if it is
          // not after the last input row
          int back = Arrays.binarySearch(ts, ts[row] - dayMicros);
          if (back >= 0 && back <= lastInput) {
            seasonal.add(k, y[back], actual);
          }
        }
      }
    }
    return new ValidationReport(
        outcome.bestEpoch(),
        outcome.epochsRun(),
        model.result(),
        last.result(),
        seasonal.result(),
        period);
  }
}
