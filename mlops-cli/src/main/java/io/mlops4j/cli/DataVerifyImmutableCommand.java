package io.mlops4j.cli;

import io.mlops4j.data.ImmutabilityCheck;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.TableVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops data verify-immutable}: has a training slice changed since it was recorded? */
@Command(
    name = "verify-immutable",
    mixinStandardHelpOptions = true,
    description = {
      "Check that one sensor's rows up to a cutoff still have the fingerprint recorded at"
          + " --base-version. Exit 0 when unchanged; exit 3 naming the first date whose rows"
          + " differ."
    })
final class DataVerifyImmutableCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--table", required = true, description = "The sensor table's directory.")
  Path table;

  @Option(names = "--sensor", required = true, description = "The sensor id.")
  String sensor;

  @Option(names = "--cutoff", required = true, description = "The slice's last date.")
  LocalDate cutoff;

  @Option(
      names = "--fingerprint",
      required = true,
      description = "The recorded fingerprint, sha256:...")
  String fingerprint;

  @Option(
      names = "--base-version",
      required = true,
      description = "The table version the fingerprint was recorded at.")
  long baseVersion;

  @Option(
      names = "--columns",
      split = ",",
      description =
          "Feature columns of the slice (default: every feature column at --base-version).")
  List<String> columns;

  @Override
  public Integer call() {
    SensorTable sensorTable = SensorTable.open(table);
    List<String> cols =
        columns != null ? columns : sensorTable.featureColumns(TableVersion.of(baseVersion));
    ImmutabilityCheck check =
        sensorTable.verifyImmutable(sensor, cutoff, cols, fingerprint, baseVersion);
    PrintWriter out = spec.commandLine().getOut();
    if (check.unchanged()) {
      out.printf(
          "unchanged: %s up to %s has %s at version %d (recorded at version %d)%n",
          sensor, cutoff, check.actualFingerprint(), check.checkedVersion(), baseVersion);
      out.flush();
      return ExitCodes.OK;
    }
    out.printf(
        "changed: %s up to %s differs from version %d from %s on; version %d has %s, expected"
            + " %s%n",
        sensor,
        cutoff,
        baseVersion,
        check.firstChangedDate(),
        check.checkedVersion(),
        check.actualFingerprint(),
        fingerprint);
    out.flush();
    return ExitCodes.GATE_FAILED;
  }
}
