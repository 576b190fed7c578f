package io.mlops4j.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a registering process with SIGKILL at random points, 50 times against the same store, and
 * checks after every kill that the store is consistent: no half-written version, no orphan rows,
 * gapless versions, every acknowledged registration kept.
 */
class CrashSafetyIT {
  private static final int TRIALS = 50;

  @Test
  void storeStaysConsistentWhenRegisteringProcessesAreKilled(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    Random random = new Random(20261122);
    int acknowledged = 0;
    int killedDuringStartup = 0;
    int committedButNotAcknowledged = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      // Kill after 0-6 acknowledged registrations: the kill lands somewhere in the next one
      // (artifact blobs, the transaction, the audit row, the commit) or, at 0, during start-up.
      int registrationsBeforeKill = random.nextInt(7);
      int seenThisTrial = 0;
      try (WorkerProcess worker = new WorkerProcess(store, "lstm_P001_C001", 0, "w" + trial)) {
        String line = worker.readLine();
        if (registrationsBeforeKill == 0 && random.nextBoolean()) {
          killedDuringStartup++;
          worker.killHard(); // just after "ready": pool, first write
          seenThisTrial += worker.readVersions().size(); // a slow test thread may see some
        } else {
          assertThat(line).isEqualTo("ready");
          while (seenThisTrial < registrationsBeforeKill) {
            assertThat(worker.readLine()).startsWith("registered ");
            seenThisTrial++;
          }
          // A random moment within the next registration (one takes a few milliseconds).
          assertThat(worker.waitFor(random.nextInt(15_000))).as("worker ended by itself").isFalse();
          worker.killHard();
          seenThisTrial += worker.readVersions().size(); // acknowledged while we waited
        }
      }
      acknowledged += seenThisTrial;
      int versions = StoreConsistency.assertConsistent(store, "lstm_P001_C001", 4);
      // Every acknowledged registration is durable; at most the one in flight per kill was added.
      assertThat(versions).isBetween(acknowledged, acknowledged + 1);
      committedButNotAcknowledged += versions - acknowledged;
      acknowledged = versions;
    }
    System.out.printf(
        "crash safety: %d kills, %d during start-up, %d right after a commit, %d versions kept%n",
        TRIALS, killedDuringStartup, committedButNotAcknowledged, acknowledged);
    assertThat(acknowledged).as("registrations that survived 50 kills").isGreaterThan(TRIALS);
    assertThat(killedDuringStartup).isPositive();
  }
}
