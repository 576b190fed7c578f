package io.mlops4j.monitoring.internal;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.DataNotFoundException;
import io.mlops4j.data.ReadOptions;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorSlice;
import io.mlops4j.data.SensorTable;
import io.mlops4j.monitoring.CircuitResults;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Monitors many circuits at once: reads the sensor table once per set of columns (one pass for all
 * the sensors of the circuits that need those columns), then handles the circuits in parallel on
 * the common fork-join pool, keeping for each circuit either its result or why it was skipped.
 *
 * <p>A set of columns whose read fails (such as a missing column) skips only its own circuits; the
 * first such failure is thrown when no set could be read at all. Instances are immutable and
 * thread-safe.
 */
public final class CircuitBatch {
  private final SensorTable table;
  private final Function<CircuitConfig, List<String>> columns;
  private final Function<CircuitConfig, LocalDate> readUpTo;

  /**
   * Creates a batch.
   *
   * @param table the sensor table
   * @param columns the columns a circuit needs; circuits needing the same list are read together
   * @param readUpTo the last date of a circuit's rows that must be read, inclusive; a set of
   *     circuits is read up to the latest of their dates
   */
  public CircuitBatch(
      SensorTable table,
      Function<CircuitConfig, List<String>> columns,
      Function<CircuitConfig, LocalDate> readUpTo) {
    this.table = requireNonNull(table, "table");
    this.columns = requireNonNull(columns, "columns");
    this.readUpTo = requireNonNull(readUpTo, "readUpTo");
  }

  /**
   * Reads the circuits' rows and hands each circuit with its rows to a task.
   *
   * @param <R> the result of one circuit
   * @param circuits the circuits
   * @param to the period's last date, named when a circuit's sensor has no readings
   * @param task computes one circuit's result from its rows; it may run on several threads at once
   *     and throws {@link MlopsException} to skip the circuit with the exception's message
   * @return the results, in circuit order, and why the others were skipped
   * @throws DataNotFoundException if the table is missing, or no set of columns could be read
   */
  public <R> CircuitResults<R> run(
      List<CircuitConfig> circuits, LocalDate to, BiFunction<CircuitConfig, SensorRows, R> task) {
    Map<List<String>, List<CircuitConfig>> byColumns = new LinkedHashMap<>();
    for (CircuitConfig c : circuits) {
      byColumns.computeIfAbsent(columns.apply(c), k -> new ArrayList<>()).add(c);
    }
    Map<CircuitRef, SensorRows> rows = new HashMap<>();
    Map<CircuitRef, String> failed = new HashMap<>();
    MlopsException groupFailure = null;
    for (Map.Entry<List<String>, List<CircuitConfig>> group : byColumns.entrySet()) {
      Set<String> sensors = new TreeSet<>();
      LocalDate last = null;
      for (CircuitConfig c : group.getValue()) {
        sensors.add(c.training().dataFilters().sensorId());
        LocalDate upTo = readUpTo.apply(c);
        last = last == null || upTo.isAfter(last) ? upTo : last;
      }
      Map<String, SensorSlice> slices;
      try {
        slices = table.trainingSlices(sensors, last, group.getKey(), ReadOptions.defaults());
      } catch (MlopsException e) {
        // a column missing for one group of circuits must not stop the others
        groupFailure = groupFailure == null ? e : groupFailure;
        for (CircuitConfig c : group.getValue()) {
          failed.put(c.ref(), e.getMessage());
        }
        continue;
      }
      for (CircuitConfig c : group.getValue()) {
        SensorSlice slice = slices.get(c.training().dataFilters().sensorId());
        if (slice != null) {
          rows.put(c.ref(), slice.rows());
        }
      }
    }
    if (rows.isEmpty() && groupFailure != null) {
      throw groupFailure;
    }
    List<Outcome<R>> outcomes =
        circuits.parallelStream().map(c -> outcome(c, rows, failed, to, task)).toList();
    List<R> results = new ArrayList<>();
    Map<CircuitRef, String> skipped = new TreeMap<>();
    for (int i = 0; i < circuits.size(); i++) {
      Outcome<R> outcome = outcomes.get(i);
      if (outcome.assessed()) {
        results.add(outcome.result());
      } else {
        skipped.put(circuits.get(i).ref(), outcome.skipped());
      }
    }
    return new CircuitResults<>(results, skipped);
  }

  private static <R> Outcome<R> outcome(
      CircuitConfig c,
      Map<CircuitRef, SensorRows> rows,
      Map<CircuitRef, String> failed,
      LocalDate to,
      BiFunction<CircuitConfig, SensorRows, R> task) {
    if (failed.containsKey(c.ref())) {
      return Outcome.skipped(failed.get(c.ref()));
    }
    SensorRows r = rows.get(c.ref());
    if (r == null) {
      return Outcome.skipped(
          MonitoringErrors.noSensorRows(c.ref(), c.training().dataFilters().sensorId(), to));
    }
    try {
      return new Outcome<>(true, task.apply(c, r), null);
    } catch (MlopsException e) {
      return Outcome.skipped(e.getMessage());
    }
  }

  /** One circuit's result if it was assessed, or else why it was skipped. */
  private record Outcome<R>(boolean assessed, R result, String skipped) {
    static <R> Outcome<R> skipped(String why) {
      return new Outcome<>(false, null, why);
    }
  }
}
