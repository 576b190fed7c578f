package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.DriftThresholds;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.DataNotFoundException;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorTable;
import io.mlops4j.monitoring.internal.MonitoringErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares each feature of a circuit's recent window with its training slice (the baseline, up to
 * the training cutoff date). Missing readings (NaN) are left out of both samples.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DriftDetector {
  private final SensorTable table;

  /**
   * Creates a detector.
   *
   * @param table the sensor table
   */
  public DriftDetector(SensorTable table) {
    this.table = requireNonNull(table, "table");
  }

  /**
   * Detects drift of one circuit's features in a window.
   *
   * @param circuit the circuit's config (sensor, features, cutoff, thresholds)
   * @param from the window's first date, inclusive
   * @param to the window's last date, inclusive
   * @return the drift per feature
   * @throws DataNotFoundException if the table, sensor or a column is missing
   * @throws MlopsException if the window or baseline has fewer than 2 readings of a feature
   */
  public CircuitDrift detect(CircuitConfig circuit, LocalDate from, LocalDate to) {
    String sensor = circuit.training().dataFilters().sensorId();
    List<String> columns = circuit.training().dataFilters().featureColumns();
    LocalDate cutoff = circuit.training().cutoffDate();
    SensorRows baseline = table.trainingSlice(sensor, cutoff, columns).rows();
    SensorRows recent = table.trainingSlice(sensor, to, columns).rows();
    return detect(
        circuit.ref(), cutoff, from, to, baseline, recent, columns, circuit.monitoring().drift());
  }

  /**
   * Detects drift from rows already read.
   *
   * @param circuit the circuit
   * @param cutoff the baseline's last date
   * @param from the window's first date, inclusive
   * @param to the window's last date, inclusive
   * @param baseline the baseline rows
   * @param recent rows covering the window (rows outside {@code from..to} are ignored)
   * @param features the features to compare
   * @param thresholds the circuit's drift thresholds
   * @return the drift per feature
   * @throws MlopsException if a sample has fewer than 2 readings of a feature
   */
  public static CircuitDrift detect(
      CircuitRef circuit,
      LocalDate cutoff,
      LocalDate from,
      LocalDate to,
      SensorRows baseline,
      SensorRows recent,
      List<String> features,
      DriftThresholds thresholds) {
    int first = (int) from.toEpochDay();
    int last = (int) to.toEpochDay();
    List<FeatureDrift> result = new ArrayList<>();
    DriftSeverity worst = DriftSeverity.NONE;
    for (String feature : features) {
      double[] base =
          present(
              baseline.feature(feature),
              baseline.epochDays(),
              Integer.MIN_VALUE,
              (int) cutoff.toEpochDay());
      double[] current = present(recent.feature(feature), recent.epochDays(), first, last);
      if (current.length < 2) {
        throw new MlopsException(MonitoringErrors.noRows(circuit, "current " + feature, from, to));
      }
      if (base.length < 2) {
        throw new MlopsException(
            MonitoringErrors.noRows(circuit, "baseline " + feature, LocalDate.EPOCH, cutoff));
      }
      DriftStatistics statistics = DriftStatistics.of(base, current);
      DriftSeverity severity = DriftSeverity.of(statistics.magnitude(), thresholds);
      worst = severity.compareTo(worst) > 0 ? severity : worst;
      result.add(new FeatureDrift(feature, statistics, severity));
    }
    return new CircuitDrift(circuit, cutoff, from, to, result, worst);
  }

  private static double[] present(double[] values, int[] days, int first, int last) {
    double[] out = new double[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (days[i] >= first && days[i] <= last && !Double.isNaN(values[i])) {
        out[n++] = values[i];
      }
    }
    return Arrays.copyOf(out, n);
  }
}
