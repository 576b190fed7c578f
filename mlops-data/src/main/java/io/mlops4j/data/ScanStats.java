package io.mlops4j.data;

/**
 * How many data files a read opened and how many it skipped by their statistics.
 *
 * @param filesTotal live data files in the table version read
 * @param filesRead files opened
 * @param filesSkipped files not opened ({@code filesTotal - filesRead})
 */
public record ScanStats(long filesTotal, long filesRead, long filesSkipped) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public ScanStats {
    if (filesTotal < 0 || filesRead < 0 || filesSkipped < 0) {
      throw new IllegalArgumentException(
          "file counts must be >= 0: " + filesTotal + ", " + filesRead + ", " + filesSkipped);
    }
  }
}
