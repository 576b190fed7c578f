package io.mlops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops4j.config.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {
  static TrainingSeries series;
  static TrainedModel model;

  @BeforeAll
  static void train() {
    series = GeneratedSeries.hourly(300, 11);
    model = LstmTrainerTest.trainer(LstmTrainerTest.tiny()).train(GeneratedSeries.set(series));
  }

  private static List<double[][]> windows(int count) {
    List<double[][]> windows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      windows.add(GeneratedSeries.windowBefore(series, 100 + i, 12));
    }
    return windows;
  }

  @Test
  void saveThenLoadGivesIdenticalMetadataAndPredictions(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("models/P001_C001");
    model.save(dir);

    assertThat(dir.resolve("saved_model.pb")).isRegularFile();
    assertThat(dir.resolve("variables")).isDirectory();
    assertThat(dir.resolve(TrainedModel.METADATA_FILE)).isRegularFile();
    try (Stream<Path> siblings = Files.list(dir.getParent())) {
      assertThat(siblings).containsExactly(dir); // no temporary directory left behind
    }
    try (Forecaster inMemory = model.forecaster(TrainerThreads.single());
        Forecaster loaded = Forecaster.load(dir)) {
      assertThat(loaded.metadata()).isEqualTo(model.metadata());
      double[][] expected = inMemory.predict(windows(40));
      double[][] actual = loaded.predict(windows(40));
      assertThat(actual).isDeepEqualTo(expected);
      assertThat(loaded.predict(windows(1).get(0))).containsExactly(expected[0]);
      assertThat(actual[0]).hasSize(2);
    }
  }

  @Test
  void stackedLayersAndMeanNormalizationRoundTripToo(@TempDir Path tmp) {
    io.mlops4j.config.Hyperparameters hp =
        new io.mlops4j.config.Hyperparameters(
            12, 6, 0.2, 0.01, 16, 1, 3, 0.25, 0, 5, 2, io.mlops4j.config.WindowNormalization.MEAN);
    TrainedModel stacked = LstmTrainerTest.trainer(hp).train(GeneratedSeries.set(series));
    assertThat(stacked.weights()).hasSize(3 * 2 + 2);
    Path dir = tmp.resolve("stacked");
    stacked.save(dir);
    try (Forecaster inMemory = stacked.forecaster(TrainerThreads.single());
        Forecaster loaded = Forecaster.load(dir)) {
      assertThat(loaded.predict(windows(10))).isDeepEqualTo(inMemory.predict(windows(10)));
      assertThat(loaded.predict(windows(1).get(0))).hasSize(3);
    }
  }

  @Test
  void forecastAfterUsesTheLastRowsAndStampsEachStep(@TempDir Path tmp) {
    try (Forecaster forecaster = model.forecaster(TrainerThreads.single())) {
      Forecast f = forecaster.forecastAfter(series);
      long last = series.timestampMicros()[series.size() - 1];
      assertThat(f.times())
          .containsExactly(
              java.time.Instant.EPOCH.plusNanos((last + GeneratedSeries.HOUR) * 1000),
              java.time.Instant.EPOCH.plusNanos((last + 2 * GeneratedSeries.HOUR) * 1000));
      assertThat(f.values())
          .containsExactly(
              forecaster.predict(GeneratedSeries.windowBefore(series, series.size(), 12))[0],
              forecaster.predict(GeneratedSeries.windowBefore(series, series.size(), 12))[1]);
    }
  }

  @Test
  void savingOverAnExistingDirectoryIsRefused(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("m"));
    assertThatThrownBy(() -> model.save(dir))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("already exists; choose a new directory or delete it first");
  }

  @Test
  void foreignOrMissingDirectoriesAreRejected(@TempDir Path tmp) throws IOException {
    assertThatThrownBy(() -> Forecaster.load(tmp.resolve("nope")))
        .isInstanceOf(InvalidModelDirectoryException.class)
        .hasMessageContaining("does not exist or is not a directory");
    Files.writeString(tmp.resolve("README.txt"), "hello");
    assertThatThrownBy(() -> Forecaster.load(tmp))
        .isInstanceOf(InvalidModelDirectoryException.class)
        .hasMessageContaining("is not an mlops4j model directory: mlops-model.json is missing");
  }

  @Test
  void corruptMetadataIsRejectedNamingTheProblem(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("m");
    model.save(dir);
    Path json = dir.resolve(TrainedModel.METADATA_FILE);
    String original = Files.readString(json);

    Files.writeString(json, "{ not json");
    assertThatThrownBy(() -> Forecaster.load(dir))
        .isInstanceOf(InvalidModelDirectoryException.class)
        .hasFieldOrPropertyWithValue("directory", dir)
        .hasMessageContaining("has a corrupt mlops-model.json: not valid JSON");

    Files.writeString(json, original.replace("\"target_column\"", "\"target_col\""));
    assertThatThrownBy(() -> Forecaster.load(dir))
        .hasMessageContaining("corrupt mlops-model.json: field 'target_column' is missing");

    Files.writeString(json, original.replace("\"format_version\" : 1", "\"format_version\" : 9"));
    assertThatThrownBy(() -> Forecaster.load(dir))
        .hasMessageContaining(
            "has metadata format_version 9; this release of mlops-model reads"
                + " format_version 1");
  }

  @Test
  void metadataThatDoesNotMatchTheGraphIsRejected(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("m");
    model.save(dir);
    Path json = dir.resolve(TrainedModel.METADATA_FILE);
    Files.writeString(
        json,
        Files.readString(json).replace("\"sequence_length\" : 12", "\"sequence_length\" : 24"));
    assertThatThrownBy(() -> Forecaster.load(dir))
        .isInstanceOf(InvalidModelDirectoryException.class)
        .hasMessageContaining(
            "the SavedModel's input shape is [-1, 12, 2] but mlops-model.json says [-1, 24, 2]");
  }

  @Test
  void metadataWhosePartsDoNotFitTogetherIsRejected(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("m");
    model.save(dir);
    Path json = dir.resolve(TrainedModel.METADATA_FILE);
    ObjectMapper mapper = new ObjectMapper();
    String original = Files.readString(json);

    ObjectNode oneMean = (ObjectNode) mapper.readTree(original);
    ((ObjectNode) oneMean.get("scaler")).putArray("mean").add(1.0);
    ((ObjectNode) oneMean.get("scaler")).putArray("std").add(1.0);
    Files.writeString(json, mapper.writeValueAsString(oneMean));
    assertThatThrownBy(() -> Forecaster.load(dir))
        .isInstanceOf(InvalidModelDirectoryException.class)
        .hasMessageContaining(
            "corrupt mlops-model.json: scaler has 1 means and stds but there are 2"
                + " feature_columns [load, hour]");

    Files.writeString(
        json, original.replace("\"target_column\" : \"load\"", "\"target_column\" : \"x\""));
    assertThatThrownBy(() -> Forecaster.load(dir))
        .hasMessageContaining("target_column 'x' is not one of the feature_columns [load, hour]");

    Files.writeString(json, original.replace("mlops4j-lstm-forecaster", "keras"));
    assertThatThrownBy(() -> Forecaster.load(dir))
        .hasMessageContaining(
            "corrupt mlops-model.json: field 'format' is 'keras'; expected"
                + " 'mlops4j-lstm-forecaster'");
  }

  @Test
  void metadataWhoseUnitsOrLayersDifferFromTheWeightsIsRejected(@TempDir Path tmp)
      throws IOException {
    Path dir = tmp.resolve("m");
    model.save(dir);
    Path json = dir.resolve(TrainedModel.METADATA_FILE);
    String original = Files.readString(json);

    Files.writeString(json, original.replace("\"lstm_units\" : 8", "\"lstm_units\" : 16"));
    assertThatThrownBy(() -> Forecaster.load(dir))
        .isInstanceOf(InvalidModelDirectoryException.class)
        .hasMessageContaining(
            "the SavedModel's weight 'lstm_0/kernel' shape is [2, 32] but mlops-model.json says"
                + " [2, 64]");

    Files.writeString(json, original.replace("\"lstm_layers\" : 1", "\"lstm_layers\" : 2"));
    assertThatThrownBy(() -> Forecaster.load(dir))
        .hasMessageContaining("weight 'lstm_1/kernel' shape is missing");
  }

  @Test
  void corruptSavedModelIsRejected(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("m");
    model.save(dir);
    Files.write(dir.resolve("saved_model.pb"), new byte[] {1, 2, 3, 4, 5});
    assertThatThrownBy(() -> Forecaster.load(dir))
        .isInstanceOf(InvalidModelDirectoryException.class)
        .hasMessageContaining("has a SavedModel TensorFlow cannot load");
    Files.delete(dir.resolve("saved_model.pb"));
    assertThatThrownBy(() -> Forecaster.load(dir))
        .hasMessageContaining("is not an mlops4j model directory: saved_model.pb is missing");
  }

  @Test
  void wrongWindowShapeOrNonFiniteInputIsAClearError() {
    try (Forecaster forecaster = model.forecaster(TrainerThreads.single())) {
      assertThatThrownBy(() -> forecaster.predict(new double[12][3]))
          .isInstanceOf(IncompatibleModelException.class)
          .hasMessage(
              "model expects windows of [12 steps, 2 features] (features [load, hour]) but got"
                  + " [3 features] at step 0 of window 0")
          .extracting(e -> ((IncompatibleModelException) e).expected())
          .isEqualTo("[12 steps, 2 features]");
      assertThatThrownBy(() -> forecaster.predict(new double[5][2]))
          .isInstanceOf(IncompatibleModelException.class)
          .hasMessageContaining("but got [5 steps] in window 0");
      double[][] window = GeneratedSeries.windowBefore(series, 50, 12);
      window[4][1] = Double.NaN;
      assertThatThrownBy(() -> forecaster.predict(window))
          .isInstanceOf(MlopsException.class)
          .hasMessageContaining("forecast input window 0, step 4: column 'hour' is NaN");
      assertThatThrownBy(() -> forecaster.predict(List.of()))
          .hasMessageContaining("no windows to forecast");
      assertThatThrownBy(() -> forecaster.forecastAfter(GeneratedSeries.rows(series, 0, 5)))
          .hasMessageStartingWith(
              "forecasting needs at least 12 rows (sequence_length 12) but only 5 are available");
    }
  }
}
