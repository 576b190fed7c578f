package io.mlops4j.cli;

import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.MlClient;
import java.nio.file.Path;

/**
 * Opens the workspace client for the {@code mlops ws} commands. The root command supplies it (see
 * {@link MlopsCommand#commandLine}), so it is the one place where the CLI chooses a backend.
 */
@FunctionalInterface
interface ClientOpener {
  /**
   * Opens a client serving the given targets.
   *
   * @param store the local store directory, used by local targets
   * @param targets the targets from {@code workspaces.yml} or the local defaults
   * @return the client; the caller closes it
   */
  MlClient open(Path store, TargetsConfig targets);
}
