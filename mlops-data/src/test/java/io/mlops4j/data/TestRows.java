package io.mlops4j.data;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Hourly sensor rows for tests: 24 per day, values derived from the sensor, hour and an offset. */
final class TestRows {
  static final LocalDate D0 = LocalDate.of(2024, 1, 1);
  static final List<String> COLS = List.of("temperature", "pressure");

  private TestRows() {}

  static SensorRows day(String sensor, LocalDate day, List<String> cols, double offset) {
    int n = 24;
    long[] ts = new long[n];
    int[] days = new int[n];
    double[][] f = new double[cols.size()][n];
    long start = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    for (int h = 0; h < n; h++) {
      ts[h] = start + h * 3_600_000_000L;
      days[h] = (int) day.toEpochDay();
      for (int c = 0; c < cols.size(); c++) {
        f[c][h] = offset + sensor.hashCode() % 7 + c * 100 + Math.sin(h / 24.0 * 2 * Math.PI);
      }
    }
    return new SensorRows(sensor, ts, days, cols, f);
  }

  static SensorRows day(String sensor, LocalDate day) {
    return day(sensor, day, COLS, 0);
  }
}
