package io.mlops4j.cli;

import io.mlops4j.data.SensorTable;
import io.mlops4j.data.TableSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops data inspect}: a table's version, files and per-sensor rows and dates. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Show a sensor table's version, feature columns, data files and, per sensor, the rows and"
            + " first and last date (one pass over the sensor_id and date columns).")
final class DataInspectCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TABLE", description = "The sensor table's directory.")
  Path table;

  @Option(names = "--version", description = "The Delta version (default: the latest).")
  Long version;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    SensorTable sensorTable = SensorTable.open(table);
    long latest = sensorTable.version();
    TableSummary summary = sensorTable.summary(DataCommand.version(version));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.pretty(view(summary, latest)));
    } else {
      out.printf("table: %s%n", summary.location());
      out.printf("version: %d (latest %d)%n", summary.version(), latest);
      out.printf("feature columns: %s%n", String.join(", ", summary.featureColumns()));
      out.printf("data files: %d%n", summary.files());
      out.printf("rows: %d in %d sensors%n", summary.rows(), summary.sensors().size());
      if (!summary.sensors().isEmpty()) {
        Table t = new Table("SENSOR", "ROWS", "FIRST DATE", "LAST DATE");
        summary.sensors().forEach(s -> t.row(s.sensorId(), s.rows(), s.firstDate(), s.lastDate()));
        t.print(out);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Map<String, Object> view(TableSummary summary, long latest) {
    List<Map<String, Object>> sensors = new ArrayList<>();
    for (TableSummary.Sensor s : summary.sensors()) {
      Map<String, Object> sensor = new LinkedHashMap<>();
      sensor.put("sensor_id", s.sensorId());
      sensor.put("rows", s.rows());
      sensor.put("first_date", s.firstDate().toString());
      sensor.put("last_date", s.lastDate().toString());
      sensors.add(sensor);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("table", summary.location());
    view.put("version", summary.version());
    view.put("latest_version", latest);
    view.put("feature_columns", summary.featureColumns());
    view.put("files", summary.files());
    view.put("rows", summary.rows());
    view.put("sensors", sensors);
    return view;
  }
}
