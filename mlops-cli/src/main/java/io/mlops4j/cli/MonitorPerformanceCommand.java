package io.mlops4j.cli;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.PredictionFiles;
import io.mlops4j.data.SensorTable;
import io.mlops4j.monitoring.Alert;
import io.mlops4j.monitoring.AlertRules;
import io.mlops4j.monitoring.CircuitPerformance;
import io.mlops4j.monitoring.CircuitResults;
import io.mlops4j.monitoring.DriftSeverity;
import io.mlops4j.monitoring.MonitoringReport;
import io.mlops4j.monitoring.PerformanceMonitor;
import io.mlops4j.monitoring.RelativeThresholds;
import io.mlops4j.monitoring.RetrainingPatch;
import io.mlops4j.monitoring.ThresholdBreach;
import io.mlops4j.monitoring.ValidationMetrics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops monitor performance}: forecast accuracy per circuit for a month. */
@Command(
    name = "performance",
    mixinStandardHelpOptions = true,
    description = {
      "Join each circuit's prediction files with the actual readings of its target column for a"
          + " month, compute MAE, RMSE, MAPE, sMAPE, R² and bias (overall and per horizon step)"
          + " and decide OK/WARNING/CRITICAL from the circuit's monitoring thresholds.",
      "",
      "With --models, a circuit's validation metrics are read from"
          + " MODELS/{plant}/{circuit}/mlops-model.json and relative rules apply too."
    })
final class MonitorPerformanceCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin MonitorRun run;

  @Option(names = "--predictions", required = true, description = "The predictions folder.")
  Path predictions;

  @Option(names = "--month", required = true, description = "The month, YYYY-MM.")
  String month;

  @Option(
      names = "--tolerance",
      defaultValue = "PT0S",
      description = "How far an actual may be from a forecast timestamp (ISO-8601, default PT0S).")
  Duration tolerance;

  @Option(names = "--models", description = "Folder of {plant}/{circuit}/mlops-model.json files.")
  Path models;

  @Option(
      names = "--relative",
      split = ",",
      description = "Warning,critical factors of validation metrics (default: 1.5,2.0).")
  List<Double> relative;

  @Override
  public Integer call() {
    MonitorCommand.Period period = MonitorCommand.Period.month(spec, month);
    AlertWebhooks webhooks = run.webhooks(spec.commandLine());
    Clock clock = Clock.systemUTC();
    RelativeThresholds factors = relativeThresholds();
    if (tolerance.isNegative()) {
      throw new ParameterException(
          spec.commandLine(),
          "--tolerance "
              + tolerance
              + " is negative; expected a duration >= 0 in ISO-8601, such as PT0S or PT5M");
    }
    PerformanceMonitor monitor =
        new PerformanceMonitor(
            SensorTable.open(run.table), new PredictionFiles(predictions), tolerance, factors);
    AlertRules rules = new AlertRules(clock);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<CircuitPerformance> results = new ArrayList<>();
    List<RetrainingPatch> patches = new ArrayList<>();
    List<Alert> alerts = new ArrayList<>();
    List<Map<String, Object>> json = new ArrayList<>();
    List<CircuitConfig> circuits = run.circuits();
    CircuitResults<CircuitPerformance> assessed =
        monitor.assess(circuits, period.from(), period.to(), this::validation);
    assessed.skipped().forEach((ref, why) -> err.println("skipped " + ref + ": " + why));
    Map<CircuitRef, CircuitConfig> configs = new HashMap<>();
    circuits.forEach(c -> configs.put(c.ref(), c));
    for (CircuitPerformance p : assessed.results()) {
      CircuitConfig circuit = configs.get(p.circuit());
      results.add(p);
      alerts.addAll(rules.listAlerts(p, period.name()));
      if (RetrainingPatch.recommended(p.status(), DriftSeverity.NONE)) {
        run.propose(
            patches,
            circuit,
            p.lastReading(),
            clock,
            "performance CRITICAL in " + period.name(),
            err);
      }
      if (run.json) {
        json.add(json(p));
      } else {
        out.printf(
            Locale.ROOT,
            "%-12s %-8s mae=%.4f rmse=%.4f mape=%.4f smape=%.4f r2=%.4f bias=%.4f rows=%d"
                + " unmatched=%d%s%n",
            p.circuit(),
            p.status(),
            p.overall().mae(),
            p.overall().rmse(),
            p.overall().mape(),
            p.overall().smape(),
            p.overall().r2(),
            p.overall().bias(),
            p.overall().rows(),
            p.unmatched(),
            p.breaches().isEmpty()
                ? ""
                : "  "
                    + String.join(
                        "; ", p.breaches().stream().map(ThresholdBreach::describe).toList()));
      }
    }
    if (results.isEmpty()) {
      throw new MlopsException(
          "no circuit had predictions to compare in " + period.name() + "; see the lines above");
    }
    if (run.json) {
      out.println(Json.pretty(json));
    }
    out.flush();
    MonitoringReport report =
        new MonitoringReport(
            "Performance " + period.name(), clock.instant(), results, List.of(), patches);
    return run.finish(report, alerts, webhooks, err);
  }

  private RelativeThresholds relativeThresholds() {
    if (relative == null) {
      return RelativeThresholds.defaults();
    }
    String problem = null;
    if (relative.size() != 2) {
      problem = "has " + relative.size() + " value(s)";
    } else if (!(relative.get(0) > 1 && relative.get(0) < relative.get(1))) {
      problem = "is not increasing from above 1";
    } else if (!Double.isFinite(relative.get(1))) {
      problem = "is not finite";
    }
    if (problem != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--relative "
              + relative.stream().map(String::valueOf).collect(Collectors.joining(","))
              + " "
              + problem
              + "; expected WARNING,CRITICAL factors with 1 < WARNING < CRITICAL, such as 1.5,2.0");
    }
    return new RelativeThresholds(relative.get(0), relative.get(1));
  }

  private ValidationMetrics validation(CircuitRef circuit) {
    if (models == null) {
      return ValidationMetrics.UNKNOWN;
    }
    Path file =
        models
            .resolve(circuit.plant().value())
            .resolve(circuit.circuit().value())
            .resolve("mlops-model.json");
    return Files.exists(file) ? ValidationMetrics.read(file) : ValidationMetrics.UNKNOWN;
  }

  static Map<String, Object> json(CircuitPerformance p) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("plant_id", p.circuit().plant().value());
    node.put("circuit_id", p.circuit().circuit().value());
    node.put("from", p.from().toString());
    node.put("to", p.to().toString());
    node.put("status", p.status().name());
    node.put("metrics", MonitorMetricsCommand.json(p.overall()));
    Map<String, Object> steps = new LinkedHashMap<>();
    p.byHorizonStep()
        .forEach((step, m) -> steps.put(String.valueOf(step), MonitorMetricsCommand.json(m)));
    node.put("by_horizon_step", steps);
    node.put("unmatched", p.unmatched());
    List<Map<String, Object>> breaches = new ArrayList<>();
    for (ThresholdBreach b : p.breaches()) {
      Map<String, Object> breach = new LinkedHashMap<>();
      breach.put("metric", b.metric());
      breach.put("value", b.value());
      breach.put("threshold", b.threshold());
      breach.put("status", b.status().name());
      breach.put("rule", b.rule());
      breaches.add(breach);
    }
    node.put("breaches", breaches);
    return node;
  }
}
