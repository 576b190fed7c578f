package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

/**
 * Rows of one sensor read from the sensor table, with the table version they came from.
 *
 * @param rows the rows, sorted by timestamp
 * @param version the Delta table version read
 * @param stats files read and skipped by the scan that produced the rows
 * @param droppedRows rows left out under {@link NullPolicy#DROP_ROW}
 */
public record SensorSlice(SensorRows rows, long version, ScanStats stats, int droppedRows) {
  /** Checks the fields. */
  public SensorSlice {
    requireNonNull(rows, "rows");
    requireNonNull(stats, "stats");
    if (version < 0 || droppedRows < 0) {
      throw new IllegalArgumentException(
          "version and droppedRows must be >= 0: " + version + ", " + droppedRows);
    }
  }
}
