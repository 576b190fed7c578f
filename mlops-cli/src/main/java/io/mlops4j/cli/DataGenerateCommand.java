package io.mlops4j.cli;

import io.mlops4j.config.MlopsException;
import io.mlops4j.data.Drift;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.SyntheticSensorSpec;
import io.mlops4j.data.SyntheticSensors;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops data generate}: a new sensor table filled with synthetic sensor data. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Create a sensor Delta table at --out and fill it with synthetic data for PLANTS x"
            + " CIRCUITS sensors (SENSOR_P001_C001, ...), a few days per commit.")
final class DataGenerateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--out", required = true, description = "The new table's directory.")
  Path out;

  @Option(names = "--plants", required = true, description = "Plants, 1 to 999.")
  int plants;

  @Option(names = "--circuits", required = true, description = "Circuits per plant, 1 to 999.")
  int circuits;

  @Option(names = "--days", required = true, description = "Days, from --start.")
  int days;

  @Option(
      names = "--start",
      defaultValue = "2025-01-01",
      description = "The first day, UTC (default: 2025-01-01).")
  LocalDate start;

  @Option(
      names = "--freq-minutes",
      defaultValue = "60",
      description = "Minutes between rows; must divide 1440 (default: 60).")
  int frequencyMinutes;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed; the same options always give the same rows (default: 42).")
  long seed;

  @Option(
      names = "--drift-from",
      description = "Shift every feature's level and widen its noise from this date on.")
  LocalDate driftFrom;

  @Option(
      names = "--features",
      split = ",",
      defaultValue = "temperature,pressure,vibration,flow_rate",
      description = "Feature columns (default: temperature,pressure,vibration,flow_rate).")
  List<String> features;

  @Option(
      names = "--days-per-commit",
      defaultValue = "10",
      description = "Days (of all sensors) per upsert commit (default: 10).")
  int daysPerCommit;

  @Override
  public Integer call() {
    if (daysPerCommit < 1) {
      throw new ParameterException(
          spec.commandLine(), "--days-per-commit must be >= 1, got " + daysPerCommit);
    }
    if (Files.isDirectory(out.resolve("_delta_log"))) {
      throw new ParameterException(
          spec.commandLine(),
          "--out "
              + MlopsException.quote(out.toString())
              + " already holds a Delta table; choose a new directory");
    }
    SyntheticSensorSpec synthetic =
        SyntheticSensorSpec.defaults(plants, circuits, days, start)
            .withFrequencyMinutes(frequencyMinutes)
            .withFeatureColumns(features)
            .withSeed(seed)
            .withDrift(driftFrom == null ? Drift.NONE : Drift.from(driftFrom));
    SyntheticSensors generator = new SyntheticSensors(synthetic);
    long t0 = System.nanoTime();
    SensorTable table = SensorTable.create(out, synthetic.featureColumns());
    SyntheticTable.Written written =
        SyntheticTable.write(table, generator, generator.listCircuits(), daysPerCommit);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "generated %d rows: %d sensors (%d plants x %d circuits), %s to %s every %d minutes%n",
        written.rows(),
        plants * circuits,
        plants,
        circuits,
        synthetic.startDate(),
        synthetic.endDate(),
        frequencyMinutes);
    o.printf(
        "wrote %d commits to %s, table version %d, in %.1f s%n",
        written.commits(), table.location(), written.version(), (System.nanoTime() - t0) / 1e9);
    o.flush();
    return ExitCodes.OK;
  }
}
