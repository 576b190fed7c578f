package io.mlops4j.cli;

import io.mlops4j.monitoring.DriftStatistics;
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

/** {@code mlops monitor compare}: drift statistics of two plain samples. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Drift statistics of a current sample against a baseline, each a plain file of one number"
          + " per line (or CSV: the first column, or one named value).",
      "",
      "PSI uses the baseline's deciles with 1e-4 for empty bins; KS is two-sided with an exact"
          + " p-value when n·m <= 10000; Jensen–Shannon distance is base 2."
    })
final class MonitorCompareCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--baseline", required = true, description = "Baseline values.")
  Path baseline;

  @Option(names = "--current", required = true, description = "Current values.")
  Path current;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    DriftStatistics d =
        DriftStatistics.of(SampleFile.read(baseline, "value"), SampleFile.read(current, "value"));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.pretty(json(d)));
    } else {
      json(d).forEach((k, v) -> out.printf(Locale.ROOT, "%-16s %s%n", k, v));
    }
    out.flush();
    return ExitCodes.OK;
  }

  static Map<String, Object> json(DriftStatistics d) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("baseline_rows", d.baselineRows());
    node.put("current_rows", d.currentRows());
    node.put("psi", d.psi());
    node.put("ks_statistic", d.ksStatistic());
    node.put("ks_pvalue", d.ksPValue());
    node.put("wasserstein1", d.wasserstein1());
    node.put("jensen_shannon", d.jensenShannon());
    return node;
  }
}
