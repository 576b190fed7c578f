package io.mlops4j.cli;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.ReadOptions;
import io.mlops4j.data.ScanStats;
import io.mlops4j.data.SensorSlice;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.SyntheticSensorSpec;
import io.mlops4j.data.SyntheticSensors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops data bench}: write a large synthetic table and time the reads training needs. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark: write SENSORS x DAYS hourly synthetic rows (default 200 x 365, about 1.75 M"
          + " rows) in commits of --days-per-commit days, then time one training slice (first read"
          + " of a newly opened table, then warm) and the latest day of every sensor in one pass,"
          + " with files read and skipped and the peak heap.",
      "",
      "Targets: warm training slice < 1 s, latest days < 3 s, peak heap < 1 GiB."
    })
final class DataBenchCommand implements Callable<Integer> {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final int WARM_RUNS = 5;

  @Spec private CommandSpec spec;

  @Option(names = "--sensors", defaultValue = "200", description = "Sensors (default: 200).")
  int sensors;

  @Option(names = "--days", defaultValue = "365", description = "Days (default: 365).")
  int days;

  @Option(
      names = "--days-per-commit",
      defaultValue = "10",
      description = "Days of all sensors per commit (default: 10).")
  int daysPerCommit;

  @Option(
      names = "--dir",
      description =
          "Write the table here and keep it (must not exist yet; default: a temporary directory,"
              + " deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (sensors < 1 || sensors > 99_900 || days < 1 || daysPerCommit < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--sensors must be 1 to 99900, --days and --days-per-commit at least 1");
    }
    if (dir != null && Files.exists(dir)) {
      throw new ParameterException(
          spec.commandLine(),
          "--dir " + MlopsException.quote(dir.toString()) + " exists; choose a new directory");
    }
    Path tmp = dir == null ? Files.createTempDirectory("mlops-data-bench") : null;
    try {
      run(dir != null ? dir : tmp.resolve("sensor_readings"));
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
    return ExitCodes.OK;
  }

  private void run(Path tableDir) {
    PrintWriter out = spec.commandLine().getOut();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    int plants = (sensors + 99) / 100;
    int circuitsPerPlant = (sensors + plants - 1) / plants;
    SyntheticSensors generator =
        new SyntheticSensors(SyntheticSensorSpec.defaults(plants, circuitsPerPlant, days, START));
    List<CircuitRef> circuits = generator.listCircuits().subList(0, sensors);
    List<String> columns = generator.spec().featureColumns();

    long t0 = System.nanoTime();
    SensorTable written = SensorTable.create(tableDir, columns);
    SyntheticTable.Written w = SyntheticTable.write(written, generator, circuits, daysPerCommit);
    out.printf(
        "write: %d rows (%d sensors x %d days hourly) in %d commits, version %d, in %.1f s%n",
        w.rows(), sensors, days, w.commits(), w.version(), (System.nanoTime() - t0) / 1e9);
    out.flush();

    SensorTable table = SensorTable.open(tableDir);
    String sensor = SyntheticSensors.sensorId(circuits.get(sensors / 2));
    LocalDate cutoff = START.plusDays(days * 4L / 5);
    long t = System.nanoTime();
    SensorSlice slice = table.trainingSlice(sensor, cutoff, columns);
    double coldMs = (System.nanoTime() - t) / 1e6;
    out.printf("data files: %d in version %d%n", slice.stats().filesTotal(), slice.version());
    out.printf(
        "training slice %s up to %s, cold: %.0f ms, %d rows, %s%n",
        sensor, cutoff, coldMs, slice.rows().size(), files(slice.stats()));
    double[] warm = new double[WARM_RUNS];
    for (int i = 0; i < WARM_RUNS; i++) {
      t = System.nanoTime();
      slice = table.trainingSlice(sensor, cutoff, columns);
      warm[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(warm);
    double warmMs = warm[WARM_RUNS / 2];
    out.printf(
        "training slice warm: median %.0f ms (min %.0f, max %.0f) over %d runs, %s%n",
        warmMs, warm[0], warm[WARM_RUNS - 1], WARM_RUNS, files(slice.stats()));
    out.flush();

    Set<String> all = new TreeSet<>();
    circuits.forEach(c -> all.add(SyntheticSensors.sensorId(c)));
    double[] latestMs = new double[3];
    Map<String, SensorSlice> latest = Map.of();
    for (int i = 0; i < latestMs.length; i++) {
      t = System.nanoTime();
      latest = table.latestDays(all, columns, ReadOptions.defaults());
      latestMs[i] = (System.nanoTime() - t) / 1e6;
    }
    long latestRows = latest.values().stream().mapToLong(s -> s.rows().size()).sum();
    ScanStats latestStats = latest.values().iterator().next().stats();
    out.printf(
        "latest day of %d sensors in one pass: first %.0f ms, then %.0f ms and %.0f ms, %d"
            + " sensors, %d rows, %s%n",
        sensors,
        latestMs[0],
        latestMs[1],
        latestMs[2],
        latest.size(),
        latestRows,
        files(latestStats));
    long peakMiB = peakHeapBytes() >> 20;
    out.printf(
        "peak heap: %d MiB (sum of heap pool peaks; max heap %d MiB)%n",
        peakMiB, Runtime.getRuntime().maxMemory() >> 20);
    double worstLatest = Arrays.stream(latestMs).max().orElse(0);
    out.printf(
        "targets: warm slice < 1 s %s, latest days < 3 s %s, peak heap < 1 GiB %s%n",
        warmMs < 1000 ? "met" : "MISSED",
        worstLatest < 3000 ? "met" : "MISSED",
        peakMiB < 1024 ? "met" : "MISSED");
    out.flush();
  }

  private static String files(ScanStats stats) {
    return "files read "
        + stats.filesRead()
        + " of "
        + stats.filesTotal()
        + " (skipped "
        + stats.filesSkipped()
        + ")";
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
