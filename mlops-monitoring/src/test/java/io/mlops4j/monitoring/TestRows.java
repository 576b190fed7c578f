package io.mlops4j.monitoring;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.data.Drift;
import io.mlops4j.data.Prediction;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SyntheticSensorSpec;
import io.mlops4j.data.SyntheticSensors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Synthetic rows and predictions for tests. */
final class TestRows {
  static final CircuitRef CIRCUIT = CircuitRef.parse("P001/C001");
  static final LocalDate START = LocalDate.of(2026, 1, 1);

  private TestRows() {}

  static SensorRows days(int days, Drift drift) {
    SyntheticSensors sensors =
        new SyntheticSensors(
            SyntheticSensorSpec.defaults(1, 1, days, START).withDrift(drift).withGapRate(0));
    List<SensorRows> parts = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      parts.add(sensors.getDay(CIRCUIT, START.plusDays(d)));
    }
    return concat(parts);
  }

  static SensorRows concat(List<SensorRows> parts) {
    int n = parts.stream().mapToInt(SensorRows::size).sum();
    SensorRows first = parts.get(0);
    long[] ts = new long[n];
    int[] days = new int[n];
    double[][] features = new double[first.featureColumns().size()][n];
    int at = 0;
    for (SensorRows part : parts) {
      System.arraycopy(part.timestampMicros(), 0, ts, at, part.size());
      System.arraycopy(part.epochDays(), 0, days, at, part.size());
      for (int c = 0; c < features.length; c++) {
        System.arraycopy(part.features()[c], 0, features[c], at, part.size());
      }
      at += part.size();
    }
    return new SensorRows(first.sensorId(), ts, days, first.featureColumns(), features);
  }

  /** One step-1 and one step-2 prediction per row, off by {@code error} and {@code 2 * error}. */
  static List<Prediction> predictions(SensorRows rows, String target, double error) {
    List<Prediction> out = new ArrayList<>();
    double[] values = rows.feature(target);
    Instant scored = Instant.parse("2026-06-01T00:00:00Z");
    for (int i = 0; i < rows.size(); i++) {
      for (int step = 1; step <= 2; step++) {
        out.add(
            new Prediction(
                CIRCUIT,
                rows.sensorId(),
                rows.timestamp(i),
                step,
                values[i] + step * error,
                "lstm_P001_C001",
                1,
                0,
                scored));
      }
    }
    return out;
  }
}
