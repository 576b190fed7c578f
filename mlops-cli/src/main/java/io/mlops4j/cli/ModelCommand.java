package io.mlops4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops model}: inspect model directories and benchmark training and inference. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Inspect model directories and benchmark the LSTM's training and inference.",
    subcommands = {ModelInspectCommand.class, ModelBenchCommand.class})
final class ModelCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a model subcommand");
  }
}
