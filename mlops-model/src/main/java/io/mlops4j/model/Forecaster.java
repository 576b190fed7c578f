package io.mlops4j.model;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.model.internal.LstmShape;
import io.mlops4j.model.internal.MetadataJson;
import io.mlops4j.model.internal.ModelErrors;
import io.mlops4j.model.internal.Network;
import io.mlops4j.model.internal.Tensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecasts a circuit's target with a trained model, in original units: inputs are standardized
 * with the model's scaler, the network runs in a TensorFlow session, and the forecast is restored
 * to the target's units.
 *
 * <p>Holds a TensorFlow session until {@link #close()}; use try-with-resources. {@code predict} may
 * be called from several threads at once.
 */
public final class Forecaster implements AutoCloseable {
  private static final int CHUNK = 4096;

  private final Path dir;
  private final ModelMetadata metadata;
  private final Network network;

  Forecaster(Path dir, ModelMetadata metadata, Network network) {
    this.dir = dir;
    this.metadata = requireNonNull(metadata, "metadata");
    this.network = requireNonNull(network, "network");
  }

  /**
   * Loads a model directory with one TensorFlow thread per pool.
   *
   * @param dir a directory written by {@link TrainedModel#save(Path)}
   * @return the forecaster
   * @throws InvalidModelDirectoryException if the directory is missing, foreign or corrupt, or its
   *     graph does not match its metadata
   */
  public static Forecaster load(Path dir) {
    return load(dir, TrainerThreads.single());
  }

  /**
   * Loads a model directory.
   *
   * @param dir a directory written by {@link TrainedModel#save(Path)}
   * @param threads TensorFlow thread pools
   * @return the forecaster
   * @throws InvalidModelDirectoryException if the directory is missing, foreign or corrupt, or its
   *     graph does not match its metadata
   */
  public static Forecaster load(Path dir, TrainerThreads threads) {
    ModelMetadata metadata = readMetadata(dir);
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new InvalidModelDirectoryException(ModelErrors.notAModel(dir, "saved_model.pb"), dir);
    }
    Network network = Network.load(dir, dir, Tensors.config(threads.intraOp(), threads.interOp()));
    try {
      check(dir, metadata, network);
      return new Forecaster(dir, metadata, network);
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  /**
   * Reads a model directory's metadata without loading TensorFlow.
   *
   * @param dir a model directory
   * @return its metadata
   * @throws InvalidModelDirectoryException if the directory is missing, foreign or its metadata
   *     corrupt
   */
  public static ModelMetadata readMetadata(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidModelDirectoryException(ModelErrors.noSuchModel(dir), dir);
    }
    Path file = dir.resolve(TrainedModel.METADATA_FILE);
    if (!Files.isRegularFile(file)) {
      throw new InvalidModelDirectoryException(
          ModelErrors.notAModel(dir, TrainedModel.METADATA_FILE), dir);
    }
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidModelDirectoryException(
          ModelErrors.corruptMetadata(dir, e.toString()), dir, e);
    }
    ModelMetadata metadata;
    try {
      metadata = MetadataJson.read(json);
    } catch (RuntimeException e) {
      throw new InvalidModelDirectoryException(
          ModelErrors.corruptMetadata(dir, e.getMessage()), dir, e);
    }
    if (metadata.formatVersion() != ModelMetadata.FORMAT_VERSION) {
      throw new InvalidModelDirectoryException(
          ModelErrors.unsupportedFormat(
              dir, metadata.formatVersion(), ModelMetadata.FORMAT_VERSION),
          dir);
    }
    return metadata;
  }

  private static void check(Path dir, ModelMetadata m, Network network) {
    long[] in = network.inputShape();
    long[] expectedIn = {-1, m.hyperparameters().sequenceLength(), m.featureColumns().size()};
    if (!Arrays.equals(in, expectedIn)) {
      throw new InvalidModelDirectoryException(
          ModelErrors.graphMismatch(
              dir, "input shape", Arrays.toString(expectedIn), Arrays.toString(in)),
          dir);
    }
    long[] out = network.outputShape();
    long[] expectedOut = {-1, m.hyperparameters().forecastHorizon()};
    if (!Arrays.equals(out, expectedOut)) {
      throw new InvalidModelDirectoryException(
          ModelErrors.graphMismatch(
              dir, "output shape", Arrays.toString(expectedOut), Arrays.toString(out)),
          dir);
    }
    if (!network.inputType().equals("DT_FLOAT")) {
      throw new InvalidModelDirectoryException(
          ModelErrors.graphMismatch(dir, "input type", "DT_FLOAT", network.inputType()), dir);
    }
    // the weights: lstm_units, lstm_layers and the feature count must be the graph's too
    LstmShape shape = TrainedModel.shape(m);
    List<String> names = shape.names();
    List<long[]> shapes = shape.shapes();
    for (int i = 0; i < names.size(); i++) {
      long[] actual = network.variableShape(names.get(i));
      if (!Arrays.equals(actual, shapes.get(i))) {
        throw new InvalidModelDirectoryException(
            ModelErrors.graphMismatch(
                dir,
                "weight '" + names.get(i) + "' shape",
                Arrays.toString(shapes.get(i)),
                actual == null ? "missing" : Arrays.toString(actual)),
            dir);
      }
    }
    String extraLayer = "lstm_" + shape.layers() + "/kernel";
    if (network.variableShape(extraLayer) != null) {
      throw new InvalidModelDirectoryException(
          ModelErrors.graphMismatch(
              dir,
              "number of LSTM layers",
              "lstm_layers " + shape.layers(),
              "more (it has '" + extraLayer + "')"),
          dir);
    }
  }

  /**
   * Returns the model's metadata.
   *
   * @return the metadata
   */
  public ModelMetadata metadata() {
    return metadata;
  }

  /**
   * Forecasts from one window.
   *
   * @param window {@code [sequence_length][n_features]} values in original units, oldest first,
   *     features in {@link ModelMetadata#featureColumns()} order
   * @return {@code forecast_horizon} target values in original units
   * @throws IncompatibleModelException if the window has the wrong number of steps or features
   * @throws MlopsException if a value is NaN or infinite
   */
  public double[] predict(double[][] window) {
    return predict(List.<double[][]>of(window))[0];
  }

  /**
   * Forecasts from a batch of windows.
   *
   * @param windows windows as for {@link #predict(double[][])}
   * @return one forecast per window
   * @throws IncompatibleModelException if a window has the wrong number of steps or features
   * @throws MlopsException if there are no windows or a value is NaN or infinite
   */
  public double[][] predict(List<double[][]> windows) {
    if (windows.isEmpty()) {
      throw new InvalidInputException(ModelErrors.noWindowsToPredict());
    }
    int steps = metadata.hyperparameters().sequenceLength();
    int features = metadata.featureColumns().size();
    int horizon = metadata.hyperparameters().forecastHorizon();
    int target = metadata.targetIndex();
    FeatureScaler scaler = metadata.scaler();
    double[][] out = new double[windows.size()][];
    for (int start = 0; start < windows.size(); start += CHUNK) {
      int n = Math.min(CHUNK, windows.size() - start);
      float[] x = new float[n * steps * features];
      for (int w = 0; w < n; w++) {
        double[][] window = windows.get(start + w);
        checkShape(start + w, window, steps, features);
        for (int t = 0; t < steps; t++) {
          for (int f = 0; f < features; f++) {
            double v = window[t][f];
            if (!Double.isFinite(v)) {
              throw new InvalidInputException(
                  ModelErrors.nonFinite(
                      "forecast input window " + (start + w) + ", step " + t,
                      metadata.featureColumns().get(f),
                      t,
                      null,
                      v));
            }
            x[(w * steps + t) * features + f] = (float) scaler.standardize(f, v);
          }
        }
      }
      float[] y = network.run(x, n, steps, features);
      for (int w = 0; w < n; w++) {
        double[] forecast = new double[horizon];
        for (int k = 0; k < horizon; k++) {
          forecast[k] = scaler.restore(target, y[w * horizon + k]);
        }
        out[start + w] = forecast;
      }
    }
    return out;
  }

  /**
   * Forecasts the steps after the last row of a series from its last {@code sequence_length} rows,
   * which must be consecutive at the model's frequency.
   *
   * @param series rows with the model's feature columns (in any order; extra columns are ignored)
   * @return the forecast, with the time of each step
   * @throws MlopsException if there are too few rows, the last rows have a gap, a column is missing
   *     or a value is NaN or infinite
   */
  public Forecast forecastAfter(TrainingSeries series) {
    int steps = metadata.hyperparameters().sequenceLength();
    int n = series.size();
    if (n < steps) {
      throw new InvalidInputException(ModelErrors.tooFewRows("forecasting", n, steps, 0));
    }
    long freq = metadata.frequency().toNanos() / 1000;
    long[] ts = series.timestampMicros();
    for (int r = n - steps + 1; r < n; r++) {
      if (ts[r] - ts[r - 1] != freq) {
        throw new InvalidInputException(
            ModelErrors.latestWindowHasGap(
                steps, metadata.frequency(), Instant.EPOCH.plusNanos(ts[r] * 1000)));
      }
    }
    List<String> columns = metadata.featureColumns();
    double[][] window = new double[steps][columns.size()];
    for (int f = 0; f < columns.size(); f++) {
      int c = series.featureColumns().indexOf(columns.get(f));
      if (c < 0) {
        throw new InvalidInputException(
            ModelErrors.missingColumn(columns.get(f), "of the series", series.featureColumns()));
      }
      for (int t = 0; t < steps; t++) {
        window[t][f] = series.features()[c][n - steps + t];
      }
    }
    double[] values = predict(window);
    List<Instant> times = new ArrayList<>();
    List<Double> list = new ArrayList<>();
    for (int k = 0; k < values.length; k++) {
      times.add(Instant.EPOCH.plusNanos((ts[n - 1] + (k + 1) * freq) * 1000));
      list.add(values[k]);
    }
    return new Forecast(times, list);
  }

  private void checkShape(int index, double[][] window, int steps, int features) {
    String expected = "[" + steps + " steps, " + features + " features]";
    if (window.length != steps) {
      String actual = "[" + window.length + " steps] in window " + index;
      throw new IncompatibleModelException(
          ModelErrors.wrongShape(dir, expected, actual, metadata.featureColumns()),
          expected,
          actual);
    }
    for (int t = 0; t < steps; t++) {
      if (window[t].length != features) {
        String actual = "[" + window[t].length + " features] at step " + t + " of window " + index;
        throw new IncompatibleModelException(
            ModelErrors.wrongShape(dir, expected, actual, metadata.featureColumns()),
            expected,
            actual);
      }
    }
  }

  @Override
  public void close() {
    network.close();
  }
}
