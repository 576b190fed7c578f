package io.mlops4j.cli;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.ConfigException;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.config.MlopsException;
import io.mlops4j.config.Target;
import io.mlops4j.config.TargetKind;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.MlRegistry;
import io.mlops4j.release.MlWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The options every {@code mlops ws} command shares: which target, which store, which {@code
 * workspaces.yml}, and JSON output. It opens the client through the root command's {@link
 * ClientOpener}.
 */
final class WsOptions {
  static final Path DEFAULT_WORKSPACES = Path.of("workspaces.yml");

  private final ClientOpener opener;

  @Option(
      names = "--target",
      paramLabel = "NAME",
      defaultValue = "dev",
      description =
          "Workspace (dev, test, prod) or, for models, envs and data, a registry (shared)"
              + " from workspaces.yml (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      defaultValue = ".mlops",
      description = "Local store directory, used by local targets (default: ${DEFAULT-VALUE}).")
  Path store;

  @Option(
      names = "--workspaces",
      paramLabel = "FILE",
      description =
          "Targets file (default: ./workspaces.yml if it exists, else local dev, test, prod and"
              + " shared).")
  Path workspaces;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  WsOptions(ClientOpener opener) {
    this.opener = requireNonNull(opener, "opener");
  }

  /**
   * A client and the workspace or registry chosen with {@code --target}; closing closes both.
   *
   * @param client the open client
   * @param target the workspace or registry
   * @param kind whether the target is a workspace or a registry
   */
  record Opened<T extends MlRegistry>(MlClient client, T target, TargetKind kind)
      implements AutoCloseable {
    /** The target's logical name, such as {@code dev} or {@code shared}. */
    String name() {
      return target.name();
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /**
   * Opens the target for asset commands (models, envs, data): a workspace of that name, else a
   * registry.
   */
  Opened<MlRegistry> openAssets() {
    TargetsConfig targets = targets();
    Target chosen = find(targets);
    return open(
        targets,
        chosen.kind(),
        chosen.kind() == TargetKind.WORKSPACE ? MlClient::workspace : MlClient::registry);
  }

  /** Opens the target for endpoint, deployment and job commands, which must be a workspace. */
  Opened<MlWorkspace> openWorkspace() {
    TargetsConfig targets = targets();
    if (find(targets).kind() != TargetKind.WORKSPACE) {
      throw invalidTarget(
          MlopsException.quote(target)
              + " is a registry; endpoints, deployments and jobs belong to a workspace: "
              + names(targets, TargetKind.WORKSPACE));
    }
    return open(targets, TargetKind.WORKSPACE, MlClient::workspace);
  }

  private <T extends MlRegistry> Opened<T> open(
      TargetsConfig targets, TargetKind kind, BiFunction<MlClient, String, T> select) {
    MlClient client = opener.open(store, targets);
    try {
      return new Opened<>(client, select.apply(client, target), kind);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** The targets: from {@code --workspaces}, else ./workspaces.yml, else the local defaults. */
  private TargetsConfig targets() {
    Path file = targetsFile();
    return file == null ? TargetsConfig.localDefaults() : new ConfigLoader().loadTargets(file);
  }

  private Path targetsFile() {
    if (workspaces != null) {
      return workspaces;
    }
    return Files.isRegularFile(DEFAULT_WORKSPACES) ? DEFAULT_WORKSPACES : null;
  }

  private Target find(TargetsConfig targets) {
    Target found = targets.targets().get(target);
    if (found == null) {
      throw invalidTarget(
          "no target named "
              + MlopsException.quote(target)
              + " in "
              + source()
              + "; known workspaces: "
              + names(targets, TargetKind.WORKSPACE)
              + "; known registries: "
              + names(targets, TargetKind.REGISTRY));
    }
    return found;
  }

  private String source() {
    Path file = targetsFile();
    return file == null ? "the built-in local targets (no ./workspaces.yml)" : file.toString();
  }

  private static ConfigException invalidTarget(String message) {
    return new ConfigException(List.of(new ConfigProblem("--target", 0, 0, "", message)));
  }

  private static String names(TargetsConfig targets, TargetKind kind) {
    String names =
        targets.targets().values().stream()
            .filter(t -> t.kind() == kind)
            .map(Target::name)
            .sorted()
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "(none)" : names;
  }
}
