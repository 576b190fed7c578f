package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged CLI jar and the ./mlops launcher as a user does, in separate processes. */
class PackagedCliIT {
  private record Result(int exitCode, String out) {}

  @Test
  void versionPrintsEveryModulesPackagedVersion() throws Exception {
    Result result = run(List.of("java", "-jar", cliJar().toString(), "--version"));

    assertThat(result.exitCode()).isZero();
    Map<String, String> modules = ReactorPoms.moduleVersions();
    modules.remove("mlops-bom");
    modules.forEach(
        (module, version) -> assertThat(result.out()).containsPattern(module + "\\s+" + version));
  }

  @Test
  void cliJarExitsTwoOnInvalidConfig() throws Exception {
    Result result =
        run(List.of("java", "-jar", cliJar().toString(), "config", "validate", "--root", "target"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).contains("no plants_circuits.yml in target");
  }

  @Test
  void launcherRunsTheReadmeMainCommand() throws Exception {
    Result result = run(List.of("../mlops", "config", "validate", "--root", "../examples"));

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out()).contains("OK ../examples/config: 3 plants, 9 circuits");
  }

  @Test
  void cliJarRegistersAndListsModelsInALocalStore(@TempDir Path dir) throws Exception {
    Path artifact = Files.writeString(dir.resolve("weights.bin"), "weights");
    String jar = cliJar().toString();
    String store = dir.resolve("store").toString();

    Result register =
        run(
            List.of(
                "java",
                "-jar",
                jar,
                "ws",
                "models",
                "register",
                "--name",
                "lstm_P001_C001",
                "--path",
                artifact.toString(),
                "--tag",
                "plant_id=P001",
                "--store",
                store));
    Result list =
        run(
            List.of(
                "java",
                "-jar",
                jar,
                "ws",
                "models",
                "list",
                "--tag",
                "plant_id=P001",
                "--store",
                store));

    assertThat(register.exitCode()).as(register.out()).isZero();
    assertThat(register.out()).contains("registered lstm_P001_C001 version 1 in dev");
    assertThat(list.exitCode()).as(list.out()).isZero();
    assertThat(list.out()).containsPattern("lstm_P001_C001 +1 ");
  }

  private static Path cliJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("mlops-cli-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no CLI jar in target/; run mvn package"));
    }
  }

  private static Result run(List<String> command) throws Exception {
    Process process =
        new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
    return new Result(process.exitValue(), out);
  }
}
