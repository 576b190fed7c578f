package io.mlops4j.model;

import io.mlops4j.config.CircuitRef;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hourly test series: a load with a daily cycle, a slowly wandering level and noise, and the hour
 * of day as a second feature.
 */
final class GeneratedSeries {
  static final CircuitRef CIRCUIT = CircuitRef.parse("P001/C001");
  static final long HOUR = 3_600_000_000L;
  static final long START = 1_735_689_600_000_000L; // 2025-01-01T00:00Z

  private GeneratedSeries() {}

  /**
   * Generates {@code rows} hourly rows.
   *
   * @param rows number of rows
   * @param seed noise seed
   * @param shiftAtRow from this row on the level jumps by {@code shift}
   * @param shift the level shift
   */
  static TrainingSeries hourly(int rows, long seed, int shiftAtRow, double shift) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] ts = new long[rows];
    double[] load = new double[rows];
    double[] hour = new double[rows];
    double level = 50;
    for (int r = 0; r < rows; r++) {
      ts[r] = START + r * HOUR;
      if (r % 24 == 0) {
        level += random.nextGaussian() * 1.5;
      }
      double h = r % 24;
      load[r] =
          level
              + (r >= shiftAtRow ? shift : 0)
              + 10 * Math.sin(2 * Math.PI * h / 24)
              + random.nextGaussian() * 0.3;
      hour[r] = Math.cos(2 * Math.PI * h / 24);
    }
    return new TrainingSeries(ts, List.of("load", "hour"), new double[][] {load, hour}, "load");
  }

  static TrainingSeries hourly(int rows, long seed) {
    return hourly(rows, seed, Integer.MAX_VALUE, 0);
  }

  static TrainingSet set(TrainingSeries series) {
    return new TrainingSet(CIRCUIT, series, TrainingLineage.NONE);
  }

  /** Returns the rows of a series from {@code from} (inclusive) to {@code to} (exclusive). */
  static TrainingSeries rows(TrainingSeries s, int from, int to) {
    double[][] f = new double[s.features().length][];
    for (int c = 0; c < f.length; c++) {
      f[c] = java.util.Arrays.copyOfRange(s.features()[c], from, to);
    }
    return new TrainingSeries(
        java.util.Arrays.copyOfRange(s.timestampMicros(), from, to),
        s.featureColumns(),
        f,
        s.targetColumn());
  }

  /** Returns the window of {@code steps} rows ending just before {@code row}. */
  static double[][] windowBefore(TrainingSeries s, int row, int steps) {
    double[][] w = new double[steps][s.featureColumns().size()];
    for (int t = 0; t < steps; t++) {
      for (int c = 0; c < w[t].length; c++) {
        w[t][c] = s.features()[c][row - steps + t];
      }
    }
    return w;
  }
}
