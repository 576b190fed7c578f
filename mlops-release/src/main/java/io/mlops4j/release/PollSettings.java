package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Exponential backoff for waiting on jobs: the first interval, the growth factor and the cap.
 *
 * @param initial the first wait
 * @param multiplier how much each wait grows, at least 1
 * @param max the longest single wait
 */
public record PollSettings(Duration initial, double multiplier, Duration max) {
  /** Checks the components. */
  public PollSettings {
    requireNonNull(initial, "initial");
    requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || multiplier < 1 || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("expected 0 < initial <= max and multiplier >= 1");
    }
  }

  /**
   * Returns the defaults: 200 ms, doubling, at most 30 s.
   *
   * @return the default settings
   */
  public static PollSettings defaults() {
    return new PollSettings(Duration.ofMillis(200), 2.0, Duration.ofSeconds(30));
  }

  /**
   * Returns the wait after a given one.
   *
   * @param current the last wait
   * @return the next wait, capped
   */
  public Duration next(Duration current) {
    long nanos = (long) Math.min(current.toNanos() * multiplier, max.toNanos());
    return Duration.ofNanos(nanos);
  }
}
