package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.DriftThresholds;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.Drift;
import io.mlops4j.data.SensorRows;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {
  private static final LocalDate CUTOFF = TestRows.START.plusDays(29);
  private static final List<String> FEATURES = List.of("temperature", "pressure", "vibration");

  @Test
  void reportsHighDriftWhenLevelShiftsAfterCutoff() {
    SensorRows rows = TestRows.days(40, Drift.from(CUTOFF.plusDays(1)));

    CircuitDrift drift =
        DriftDetector.detect(
            TestRows.CIRCUIT,
            CUTOFF,
            CUTOFF.plusDays(1),
            CUTOFF.plusDays(10),
            rows,
            rows,
            FEATURES,
            DriftThresholds.defaults());

    assertThat(drift.severity()).isEqualTo(DriftSeverity.HIGH);
    assertThat(drift.status()).isEqualTo(Status.CRITICAL);
    assertThat(drift.features()).extracting(FeatureDrift::feature).isEqualTo(FEATURES);
    assertThat(drift.features().get(0).statistics().baselineRows()).isEqualTo(30 * 24);
    assertThat(drift.features().get(0).statistics().currentRows()).isEqualTo(10 * 24);
  }

  @Test
  void reportsLittleDriftWithoutAChange() {
    SensorRows rows = TestRows.days(40, Drift.NONE);

    CircuitDrift drift =
        DriftDetector.detect(
            TestRows.CIRCUIT,
            CUTOFF,
            CUTOFF.plusDays(1),
            CUTOFF.plusDays(10),
            rows,
            rows,
            FEATURES,
            DriftThresholds.defaults());

    assertThat(drift.severity()).isLessThan(DriftSeverity.HIGH);
    assertThat(drift.features())
        .allSatisfy(f -> assertThat(f.statistics().ksPValue()).isGreaterThan(1e-6));
  }

  @Test
  void emptyWindowIsAClearError() {
    SensorRows rows = TestRows.days(5, Drift.NONE);

    assertThatThrownBy(
            () ->
                DriftDetector.detect(
                    TestRows.CIRCUIT,
                    TestRows.START.plusDays(2),
                    LocalDate.of(2027, 1, 1),
                    LocalDate.of(2027, 3, 31),
                    rows,
                    rows,
                    FEATURES,
                    DriftThresholds.defaults()))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "circuit P001/C001: no current temperature rows between 2027-01-01 and 2027-03-31;"
                + " the sensor table has no readings in that window");
  }
}
