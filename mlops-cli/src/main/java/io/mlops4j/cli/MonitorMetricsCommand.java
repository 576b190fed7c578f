package io.mlops4j.cli;

import io.mlops4j.monitoring.ForecastMetrics;
import io.mlops4j.monitoring.SampleFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops monitor metrics}: forecast metrics of two plain files. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast metrics of actual and predicted values in plain files: one number per line, or"
          + " CSV with a header (the actual column of --actual, the predicted column of"
          + " --predicted; both may be the same file).",
      "",
      "MAPE and sMAPE are fractions; zero actuals are left out of MAPE and counted."
    })
final class MonitorMetricsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--actual", required = true, description = "Actual values.")
  Path actual;

  @Option(names = "--predicted", required = true, description = "Predicted values.")
  Path predicted;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    ForecastMetrics m =
        ForecastMetrics.of(
            SampleFile.read(actual, "actual"), SampleFile.read(predicted, "predicted"));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.pretty(json(m)));
    } else {
      json(m).forEach((k, v) -> out.printf(Locale.ROOT, "%-22s %s%n", k, v));
    }
    out.flush();
    return ExitCodes.OK;
  }

  static Map<String, Object> json(ForecastMetrics m) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("rows", m.rows());
    node.put("mae", finite(m.mae()));
    node.put("rmse", finite(m.rmse()));
    node.put("mape", finite(m.mape()));
    node.put("zero_actuals_skipped", m.zeroActualsSkipped());
    node.put("smape", finite(m.smape()));
    node.put("r2", finite(m.r2()));
    node.put("bias", finite(m.bias()));
    return node;
  }

  /** NaN becomes JSON null. */
  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
