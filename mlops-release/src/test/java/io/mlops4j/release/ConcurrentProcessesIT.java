package io.mlops4j.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate processes registering the same model at once get distinct, gapless versions. */
class ConcurrentProcessesIT {
  @Test
  void separateProcessesGetDistinctGaplessVersions(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    int processes = 4;
    int each = 25;
    List<WorkerProcess> workers = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      workers.add(new WorkerProcess(store, "lstm_P002_C003", each, "p" + p));
    }
    List<Integer> all = new ArrayList<>();
    for (WorkerProcess worker : workers) {
      try (worker) {
        List<Integer> versions = worker.readVersions();
        assertThat(worker.waitFor()).isZero();
        assertThat(versions).hasSize(each);
        all.addAll(versions);
      }
    }

    assertThat(all)
        .as("no version was given twice")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, processes * each).boxed().toList());
    assertThat(StoreConsistency.assertConsistent(store, "lstm_P002_C003", 4))
        .isEqualTo(processes * each);
  }
}
