package io.mlops4j.cli;

import io.mlops4j.data.ReadOptions;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorSlice;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.TableVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops data slice}: one sensor's rows, as CSV or JSON. */
@Command(
    name = "slice",
    mixinStandardHelpOptions = true,
    description = {
      "Print one sensor's rows up to a cutoff date (a training slice) or of its latest day, sorted"
          + " by timestamp. Rows with a null feature are left out.",
      "",
      "CSV has the header timestamp,sensor_id,date,<features...>; timestamps are ISO-8601 UTC"
          + " (2025-01-01T00:00:00Z) and values are printed as Java's Double.toString. The Delta"
          + " version read and the files read and skipped go to stderr."
    })
final class DataSliceCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    csv,
    json
  }

  /** Which rows: up to a cutoff, or the latest day. */
  static final class Which {
    @Option(names = "--cutoff", required = true, description = "The last date, inclusive.")
    LocalDate cutoff;

    @Option(names = "--latest-day", required = true, description = "The sensor's latest date.")
    boolean latestDay;
  }

  @Spec private CommandSpec spec;

  @Option(names = "--table", required = true, description = "The sensor table's directory.")
  Path table;

  @Option(names = "--sensor", required = true, description = "The sensor id.")
  String sensor;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Option(names = "--version", description = "The Delta version to read (default: the latest).")
  Long version;

  @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: csv).")
  Format format;

  @Option(
      names = "--columns",
      split = ",",
      description = "Feature columns to print (default: every feature column of the table).")
  List<String> columns;

  @Override
  public Integer call() {
    SensorTable sensorTable = SensorTable.open(table);
    TableVersion tableVersion = DataCommand.version(version);
    List<String> cols = columns != null ? columns : sensorTable.featureColumns(tableVersion);
    ReadOptions options = ReadOptions.defaults().withVersion(tableVersion);
    SensorSlice slice =
        which.cutoff != null
            ? sensorTable.trainingSlice(sensor, which.cutoff, cols, options)
            : sensorTable.latestDay(sensor, cols, options);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.csv) {
      printCsv(out, slice.rows());
    } else {
      out.println(Json.pretty(jsonRows(slice.rows())));
    }
    out.flush();
    printStats(spec.commandLine().getErr(), slice);
    return ExitCodes.OK;
  }

  static void printStats(PrintWriter err, SensorSlice slice) {
    err.printf(
        "read version %d: %d rows, files read %d of %d (skipped %d)%s%n",
        slice.version(),
        slice.rows().size(),
        slice.stats().filesRead(),
        slice.stats().filesTotal(),
        slice.stats().filesSkipped(),
        slice.droppedRows() > 0
            ? ", " + slice.droppedRows() + " rows with a null feature left out"
            : "");
    err.flush();
  }

  static void printCsv(PrintWriter out, SensorRows rows) {
    StringBuilder line = new StringBuilder("timestamp,sensor_id,date");
    for (String c : rows.featureColumns()) {
      line.append(',').append(c);
    }
    out.println(line);
    double[][] features = rows.features();
    for (int i = 0; i < rows.size(); i++) {
      line.setLength(0);
      line.append(rows.timestamp(i)).append(',').append(rows.sensorId()).append(',');
      line.append(rows.date(i));
      for (double[] feature : features) {
        line.append(',');
        if (!Double.isNaN(feature[i])) {
          line.append(Double.toString(feature[i]));
        }
      }
      out.println(line);
    }
  }

  static List<Map<String, Object>> jsonRows(SensorRows rows) {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("timestamp", rows.timestamp(i).toString());
      row.put("sensor_id", rows.sensorId());
      row.put("date", rows.date(i).toString());
      for (int c = 0; c < rows.featureColumns().size(); c++) {
        double v = rows.features()[c][i];
        row.put(rows.featureColumns().get(c), Double.isNaN(v) ? null : v);
      }
      out.add(row);
    }
    return out;
  }
}
