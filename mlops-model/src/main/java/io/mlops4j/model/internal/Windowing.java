package io.mlops4j.model.internal;

import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.MlopsException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Cuts a time-ordered series into windows of {@code T} input rows followed by {@code H} target
 * rows, all consecutive at the series' sampling frequency, which is inferred as the most common
 * step between timestamps. A window never spans a gap.
 *
 * @param frequencyMicros the inferred frequency
 * @param starts the first row of each window, ascending
 * @param skipped window positions left out because they span a gap
 */
public record Windowing(long frequencyMicros, int[] starts, int skipped) {

  /**
   * Plans the windows of a series.
   *
   * @param what what is being done, for messages
   * @param timestampMicros the timestamps
   * @param sequenceLength T
   * @param horizon H
   * @return the plan
   * @throws MlopsException if there are fewer rows than one window, timestamps are not increasing
   *     or every window position spans a gap
   */
  public static Windowing plan(
      String what, long[] timestampMicros, int sequenceLength, int horizon) {
    int n = timestampMicros.length;
    int span = sequenceLength + horizon;
    if (n < span) {
      throw new InvalidInputException(ModelErrors.tooFewRows(what, n, sequenceLength, horizon));
    }
    long frequency = inferFrequency(timestampMicros);
    int[] badPrefix = new int[n];
    for (int i = 1; i < n; i++) {
      boolean bad = timestampMicros[i] - timestampMicros[i - 1] != frequency;
      badPrefix[i] = badPrefix[i - 1] + (bad ? 1 : 0);
    }
    int positions = n - span + 1;
    int[] starts = new int[positions];
    int count = 0;
    for (int s = 0; s < positions; s++) {
      // steps s -> s+1, ..., s+span-2 -> s+span-1 must all be regular
      if (badPrefix[s + span - 1] - badPrefix[s] == 0) {
        starts[count++] = s;
      }
    }
    if (count == 0) {
      throw new InvalidInputException(
          ModelErrors.noWindows(what, n, positions, Duration.ofNanos(frequency * 1000), span));
    }
    return new Windowing(frequency, java.util.Arrays.copyOf(starts, count), positions - count);
  }

  /**
   * Infers the sampling frequency: the most common positive step (the smallest if tied).
   *
   * @param timestampMicros at least two timestamps
   * @return the frequency in microseconds
   * @throws MlopsException if the timestamps are not strictly increasing
   */
  public static long inferFrequency(long[] timestampMicros) {
    Map<Long, Integer> counts = new HashMap<>();
    for (int i = 1; i < timestampMicros.length; i++) {
      long step = timestampMicros[i] - timestampMicros[i - 1];
      if (step <= 0) {
        throw new InvalidInputException(ModelErrors.notIncreasing(i, instant(timestampMicros[i])));
      }
      counts.merge(step, 1, Integer::sum);
    }
    long best = 0;
    int bestCount = -1;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  /**
   * Returns the number of windows.
   *
   * @return the window count
   */
  public int count() {
    return starts.length;
  }

  static Instant instant(long micros) {
    return Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L));
  }
}
