package io.mlops4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops config}: validate, show and diff plant and circuit configuration. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Validate, show and diff plant and circuit configuration.",
    subcommands = {
      ConfigValidateCommand.class,
      ConfigShowCommand.class,
      ConfigChangesCommand.class,
      ConfigEnvChangeCommand.class,
      ConfigBenchCommand.class
    })
final class ConfigCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a config subcommand");
  }
}
