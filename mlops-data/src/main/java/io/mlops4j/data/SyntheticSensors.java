package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitId;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import io.mlops4j.config.PlantId;
import io.mlops4j.data.internal.DataErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Synthetic sensor data for demos, tests and benchmarks: {@code P} plants × {@code C} circuits ×
 * {@code D} days at an {@code F}-minute frequency, with realistic signals.
 *
 * <p>Plants are named {@code P001}, {@code P002}, ..., circuits {@code C001}, {@code C002}, ...,
 * and the sensor of circuit {@code P001/C002} is {@code SENSOR_P001_C002}, the names mlops-config's
 * examples use. Each feature of each sensor has its own level and daily amplitude (in a realistic
 * range for {@code temperature} °C, {@code pressure} bar, {@code vibration} mm/s and {@code
 * flow_rate} m³/h), a daily cycle peaking at a sensor-specific hour, a weekly cycle, a slow linear
 * trend (at most ±5 % of the level per year) and Gaussian noise of 10-20 % of the daily amplitude.
 * On top of that:
 *
 * <ul>
 *   <li><b>gaps</b>: rows are absent (never NaN) in runs of 1 to {@code max(3, 30 / F)} slots, for
 *       an expected fraction {@link SyntheticSensorSpec#gapRate()} of the rows;
 *   <li><b>anomalies</b>: each feature value is, with probability {@link
 *       SyntheticSensorSpec#anomalyRate()}, a spike 4 to 8 daily amplitudes above or below the
 *       signal;
 *   <li><b>drift</b>: from {@link Drift#from()} on, each level moves by {@link Drift#levelShift()}
 *       daily amplitudes and the noise widens by {@link Drift#noiseFactor()}.
 * </ul>
 *
 * <p>Values are not clipped, so a spike may go below zero. Output is deterministic: a (sensor, day)
 * is bit-identical whatever other days were requested, in whatever order, on any JDK; it depends on
 * the seed, the sensor id, the date, the start date (the trend counts from it), the frequency, the
 * feature column (each feature has its own streams), the drift and the rates, but not on the number
 * of plants, circuits or days. Timestamps are UTC, at whole multiples of the frequency from
 * midnight.
 *
 * <p>Instances are immutable and thread-safe; nothing is cached, so days are generated on demand
 * and a writer can stream {@link #streamDays()} without holding the whole set in memory.
 */
public final class SyntheticSensors {
  private final SyntheticSensorSpec spec;

  /**
   * Creates a generator.
   *
   * @param spec what to generate
   */
  public SyntheticSensors(SyntheticSensorSpec spec) {
    this.spec = requireNonNull(spec, "spec");
  }

  /**
   * Returns the spec.
   *
   * @return what this generator generates
   */
  public SyntheticSensorSpec spec() {
    return spec;
  }

  /**
   * Returns the sensor id of a circuit.
   *
   * @param circuit the circuit
   * @return {@code SENSOR_{plant}_{circuit}}, such as {@code SENSOR_P001_C002}
   */
  public static String sensorId(CircuitRef circuit) {
    return "SENSOR_" + circuit.key();
  }

  /**
   * Lists the generated circuits, plant by plant.
   *
   * @return {@code P001/C001}, {@code P001/C002}, ..., {@code P002/C001}, ...; never empty
   */
  public List<CircuitRef> listCircuits() {
    List<CircuitRef> circuits = new ArrayList<>(spec.plants() * spec.circuitsPerPlant());
    for (int i = 0; i < spec.plants() * spec.circuitsPerPlant(); i++) {
      circuits.add(circuit(i));
    }
    return List.copyOf(circuits);
  }

  /**
   * Generates one day of one circuit's sensor.
   *
   * @param circuit a generated circuit
   * @param date a generated day (UTC)
   * @return the day's rows in timestamp order, gaps absent
   * @throws MlopsException if the circuit or the date is outside the spec
   */
  public SensorRows getDay(CircuitRef circuit, LocalDate date) {
    requireNonNull(circuit, "circuit");
    requireNonNull(date, "date");
    if (index(circuit.plant().value(), 'P', spec.plants()) < 0
        || index(circuit.circuit().value(), 'C', spec.circuitsPerPlant()) < 0) {
      throw new MlopsException(
          DataErrors.unknownSyntheticCircuit(circuit, spec.plants(), spec.circuitsPerPlant()));
    }
    if (date.isBefore(spec.startDate()) || date.isAfter(spec.endDate())) {
      throw new MlopsException(
          DataErrors.syntheticDateOutOfRange(date, spec.startDate(), spec.endDate()));
    }
    return new SensorSignal(spec, sensorId(circuit)).day(date);
  }

  /**
   * Streams every day of every sensor: day by day, and within a day circuit by circuit in {@link
   * #listCircuits()} order. Days are generated as the stream is consumed; the stream may be made
   * parallel, and its elements are the same either way.
   *
   * @return {@code days × plants × circuitsPerPlant} days of rows
   */
  public Stream<SensorRows> streamDays() {
    long sensors = (long) spec.plants() * spec.circuitsPerPlant();
    return LongStream.range(0, spec.days() * sensors)
        .mapToObj(
            i ->
                new SensorSignal(spec, sensorId(circuit((int) (i % sensors))))
                    .day(spec.startDate().plusDays(i / sensors)));
  }

  private CircuitRef circuit(int sensorIndex) {
    int plant = sensorIndex / spec.circuitsPerPlant() + 1;
    int circuit = sensorIndex % spec.circuitsPerPlant() + 1;
    return new CircuitRef(
        new PlantId(String.format(Locale.ROOT, "P%03d", plant)),
        new CircuitId(String.format(Locale.ROOT, "C%03d", circuit)));
  }

  /** Returns the 1-based number of a {@code P001}-style id, or -1 if it is not generated. */
  private static int index(String id, char prefix, int count) {
    if (id.length() != 4 || id.charAt(0) != prefix) {
      return -1;
    }
    for (int i = 1; i < 4; i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return -1;
      }
    }
    int n = Integer.parseInt(id.substring(1));
    return n >= 1 && n <= count ? n : -1;
  }
}
