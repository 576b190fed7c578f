package io.mlops4j.cli;

import io.mlops4j.data.ReadOptions;
import io.mlops4j.data.SensorSlice;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.TableVersion;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops data fingerprint}: the fingerprint of a training slice, for pipelines to record. */
@Command(
    name = "fingerprint",
    mixinStandardHelpOptions = true,
    description =
        "Print the fingerprint (sha256:...) of one sensor's rows up to a cutoff; the version read"
            + " goes to stderr. Record both, and check later with verify-immutable.")
final class DataFingerprintCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--table", required = true, description = "The sensor table's directory.")
  Path table;

  @Option(names = "--sensor", required = true, description = "The sensor id.")
  String sensor;

  @Option(names = "--cutoff", required = true, description = "The last date, inclusive.")
  LocalDate cutoff;

  @Option(names = "--version", description = "The Delta version to read (default: the latest).")
  Long version;

  @Option(
      names = "--columns",
      split = ",",
      description = "Feature columns (default: every feature column of the table).")
  List<String> columns;

  @Override
  public Integer call() {
    SensorTable sensorTable = SensorTable.open(table);
    TableVersion tableVersion = DataCommand.version(version);
    List<String> cols = columns != null ? columns : sensorTable.featureColumns(tableVersion);
    SensorSlice slice =
        sensorTable.trainingSlice(
            sensor, cutoff, cols, ReadOptions.defaults().withVersion(tableVersion));
    spec.commandLine().getOut().println(SensorTable.fingerprint(slice));
    spec.commandLine().getOut().flush();
    DataSliceCommand.printStats(spec.commandLine().getErr(), slice);
    return ExitCodes.OK;
  }
}
