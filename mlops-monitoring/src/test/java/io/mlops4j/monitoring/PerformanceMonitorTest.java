package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops4j.config.MetricThresholds;
import io.mlops4j.config.PerformanceThresholds;
import io.mlops4j.data.Drift;
import io.mlops4j.data.Prediction;
import io.mlops4j.data.SensorRows;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceMonitorTest {
  private static final SensorRows ROWS = TestRows.days(3, Drift.NONE);
  private static final PerformanceThresholds LOOSE =
      new PerformanceThresholds(
          new MetricThresholds(10, 20), new MetricThresholds(10, 20), new MetricThresholds(1, 2));

  @Test
  void joinsExactTimestampsAndComputesMetricsPerHorizonStep() {
    List<Prediction> predictions = TestRows.predictions(ROWS, "temperature", 0.5);

    JoinedForecasts joined =
        PerformanceMonitor.join(predictions, ROWS, "temperature", Duration.ZERO);
    CircuitPerformance result =
        PerformanceMonitor.assess(
            TestRows.CIRCUIT,
            TestRows.START,
            TestRows.START.plusDays(2),
            joined,
            LOOSE,
            ValidationMetrics.UNKNOWN,
            RelativeThresholds.defaults());

    assertThat(joined.size()).isEqualTo(2 * ROWS.size());
    assertThat(joined.unmatched()).isZero();
    assertThat(result.overall().mae()).isCloseTo(0.75, within(1e-9));
    assertThat(result.overall().bias()).isCloseTo(0.75, within(1e-9));
    assertThat(result.byHorizonStep()).containsOnlyKeys(1, 2);
    assertThat(result.byHorizonStep().get(1).mae()).isCloseTo(0.5, within(1e-9));
    assertThat(result.byHorizonStep().get(2).rows()).isEqualTo(ROWS.size());
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.breaches()).isEmpty();
  }

  @Test
  void matchesWithinToleranceOnlyAndCountsTheRest() {
    List<Prediction> shifted = new ArrayList<>();
    for (Prediction p : TestRows.predictions(ROWS, "temperature", 0.0)) {
      shifted.add(
          new Prediction(
              p.circuit(),
              p.sensorId(),
              p.forecastTimestamp().plusSeconds(90),
              p.horizonStep(),
              p.prediction(),
              p.modelName(),
              p.modelVersion(),
              p.deltaVersion(),
              p.scoredAt()));
    }

    JoinedForecasts exact = PerformanceMonitor.join(shifted, ROWS, "temperature", Duration.ZERO);
    JoinedForecasts tolerant =
        PerformanceMonitor.join(shifted, ROWS, "temperature", Duration.ofMinutes(2));

    assertThat(exact.size()).isZero();
    assertThat(exact.unmatched()).isEqualTo(shifted.size());
    assertThat(tolerant.size()).isEqualTo(shifted.size());
  }

  @Test
  void reportsEveryRuleThatFiredAbsoluteAndRelativeToValidation() {
    ForecastMetrics metrics =
        ForecastMetrics.of(new double[] {10, 10, 10, 10}, new double[] {10.3, 9.7, 10.3, 9.7});
    // mae = rmse = 0.3, mape = 0.03
    List<ThresholdBreach> breaches =
        PerformanceMonitor.breaches(
            metrics,
            PerformanceThresholds.defaults(),
            new ValidationMetrics(0.1, Double.NaN, 0.02),
            RelativeThresholds.defaults());

    assertThat(breaches)
        .extracting(ThresholdBreach::metric, ThresholdBreach::status, ThresholdBreach::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "mae", Status.CRITICAL, "monitoring.performance_thresholds.mae.critical"),
            org.assertj.core.groups.Tuple.tuple("mae", Status.CRITICAL, "2.0 × validation mae"),
            org.assertj.core.groups.Tuple.tuple(
                "rmse", Status.WARNING, "monitoring.performance_thresholds.rmse.warning"),
            org.assertj.core.groups.Tuple.tuple("mape", Status.WARNING, "1.5 × validation mape"));
    assertThat(breaches.get(0).describe())
        .isEqualTo("mae 0.300000 >= 0.250000 (monitoring.performance_thresholds.mae.critical)");
  }

  @Test
  void missingActualsAreUnmatchedNotErrors() {
    double[] target = ROWS.feature("temperature").clone();
    target[0] = Double.NaN;
    double[][] features = ROWS.features().clone();
    features[ROWS.featureColumns().indexOf("temperature")] = target;
    SensorRows withGap =
        new SensorRows(
            ROWS.sensorId(),
            ROWS.timestampMicros(),
            ROWS.epochDays(),
            ROWS.featureColumns(),
            features);

    JoinedForecasts joined =
        PerformanceMonitor.join(
            TestRows.predictions(ROWS, "temperature", 0.1), withGap, "temperature", Duration.ZERO);

    assertThat(joined.unmatched()).isEqualTo(2);
    assertThat(LocalDate.ofEpochDay(ROWS.epochDays()[0])).isEqualTo(TestRows.START);
  }
}
