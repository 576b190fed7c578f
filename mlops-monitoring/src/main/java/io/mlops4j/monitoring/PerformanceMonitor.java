package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MetricThresholds;
import io.mlops4j.config.MlopsException;
import io.mlops4j.config.PerformanceThresholds;
import io.mlops4j.data.DataNotFoundException;
import io.mlops4j.data.Prediction;
import io.mlops4j.data.PredictionFiles;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorTable;
import io.mlops4j.monitoring.internal.CircuitBatch;
import io.mlops4j.monitoring.internal.MonitoringErrors;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares a circuit's predictions with what happened: joins prediction files with the sensor
 * table's target column on forecast timestamp and computes {@link ForecastMetrics}, overall and per
 * horizon step, and the status of the circuit's thresholds.
 *
 * <p>Status rules: a metric at or above its {@code monitoring.performance_thresholds} warning or
 * critical value gives WARNING or CRITICAL ("absolute" rules); with validation metrics known, a
 * metric at or above {@link RelativeThresholds} × its validation value does too ("relative" rules).
 * The worst rule that fired decides, and every rule that fired is reported.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PerformanceMonitor {
  /**
   * How many days before a period's first day prediction files are read: a forecast scored then can
   * fall inside the period.
   */
  public static final int LOOKBACK_DAYS = 7;

  private final SensorTable table;
  private final PredictionFiles predictions;
  private final Duration tolerance;
  private final RelativeThresholds relative;

  /**
   * Creates a monitor.
   *
   * @param table the sensor table with the actual readings
   * @param predictions the prediction files
   * @param tolerance how far an actual reading may be from a forecast timestamp to match it; {@link
   *     Duration#ZERO} for exact matches
   * @param relative factors of the relative rules
   */
  public PerformanceMonitor(
      SensorTable table,
      PredictionFiles predictions,
      Duration tolerance,
      RelativeThresholds relative) {
    this.table = requireNonNull(table, "table");
    this.predictions = requireNonNull(predictions, "predictions");
    this.tolerance = requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance is negative: " + tolerance);
    }
    this.relative = requireNonNull(relative, "relative");
  }

  /**
   * Assesses one circuit over a period.
   *
   * @param circuit the circuit's config (sensor, target column, thresholds)
   * @param from the first date whose forecasts count, inclusive (UTC)
   * @param to the last date, inclusive
   * @param validation the model's validation metrics, or {@link ValidationMetrics#UNKNOWN}
   * @return the metrics and status
   * @throws DataNotFoundException if the sensor table or the sensor is missing
   * @throws MlopsException if no prediction matches an actual reading
   */
  public CircuitPerformance assess(
      CircuitConfig circuit, LocalDate from, LocalDate to, ValidationMetrics validation) {
    String target = circuit.training().dataFilters().targetColumn();
    SensorRows actuals =
        table
            .trainingSlice(circuit.training().dataFilters().sensorId(), to, List.of(target))
            .rows();
    return assess(circuit, actuals, from, to, validation);
  }

  /**
   * Assesses many circuits over a period, reading the sensor table once per target column (one pass
   * for all their sensors) rather than once per circuit. Circuits are assessed in parallel on the
   * common fork-join pool.
   *
   * @param circuits the circuits
   * @param from the first date whose forecasts count, inclusive (UTC)
   * @param to the last date, inclusive
   * @param validation each circuit's validation metrics, or {@link ValidationMetrics#UNKNOWN}
   * @return the assessments, in circuit order, and why the others were skipped (no readings, no
   *     prediction matched)
   * @throws DataNotFoundException if the sensor table or a target column is missing
   */
  public CircuitResults<CircuitPerformance> assess(
      List<CircuitConfig> circuits,
      LocalDate from,
      LocalDate to,
      Function<CircuitRef, ValidationMetrics> validation) {
    CircuitBatch batch =
        new CircuitBatch(table, c -> List.of(c.training().dataFilters().targetColumn()), c -> to);
    return batch.run(
        circuits, to, (c, rows) -> assess(c, rows, from, to, validation.apply(c.ref())));
  }

  private CircuitPerformance assess(
      CircuitConfig circuit,
      SensorRows actuals,
      LocalDate from,
      LocalDate to,
      ValidationMetrics validation) {
    CircuitRef ref = circuit.ref();
    List<Prediction> rows = predictions.read(ref, from.minusDays(LOOKBACK_DAYS), to);
    String target = circuit.training().dataFilters().targetColumn();
    JoinedForecasts joined = join(inPeriod(rows, from, to), actuals, target, tolerance);
    if (joined.size() == 0) {
      throw new MlopsException(
          MonitoringErrors.nothingJoined(ref, from, to, joined.unmatched(), tolerance));
    }
    return assess(ref, from, to, joined, circuit.monitoring().performance(), validation, relative);
  }

  private static List<Prediction> inPeriod(List<Prediction> rows, LocalDate from, LocalDate to) {
    List<Prediction> kept = new ArrayList<>(rows.size());
    for (Prediction p : rows) {
      LocalDate day = p.forecastTimestamp().atOffset(ZoneOffset.UTC).toLocalDate();
      if (!day.isBefore(from) && !day.isAfter(to)) {
        kept.add(p);
      }
    }
    return kept;
  }

  /**
   * Pairs each prediction with the reading nearest its forecast timestamp, if that reading is
   * within the tolerance and its target value is not missing (NaN).
   *
   * @param predictions the predictions
   * @param actuals the sensor's rows, in timestamp order
   * @param targetColumn the forecast column
   * @param tolerance the largest distance of a match; zero for exact matches
   * @return the pairs, in prediction order, and the number left unmatched
   */
  public static JoinedForecasts join(
      List<Prediction> predictions, SensorRows actuals, String targetColumn, Duration tolerance) {
    long[] times = actuals.timestampMicros();
    double[] values = actuals.feature(targetColumn);
    long toleranceMicros = tolerance.toNanos() / 1_000;
    int n = predictions.size();
    long[] ts = new long[n];
    int[] steps = new int[n];
    double[] actual = new double[n];
    double[] predicted = new double[n];
    int matched = 0;
    for (Prediction p : predictions) {
      long t = SensorRows.micros(p.forecastTimestamp());
      int row = nearest(times, t);
      if (row < 0 || Math.abs(times[row] - t) > toleranceMicros || Double.isNaN(values[row])) {
        continue;
      }
      ts[matched] = t;
      steps[matched] = p.horizonStep();
      actual[matched] = values[row];
      predicted[matched] = p.prediction();
      matched++;
    }
    return new JoinedForecasts(
        Arrays.copyOf(ts, matched),
        Arrays.copyOf(steps, matched),
        Arrays.copyOf(actual, matched),
        Arrays.copyOf(predicted, matched),
        n - matched);
  }

  private static int nearest(long[] sorted, long key) {
    if (sorted.length == 0) {
      return -1;
    }
    int at = Arrays.binarySearch(sorted, key);
    if (at >= 0) {
      return at;
    }
    int insertion = -at - 1;
    if (insertion == 0) {
      return 0;
    }
    if (insertion == sorted.length) {
      return sorted.length - 1;
    }
    return key - sorted[insertion - 1] <= sorted[insertion] - key ? insertion - 1 : insertion;
  }

  /**
   * Computes metrics and status from joined forecasts.
   *
   * @param circuit the circuit
   * @param from the period's first date
   * @param to the period's last date
   * @param joined the pairs; at least one
   * @param thresholds the circuit's absolute thresholds
   * @param validation the model's validation metrics, or {@link ValidationMetrics#UNKNOWN}
   * @param relative factors of the relative rules
   * @return the assessment
   * @throws MlopsException if there are no pairs
   */
  public static CircuitPerformance assess(
      CircuitRef circuit,
      LocalDate from,
      LocalDate to,
      JoinedForecasts joined,
      PerformanceThresholds thresholds,
      ValidationMetrics validation,
      RelativeThresholds relative) {
    ForecastMetrics overall = ForecastMetrics.of(joined.actual(), joined.predicted());
    SortedMap<Integer, ForecastMetrics> byStep = new TreeMap<>();
    int[] steps = joined.horizonSteps();
    for (int step : Arrays.stream(steps).distinct().sorted().toArray()) {
      int count = (int) Arrays.stream(steps).filter(s -> s == step).count();
      double[] a = new double[count];
      double[] p = new double[count];
      int k = 0;
      for (int i = 0; i < steps.length; i++) {
        if (steps[i] == step) {
          a[k] = joined.actual()[i];
          p[k] = joined.predicted()[i];
          k++;
        }
      }
      byStep.put(step, ForecastMetrics.of(a, p));
    }
    List<ThresholdBreach> breaches = breaches(overall, thresholds, validation, relative);
    Status status = Status.OK;
    for (ThresholdBreach breach : breaches) {
      status = status.worst(breach.status());
    }
    return new CircuitPerformance(
        circuit, from, to, overall, byStep, joined.unmatched(), status, breaches, joined);
  }

  /**
   * Lists every threshold rule the metrics reach.
   *
   * @param metrics the metrics
   * @param thresholds the absolute thresholds
   * @param validation validation metrics, or {@link ValidationMetrics#UNKNOWN}
   * @param relative factors of the relative rules
   * @return the breaches, worst level per rule only (a critical breach hides its warning)
   */
  public static List<ThresholdBreach> breaches(
      ForecastMetrics metrics,
      PerformanceThresholds thresholds,
      ValidationMetrics validation,
      RelativeThresholds relative) {
    List<ThresholdBreach> result = new ArrayList<>();
    check(result, "mae", metrics.mae(), thresholds.mae(), validation.mae(), relative);
    check(result, "rmse", metrics.rmse(), thresholds.rmse(), validation.rmse(), relative);
    check(result, "mape", metrics.mape(), thresholds.mape(), validation.mape(), relative);
    return result;
  }

  private static void check(
      List<ThresholdBreach> result,
      String metric,
      double value,
      MetricThresholds absolute,
      double validationValue,
      RelativeThresholds relative) {
    if (Double.isNaN(value)) {
      return;
    }
    String field = "monitoring.performance_thresholds." + metric;
    if (value >= absolute.critical()) {
      result.add(
          new ThresholdBreach(
              metric, value, absolute.critical(), Status.CRITICAL, field + ".critical"));
    } else if (value >= absolute.warning()) {
      result.add(
          new ThresholdBreach(
              metric, value, absolute.warning(), Status.WARNING, field + ".warning"));
    }
    if (Double.isFinite(validationValue) && validationValue > 0) {
      double critical = relative.criticalFactor() * validationValue;
      double warning = relative.warningFactor() * validationValue;
      if (value >= critical) {
        result.add(
            new ThresholdBreach(
                metric,
                value,
                critical,
                Status.CRITICAL,
                relative.criticalFactor() + " × validation " + metric));
      } else if (value >= warning) {
        result.add(
            new ThresholdBreach(
                metric,
                value,
                warning,
                Status.WARNING,
                relative.warningFactor() + " × validation " + metric));
      }
    }
  }
}
