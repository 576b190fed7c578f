package io.mlops4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops ws}: models, environments, data, endpoints, deployments and jobs of a target. */
@Command(
    name = "ws",
    mixinStandardHelpOptions = true,
    description = {
      "Work with the models, environments, data assets, batch endpoints, deployments and jobs of"
          + " a workspace (dev, test, prod) or registry (shared).",
      "",
      "Targets come from workspaces.yml (--workspaces FILE, default ./workspaces.yml, else local"
          + " dev, test, prod and shared). Local targets live in the embedded store (--store DIR,"
          + " default .mlops). Azure targets (backend: azure) go to Azure ML over ARM REST with"
          + " azure-identity's DefaultAzureCredential; MLOPS_ARM_ENDPOINT overrides the ARM"
          + " endpoint.",
      "",
      "Every command takes --target NAME (default dev), --store DIR, --workspaces FILE and --json."
    },
    subcommands = {
      WsModelsCommand.class,
      WsEnvsCommand.class,
      WsDataCommand.class,
      WsEndpointsCommand.class,
      WsDeploymentsCommand.class,
      WsJobsCommand.class,
      WsBenchCommand.class
    })
final class WsCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a ws subcommand");
  }
}
