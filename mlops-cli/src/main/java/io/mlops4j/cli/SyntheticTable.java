package io.mlops4j.cli;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.SyntheticSensors;
import io.mlops4j.data.UpsertResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes generated sensor days into a table, a few days per commit (for generate and bench). */
final class SyntheticTable {
  /** What was written. */
  record Written(long rows, int commits, long version) {}

  private SyntheticTable() {}

  /**
   * Upserts every day of the given circuits, {@code daysPerCommit} days (of all circuits) per
   * commit.
   */
  static Written write(
      SensorTable table, SyntheticSensors generator, List<CircuitRef> circuits, int daysPerCommit) {
    if (daysPerCommit < 1) {
      throw new IllegalArgumentException("daysPerCommit must be >= 1, got " + daysPerCommit);
    }
    int days = generator.spec().days();
    LocalDate start = generator.spec().startDate();
    long rows = 0;
    int commits = 0;
    long version = table.version();
    for (int first = 0; first < days; first += daysPerCommit) {
      List<SensorRows> batch = new ArrayList<>();
      for (int d = first; d < Math.min(days, first + daysPerCommit); d++) {
        for (CircuitRef circuit : circuits) {
          SensorRows day = generator.getDay(circuit, start.plusDays(d));
          rows += day.size();
          batch.add(day);
        }
      }
      UpsertResult result = table.upsert(batch);
      version = result.version();
      commits++;
    }
    return new Written(rows, commits, version);
  }
}
