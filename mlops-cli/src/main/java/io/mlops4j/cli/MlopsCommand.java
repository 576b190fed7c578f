package io.mlops4j.cli;

import io.mlops4j.config.ConfigException;
import io.mlops4j.config.InvalidIdException;
import java.io.PrintWriter;
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
    subcommands = {ConfigCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:failure",
      "2:invalid input or usage",
      "3:a gate failed (monitoring CRITICAL, test inference failed)"
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
    CommandLine commandLine = new CommandLine(new MlopsCommand());
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
        || e instanceof CommandLine.ParameterException) {
      return ExitCodes.INVALID_INPUT;
    }
    return ExitCodes.FAILURE;
  }
}
