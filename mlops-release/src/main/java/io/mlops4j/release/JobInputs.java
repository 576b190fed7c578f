package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a batch job scores: one data input and per-invocation values (such as plant_id and
 * circuit_id).
 *
 * @param input the data input: a folder or file URI, or a local path for the local backend
 * @param values per-invocation literal values
 */
public record JobInputs(String input, Map<String, String> values) {
  /** Checks the components and copies the map. */
  public JobInputs {
    requireNonNull(input, "input");
    values = Map.copyOf(values);
  }
}
