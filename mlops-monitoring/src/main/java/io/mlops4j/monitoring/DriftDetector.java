package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.DriftThresholds;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.DataNotFoundException;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorTable;
import io.mlops4j.monitoring.internal.CircuitBatch;
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
    // one read holds both the baseline (up to the cutoff) and the window
    SensorRows rows = table.trainingSlice(sensor, later(cutoff, to), columns).rows();
    return detect(
        circuit.ref(), cutoff, from, to, rows, rows, columns, circuit.monitoring().drift());
  }

  /**
   * Detects drift of many circuits' features in a window, reading the sensor table once per set of
   * feature columns (one pass for all their sensors) rather than twice per circuit. Circuits are
   * compared in parallel on the common fork-join pool.
   *
   * @param circuits the circuits
   * @param from the window's first date, inclusive
   * @param to the window's last date, inclusive
   * @return the drift per circuit, in circuit order, and why the others were skipped
   * @throws DataNotFoundException if the table or a column is missing
   */
  public CircuitResults<CircuitDrift> detect(
      List<CircuitConfig> circuits, LocalDate from, LocalDate to) {
    CircuitBatch batch =
        new CircuitBatch(
            table,
            c -> c.training().dataFilters().featureColumns(),
            // one read holds both the baseline (up to the cutoff) and the window
            c -> later(to, c.training().cutoffDate()));
    return batch.run(
        circuits,
        to,
        (c, rows) ->
            detect(
                c.ref(),
                c.training().cutoffDate(),
                from,
                to,
                rows,
                rows,
                c.training().dataFilters().featureColumns(),
                c.monitoring().drift()));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
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
    int lastDay = Integer.MIN_VALUE;
    for (int day : recent.epochDays()) {
      if (day >= first && day <= last && day > lastDay) {
        lastDay = day;
      }
    }
    return new CircuitDrift(
        circuit, cutoff, from, to, result, worst, LocalDate.ofEpochDay(lastDay));
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
