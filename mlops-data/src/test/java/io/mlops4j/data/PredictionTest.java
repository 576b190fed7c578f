package io.mlops4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.CircuitRef;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PredictionTest {
  private static final CircuitRef CIRCUIT = CircuitRef.parse("P001/C001");
  private static final Instant FORECAST = Instant.parse("2025-12-10T00:15:00.123456Z");
  private static final Instant SCORED = Instant.parse("2025-12-10T06:00:01.000001Z");

  @Test
  void truncatesTimestampsToTheMicrosecond() {
    Prediction p =
        new Prediction(
            CIRCUIT,
            "S1",
            FORECAST.plusNanos(789),
            1,
            1.5,
            "lstm_P001_C001",
            3,
            42,
            SCORED.plusNanos(999));

    assertThat(p.forecastTimestamp()).isEqualTo(FORECAST);
    assertThat(p.scoredAt()).isEqualTo(SCORED);
  }

  @Test
  void acceptsTimestampsBeforeTheEpoch() {
    Instant before = Instant.parse("1969-12-31T23:59:59.999999Z");

    assertThat(prediction(before, 1, 0.0, 1, 0).forecastTimestamp()).isEqualTo(before);
  }

  @Test
  void rejectsHorizonStepBelowOneNamingTheField() {
    assertThatThrownBy(() -> prediction(FORECAST, 0, 1.0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizonStep is 0")
        .hasMessageContaining("at least 1");
  }

  @Test
  void rejectsNonFinitePrediction() {
    assertThatThrownBy(() -> prediction(FORECAST, 1, Double.NaN, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prediction is NaN")
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> prediction(FORECAST, 1, Double.POSITIVE_INFINITY, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prediction is Infinity");
  }

  @Test
  void rejectsModelVersionBelowOneAndNegativeDeltaVersion() {
    assertThatThrownBy(() -> prediction(FORECAST, 1, 1.0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modelVersion is 0");
    assertThatThrownBy(() -> prediction(FORECAST, 1, 1.0, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deltaVersion is -1");
  }

  @Test
  void rejectsBlankNamesAndNulls() {
    assertThatThrownBy(
            () -> new Prediction(CIRCUIT, " ", FORECAST, 1, 1.0, "lstm_P001_C001", 1, 0, SCORED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sensorId is blank");
    assertThatThrownBy(() -> new Prediction(CIRCUIT, "S1", FORECAST, 1, 1.0, "", 1, 0, SCORED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modelName is blank");
    assertThatThrownBy(
            () -> new Prediction(CIRCUIT, "S1", null, 1, 1.0, "lstm_P001_C001", 1, 0, SCORED))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("forecastTimestamp");
  }

  @Test
  void rejectsInstantsBeyondMicrosecondRange() {
    assertThatThrownBy(() -> prediction(Instant.MAX, 1, 1.0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("forecastTimestamp is " + Instant.MAX);
  }

  private static Prediction prediction(
      Instant forecast, int step, double value, int modelVersion, long deltaVersion) {
    return new Prediction(
        CIRCUIT, "S1", forecast, step, value, "lstm_P001_C001", modelVersion, deltaVersion, SCORED);
  }
}
