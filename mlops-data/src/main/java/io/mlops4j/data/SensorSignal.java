package io.mlops4j.data;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The synthetic signal of one sensor: per feature a level, a daily and a weekly cycle, a slow trend
 * and Gaussian noise, plus gaps, spikes and drift as the spec asks.
 *
 * <p>Every random number comes from a stream seeded by (seed, sensor, feature, day, purpose), so a
 * day's rows do not depend on which other days were generated, in what order, or how many plants
 * and circuits the spec has. Noise is drawn for every row slot, including the slots that a gap
 * removes, so changing the gap rate removes rows without changing the others; likewise spikes are
 * decided by their own stream, so changing the anomaly rate changes only the spiked values, and the
 * spikes at a lower rate are a subset of those at a higher one.
 */
final class SensorSignal {
  private static final long STREAM_PARAMETERS = 1;
  private static final long STREAM_GAPS = 2;
  private static final long STREAM_NOISE = 3;
  private static final long STREAM_ANOMALIES = 4;

  /** Spikes are this many daily amplitudes away from the signal, at least. */
  private static final double SPIKE_MIN_AMPLITUDES = 4.0;

  private static final double SPIKE_MAX_AMPLITUDES = 8.0;
  private static final double DAYS_PER_WEEK = 7.0;
  private static final long MICROS_PER_MINUTE = 60_000_000L;

  private final SyntheticSensorSpec spec;
  private final String sensorId;
  private final long sensorHash;
  private final List<FeatureSignal> features;

  /**
   * The shape of one feature's signal.
   *
   * @param level mean value at the start date
   * @param amplitude half-range of the daily cycle
   * @param peakHour hour of day (UTC, fractional) of the daily maximum
   * @param weeklyAmplitude half-range of the weekly cycle
   * @param weeklyPhaseDays where in the week the weekly maximum falls, in days
   * @param trendPerDay change of level per day
   * @param noiseSd standard deviation of the noise
   */
  record FeatureSignal(
      double level,
      double amplitude,
      double peakHour,
      double weeklyAmplitude,
      double weeklyPhaseDays,
      double trendPerDay,
      double noiseSd) {}

  SensorSignal(SyntheticSensorSpec spec, String sensorId) {
    this.spec = spec;
    this.sensorId = sensorId;
    this.sensorHash = SeededRandom.hash(sensorId);
    this.features =
        spec.featureColumns().stream().map(column -> featureSignal(spec.seed(), column)).toList();
  }

  private FeatureSignal featureSignal(long seed, String column) {
    SeededRandom random =
        new SeededRandom(
            SeededRandom.seedOf(seed, sensorHash, SeededRandom.hash(column), STREAM_PARAMETERS));
    double level;
    double amplitudeFraction;
    double peakHour;
    switch (column) {
      case "temperature" -> { // °C
        level = random.uniform(55, 90);
        amplitudeFraction = random.uniform(0.04, 0.10);
        peakHour = random.uniform(13, 16);
      }
      case "pressure" -> { // bar
        level = random.uniform(4, 8);
        amplitudeFraction = random.uniform(0.03, 0.08);
        peakHour = random.uniform(9, 12);
      }
      case "vibration" -> { // mm/s RMS
        level = random.uniform(2, 5);
        amplitudeFraction = random.uniform(0.08, 0.18);
        peakHour = random.uniform(10, 14);
      }
      case "flow_rate" -> { // m³/h
        level = random.uniform(100, 300);
        amplitudeFraction = random.uniform(0.05, 0.15);
        peakHour = random.uniform(8, 12);
      }
      default -> {
        level = random.uniform(10, 100);
        amplitudeFraction = random.uniform(0.05, 0.15);
        peakHour = random.uniform(0, 24);
      }
    }
    double amplitude = level * amplitudeFraction;
    return new FeatureSignal(
        level,
        amplitude,
        peakHour,
        amplitude * random.uniform(0.2, 0.5),
        random.uniform(0, DAYS_PER_WEEK),
        level * random.uniform(-0.05, 0.05) / 365.0,
        amplitude * random.uniform(0.1, 0.2));
  }

  /** Generates one day of this sensor. */
  SensorRows day(LocalDate date) {
    int slots = spec.rowsPerDay();
    boolean[] missing = gaps(date, slots);
    int rows = 0;
    for (boolean m : missing) {
      if (!m) {
        rows++;
      }
    }
    long epochDay = date.toEpochDay();
    long dayStartMicros = date.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    long[] timestamps = new long[rows];
    int[] epochDays = new int[rows];
    for (int slot = 0, row = 0; slot < slots; slot++) {
      if (!missing[slot]) {
        timestamps[row] = dayStartMicros + slot * spec.frequencyMinutes() * MICROS_PER_MINUTE;
        epochDays[row] = (int) epochDay;
        row++;
      }
    }
    double[][] values = new double[features.size()][];
    for (int f = 0; f < features.size(); f++) {
      values[f] = feature(f, date, missing, rows);
    }
    return new SensorRows(sensorId, timestamps, epochDays, spec.featureColumns(), values);
  }

  private double[] feature(int index, LocalDate date, boolean[] missing, int rows) {
    FeatureSignal s = features.get(index);
    long featureHash = SeededRandom.hash(spec.featureColumns().get(index));
    long epochDay = date.toEpochDay();
    SeededRandom noise =
        new SeededRandom(
            SeededRandom.seedOf(spec.seed(), sensorHash, featureHash, epochDay, STREAM_NOISE));
    SeededRandom spikes =
        new SeededRandom(
            SeededRandom.seedOf(spec.seed(), sensorHash, featureHash, epochDay, STREAM_ANOMALIES));
    boolean drifting = spec.drift().appliesOn(date);
    double level =
        s.level()
            + s.trendPerDay() * (epochDay - spec.startDate().toEpochDay())
            + (drifting ? spec.drift().levelShift() * s.amplitude() : 0.0);
    double noiseSd = s.noiseSd() * (drifting ? spec.drift().noiseFactor() : 1.0);
    double[] out = new double[rows];
    for (int slot = 0, row = 0; slot < missing.length; slot++) {
      double gaussian = noise.nextGaussian();
      double spikeDraw = spikes.nextDouble();
      double spikeSign = spikes.nextDouble() < 0.5 ? -1.0 : 1.0;
      double spikeSize = spikes.uniform(SPIKE_MIN_AMPLITUDES, SPIKE_MAX_AMPLITUDES);
      if (missing[slot]) {
        continue;
      }
      double minuteOfDay = (double) slot * spec.frequencyMinutes();
      double hour = minuteOfDay / 60.0;
      double dayOfTime = epochDay + minuteOfDay / SyntheticSensorSpec.MINUTES_PER_DAY;
      double value =
          level
              + s.amplitude() * StrictMath.cos(2.0 * Math.PI * (hour - s.peakHour()) / 24.0)
              + s.weeklyAmplitude()
                  * StrictMath.cos(
                      2.0 * Math.PI * (dayOfTime - s.weeklyPhaseDays()) / DAYS_PER_WEEK)
              + noiseSd * gaussian;
      if (spikeDraw < spec.anomalyRate()) {
        value += spikeSign * spikeSize * s.amplitude();
      }
      out[row++] = value;
    }
    return out;
  }

  /**
   * Marks the slots a gap removes. Gaps are runs of 1 to {@code maxRun} slots; a run starts at a
   * slot with probability {@code p}, chosen so that the expected missing fraction is the gap rate:
   * with mean run length {@code L}, the fraction is {@code L / (L + (1 - p) / p)}.
   */
  private boolean[] gaps(LocalDate date, int slots) {
    boolean[] missing = new boolean[slots];
    double rate = spec.gapRate();
    if (rate == 0) {
      return missing;
    }
    int maxRun = Math.max(3, 30 / spec.frequencyMinutes());
    double meanRun = (1 + maxRun) / 2.0;
    double start = rate / (meanRun * (1 - rate) + rate);
    SeededRandom random =
        new SeededRandom(
            SeededRandom.seedOf(spec.seed(), sensorHash, date.toEpochDay(), STREAM_GAPS));
    int slot = 0;
    while (slot < slots) {
      if (random.nextDouble() < start) {
        int run = 1 + random.nextInt(maxRun);
        for (int i = slot; i < Math.min(slots, slot + run); i++) {
          missing[i] = true;
        }
        slot += run;
      } else {
        slot++;
      }
    }
    return missing;
  }
}
