package io.mlops4j.cli;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.Hyperparameters;
import io.mlops4j.config.WindowNormalization;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SyntheticSensorSpec;
import io.mlops4j.data.SyntheticSensors;
import io.mlops4j.model.EpochProgress;
import io.mlops4j.model.Forecaster;
import io.mlops4j.model.LstmTrainer;
import io.mlops4j.model.TrainedModel;
import io.mlops4j.model.TrainerThreads;
import io.mlops4j.model.TrainingControl;
import io.mlops4j.model.TrainingLineage;
import io.mlops4j.model.TrainingSeries;
import io.mlops4j.model.TrainingSet;
import io.mlops4j.model.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops model bench}: time training steps, a full training run and inference. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the LSTM on synthetic hourly data (one circuit, 3 features):",
      "  1. ms per training step at sequence_length 24, 128 units, batch 32 (forward, backward and"
          + " Adam in one session run; measured over whole epochs after a warm-up epoch, so it"
          + " includes shuffling and the per-epoch validation pass)",
      "  2. wall time to train one circuit at the default hyperparameters (50 epochs, early"
          + " stopping patience 10) on one year of hourly data (skip with --quick)",
      "  3. inference throughput in windows/s for batches of 1 and 256 (run before 2)",
      "  4. peak RSS of the process",
      "",
      "Targets: <= 10 ms per training step, >= 20,000 windows/s batched."
    })
final class ModelBenchCommand implements Callable<Integer> {
  private static final CircuitRef CIRCUIT = CircuitRef.parse("P001/C001");
  private static final List<String> FEATURES = List.of("temperature", "pressure", "vibration");

  @Spec private CommandSpec spec;

  @Option(
      names = "--steps",
      defaultValue = "200",
      description = "Training steps per timed epoch (default: 200).")
  int steps;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "TensorFlow intra-op threads (default: 1).")
  int threads;

  @Option(names = "--quick", description = "Skip the one-year training run.")
  boolean quick;

  @Override
  public Integer call() {
    if (steps < 10 || threads < 1) {
      throw new ParameterException(
          spec.commandLine(), "--steps must be at least 10 and --threads at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    TrainerThreads trainerThreads = new TrainerThreads(threads, 1);
    out.printf(
        "threads: intra-op %d, inter-op 1; cores: %d%n",
        threads, Runtime.getRuntime().availableProcessors());

    // 1. step time: 3 epochs of `steps` batches; time epochs 2 and 3
    int days = (int) Math.ceil((steps * 32 * 1.03 + 48) / 24.0) + 1;
    TrainingSeries stepSeries = series(days);
    Hyperparameters stepHp =
        new Hyperparameters(
            24, 128, 0.2, 0.001, 32, 3, 1, 0.02, 0, 42, 1, WindowNormalization.LAST_VALUE);
    List<Long> epochEnds = new ArrayList<>();
    List<Long> epochCpu = new ArrayList<>();
    long start = System.nanoTime();
    TrainedModel model =
        new LstmTrainer(stepHp, trainerThreads, Clock.systemUTC())
            .train(
                set(stepSeries),
                p -> {
                  epochEnds.add(System.nanoTime());
                  epochCpu.add(cpuNanos());
                },
                new TrainingControl());
    int trainWindows = model.metadata().windows().train();
    int stepsPerEpoch = (trainWindows + 31) / 32;
    double first = (epochEnds.get(0) - start) / 1e6 / stepsPerEpoch;
    double warm = (epochEnds.get(2) - epochEnds.get(0)) / 1e6 / (2.0 * stepsPerEpoch);
    double warmCpu = (epochCpu.get(2) - epochCpu.get(0)) / 1e6 / (2.0 * stepsPerEpoch);
    out.printf(
        Locale.ROOT,
        "training step (seq 24, 3 features, 128 units, batch 32): %.2f ms/step warm, %.2f ms"
            + " process CPU/step (%d steps per epoch, epochs 2-3); first epoch incl. graph build"
            + " %.2f ms/step%n",
        warm,
        warmCpu,
        stepsPerEpoch,
        first);
    out.flush();

    // 2. inference (before the long run, whose garbage would cost GC time here)
    try (Forecaster forecaster = model.forecaster(trainerThreads)) {
      List<double[][]> windows = windows(stepSeries, 256);
      for (int i = 0; i < 50; i++) {
        forecaster.predict(windows.get(i));
      }
      int singles = 2000;
      long t = System.nanoTime();
      for (int i = 0; i < singles; i++) {
        forecaster.predict(windows.get(i % windows.size()));
      }
      double single = singles / ((System.nanoTime() - t) / 1e9);
      for (int i = 0; i < 20; i++) {
        forecaster.predict(windows);
      }
      int batches = 200;
      t = System.nanoTime();
      long cpu = cpuNanos();
      for (int i = 0; i < batches; i++) {
        forecaster.predict(windows);
      }
      double batched = batches * 256 / ((System.nanoTime() - t) / 1e9);
      double batchedCpu = batches * 256 / ((cpuNanos() - cpu) / 1e9);
      out.printf(
          Locale.ROOT,
          "inference: %.0f windows/s at batch 1 (%.3f ms/call), %.0f windows/s at batch 256"
              + " (%.0f windows per process-CPU second)%n",
          single,
          1000 / single,
          batched,
          batchedCpu);
    }
    // 3. one year at the default hyperparameters
    if (!quick) {
      TrainingSeries year = series(365);
      Hyperparameters hp = Hyperparameters.defaults();
      List<EpochProgress> progress = new ArrayList<>();
      long t0 = System.nanoTime();
      TrainedModel yearModel =
          new LstmTrainer(hp, trainerThreads, Clock.systemUTC())
              .train(set(year), progress::add, new TrainingControl());
      double seconds = (System.nanoTime() - t0) / 1e9;
      ValidationReport v = yearModel.metadata().validation();
      int perEpoch = (yearModel.metadata().windows().train() + hp.batchSize() - 1) / hp.batchSize();
      out.printf(
          Locale.ROOT,
          "one year hourly (%d rows, %d train windows), default hyperparameters: %.1f s wall,"
              + " %d epochs run (best %d, early stopping patience %d), %.2f ms/step overall%n",
          year.size(),
          yearModel.metadata().windows().train(),
          seconds,
          v.epochsRun(),
          v.bestEpoch(),
          hp.earlyStoppingPatience(),
          seconds * 1000 / (v.epochsRun() * (double) perEpoch));
      out.printf(
          Locale.ROOT,
          "  validation MAE: model %.4f, last value %.4f, seasonal naive %.4f%n",
          v.model().mae(),
          v.lastValue().mae(),
          v.seasonalNaive().mae());
      out.flush();
    }

    out.printf("peak RSS: %s%n", peakRss());
    out.flush();
    return ExitCodes.OK;
  }

  private static TrainingSet set(TrainingSeries series) {
    return new TrainingSet(CIRCUIT, series, TrainingLineage.NONE);
  }

  /** One synthetic circuit, hourly, without gaps or anomalies, from 2024-01-01. */
  private static TrainingSeries series(int days) {
    SyntheticSensors generator =
        new SyntheticSensors(
            SyntheticSensorSpec.defaults(1, 1, days, LocalDate.of(2024, 1, 1))
                .withFeatureColumns(FEATURES)
                .withGapRate(0)
                .withAnomalyRate(0));
    List<SensorRows> rows = generator.streamDays().collect(Collectors.toList());
    int n = rows.stream().mapToInt(SensorRows::size).sum();
    long[] ts = new long[n];
    double[][] features = new double[FEATURES.size()][n];
    int at = 0;
    for (SensorRows day : rows) {
      System.arraycopy(day.timestampMicros(), 0, ts, at, day.size());
      for (int c = 0; c < FEATURES.size(); c++) {
        System.arraycopy(day.feature(FEATURES.get(c)), 0, features[c], at, day.size());
      }
      at += day.size();
    }
    return new TrainingSeries(ts, FEATURES, features, FEATURES.get(0));
  }

  private static List<double[][]> windows(TrainingSeries s, int count) {
    List<double[][]> windows = new ArrayList<>();
    for (int w = 0; w < count; w++) {
      double[][] window = new double[24][FEATURES.size()];
      for (int t = 0; t < 24; t++) {
        for (int c = 0; c < FEATURES.size(); c++) {
          window[t][c] = s.features()[c][w + t];
        }
      }
      windows.add(window);
    }
    return windows;
  }

  /** CPU time of the whole process (all threads, TensorFlow's included), or 0 if unknown. */
  private static long cpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static String peakRss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM:"))
          .map(
              l ->
                  Arrays.stream(l.substring(6).trim().split("\\s+"))
                      .collect(Collectors.joining(" ")))
          .map(
              kb ->
                  String.format(Locale.ROOT, "%.0f MiB", Long.parseLong(kb.split(" ")[0]) / 1024.0))
          .findFirst()
          .orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown (no /proc/self/status)";
    }
  }
}
