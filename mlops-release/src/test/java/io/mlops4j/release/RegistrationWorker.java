package io.mlops4j.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A separate process that registers model versions into a local store and prints {@code registered
 * VERSION} after each one is acknowledged. Used by the crash-safety and multi-process tests.
 *
 * <p>Arguments: store directory, model name, number of registrations (0 = until killed).
 */
public final class RegistrationWorker {
  private RegistrationWorker() {}

  /**
   * Runs the worker.
   *
   * @param args store directory, model name, count
   * @throws IOException if the scratch artifact cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path store = Path.of(args[0]);
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    Path scratch = Files.createTempDirectory("worker-artifact");
    try (LocalMlClient client = MlClients.local(store)) {
      MlWorkspace dev = client.workspace("dev");
      System.out.println("ready");
      System.out.flush();
      for (int i = 0; count == 0 || i < count; i++) {
        // A fresh artifact each time, so every registration writes new blobs.
        Path artifact = Files.createDirectories(scratch.resolve("a" + i));
        Files.writeString(
            artifact.resolve("weights.bin"),
            UUID.randomUUID().toString().repeat(200),
            StandardCharsets.UTF_8);
        Files.writeString(
            artifact.resolve("mlops-model.json"), "{\"i\": " + i + "}", StandardCharsets.UTF_8);
        Model model =
            dev.registerModel(
                ModelSpec.of(
                    name,
                    artifact,
                    Map.of(
                        "plant_id",
                        "P001",
                        "circuit_id",
                        "C001",
                        "worker",
                        args[3],
                        "run",
                        "crash")));
        System.out.println("registered " + model.version());
        System.out.flush();
      }
    }
  }
}
