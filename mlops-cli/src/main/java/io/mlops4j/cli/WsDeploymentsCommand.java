package io.mlops4j.cli;

import io.mlops4j.release.BatchDeployment;
import io.mlops4j.release.MlWorkspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops ws deployments}: list and show the batch deployments of an endpoint. */
@Command(
    name = "deployments",
    mixinStandardHelpOptions = true,
    description = "List and show the batch deployments of an endpoint (one per circuit).",
    subcommands = {WsDeploymentsCommand.ListDeployments.class, WsDeploymentsCommand.Show.class})
final class WsDeploymentsCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a deployments subcommand");
  }

  /** {@code mlops ws deployments list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List an endpoint's deployments with the model and environment each runs.")
  static final class ListDeployments implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Option(names = "--endpoint", required = true, paramLabel = "E", description = "The endpoint.")
    String endpoint;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlWorkspace> target = ws.openWorkspace()) {
        String where = target.name();
        target.target().getEndpoint(endpoint); // a missing endpoint is an error, not an empty list
        List<BatchDeployment> deployments = target.target().listDeployments(endpoint);
        Table table = new Table("NAME", "MODEL", "ENVIRONMENT", "UPDATED_AT");
        for (BatchDeployment d : deployments) {
          table.row(
              d.spec().name(),
              d.spec().model(),
              d.spec().environment(),
              WsViews.time(d.updatedAt()));
        }
        WsViews.printList(
            spec.commandLine().getOut(),
            ws.json,
            deployments.stream().map(d -> WsViews.deployment(where, d)).toList(),
            table,
            "no deployments in " + where + "/" + endpoint);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code mlops ws deployments show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a deployment: model, environment, settings, variables and tags.")
  static final class Show implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Option(names = "--endpoint", required = true, paramLabel = "E", description = "The endpoint.")
    String endpoint;

    @Parameters(paramLabel = "NAME", description = "e.g. deployment-circuit-C001.")
    String name;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlWorkspace> target = ws.openWorkspace()) {
        BatchDeployment found = target.target().getDeployment(endpoint, name);
        WsViews.print(
            spec.commandLine().getOut(), WsViews.deployment(target.name(), found), ws.json);
      }
      return ExitCodes.OK;
    }
  }
}
