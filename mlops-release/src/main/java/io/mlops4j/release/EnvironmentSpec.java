package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * An environment version to create: a Docker image plus an optional conda file, or a Docker build
 * context.
 *
 * @param name the environment name
 * @param version a semantic version such as {@code 1.5.0}
 * @param image the base image, or empty when built from a context
 * @param condaFile the conda file's content, or empty
 * @param buildContext a Docker build context URI or path, or empty
 * @param description free text
 * @param tags tags such as backward_compatible, requires_retrain, change_summary, git_commit_sha
 */
public record EnvironmentSpec(
    String name,
    String version,
    String image,
    String condaFile,
    String buildContext,
    String description,
    Map<String, String> tags) {
  /** Checks the components and copies the map. */
  public EnvironmentSpec {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(image, "image");
    requireNonNull(condaFile, "condaFile");
    requireNonNull(buildContext, "buildContext");
    requireNonNull(description, "description");
    tags = Map.copyOf(tags);
    if (image.isEmpty() == buildContext.isEmpty()) {
      throw new IllegalArgumentException(
          "an environment has an image or a build context, not both");
    }
  }
}
