package io.mlops4j.cli;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.DriftThresholds;
import io.mlops4j.config.PerformanceThresholds;
import io.mlops4j.data.Drift;
import io.mlops4j.data.Prediction;
import io.mlops4j.data.PredictionFiles;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.SyntheticSensorSpec;
import io.mlops4j.data.SyntheticSensors;
import io.mlops4j.monitoring.CircuitDrift;
import io.mlops4j.monitoring.CircuitPerformance;
import io.mlops4j.monitoring.CircuitResults;
import io.mlops4j.monitoring.DriftDetector;
import io.mlops4j.monitoring.PerformanceMonitor;
import io.mlops4j.monitoring.RelativeThresholds;
import io.mlops4j.monitoring.Status;
import io.mlops4j.monitoring.ValidationMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

  @Option(
      names = "--end-to-end",
      description =
          "Also write a config tree, a Delta table and daily prediction files into a temporary"
              + " folder and time mlops monitor's path through them (config load, Delta reads,"
              + " Parquet reads, join, metrics, drift).")
  boolean endToEnd;

  @Override
  public Integer call() throws IOException {
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
    if (endToEnd) {
      Path tmp = Files.createTempDirectory("mlops-monitor-bench");
      try {
        endToEnd(out, tmp);
      } finally {
        deleteTree(tmp);
      }
    }
    return ExitCodes.OK;
  }

  private void endToEnd(PrintWriter out, Path dir) throws IOException {
    int plants = (circuits + 19) / 20;
    int perPlant = Math.min(circuits, 20);
    LocalDate cutoff = LocalDate.of(2025, 12, 9); // the cutoff ConfigBenchCommand writes
    LocalDate first = cutoff.minusDays(days - 1L);
    LocalDate from = cutoff.plusDays(1);
    LocalDate to = cutoff.plusDays(days);
    long t = System.nanoTime();
    ConfigBenchCommand.writeTree(dir, plants, perPlant);
    SyntheticSensors generator =
        new SyntheticSensors(
            SyntheticSensorSpec.defaults(plants, perPlant, 2 * days, first)
                .withFeatureColumns(List.of("temperature", "pressure", "vibration"))
                .withDrift(Drift.from(from)));
    Path tableDir = dir.resolve("sensor_readings");
    SyntheticTable.Written written =
        SyntheticTable.write(
            SensorTable.create(tableDir, generator.spec().featureColumns()),
            generator,
            generator.listCircuits(),
            10);
    PredictionFiles files = new PredictionFiles(dir.resolve("predictions"));
    SplittableRandom random = new SplittableRandom(7);
    Instant scored = Instant.parse("2026-01-01T00:00:00Z");
    int fileCount = 0;
    for (CircuitRef ref : generator.listCircuits()) {
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        SensorRows rows = generator.getDay(ref, day);
        List<Prediction> forecast = new ArrayList<>();
        double[] values = rows.feature("temperature");
        for (int i = 0; i < rows.size(); i++) {
          forecast.add(
              new Prediction(
                  ref,
                  rows.sensorId(),
                  rows.timestamp(i),
                  1,
                  values[i] + random.nextGaussian() * 0.1,
                  "lstm_" + ref.plant().value() + "_" + ref.circuit().value(),
                  1,
                  written.version(),
                  scored));
        }
        files.write(ref, day, forecast);
        fileCount++;
      }
    }
    out.printf(
        Locale.ROOT,
        "end-to-end setup: %d circuits, %d sensor rows in %d commits, %d prediction files, in"
            + " %.1f s%n",
        generator.listCircuits().size(),
        written.rows(),
        written.commits(),
        fileCount,
        (System.nanoTime() - t) / 1e9);
    out.flush();
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      List<CircuitConfig> configs = new ConfigLoader().load(dir).circuits();
      SensorTable table = SensorTable.open(tableDir);
      PerformanceMonitor performance =
          new PerformanceMonitor(table, files, Duration.ZERO, RelativeThresholds.defaults());
      DriftDetector drift = new DriftDetector(table);
      long s = System.nanoTime();
      CircuitResults<CircuitPerformance> assessed =
          performance.assess(configs, from, to, ref -> ValidationMetrics.UNKNOWN);
      long m = System.nanoTime();
      CircuitResults<CircuitDrift> detected = drift.detect(configs, from, to);
      long performanceNanos = m - s;
      long driftNanos = System.nanoTime() - m;
      long joined = assessed.results().stream().mapToLong(p -> p.overall().rows()).sum();
      if (!assessed.skipped().isEmpty() || !detected.skipped().isEmpty()) {
        throw new IllegalStateException(
            "bench circuits skipped: " + assessed.skipped() + " " + detected.skipped());
      }
      out.printf(
          Locale.ROOT,
          "end-to-end run %d: %d circuits x %d days in %.2f s (performance %.2f s: %d pairs from"
              + " %d files; drift %.2f s)%n",
          run,
          configs.size(),
          days,
          (System.nanoTime() - start) / 1e9,
          performanceNanos / 1e9,
          joined,
          fileCount,
          driftNanos / 1e9);
      out.flush();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
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
