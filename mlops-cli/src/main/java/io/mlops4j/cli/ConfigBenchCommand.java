package io.mlops4j.cli;

import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.ConfigTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops config bench}: how long validating a large config tree takes. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark: generate a tree of PLANTS x CIRCUITS circuits in a temporary directory and time"
            + " validating it, cold (first load in this JVM, schemas compiled) and warm.")
final class ConfigBenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--plants", defaultValue = "20", description = "Plants (default: 20).")
  int plants;

  @Option(
      names = "--circuits",
      defaultValue = "10",
      description = "Circuits per plant (default: 10).")
  int circuitsPerPlant;

  @Option(names = "--iterations", defaultValue = "30", description = "Warm runs (default: 30).")
  int iterations;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("mlops-config-bench");
    try {
      writeTree(dir, plants, circuitsPerPlant);
      long coldStart = System.nanoTime();
      ConfigTree tree = new ConfigLoader().load(dir);
      double coldMs = (System.nanoTime() - coldStart) / 1e6;
      ConfigLoader loader = new ConfigLoader();
      double[] warm = new double[iterations];
      for (int i = 0; i < iterations; i++) {
        long start = System.nanoTime();
        loader.load(dir);
        warm[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(warm);
      out.printf("validated %d circuits (%d plants)%n", tree.circuits().size(), plants);
      out.printf("cold (new JVM, first load): %.1f ms%n", coldMs);
      out.printf(
          "warm over %d runs: median %.1f ms, min %.1f ms, max %.1f ms%n",
          iterations, warm[iterations / 2], warm[0], warm[iterations - 1]);
      out.printf(
          "heap used: %d MiB%n",
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(ConfigBenchCommand::delete);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  static void writeTree(Path root, int plants, int circuitsPerPlant) throws IOException {
    StringBuilder master = new StringBuilder("plants:\n");
    for (int p = 1; p <= plants; p++) {
      String plant = String.format("P%03d", p);
      master.append("  - plant_id: \"").append(plant).append("\"\n");
      master.append("    plant_name: \"Plant ").append(p).append("\"\n    circuits:\n");
      Path plantDir = Files.createDirectories(root.resolve("config/plants").resolve(plant));
      for (int c = 1; c <= circuitsPerPlant; c++) {
        String circuit = String.format("C%03d", c);
        master.append("      - circuit_id: \"").append(circuit).append("\"\n");
        master.append("        circuit_name: \"Circuit ").append(c).append("\"\n");
        Files.writeString(
            plantDir.resolve(circuit + ".yml"),
            """
            plant_id: "%s"
            circuit_id: "%s"
            training:
              cutoff_date: "2025-12-09"
              environment_version: "1.5.0"
              hyperparameters: {sequence_length: 24, lstm_units: 128, dropout: 0.2,
                                learning_rate: 0.001, batch_size: 32, epochs: 50}
              data_filters:
                sensor_id: "SENSOR_%s_%s"
                feature_columns: ["temperature", "pressure", "vibration"]
            deployment:
              compute_instance_type: "Standard_DS3_v2"
              mini_batch_size: 100
            monitoring:
              performance_thresholds:
                mae: {warning: 0.15, critical: 0.25}
            """
                .formatted(plant, circuit, plant, circuit),
            StandardCharsets.UTF_8);
      }
    }
    Files.writeString(root.resolve("config/plants_circuits.yml"), master, StandardCharsets.UTF_8);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
