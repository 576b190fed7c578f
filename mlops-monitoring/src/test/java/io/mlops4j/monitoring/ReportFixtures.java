package io.mlops4j.monitoring;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.DriftThresholds;
import io.mlops4j.config.PerformanceThresholds;
import io.mlops4j.data.Drift;
import io.mlops4j.data.Prediction;
import io.mlops4j.data.SensorRows;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A small report of two circuits: one OK, one CRITICAL with drift. */
final class ReportFixtures {
  static final List<String> FEATURES = List.of("temperature", "pressure", "vibration");

  private ReportFixtures() {}

  private static List<Prediction> inPeriod(List<Prediction> all, LocalDate from, LocalDate to) {
    return all.stream()
        .filter(
            p -> {
              LocalDate day = LocalDate.ofInstant(p.forecastTimestamp(), ZoneOffset.UTC);
              return !day.isBefore(from) && !day.isAfter(to);
            })
        .toList();
  }

  static MonitoringReport twoCircuits() {
    LocalDate cutoff = TestRows.START.plusDays(19);
    LocalDate from = cutoff.plusDays(1);
    LocalDate to = cutoff.plusDays(7);
    SensorRows steady = TestRows.days(27, Drift.NONE);
    SensorRows drifting = TestRows.days(27, Drift.from(from));
    CircuitRef ok = CircuitRef.parse("P001/C001");
    CircuitRef bad = CircuitRef.parse("P001/C002");
    CircuitPerformance good =
        PerformanceMonitor.assess(
            ok,
            from,
            to,
            PerformanceMonitor.join(
                inPeriod(TestRows.predictions(steady, "temperature", 0.05), from, to),
                steady,
                "temperature",
                Duration.ZERO),
            PerformanceThresholds.defaults(),
            ValidationMetrics.UNKNOWN,
            RelativeThresholds.defaults());
    CircuitPerformance poor =
        PerformanceMonitor.assess(
            bad,
            from,
            to,
            PerformanceMonitor.join(
                inPeriod(TestRows.predictions(drifting, "temperature", 0.8), from, to),
                drifting,
                "temperature",
                Duration.ZERO),
            PerformanceThresholds.defaults(),
            ValidationMetrics.UNKNOWN,
            RelativeThresholds.defaults());
    CircuitDrift stable =
        DriftDetector.detect(
            ok, cutoff, from, to, steady, steady, FEATURES, DriftThresholds.defaults());
    CircuitDrift shifted =
        DriftDetector.detect(
            bad, cutoff, from, to, drifting, drifting, FEATURES, DriftThresholds.defaults());
    return new MonitoringReport(
        "Monitoring test report",
        Instant.parse("2026-11-22T12:00:00Z"),
        List.of(good, poor),
        List.of(stable, shifted),
        List.of());
  }
}
