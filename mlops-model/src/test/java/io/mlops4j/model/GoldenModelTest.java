package io.mlops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A tiny model saved by this release (src/test/resources/golden/tiny-lstm) with its expected
 * forecasts: catches drift in the directory format, the metadata and the graph. Regenerate only on
 * a deliberate format change, with {@code -Dmlops.golden.write=<module dir>}.
 */
class GoldenModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<double[][]> goldenWindows() {
    TrainingSeries series = GeneratedSeries.hourly(200, 99);
    List<double[][]> windows = new ArrayList<>();
    for (int row = 150; row < 160; row++) {
      windows.add(GeneratedSeries.windowBefore(series, row, 12));
    }
    return windows;
  }

  @Test
  void loadsTheCommittedModelAndReproducesItsForecasts() throws IOException, URISyntaxException {
    Path golden = Path.of(GoldenModelTest.class.getResource("/golden/tiny-lstm").toURI());
    JsonNode expected = JSON.readTree(golden.resolveSibling("tiny-lstm-forecasts.json").toFile());

    try (Forecaster forecaster = Forecaster.load(golden)) {
      ModelMetadata m = forecaster.metadata();
      assertThat(m.circuit()).isEqualTo(GeneratedSeries.CIRCUIT);
      assertThat(m.featureColumns()).containsExactly("load", "hour");
      assertThat(m.hyperparameters().sequenceLength()).isEqualTo(12);
      assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
      double[][] forecasts = forecaster.predict(goldenWindows());
      for (int w = 0; w < forecasts.length; w++) {
        for (int k = 0; k < forecasts[w].length; k++) {
          assertThat(forecasts[w][k])
              .as("window %d step %d", w, k)
              .isCloseTo(expected.get(w).get(k).asDouble(), within(1e-4));
        }
      }
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "mlops.golden.write", matches = ".+")
  void writeGoldenModel() throws IOException {
    Path resources = Path.of(System.getProperty("mlops.golden.write"), "src/test/resources/golden");
    TrainedModel model =
        LstmTrainerTest.trainer(LstmTrainerTest.tiny())
            .train(GeneratedSeries.set(GeneratedSeries.hourly(200, 99)));
    Files.createDirectories(resources);
    model.save(resources.resolve("tiny-lstm"));
    try (Forecaster forecaster = model.forecaster(TrainerThreads.single())) {
      ArrayNode all = JSON.createArrayNode();
      for (double[] f : forecaster.predict(goldenWindows())) {
        ArrayNode row = all.addArray();
        for (double v : f) {
          row.add(v);
        }
      }
      Files.writeString(
          resources.resolve("tiny-lstm-forecasts.json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n");
    }
  }
}
