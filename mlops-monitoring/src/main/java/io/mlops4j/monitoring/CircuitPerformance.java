package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitRef;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How accurate a circuit's forecasts were over a period, and the status its thresholds give.
 *
 * @param circuit the circuit
 * @param from the period's first date (UTC), inclusive
 * @param to the period's last date, inclusive
 * @param overall metrics over every matched prediction
 * @param byHorizonStep metrics per horizon step, ascending
 * @param unmatched predictions without an actual reading (not in the metrics)
 * @param status the worst status of the breaches; OK if none
 * @param breaches every threshold rule that fired
 * @param joined the pairs behind the metrics, for plots
 */
public record CircuitPerformance(
    CircuitRef circuit,
    LocalDate from,
    LocalDate to,
    ForecastMetrics overall,
    SortedMap<Integer, ForecastMetrics> byHorizonStep,
    int unmatched,
    Status status,
    List<ThresholdBreach> breaches,
    JoinedForecasts joined) {
  /** Checks and copies the fields. */
  public CircuitPerformance {
    requireNonNull(circuit, "circuit");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(overall, "overall");
    byHorizonStep = Collections.unmodifiableSortedMap(new TreeMap<>(byHorizonStep));
    requireNonNull(status, "status");
    breaches = List.copyOf(breaches);
    requireNonNull(joined, "joined");
  }

  /**
   * Returns the last date (UTC) with a matched forecast: the last date of data this assessment saw.
   *
   * @return the date of the latest matched forecast timestamp
   */
  public LocalDate lastReading() {
    long latest = Long.MIN_VALUE;
    for (long t : joined.timestampMicros()) {
      latest = Math.max(latest, t);
    }
    return LocalDate.ofEpochDay(io.mlops4j.data.SensorRows.epochDay(latest));
  }
}
