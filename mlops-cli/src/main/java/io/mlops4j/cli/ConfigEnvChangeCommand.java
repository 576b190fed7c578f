package io.mlops4j.cli;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.EnvironmentChange;
import io.mlops4j.config.EnvironmentChangeClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops config env-change}: classify a change of the environment definition. */
@Command(
    name = "env-change",
    mixinStandardHelpOptions = true,
    description = {
      "Classify the environment definition's change between two revisions:",
      "MAJOR bump = breaking (retrain), MINOR/PATCH = environment-only release;",
      "content changed without a bump, or a version going backwards, is an error (exit 2)."
    })
final class ConfigEnvChangeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--repo", defaultValue = ".", description = "The git repository (default: .).")
  Path repo;

  @Option(names = "--base", required = true, description = "Base revision, e.g. origin/main.")
  String base;

  @Option(names = "--head", defaultValue = "HEAD", description = "Head revision (default: HEAD).")
  String head;

  @Option(
      names = "--env-file",
      defaultValue = "environment/environment.yml",
      description =
          "Environment definition in the repository (default: environment/environment.yml).")
  String envFile;

  @Option(
      names = "--config-dir",
      defaultValue = "config",
      description = "Config directory relative to the repository (default: config).")
  String configDir;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() {
    EnvironmentChange change =
        new EnvironmentChangeClassifier(new ConfigLoader(), envFile, configDir)
            .classify(repo, base, head);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("kind", change.kind().name().toLowerCase(Locale.ROOT));
      view.put("name", change.name());
      view.put("from_version", change.fromVersion());
      view.put("to_version", change.toVersion());
      view.put("requires_retrain", change.requiresRetrain());
      view.put("change_summary", change.changeSummary());
      view.put("changed_files", change.changedFiles());
      view.put("circuits_to_move", names(change.circuitsToMove()));
      view.put("circuits_to_redeploy", names(change.circuitsToRedeploy()));
      out.println(Json.pretty(view));
    } else {
      out.printf(
          "environment %s: %s -> %s: %s%n",
          change.name(),
          change.fromVersion().isEmpty() ? "(new)" : change.fromVersion(),
          change.toVersion(),
          switch (change.kind()) {
            case NONE -> "no change";
            case NEW -> "new environment";
            case ENVIRONMENT_ONLY -> "environment-only release (no retraining)";
            case BREAKING -> "BREAKING, every circuit must retrain";
          });
      if (!change.changeSummary().isEmpty()) {
        out.println("summary: " + change.changeSummary());
      }
      if (!change.circuitsToMove().isEmpty()) {
        out.println(
            "circuits whose config must move to "
                + change.toVersion()
                + ": "
                + String.join(", ", names(change.circuitsToMove())));
      }
      if (!change.circuitsToRedeploy().isEmpty()) {
        out.println(
            "deployments to update: " + String.join(", ", names(change.circuitsToRedeploy())));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static List<String> names(List<CircuitRef> refs) {
    return refs.stream().map(CircuitRef::toString).collect(Collectors.toList());
  }
}
