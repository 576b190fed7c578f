package io.mlops4j.cli;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.SensorTable;
import io.mlops4j.monitoring.Alert;
import io.mlops4j.monitoring.AlertRules;
import io.mlops4j.monitoring.CircuitDrift;
import io.mlops4j.monitoring.CircuitResults;
import io.mlops4j.monitoring.DriftDetector;
import io.mlops4j.monitoring.FeatureDrift;
import io.mlops4j.monitoring.MonitoringReport;
import io.mlops4j.monitoring.RetrainingPatch;
import io.mlops4j.monitoring.Status;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops monitor drift}: feature drift per circuit for a quarter. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = {
      "Compare each circuit's features in a quarter with its training slice (up to its cutoff"
          + " date): PSI over the baseline's deciles, Kolmogorov–Smirnov statistic and p-value,"
          + " Wasserstein-1 and Jensen–Shannon distance. Severity comes from the circuit's"
          + " drift thresholds applied to the PSI; HIGH is CRITICAL, MEDIUM is WARNING.",
      "",
      "High drift proposes retraining: a patch of the circuit file's cutoff_date, written under"
          + " the report's patches/ folder."
    })
final class MonitorDriftCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin MonitorRun run;

  @Option(names = "--quarter", required = true, description = "The quarter, YYYY-Qn.")
  String quarter;

  @Override
  public Integer call() {
    MonitorCommand.Period period = MonitorCommand.Period.quarter(spec, quarter);
    AlertWebhooks webhooks = run.webhooks(spec.commandLine());
    Clock clock = Clock.systemUTC();
    DriftDetector detector = new DriftDetector(SensorTable.open(run.table));
    AlertRules rules = new AlertRules(clock);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<CircuitDrift> results = new ArrayList<>();
    List<RetrainingPatch> patches = new ArrayList<>();
    List<Alert> alerts = new ArrayList<>();
    List<Map<String, Object>> json = new ArrayList<>();
    List<CircuitConfig> circuits = run.circuits();
    for (CircuitConfig c : circuits) {
      if (!period.from().isAfter(c.training().cutoffDate())) {
        err.println(
            "warning: "
                + c.ref()
                + ": "
                + period.name()
                + " starts on or before its training.cutoff_date "
                + c.training().cutoffDate()
                + ", so readings up to the cutoff are in both the baseline and the current"
                + " sample, which understates drift; pick a later quarter");
      }
    }
    CircuitResults<CircuitDrift> detected = detector.detect(circuits, period.from(), period.to());
    detected.skipped().forEach((ref, why) -> err.println("skipped " + ref + ": " + why));
    Map<CircuitRef, CircuitConfig> configs = new HashMap<>();
    circuits.forEach(c -> configs.put(c.ref(), c));
    for (CircuitDrift d : detected.results()) {
      CircuitConfig circuit = configs.get(d.circuit());
      results.add(d);
      alerts.addAll(rules.listAlerts(d, period.name()));
      if (RetrainingPatch.recommended(Status.OK, d.severity())) {
        run.propose(
            patches,
            circuit,
            d.lastReading(),
            clock,
            "drift " + d.severity() + " in " + period.name(),
            err);
      }
      if (run.json) {
        json.add(json(d));
      } else {
        StringBuilder line = new StringBuilder();
        for (FeatureDrift f : d.features()) {
          line.append(
              String.format(
                  Locale.ROOT,
                  "  %s %s psi=%.4f ks=%.4f p=%.3g w1=%.4f js=%.4f",
                  f.feature(),
                  f.severity(),
                  f.statistics().psi(),
                  f.statistics().ksStatistic(),
                  f.statistics().ksPValue(),
                  f.statistics().wasserstein1(),
                  f.statistics().jensenShannon()));
        }
        out.printf("%-12s %-8s %-6s%s%n", d.circuit(), d.status(), d.severity(), line);
      }
    }
    if (results.isEmpty()) {
      throw new MlopsException(
          "no circuit had readings to compare in " + period.name() + "; see the lines above");
    }
    if (run.json) {
      out.println(Json.pretty(json));
    }
    out.flush();
    MonitoringReport report =
        new MonitoringReport(
            "Drift " + period.name(), clock.instant(), List.of(), results, patches);
    return run.finish(report, alerts, webhooks, err);
  }

  static Map<String, Object> json(CircuitDrift d) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("plant_id", d.circuit().plant().value());
    node.put("circuit_id", d.circuit().circuit().value());
    node.put("baseline_cutoff", d.baselineCutoff().toString());
    node.put("from", d.from().toString());
    node.put("to", d.to().toString());
    node.put("severity", d.severity().name());
    node.put("status", d.status().name());
    List<Map<String, Object>> features = new ArrayList<>();
    for (FeatureDrift f : d.features()) {
      Map<String, Object> feature = new LinkedHashMap<>();
      feature.put("feature", f.feature());
      feature.put("severity", f.severity().name());
      feature.putAll(MonitorCompareCommand.json(f.statistics()));
      features.add(feature);
    }
    node.put("features", features);
    return node;
  }
}
