package io.mlops4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticSensorsTest {
  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final CircuitRef P001_C001 = CircuitRef.parse("P001/C001");
  private static final CircuitRef P002_C003 = CircuitRef.parse("P002/C003");

  /** Values of the default spec (seed 42) at P001/C001 on 2025-01-03; change only on purpose. */
  private static final double GOLDEN_TEMPERATURE_0 = 76.6583903417471;

  private static final double GOLDEN_VIBRATION_23 = 2.993328843377807;

  private static SyntheticSensorSpec spec(int days) {
    return SyntheticSensorSpec.defaults(2, 3, days, START);
  }

  @Test
  void namesSensorsAfterPlantsAndCircuits() {
    SyntheticSensors sensors = new SyntheticSensors(spec(1));

    assertThat(sensors.listCircuits())
        .extracting(CircuitRef::toString)
        .containsExactly(
            "P001/C001", "P001/C002", "P001/C003", "P002/C001", "P002/C002", "P002/C003");
    assertThat(SyntheticSensors.sensorId(P002_C003)).isEqualTo("SENSOR_P002_C003");
    assertThat(sensors.getDay(P002_C003, START).sensorId()).isEqualTo("SENSOR_P002_C003");
  }

  @Test
  void sameSpecGivesBitIdenticalDaysWhateverTheOrderOfRequests() {
    SyntheticSensorSpec spec = spec(5).withAnomalyRate(0.01).withGapRate(0.05);
    List<SensorRows> streamed = new SyntheticSensors(spec).streamDays().toList();

    SyntheticSensors other = new SyntheticSensors(spec);
    List<CircuitRef> circuits = new ArrayList<>(other.listCircuits());
    Collections.reverse(circuits);
    List<SensorRows> requested = new ArrayList<>();
    for (int day = spec.days() - 1; day >= 0; day--) {
      for (CircuitRef circuit : circuits) {
        requested.add(other.getDay(circuit, START.plusDays(day)));
      }
    }
    Collections.reverse(requested);
    List<SensorRows> parallel = new SyntheticSensors(spec).streamDays().parallel().toList();

    assertThat(streamed).hasSize(5 * 6);
    for (int i = 0; i < streamed.size(); i++) {
      assertSameRows(requested.get(i), streamed.get(i));
      assertSameRows(parallel.get(i), streamed.get(i));
    }
  }

  @Test
  void keepsPinnedValuesSoFormatDriftIsCaught() {
    SensorRows day = new SyntheticSensors(spec(3)).getDay(P001_C001, START.plusDays(2));

    assertThat(day.size()).isEqualTo(24);
    assertThat(day.timestamp(0)).isEqualTo("2025-01-03T00:00:00Z");
    assertThat(day.feature("temperature")[0]).isEqualTo(GOLDEN_TEMPERATURE_0);
    assertThat(day.feature("vibration")[23]).isEqualTo(GOLDEN_VIBRATION_23);
  }

  @Test
  void aSensorsDaysDoNotDependOnHowManyPlantsAndCircuitsAreGenerated() {
    SensorRows small =
        new SyntheticSensors(SyntheticSensorSpec.defaults(1, 1, 10, START))
            .getDay(P001_C001, START.plusDays(9));
    SensorRows large =
        new SyntheticSensors(SyntheticSensorSpec.defaults(5, 7, 30, START))
            .getDay(P001_C001, START.plusDays(9));

    assertSameRows(small, large);
  }

  @Test
  void differentSeedsGiveDifferentSignals() {
    SensorRows a = new SyntheticSensors(spec(1)).getDay(P001_C001, START);
    SensorRows b = new SyntheticSensors(spec(1).withSeed(7)).getDay(P001_C001, START);

    assertThat(a.feature("temperature")).isNotEqualTo(b.feature("temperature"));
  }

  @Test
  void everyDayHasOneRowPerSlotWhenThereAreNoGaps() {
    for (int minutes : new int[] {1, 15, 60, 1440}) {
      SyntheticSensorSpec spec = spec(2).withGapRate(0).withFrequencyMinutes(minutes);
      new SyntheticSensors(spec)
          .streamDays()
          .forEach(day -> assertThat(day.size()).isEqualTo(1440 / minutes));
    }
  }

  @Test
  void timestampsLieWithinTheirDayOnTheFrequencyGrid() {
    SyntheticSensorSpec spec = spec(3).withFrequencyMinutes(15).withGapRate(0.05);
    long step = 15 * 60_000_000L;
    new SyntheticSensors(spec)
        .streamDays()
        .forEach(
            day -> {
              LocalDate date = day.date(0);
              long start = date.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
              long previous = Long.MIN_VALUE;
              for (int row = 0; row < day.size(); row++) {
                long micros = day.timestampMicros()[row];
                assertThat(micros).isBetween(start, start + 86_400_000_000L - 1);
                assertThat((micros - start) % step).isZero();
                assertThat(micros).isGreaterThan(previous);
                assertThat(day.epochDays()[row]).isEqualTo((int) date.toEpochDay());
                previous = micros;
              }
            });
  }

  @Test
  void gapsRemoveRowsInShortRunsAtRoughlyTheRate() {
    SyntheticSensorSpec spec = spec(200).withFrequencyMinutes(10).withGapRate(0.05);
    long slots = 0;
    long present = 0;
    int longestRun = 0;
    int runsLongerThanOne = 0;
    SyntheticSensors sensors = new SyntheticSensors(spec);
    for (int d = 0; d < spec.days(); d++) {
      SensorRows day = sensors.getDay(P001_C001, START.plusDays(d));
      slots += spec.rowsPerDay();
      present += day.size();
      long start = START.plusDays(d).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
      long expected = start;
      for (long micros : day.timestampMicros()) {
        int run = (int) ((micros - expected) / (10 * 60_000_000L));
        longestRun = Math.max(longestRun, run);
        runsLongerThanOne += run > 1 ? 1 : 0;
        expected = micros + 10 * 60_000_000L;
      }
    }

    double missing = 1.0 - (double) present / slots;
    assertThat(missing).isBetween(0.035, 0.065);
    assertThat(runsLongerThanOne).isPositive();
    // runs are 1..3 slots; two adjacent runs may touch
    assertThat(longestRun).isLessThanOrEqualTo(12);
  }

  @Test
  void changingTheGapRateOnlyRemovesRows() {
    SensorRows full = new SyntheticSensors(spec(1).withGapRate(0)).getDay(P001_C001, START);
    SensorRows gappy = new SyntheticSensors(spec(1).withGapRate(0.3)).getDay(P001_C001, START);

    assertThat(gappy.size()).isLessThan(full.size());
    int f = 0;
    for (int row = 0; row < gappy.size(); row++) {
      while (full.timestampMicros()[f] != gappy.timestampMicros()[row]) {
        f++;
      }
      assertThat(gappy.feature("pressure")[row]).isEqualTo(full.feature("pressure")[f]);
    }
  }

  @Test
  void valuesAreNeverNaNBecauseGapsAreAbsentRows() {
    SyntheticSensorSpec spec = spec(10).withGapRate(0.2).withAnomalyRate(0.05);
    new SyntheticSensors(spec)
        .streamDays()
        .forEach(
            day -> {
              for (double[] column : day.features()) {
                for (double value : column) {
                  assertThat(Double.isFinite(value)).isTrue();
                }
              }
            });
  }

  @Test
  void dailyPeakDiffersFromTroughByMoreThanTheNoise() {
    SyntheticSensorSpec spec = spec(56).withGapRate(0).withAnomalyRate(0);
    SyntheticSensors sensors = new SyntheticSensors(spec);
    for (CircuitRef circuit : List.of(P001_C001, P002_C003)) {
      List<SensorRows> days = days(sensors, circuit, spec.days());
      for (String feature : spec.featureColumns()) {
        double[] hourly = hourlyMeans(days, feature);
        double range = max(hourly) - min(hourly);
        double residualSd = residualSd(days, feature, hourly);

        assertThat(range).as(circuit + " " + feature).isGreaterThan(2 * residualSd);
      }
    }
  }

  @Test
  void driftShiftsTheMeanFromItsDateOn() {
    LocalDate driftFrom = START.plusDays(30);
    SyntheticSensorSpec plain = spec(60).withAnomalyRate(0).withGapRate(0);
    SyntheticSensorSpec drifting = plain.withDrift(Drift.from(driftFrom));
    List<SensorRows> before = days(new SyntheticSensors(plain), P001_C001, 60);
    List<SensorRows> after = days(new SyntheticSensors(drifting), P001_C001, 60);

    for (int d = 0; d < 30; d++) {
      assertSameRows(after.get(d), before.get(d));
    }
    for (String feature : plain.featureColumns()) {
      double[] hourly = hourlyMeans(before, feature);
      double amplitude = (max(hourly) - min(hourly)) / 2;
      double shift = mean(after.subList(30, 60), feature) - mean(before.subList(30, 60), feature);
      double jump = mean(after.subList(30, 60), feature) - mean(after.subList(0, 30), feature);

      assertThat(shift).as(feature).isBetween(0.8 * amplitude, 1.2 * amplitude);
      assertThat(jump).as(feature).isGreaterThan(0.5 * amplitude);
    }
  }

  @Test
  void anomaliesAreLargeSpikesAtRoughlyTheRate() {
    SyntheticSensorSpec clean = spec(365).withAnomalyRate(0).withGapRate(0);
    SyntheticSensorSpec spiky = clean.withAnomalyRate(0.01);
    SyntheticSensors a = new SyntheticSensors(clean);
    SyntheticSensors b = new SyntheticSensors(spiky);
    long values = 0;
    long spikes = 0;
    for (String feature : clean.featureColumns()) {
      List<SensorRows> cleanDays = days(a, P001_C001, 365);
      List<SensorRows> spikyDays = days(b, P001_C001, 365);
      double[] hourly = hourlyMeans(cleanDays, feature);
      double amplitude = (max(hourly) - min(hourly)) / 2;
      for (int d = 0; d < 365; d++) {
        double[] x = cleanDays.get(d).feature(feature);
        double[] y = spikyDays.get(d).feature(feature);
        for (int row = 0; row < x.length; row++) {
          values++;
          if (x[row] != y[row]) {
            spikes++;
            assertThat(Math.abs(y[row] - x[row])).isGreaterThan(3.5 * amplitude);
          }
        }
      }
    }

    assertThat((double) spikes / values).isBetween(0.007, 0.013);
  }

  @Test
  void rejectsCircuitsAndDatesOutsideTheSpec() {
    SyntheticSensors sensors = new SyntheticSensors(spec(3));

    assertThatThrownBy(() -> sensors.getDay(CircuitRef.parse("P003/C001"), START))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "circuit P003/C001 is not generated; this spec generates plants P001 to P002 with"
                + " circuits C001 to C003");
    assertThatThrownBy(() -> sensors.getDay(CircuitRef.parse("X001/C001"), START))
        .isInstanceOf(MlopsException.class);
    assertThatThrownBy(() -> sensors.getDay(P001_C001, START.plusDays(3)))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "date 2025-01-04 is not generated; this spec generates 2025-01-01 to 2025-01-03");
  }

  @Test
  void rejectsAFrequencyThatDoesNotDivideTheDay() {
    assertThatThrownBy(() -> spec(1).withFrequencyMinutes(7))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("frequencyMinutes is 7, which does not divide a day (1440 minutes)");
  }

  @Test
  void reportsEveryInvalidValueAtOnce() {
    assertThatThrownBy(
            () ->
                new SyntheticSensorSpec(
                    0,
                    1000,
                    0,
                    START,
                    0,
                    List.of("temperature", "date", "bad name", "temperature"),
                    1,
                    Drift.NONE,
                    0.6,
                    Double.NaN))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            String.join(
                "\n",
                "invalid synthetic sensor spec:",
                "plants is 0; expected 1 to 999",
                "circuitsPerPlant is 1000; expected 1 to 999",
                "days is 0; expected at least 1",
                "frequencyMinutes is 0; expected 1 to 1440",
                "featureColumns: column 'date' is a key column of the sensor table; feature columns"
                    + " must not be any of [timestamp, sensor_id, date]",
                "featureColumns: column 'bad name' is not a valid name; column names are 1-64"
                    + " letters, digits or '_', starting with a letter or '_'",
                "featureColumns must be unique, got [temperature, date, bad name, temperature]",
                "anomalyRate is 0.6; expected 0 to 0.5",
                "gapRate is NaN; expected 0 to 0.5"));
  }

  @Test
  void rejectsDaysBeyondTheSupportedDates() {
    assertThatThrownBy(() -> SyntheticSensorSpec.defaults(1, 1, 2, LocalDate.of(9999, 12, 31)))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("days must lie from 1900-01-01 to 9999-12-31");
  }

  @Test
  void acceptsAnyValidFeatureName() {
    SyntheticSensorSpec spec = spec(1).withFeatureColumns(List.of("flow_rate", "rpm"));
    SensorRows day = new SyntheticSensors(spec).getDay(P001_C001, START);

    assertThat(day.featureColumns()).containsExactly("flow_rate", "rpm");
  }

  // helpers

  private static List<SensorRows> days(SyntheticSensors sensors, CircuitRef circuit, int count) {
    return IntStream.range(0, count)
        .mapToObj(d -> sensors.getDay(circuit, START.plusDays(d)))
        .toList();
  }

  private static double[] hourlyMeans(List<SensorRows> days, String feature) {
    double[] sum = new double[24];
    int[] count = new int[24];
    for (SensorRows day : days) {
      double[] values = day.feature(feature);
      for (int row = 0; row < day.size(); row++) {
        int hour = day.timestamp(row).atOffset(ZoneOffset.UTC).getHour();
        sum[hour] += values[row];
        count[hour]++;
      }
    }
    for (int h = 0; h < 24; h++) {
      sum[h] /= count[h];
    }
    return sum;
  }

  private static double residualSd(List<SensorRows> days, String feature, double[] hourly) {
    double squares = 0;
    long n = 0;
    for (SensorRows day : days) {
      double[] values = day.feature(feature);
      for (int row = 0; row < day.size(); row++) {
        int hour = day.timestamp(row).atOffset(ZoneOffset.UTC).getHour();
        double r = values[row] - hourly[hour];
        squares += r * r;
        n++;
      }
    }
    return Math.sqrt(squares / n);
  }

  private static double mean(List<SensorRows> days, String feature) {
    double sum = 0;
    long n = 0;
    for (SensorRows day : days) {
      for (double value : day.feature(feature)) {
        sum += value;
        n++;
      }
    }
    return sum / n;
  }

  private static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  static void assertSameRows(SensorRows actual, SensorRows expected) {
    assertThat(actual.sensorId()).isEqualTo(expected.sensorId());
    assertThat(actual.featureColumns()).isEqualTo(expected.featureColumns());
    assertThat(actual.timestampMicros()).isEqualTo(expected.timestampMicros());
    assertThat(actual.epochDays()).isEqualTo(expected.epochDays());
    for (int c = 0; c < expected.features().length; c++) {
      assertThat(actual.features()[c]).isEqualTo(expected.features()[c]);
    }
  }
}
