package io.mlops4j.model;

import java.time.Instant;
import java.util.List;

/**
 * A forecast of the target after the last row of a series.
 *
 * @param times the time of each forecast step: the last row's time plus 1, 2, ... steps of the
 *     model's frequency (UTC)
 * @param values the forecast target values, in the target's original units
 */
public record Forecast(List<Instant> times, List<Double> values) {
  /** Copies the lists and checks they have equal length. */
  public Forecast {
    times = List.copyOf(times);
    values = List.copyOf(values);
    if (times.size() != values.size()) {
      throw new IllegalArgumentException("times and values must have equal length");
    }
  }
}
