package io.mlops4j.data;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Benchmark (not a test): 200 sensors x 365 days hourly (1,752,000 rows) written in 37 commits of
 * 10 days, then one training slice cold and warm, and the latest day of all 200 sensors.
 *
 * <p>Run: {@code ./mvnw -B -q -pl mlops-data -am test-compile}, then {@code java -Xmx1g -cp
 * mlops-data/target/test-classes:mlops-data/target/classes:$(cat cp.txt)
 * io.mlops4j.data.SensorTableBench [DIR]} with the test classpath from {@code
 * dependency:build-classpath}.
 */
public final class SensorTableBench {
  private SensorTableBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional table directory (default: a new temporary directory)
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    Path dir =
        args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("sensor-bench").resolve("t");
    List<String> cols = List.of("temperature", "pressure", "vibration");
    LocalDate d0 = LocalDate.of(2024, 1, 1);
    List<String> sensors = new ArrayList<>();
    for (int s = 0; s < 200; s++) {
      sensors.add(String.format("sensor_%04d", s));
    }
    long t0 = System.nanoTime();
    SensorTable table = SensorTable.create(dir, cols);
    Random rnd = new Random(42);
    for (int start = 0; start < 365; start += 10) {
      List<SensorRows> batch = new ArrayList<>();
      int days = Math.min(10, 365 - start);
      for (int s = 0; s < sensors.size(); s++) {
        batch.add(rows(sensors.get(s), s, d0.plusDays(start), days, cols.size(), rnd));
      }
      table.upsert(batch);
    }
    System.out.printf(
        "write: %d versions in %.1f s, peak heap so far %d MiB%n",
        table.version(), (System.nanoTime() - t0) / 1e9, peakHeapMiB());

    SensorTable fresh = SensorTable.open(dir);
    LocalDate cutoff = d0.plusDays(300);
    for (int run = 0; run < 6; run++) {
      long t = System.nanoTime();
      SensorSlice slice = fresh.trainingSlice("sensor_0123", cutoff, cols);
      System.out.printf(
          "training slice %s: %d rows, v%d, files read %d / %d (skipped %d) in %d ms%n",
          run == 0 ? "cold" : "warm " + run,
          slice.rows().size(),
          slice.version(),
          slice.stats().filesRead(),
          slice.stats().filesTotal(),
          slice.stats().filesSkipped(),
          (System.nanoTime() - t) / 1_000_000);
    }
    Set<String> all = new TreeSet<>(sensors);
    for (int run = 0; run < 4; run++) {
      long t = System.nanoTime();
      Map<String, SensorSlice> latest = fresh.latestDays(all, cols, ReadOptions.defaults());
      long rows = latest.values().stream().mapToLong(s -> s.rows().size()).sum();
      ScanStats st = latest.values().iterator().next().stats();
      System.out.printf(
          "latestDays(200) %s: %d sensors, %d rows, files read %d / %d (skipped %d) in %d ms%n",
          run == 0 ? "cold" : "warm " + run,
          latest.size(),
          rows,
          st.filesRead(),
          st.filesTotal(),
          st.filesSkipped(),
          (System.nanoTime() - t) / 1_000_000);
    }
    System.out.printf("peak heap: %d MiB%n", peakHeapMiB());
  }

  private static SensorRows rows(
      String sensor, int index, LocalDate first, int days, int features, Random rnd) {
    int n = days * 24;
    long[] ts = new long[n];
    int[] epochDays = new int[n];
    double[][] f = new double[features][n];
    long start = first.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    for (int i = 0; i < n; i++) {
      ts[i] = start + i * 3_600_000_000L;
      epochDays[i] = (int) first.plusDays(i / 24).toEpochDay();
      for (int c = 0; c < features; c++) {
        f[c][i] =
            20 + index % 10 + c * 50 + 5 * Math.sin(i * 2 * Math.PI / 24) + rnd.nextGaussian();
      }
    }
    return new SensorRows(
        sensor, ts, epochDays, List.of("temperature", "pressure", "vibration"), f);
  }

  private static long peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}
