package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * A change to a file every circuit depends on, such as the environment definition. It affects all
 * circuits; whether they must be retrained is decided by {@link EnvironmentChangeClassifier}.
 *
 * @param path the changed file, relative to the repository root
 * @param status {@code A}, {@code M}, {@code D} or {@code R}
 * @param reason what the file is and why it matters
 */
public record SharedChange(String path, char status, String reason) {
  public SharedChange {
    requireNonNull(path, "path");
    requireNonNull(reason, "reason");
  }
}
