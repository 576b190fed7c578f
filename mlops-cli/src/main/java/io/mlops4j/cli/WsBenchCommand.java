package io.mlops4j.cli;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.MlRegistry;
import io.mlops4j.release.Model;
import io.mlops4j.release.ModelQuery;
import io.mlops4j.release.ModelSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mlops ws bench}: how fast the local store registers model versions concurrently and lists
 * them by tags. A benchmark, not a test: it prints figures and the targets they are meant to meet.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark: concurrent model registrations and listing by tags, in a temporary local store.",
      "",
      "In a temporary directory, deleted afterwards:",
      "1. register REGISTRATIONS versions of one model (small, distinct artifacts) from THREADS"
          + " threads, and check the versions are exactly 1..REGISTRATIONS (target < 5 s);",
      "2. build a store of VERSIONS versions over MODELS models tagged plant_id, circuit_id and"
          + " cutoff_date, then time listing one circuit's versions by plant_id and circuit_id,"
          + " cold (first query on a newly opened store) and warm (median) (target < 100 ms).",
      "Exit code 3 if the versions have gaps or the listing returns the wrong versions; the time"
          + " targets are reported, not enforced."
    })
final class WsBenchCommand implements Callable<Integer> {
  private static final String BENCH_MODEL = "bench_model";
  private static final int CIRCUITS_PER_PLANT = 10;

  private final ClientOpener opener;

  @Spec private CommandSpec spec;

  @Option(
      names = "--registrations",
      defaultValue = "1000",
      description = "Concurrent registrations of one model (default: ${DEFAULT-VALUE}).")
  int registrations;

  @Option(
      names = "--threads",
      defaultValue = "5",
      description = "Registering threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--versions",
      defaultValue = "10000",
      description = "Versions in the store listed by tags (default: ${DEFAULT-VALUE}).")
  int versions;

  @Option(
      names = "--models",
      defaultValue = "200",
      description =
          "Models the versions are spread over, 10 circuits per plant (default:"
              + " ${DEFAULT-VALUE}).")
  int models;

  @Option(
      names = "--iterations",
      defaultValue = "20",
      description = "Warm listing runs (default: ${DEFAULT-VALUE}).")
  int iterations;

  WsBenchCommand(ClientOpener opener) {
    this.opener = requireNonNull(opener, "opener");
  }

  @Override
  public Integer call() throws IOException, InterruptedException, ExecutionException {
    for (Map.Entry<String, Integer> e :
        Map.of(
                "--registrations", registrations,
                "--threads", threads,
                "--versions", versions,
                "--models", models,
                "--iterations", iterations)
            .entrySet()) {
      if (e.getValue() < 1) {
        throw new ParameterException(spec.commandLine(), e.getKey() + " must be at least 1");
      }
    }
    if (models > versions) {
      throw new ParameterException(
          spec.commandLine(), "--models must not exceed --versions (every model has a version)");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("mlops-ws-bench");
    try {
      boolean registered = registrations(dir.resolve("registrations"), out);
      boolean listed = listing(dir.resolve("listing"), out);
      return registered && listed ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    } finally {
      deleteTree(dir);
      out.flush();
    }
  }

  private boolean registrations(Path dir, PrintWriter out)
      throws IOException, InterruptedException, ExecutionException {
    Path artifacts = Files.createDirectories(dir.resolve("artifacts"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < registrations; i++) {
      Path file = artifacts.resolve("model-" + i + ".bin");
      Files.writeString(file, ("weights of bench model " + i + "\n").repeat(32));
      files.add(file);
    }
    try (MlClient client = opener.open(dir.resolve("store"), TargetsConfig.localDefaults())) {
      MlRegistry dev = client.workspace("dev");
      dev.listModels(ModelQuery.byName(BENCH_MODEL)); // opens the database before timing
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Integer>>> results = new ArrayList<>();
      try {
        for (int t = 0; t < threads; t++) {
          int first = t;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    List<Integer> got = new ArrayList<>();
                    for (int i = first; i < registrations; i += threads) {
                      got.add(
                          dev.registerModel(
                                  ModelSpec.of(
                                      BENCH_MODEL,
                                      files.get(i),
                                      Map.of("run", Integer.toString(i))))
                              .version());
                    }
                    return got;
                  }));
        }
        long begin = System.nanoTime();
        start.countDown();
        List<Integer> allocated = new ArrayList<>();
        for (Future<List<Integer>> result : results) {
          allocated.addAll(result.get());
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        int listed = dev.listModels(ModelQuery.byName(BENCH_MODEL)).size();
        int[] sorted = allocated.stream().mapToInt(Integer::intValue).sorted().toArray();
        boolean gapless = listed == registrations;
        for (int i = 0; i < sorted.length && gapless; i++) {
          gapless = sorted[i] == i + 1;
        }
        out.printf(
            "registrations: %d versions of one model from %d threads in %.2f s (%.0f per s);"
                + " versions 1..%d gapless: %s%n",
            registrations,
            threads,
            seconds,
            registrations / seconds,
            registrations,
            gapless ? "yes" : "NO (" + listed + " listed)");
        out.printf(
            "  target < 5 s for 1000 registrations: %s%n",
            verdict(seconds * 1000 / registrations < 5.0));
        out.flush();
        return gapless;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private boolean listing(Path dir, PrintWriter out)
      throws IOException, InterruptedException, ExecutionException {
    Path artifact = Files.createDirectories(dir).resolve("model.bin");
    Files.writeString(artifact, "weights\n", StandardCharsets.UTF_8);
    Path store = dir.resolve("store");
    int queried = Math.min(6 * CIRCUITS_PER_PLANT + 2, models - 1); // P007/C003 with 200 models
    String plant = plant(queried);
    String circuit = circuit(queried);
    int expected = versionsOf(queried);
    out.printf(
        "building a store of %d versions over %d models from %d threads...%n",
        versions, models, threads);
    out.flush();
    double buildSeconds;
    try (MlClient client = opener.open(store, TargetsConfig.localDefaults())) {
      MlRegistry dev = client.workspace("dev");
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        long begin = System.nanoTime();
        List<Future<Void>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int first = t;
          results.add(
              pool.submit(
                  () -> {
                    for (int m = first; m < models; m += threads) {
                      for (int v = 0; v < versionsOf(m); v++) {
                        dev.registerModel(
                            ModelSpec.of(
                                "lstm_" + plant(m) + "_" + circuit(m),
                                artifact,
                                Map.of(
                                    "plant_id", plant(m),
                                    "circuit_id", circuit(m),
                                    "cutoff_date",
                                        LocalDate.of(2024, 1, 1).plusDays(v).toString())));
                      }
                    }
                    return null;
                  }));
        }
        for (Future<Void> result : results) {
          result.get();
        }
        buildSeconds = (System.nanoTime() - begin) / 1e9;
      } finally {
        pool.shutdownNow();
      }
    }
    out.printf(
        "  built in %.1f s (%.0f registrations per s)%n", buildSeconds, versions / buildSeconds);
    ModelQuery query = ModelQuery.all().withTag("plant_id", plant).withTag("circuit_id", circuit);
    try (MlClient client = opener.open(store, TargetsConfig.localDefaults())) {
      MlRegistry dev = client.workspace("dev");
      long begin = System.nanoTime();
      List<Model> found = dev.listModels(query);
      double coldMs = (System.nanoTime() - begin) / 1e6;
      double[] warm = new double[iterations];
      boolean right = matches(found, plant, circuit, expected);
      for (int i = 0; i < iterations; i++) {
        long start = System.nanoTime();
        found = dev.listModels(query);
        warm[i] = (System.nanoTime() - start) / 1e6;
        right &= matches(found, plant, circuit, expected);
      }
      Arrays.sort(warm);
      out.printf(
          "list by tags plant_id=%s, circuit_id=%s over %d versions: %d versions%s%n",
          plant,
          circuit,
          versions,
          found.size(),
          right ? "" : " (WRONG: expected " + expected + ")");
      out.printf("  cold (first query on a newly opened store): %.1f ms%n", coldMs);
      out.printf(
          "  warm over %d runs: median %.1f ms, min %.1f ms, max %.1f ms%n",
          iterations, warm[iterations / 2], warm[0], warm[iterations - 1]);
      out.printf("  target < 100 ms: %s%n", verdict(coldMs < 100 && warm[iterations / 2] < 100));
      out.flush();
      return right;
    }
  }

  private static boolean matches(List<Model> found, String plant, String circuit, int expected) {
    return found.size() == expected
        && found.stream()
            .allMatch(
                m ->
                    plant.equals(m.tags().get("plant_id"))
                        && circuit.equals(m.tags().get("circuit_id")));
  }

  private int versionsOf(int model) {
    return versions / models + (model < versions % models ? 1 : 0);
  }

  private static String plant(int model) {
    return String.format("P%03d", model / CIRCUITS_PER_PLANT + 1);
  }

  private static String circuit(int model) {
    return String.format("C%03d", model % CIRCUITS_PER_PLANT + 1);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
