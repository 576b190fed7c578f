package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The classified change of the environment definition between two revisions.
 *
 * @param kind what the change means for the release
 * @param name the environment's name
 * @param fromVersion the version at the base revision; empty for a new environment
 * @param toVersion the version at the head revision
 * @param changeSummary the {@code change_summary} tag, or empty
 * @param changedFiles files under the environment directory that changed
 * @param circuitsToMove for {@link EnvironmentReleaseKind#BREAKING}: circuits whose {@code
 *     environment_version} is still on an older major version, so their configs must move to the
 *     new version (and they retrain); empty otherwise
 * @param circuitsToRedeploy for {@link EnvironmentReleaseKind#ENVIRONMENT_ONLY}: circuits on the
 *     same major version, whose deployments get the new environment without retraining; empty
 *     otherwise
 */
public record EnvironmentChange(
    EnvironmentReleaseKind kind,
    String name,
    String fromVersion,
    String toVersion,
    String changeSummary,
    List<String> changedFiles,
    List<CircuitRef> circuitsToMove,
    List<CircuitRef> circuitsToRedeploy) {
  public EnvironmentChange {
    requireNonNull(kind, "kind");
    requireNonNull(name, "name");
    requireNonNull(fromVersion, "fromVersion");
    requireNonNull(toVersion, "toVersion");
    requireNonNull(changeSummary, "changeSummary");
    changedFiles = List.copyOf(changedFiles);
    circuitsToMove = List.copyOf(circuitsToMove);
    circuitsToRedeploy = List.copyOf(circuitsToRedeploy);
  }

  /**
   * Tells whether models must be retrained.
   *
   * @return true for a breaking change
   */
  public boolean requiresRetrain() {
    return kind == EnvironmentReleaseKind.BREAKING;
  }
}
