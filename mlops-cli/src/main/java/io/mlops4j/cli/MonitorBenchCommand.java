package io.mlops4j.cli;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.DriftThresholds;
import io.mlops4j.config.PerformanceThresholds;
import io.mlops4j.data.Drift;
import io.mlops4j.data.Prediction;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SyntheticSensorSpec;
import io.mlops4j.data.SyntheticSensors;
import io.mlops4j.monitoring.CircuitDrift;
import io.mlops4j.monitoring.CircuitPerformance;
import io.mlops4j.monitoring.DriftDetector;
import io.mlops4j.monitoring.PerformanceMonitor;
import io.mlops4j.monitoring.RelativeThresholds;
import io.mlops4j.monitoring.Status;
import io.mlops4j.monitoring.ValidationMetrics;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops monitor bench}: time performance and drift over many synthetic circuits. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark: for CIRCUITS synthetic circuits with DAYS days of hourly training data and DAYS"
          + " days of hourly actuals and step-1 predictions after it (drift from the first day"
          + " after the cutoff), time the monitoring computation: the prediction/actual join,"
          + " metrics overall and per horizon step and threshold rules (performance), and PSI,"
          + " KS, Wasserstein-1 and Jensen–Shannon per feature (drift). Generating the rows is"
          + " timed separately; no Delta table or report is written.",
      "",
      "Target: performance + drift for 200 circuits x 90 days hourly in under 10 s."
    })
final class MonitorBenchCommand implements Callable<Integer> {
  private static final LocalDate START = LocalDate.of(2025, 1, 1);

  @Spec private CommandSpec spec;

  @Option(names = "--circuits", defaultValue = "200", description = "Circuits (default: 200).")
  int circuits;

  @Option(names = "--days", defaultValue = "90", description = "Days per window (default: 90).")
  int days;

  @Option(names = "--runs", defaultValue = "3", description = "Timed runs (default: 3).")
  int runs;

  @Override
  public Integer call() {
    if (circuits < 1 || circuits > 999 || days < 2 || runs < 1) {
      throw new ParameterException(
          spec.commandLine(), "--circuits must be 1 to 999, --days at least 2, --runs at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    long generateStart = System.nanoTime();
    SyntheticSensors generator =
        new SyntheticSensors(
            SyntheticSensorSpec.defaults(1, circuits, 2 * days, START)
                .withDrift(Drift.from(START.plusDays(days))));
    LocalDate cutoff = START.plusDays(days - 1L);
    LocalDate from = cutoff.plusDays(1);
    LocalDate to = cutoff.plusDays(days);
    List<String> features = generator.spec().featureColumns();
    String target = features.get(0);
    List<CircuitRef> refs = generator.listCircuits();
    List<SensorRows> rows = new ArrayList<>();
    List<List<Prediction>> predictions = new ArrayList<>();
    long rowCount = 0;
    long predictionCount = 0;
    for (CircuitRef ref : refs) {
      List<SensorRows> parts = new ArrayList<>();
      for (int d = 0; d < 2 * days; d++) {
        parts.add(generator.getDay(ref, START.plusDays(d)));
      }
      SensorRows all = concat(parts);
      rows.add(all);
      List<Prediction> forecast = forecasts(ref, all, target, (int) from.toEpochDay());
      predictions.add(forecast);
      rowCount += all.size();
      predictionCount += forecast.size();
    }
    long generateMillis = (System.nanoTime() - generateStart) / 1_000_000;
    out.printf(
        Locale.ROOT,
        "generated %d circuits: %d sensor rows (%d features), %d predictions in %d ms%n",
        refs.size(),
        rowCount,
        features.size(),
        predictionCount,
        generateMillis);
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      int critical = 0;
      int highDrift = 0;
      for (int i = 0; i < refs.size(); i++) {
        CircuitPerformance p =
            PerformanceMonitor.assess(
                refs.get(i),
                from,
                to,
                PerformanceMonitor.join(predictions.get(i), rows.get(i), target, Duration.ZERO),
                PerformanceThresholds.defaults(),
                ValidationMetrics.UNKNOWN,
                RelativeThresholds.defaults());
        CircuitDrift d =
            DriftDetector.detect(
                refs.get(i),
                cutoff,
                from,
                to,
                rows.get(i),
                rows.get(i),
                features,
                DriftThresholds.defaults());
        critical += p.status() == Status.CRITICAL ? 1 : 0;
        highDrift += d.status() == Status.CRITICAL ? 1 : 0;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      out.printf(
          Locale.ROOT,
          "run %d: performance + drift of %d circuits x %d days hourly in %d ms (%.1f ms per"
              + " circuit; %d CRITICAL performance, %d HIGH drift)%n",
          run,
          refs.size(),
          days,
          millis,
          millis / (double) refs.size(),
          critical,
          highDrift);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** One step-1 prediction per current-window row: the actual plus seeded noise. */
  private static List<Prediction> forecasts(
      CircuitRef ref, SensorRows rows, String target, int firstDay) {
    SplittableRandom random = new SplittableRandom(ref.hashCode());
    double[] values = rows.feature(target);
    Instant scored = Instant.parse("2026-01-01T00:00:00Z");
    List<Prediction> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.epochDays()[i] < firstDay || Double.isNaN(values[i])) {
        continue;
      }
      out.add(
          new Prediction(
              ref,
              rows.sensorId(),
              rows.timestamp(i),
              1,
              values[i] + random.nextGaussian() * 0.1,
              "lstm_" + ref.plant().value() + "_" + ref.circuit().value(),
              1,
              0,
              scored));
    }
    return out;
  }

  private static SensorRows concat(List<SensorRows> parts) {
    int n = parts.stream().mapToInt(SensorRows::size).sum();
    SensorRows first = parts.get(0);
    long[] ts = new long[n];
    int[] epochDays = new int[n];
    double[][] values = new double[first.featureColumns().size()][n];
    int at = 0;
    for (SensorRows part : parts) {
      System.arraycopy(part.timestampMicros(), 0, ts, at, part.size());
      System.arraycopy(part.epochDays(), 0, epochDays, at, part.size());
      for (int c = 0; c < values.length; c++) {
        System.arraycopy(part.features()[c], 0, values[c], at, part.size());
      }
      at += part.size();
    }
    return new SensorRows(first.sensorId(), ts, epochDays, first.featureColumns(), values);
  }
}
