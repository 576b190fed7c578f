package io.mlops4j.config;

/** What a change to the environment definition means for the release. */
public enum EnvironmentReleaseKind {
  /** The environment did not change (or only its tags or description did). */
  NONE,
  /** The environment definition is new. */
  NEW,
  /** MINOR or PATCH bump: backward compatible; test and update every deployment, no retraining. */
  ENVIRONMENT_ONLY,
  /** MAJOR bump: breaking; circuits must move their configs to the new version and retrain. */
  BREAKING
}
