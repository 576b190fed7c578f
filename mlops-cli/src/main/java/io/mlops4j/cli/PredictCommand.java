package io.mlops4j.cli;

import io.mlops4j.data.ReadOptions;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorSlice;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.TableVersion;
import io.mlops4j.model.Forecast;
import io.mlops4j.model.Forecaster;
import io.mlops4j.model.ModelMetadata;
import io.mlops4j.model.TrainingSeries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops predict}: forecast a sensor's target after its latest rows. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast the target of a sensor with a model directory, after the sensor's latest rows in"
          + " the table: the last sequence_length rows must be consecutive at the model's"
          + " frequency. Prints CSV: timestamp,<target>.",
      "",
      "With --latest-day the sensor's latest date is read, and, when the model's window is longer"
          + " than that day's rows, the sensor's rows up to that date (same table version);"
          + " otherwise every row of the sensor is read."
    })
final class PredictCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--model", required = true, description = "The model directory.")
  Path model;

  @Option(names = "--table", required = true, description = "The sensor table's directory.")
  Path table;

  @Option(names = "--sensor", required = true, description = "The sensor id.")
  String sensor;

  @Option(names = "--latest-day", description = "Read only the sensor's latest date.")
  boolean latestDay;

  @Override
  public Integer call() {
    try (Forecaster forecaster = Forecaster.load(model)) {
      ModelMetadata m = forecaster.metadata();
      SensorTable sensorTable = SensorTable.open(table);
      SensorSlice slice =
          latestDay
              ? latestDayWithEnoughRows(sensorTable, m)
              : sensorTable.trainingSlice(sensor, LocalDate.of(9999, 12, 31), m.featureColumns());
      DataSliceCommand.printStats(spec.commandLine().getErr(), slice);
      Forecast forecast =
          forecaster.forecastAfter(
              TrainingSeries.of(slice.rows(), m.featureColumns(), m.targetColumn()));
      PrintWriter out = spec.commandLine().getOut();
      out.println("timestamp," + m.targetColumn());
      for (int k = 0; k < forecast.times().size(); k++) {
        out.println(forecast.times().get(k) + "," + forecast.values().get(k));
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  /**
   * The sensor's latest date, or, when one window needs more rows than that date holds, every row
   * up to it, read at the same table version.
   */
  private SensorSlice latestDayWithEnoughRows(SensorTable sensorTable, ModelMetadata m) {
    SensorSlice day = sensorTable.latestDay(sensor, m.featureColumns());
    SensorRows rows = day.rows();
    if (rows.size() >= m.hyperparameters().sequenceLength()) {
      return day;
    }
    LocalDate latest = LocalDate.ofEpochDay(rows.epochDays()[rows.size() - 1]);
    return sensorTable.trainingSlice(
        sensor,
        latest,
        m.featureColumns(),
        ReadOptions.defaults().withVersion(TableVersion.of(day.version())));
  }
}
