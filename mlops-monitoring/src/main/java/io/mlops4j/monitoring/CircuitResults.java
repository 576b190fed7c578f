package io.mlops4j.monitoring;

import io.mlops4j.config.CircuitRef;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of monitoring many circuits at once, and the circuits that could not be assessed.
 *
 * @param <T> {@link CircuitPerformance} or {@link CircuitDrift}
 * @param results one result per assessed circuit, in circuit order
 * @param skipped why each other circuit was skipped (such as no predictions or no readings)
 */
public record CircuitResults<T>(List<T> results, Map<CircuitRef, String> skipped) {
  /** Copies the fields. */
  public CircuitResults {
    results = List.copyOf(results);
    skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
  }
}
