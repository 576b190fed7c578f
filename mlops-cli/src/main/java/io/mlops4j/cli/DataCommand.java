package io.mlops4j.cli;

import io.mlops4j.data.TableVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops data}: generate, inspect and read the sensor Delta table and its MLTables. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Generate, inspect and read the sensor Delta table, write training MLTables and check that"
          + " a training slice is unchanged.",
      "",
      "Tables are local folders (or Azure ML mounts). Missing tables, sensors, versions or data"
          + " before a cutoff fail with exit code 2."
    },
    subcommands = {
      DataGenerateCommand.class,
      DataInspectCommand.class,
      DataSliceCommand.class,
      DataMlTableCommand.class,
      DataFingerprintCommand.class,
      DataVerifyImmutableCommand.class,
      DataBenchCommand.class
    })
final class DataCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a data subcommand");
  }

  /** The version of a {@code --version} option: the given one, or the latest when absent. */
  static TableVersion version(Long version) {
    return version == null ? TableVersion.LATEST : TableVersion.of(version);
  }
}
