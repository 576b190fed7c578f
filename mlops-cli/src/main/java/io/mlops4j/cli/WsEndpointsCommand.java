package io.mlops4j.cli;

import io.mlops4j.release.BatchEndpoint;
import io.mlops4j.release.MlWorkspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops ws endpoints}: list and show batch endpoints of a workspace. */
@Command(
    name = "endpoints",
    mixinStandardHelpOptions = true,
    description = "List and show the batch endpoints of a workspace (one per plant).",
    subcommands = {WsEndpointsCommand.ListEndpoints.class, WsEndpointsCommand.Show.class})
final class WsEndpointsCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing an endpoints subcommand");
  }

  /** {@code mlops ws endpoints list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List batch endpoints.")
  static final class ListEndpoints implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlWorkspace> target = ws.openWorkspace()) {
        String where = target.name();
        List<BatchEndpoint> endpoints = target.target().listEndpoints();
        Table table = new Table("NAME", "DEFAULT_DEPLOYMENT", "UPDATED_AT");
        for (BatchEndpoint e : endpoints) {
          table.row(
              e.spec().name(),
              e.defaultDeployment().isEmpty() ? "-" : e.defaultDeployment(),
              WsViews.time(e.updatedAt()));
        }
        WsViews.printList(
            spec.commandLine().getOut(),
            ws.json,
            endpoints.stream().map(e -> WsViews.endpoint(where, e)).toList(),
            table,
            "no batch endpoints in " + where);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code mlops ws endpoints show}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a batch endpoint.")
  static final class Show implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(paramLabel = "NAME", description = "e.g. batch-endpoint-plant-P001.")
    String name;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlWorkspace> target = ws.openWorkspace()) {
        BatchEndpoint found = target.target().getEndpoint(name);
        WsViews.print(spec.commandLine().getOut(), WsViews.endpoint(target.name(), found), ws.json);
      }
      return ExitCodes.OK;
    }
  }
}
