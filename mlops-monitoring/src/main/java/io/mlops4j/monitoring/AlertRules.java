package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The design's alert rules: performance degradation and drift per circuit, batch job failures, and
 * a training failure rate above {@value #TRAINING_FAILURES_PER_DAY} in 24 hours.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AlertRules {
  /** The most training failures in 24 hours that raise no alert. */
  public static final int TRAINING_FAILURES_PER_DAY = 5;

  private final Clock clock;

  /**
   * Creates the rules.
   *
   * @param clock gives alerts their time and the training failure rate its 24-hour window
   */
  public AlertRules(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * Lists the alert of a circuit's performance, if its status is not OK.
   *
   * @param performance the assessment
   * @param period the period's name, part of the de-duplication key, such as {@code 2026-10}
   * @return one alert, or none
   */
  public List<Alert> listAlerts(CircuitPerformance performance, String period) {
    if (performance.status() == Status.OK) {
      return List.of();
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("mae", performance.overall().mae());
    values.put("rmse", performance.overall().rmse());
    values.put("mape", performance.overall().mape());
    values.put("rows", (double) performance.overall().rows());
    List<String> rules = new ArrayList<>();
    for (ThresholdBreach breach : performance.breaches()) {
      rules.add(breach.describe());
    }
    return List.of(
        alert(
            AlertRule.PERFORMANCE_DEGRADATION,
            performance.status(),
            performance.circuit().plant().value(),
            performance.circuit().circuit().value(),
            "forecast accuracy "
                + performance.status()
                + " for "
                + performance.from()
                + ".."
                + performance.to()
                + ": "
                + String.join("; ", rules),
            values,
            period));
  }

  /**
   * Lists the alert of a circuit's drift, if its severity is medium or high.
   *
   * @param drift the drift
   * @param period the window's name, such as {@code 2026-Q3}
   * @return one alert, or none
   */
  public List<Alert> listAlerts(CircuitDrift drift, String period) {
    if (drift.status() == Status.OK) {
      return List.of();
    }
    Map<String, Double> values = new LinkedHashMap<>();
    List<String> drifted = new ArrayList<>();
    for (FeatureDrift feature : drift.features()) {
      values.put(feature.feature() + ".psi", feature.statistics().psi());
      if (feature.severity().compareTo(DriftSeverity.MEDIUM) >= 0) {
        drifted.add(
            String.format(
                Locale.ROOT,
                "%s %s (psi %.4f)",
                feature.feature(),
                feature.severity(),
                feature.statistics().psi()));
      }
    }
    return List.of(
        alert(
            AlertRule.DRIFT,
            drift.status(),
            drift.circuit().plant().value(),
            drift.circuit().circuit().value(),
            "input drift "
                + drift.severity()
                + " in "
                + drift.from()
                + ".."
                + drift.to()
                + " against training data up to "
                + drift.baselineCutoff()
                + ": "
                + String.join(", ", drifted),
            values,
            period));
  }

  /**
   * Lists the job alerts: one CRITICAL alert per failed batch scoring job, and one CRITICAL alert
   * when more than {@value #TRAINING_FAILURES_PER_DAY} training jobs failed in the 24 hours before
   * now.
   *
   * @param jobs finished jobs, in any order
   * @return the alerts
   */
  public List<Alert> listAlerts(List<JobRecord> jobs) {
    List<Alert> alerts = new ArrayList<>();
    Instant now = clock.instant();
    Instant since = now.minus(Duration.ofHours(24));
    int trainingFailures = 0;
    for (JobRecord job : jobs) {
      if (!job.failed()) {
        continue;
      }
      if (job.kind() == JobRecord.Kind.BATCH_SCORING) {
        alerts.add(
            alert(
                AlertRule.BATCH_JOB_FAILURE,
                Status.CRITICAL,
                job.plantId(),
                job.circuitId(),
                "batch scoring job "
                    + job.jobId()
                    + " failed at "
                    + job.endedAt()
                    + (job.detail().isEmpty() ? "" : ": " + job.detail()),
                Map.of(),
                job.jobId()));
      } else if (job.endedAt().isAfter(since) && !job.endedAt().isAfter(now)) {
        trainingFailures++;
      }
    }
    if (trainingFailures > TRAINING_FAILURES_PER_DAY) {
      alerts.add(
          alert(
              AlertRule.TRAINING_FAILURE_RATE,
              Status.CRITICAL,
              "",
              "",
              trainingFailures
                  + " training jobs failed in the 24 hours before "
                  + now
                  + "; more than "
                  + TRAINING_FAILURES_PER_DAY
                  + " is an alert",
              Map.of("failures", (double) trainingFailures),
              LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).toString()));
    }
    return alerts;
  }

  private Alert alert(
      AlertRule rule,
      Status severity,
      String plant,
      String circuit,
      String message,
      Map<String, Double> values,
      String period) {
    return new Alert(
        rule,
        severity,
        plant,
        circuit,
        message,
        values,
        clock.instant(),
        Alert.dedupKey(rule, plant, circuit, severity, period));
  }
}
