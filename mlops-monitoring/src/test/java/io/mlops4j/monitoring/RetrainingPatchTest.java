package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainingPatchTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "config");

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void patchChangesOnlyTheCutoffLineAndAppliesWithGit(@TempDir Path repo) throws Exception {
    copyTree(EXAMPLES, repo.resolve("config"));
    CircuitRef ref = CircuitRef.parse("P001/C001");
    CircuitConfig circuit = new ConfigLoader().load(repo).circuit(ref);
    Path file = repo.resolve("config/plants/P001/C001.yml");
    List<String> before = Files.readAllLines(file);

    RetrainingPatch patch =
        RetrainingPatch.create(repo, circuit, LocalDate.of(2026, 10, 31), "drift HIGH");

    assertThat(patch.file()).isEqualTo("config/plants/P001/C001.yml");
    assertThat(patch.diff())
        .startsWith("--- a/config/plants/P001/C001.yml\n+++ b/config/plants/P001/C001.yml\n@@ ")
        .contains("\n-  cutoff_date: \"" + circuit.training().cutoffDate() + "\"\n")
        .contains("\n+  cutoff_date: \"2026-10-31\"\n");
    assertThat(patch.diff().lines().filter(l -> l.startsWith("+") || l.startsWith("-"))).hasSize(4);

    Path patchFile = repo.resolve("retrain.patch");
    Files.writeString(patchFile, patch.diff());
    Process git =
        new ProcessBuilder("git", "apply", "--unsafe-paths", "retrain.patch")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(git.getInputStream().readAllBytes());
    assertThat(git.waitFor()).as(output).isZero();

    List<String> after = Files.readAllLines(file);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).contains("cutoff_date")) {
        assertThat(after.get(i)).isEqualTo("  cutoff_date: \"2026-10-31\"");
      } else {
        assertThat(after.get(i)).isEqualTo(before.get(i));
      }
    }
    assertThat(new ConfigLoader().load(repo).circuit(ref).training().cutoffDate())
        .isEqualTo(LocalDate.of(2026, 10, 31));
  }

  @Test
  void recommendsRetrainingOnHighDriftOrCriticalPerformance() {
    assertThat(RetrainingPatch.recommended(Status.CRITICAL, DriftSeverity.NONE)).isTrue();
    assertThat(RetrainingPatch.recommended(Status.OK, DriftSeverity.HIGH)).isTrue();
    assertThat(RetrainingPatch.recommended(Status.WARNING, DriftSeverity.MEDIUM)).isFalse();
  }
}
