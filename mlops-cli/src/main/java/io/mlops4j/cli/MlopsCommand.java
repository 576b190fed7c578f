package io.mlops4j.cli;

import io.mlops4j.config.ConfigException;
import io.mlops4j.config.InvalidIdException;
import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.Target;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.data.DataNotFoundException;
import io.mlops4j.release.JobContext;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.MlClients;
import io.mlops4j.release.PollSettings;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.azure.AzureMlClientBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code mlops} command. */
@Command(
    name = "mlops",
    mixinStandardHelpOptions = true,
    versionProvider = ModuleVersions.class,
    description = "Runs the life of per-circuit forecasting models on Azure ML or on this machine.",
    subcommands = {
      ConfigCommand.class,
      WsCommand.class,
      DataCommand.class,
      TrainCommand.class,
      PredictCommand.class,
      ModelCommand.class,
      MonitorCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:failure",
      "2:invalid input or usage",
      "3:a gate failed (monitoring CRITICAL, test inference failed)",
      "130:interrupted (Ctrl-C during mlops train; nothing written)"
    })
public final class MlopsCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print the cause chain of errors.")
  boolean verbose;

  /** Creates the command; picocli calls this. */
  public MlopsCommand() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  /**
   * Builds the command line with mlops4j's exit codes and error printing.
   *
   * @param out where command output goes
   * @param err where errors go
   * @return the command line, ready to {@code execute(args)}
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(
        out,
        err,
        (store, targets) -> openClient(store, targets, MlopsCommand::azure),
        System.getenv());
  }

  /**
   * Builds the command line with a given way to open workspace clients.
   *
   * @param out where command output goes
   * @param err where errors go
   * @param opener opens the client of the {@code ws} commands
   * @return the command line
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, ClientOpener opener) {
    return commandLine(out, err, opener, System.getenv());
  }

  /**
   * Builds the command line with a given way to open workspace clients and given environment
   * variables (where secrets such as webhook URLs are read).
   *
   * @param out where command output goes
   * @param err where errors go
   * @param opener opens the client of the {@code ws} commands
   * @param env the environment variables
   * @return the command line
   */
  static CommandLine commandLine(
      PrintWriter out, PrintWriter err, ClientOpener opener, Map<String, String> env) {
    CommandLine commandLine = new CommandLine(new MlopsCommand(), new Factory(opener, env));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(MlopsCommand::exitCode);
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> {
          PrintWriter errors = cl.getErr();
          errors.println(cl.getColorScheme().errorText("error: " + e.getMessage()));
          if (parseResult.hasMatchedOption("--verbose")) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
              errors.println("  caused by: " + cause);
            }
          }
          errors.flush();
          return exitCode(e);
        });
    return commandLine;
  }

  static int exitCode(Throwable e) {
    if (e instanceof ConfigException
        || e instanceof InvalidIdException
        || e instanceof InvalidInputException
        || e instanceof DataNotFoundException
        || e instanceof io.mlops4j.model.IncompatibleModelException
        || e instanceof io.mlops4j.model.InvalidModelDirectoryException
        || e instanceof CommandLine.ParameterException) {
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof RegistryException registry) {
      return switch (registry.reason()) {
        case NOT_FOUND, VALIDATION, CONFLICT -> ExitCodes.INVALID_INPUT;
        default -> ExitCodes.FAILURE;
      };
    }
    return ExitCodes.FAILURE;
  }

  /** The environment variable that points the Azure backend at another ARM endpoint. */
  static final String ARM_ENDPOINT_VARIABLE = "MLOPS_ARM_ENDPOINT";

  /**
   * Opens the client for the targets: the embedded local store when every target is local, the
   * Azure backend when every target is in Azure, and both side by side when they are mixed (each
   * target served by its own backend). This is the one place where the CLI picks a backend.
   *
   * @param store the local store directory
   * @param targets the targets of {@code workspaces.yml}
   * @param azure makes the Azure builder (credential, endpoint, HTTP client); its targets are set
   *     here
   */
  static MlClient openClient(
      Path store, TargetsConfig targets, Supplier<AzureMlClientBuilder> azure) {
    boolean anyAzure = targets.targets().values().stream().anyMatch(t -> !t.isLocal());
    if (!anyAzure) {
      return openLocal(store, targets);
    }
    MlClient remote = azure.get().targets(targets).buildClient();
    if (targets.targets().values().stream().noneMatch(Target::isLocal)) {
      return remote;
    }
    return new MixedClient(openLocal(store, targets), remote, targets);
  }

  /**
   * The production Azure builder: azure-identity's DefaultAzureCredential, the public-cloud ARM
   * endpoint unless {@value #ARM_ENDPOINT_VARIABLE} names another.
   */
  static AzureMlClientBuilder azure() {
    AzureMlClientBuilder builder = MlClients.azure();
    String endpoint = System.getenv(ARM_ENDPOINT_VARIABLE);
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpoint(endpoint.trim());
    }
    return builder;
  }

  /** Opens the embedded local store for the local targets of {@code workspaces.yml}. */
  static MlClient openLocal(Path store, TargetsConfig targets) {
    return MlClients.local(
        store, targets, MlopsCommand::noJobRunner, PollSettings.defaults(), Clock.systemUTC());
  }

  private static int noJobRunner(JobContext context) {
    throw new IllegalStateException(
        "the mlops CLI has no scoring runner yet, so it cannot run job "
            + context.jobId()
            + " on this machine; run jobs through a client with mlops-scoring's runner");
  }

  /** Creates commands and mixins, handing the client opener to those that need it. */
  private static final class Factory implements CommandLine.IFactory {
    private final ClientOpener opener;
    private final Map<String, String> env;

    Factory(ClientOpener opener, Map<String, String> env) {
      this.opener = opener;
      this.env = Map.copyOf(env);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == WsOptions.class) {
        return type.cast(new WsOptions(opener));
      }
      if (type == AlertOptions.class) {
        return type.cast(new AlertOptions(env));
      }
      if (type == WsBenchCommand.class) {
        return type.cast(new WsBenchCommand(opener));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
