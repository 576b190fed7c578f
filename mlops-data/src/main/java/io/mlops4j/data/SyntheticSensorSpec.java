package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;
import io.mlops4j.data.internal.DataErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What {@link SyntheticSensors} generates: {@code plants × circuitsPerPlant} sensors over {@code
 * days} days from {@code startDate}, one row every {@code frequencyMinutes} minutes.
 *
 * <p>Start from {@link #defaults(int, int, int, LocalDate)} and change what you need: {@code
 * SyntheticSensorSpec.defaults(3, 4, 365, start).withFrequencyMinutes(15).withDrift(d)}.
 *
 * @param plants number of plants, named {@code P001}, {@code P002}, ...; 1 to 999
 * @param circuitsPerPlant circuits per plant, named {@code C001}, {@code C002}, ...; 1 to 999
 * @param days number of days generated, from {@code startDate}; at least 1
 * @param startDate the first day (UTC); from 1900-01-01, and the last day at most 9999-12-31
 * @param frequencyMinutes minutes between rows; must divide 1440 (the minutes of a day)
 * @param featureColumns the feature columns, in order: names of letters, digits and '_' (a letter
 *     or '_' first, at most 64), unique, and none of {@code timestamp}, {@code sensor_id}, {@code
 *     date}. {@code temperature}, {@code pressure}, {@code vibration} and {@code flow_rate} get
 *     realistic ranges; other names get a generic signal
 * @param seed the seed; the same spec always gives the same rows
 * @param drift drift from a date on, or {@link Drift#NONE}
 * @param anomalyRate probability that a feature value is a spike; 0 to 0.5
 * @param gapRate expected fraction of rows missing (absent, in short runs); 0 to 0.5
 */
public record SyntheticSensorSpec(
    int plants,
    int circuitsPerPlant,
    int days,
    LocalDate startDate,
    int frequencyMinutes,
    List<String> featureColumns,
    long seed,
    Drift drift,
    double anomalyRate,
    double gapRate) {

  /** Feature columns of {@link #defaults(int, int, int, LocalDate)}. */
  public static final List<String> DEFAULT_FEATURE_COLUMNS =
      List.of("temperature", "pressure", "vibration");

  /** Frequency of {@link #defaults(int, int, int, LocalDate)}: hourly. */
  public static final int DEFAULT_FREQUENCY_MINUTES = 60;

  /** Seed of {@link #defaults(int, int, int, LocalDate)}. */
  public static final long DEFAULT_SEED = 42L;

  /** Anomaly rate of {@link #defaults(int, int, int, LocalDate)}. */
  public static final double DEFAULT_ANOMALY_RATE = 0.001;

  /** Gap rate of {@link #defaults(int, int, int, LocalDate)}. */
  public static final double DEFAULT_GAP_RATE = 0.002;

  static final int MINUTES_PER_DAY = 1440;
  static final int MAX_PLANTS = 999;
  static final int MAX_CIRCUITS = 999;
  static final double MAX_RATE = 0.5;
  static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
  static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  /**
   * Checks every value and reports all problems at once.
   *
   * @throws MlopsException listing every invalid value, one per line
   */
  public SyntheticSensorSpec {
    requireNonNull(startDate, "startDate");
    requireNonNull(drift, "drift");
    featureColumns = List.copyOf(featureColumns);
    List<String> problems = new ArrayList<>();
    if (plants < 1 || plants > MAX_PLANTS) {
      problems.add(DataErrors.outOfRange("plants", plants, 1, MAX_PLANTS));
    }
    if (circuitsPerPlant < 1 || circuitsPerPlant > MAX_CIRCUITS) {
      problems.add(DataErrors.outOfRange("circuitsPerPlant", circuitsPerPlant, 1, MAX_CIRCUITS));
    }
    if (days < 1) {
      problems.add(DataErrors.outOfRange("days", days, 1, Integer.MAX_VALUE));
    } else if (startDate.isBefore(MIN_DATE)
        || startDate.isAfter(MAX_DATE)
        || startDate.plusDays(days - 1L).isAfter(MAX_DATE)) {
      problems.add(DataErrors.dateRange(startDate, days, MIN_DATE, MAX_DATE));
    }
    if (frequencyMinutes < 1 || frequencyMinutes > MINUTES_PER_DAY) {
      problems.add(DataErrors.outOfRange("frequencyMinutes", frequencyMinutes, 1, MINUTES_PER_DAY));
    } else if (MINUTES_PER_DAY % frequencyMinutes != 0) {
      problems.add(DataErrors.frequencyNotDividingDay(frequencyMinutes));
    }
    if (featureColumns.isEmpty()) {
      problems.add("featureColumns must name at least one column");
    }
    for (String column : featureColumns) {
      SensorTableColumns.featureColumnProblem(column)
          .ifPresent(problem -> problems.add("featureColumns: " + problem));
    }
    if (new HashSet<>(featureColumns).size() != featureColumns.size()) {
      problems.add("featureColumns must be unique, got " + featureColumns);
    }
    if (!(anomalyRate >= 0 && anomalyRate <= MAX_RATE)) {
      problems.add(DataErrors.rateOutOfRange("anomalyRate", anomalyRate, MAX_RATE));
    }
    if (!(gapRate >= 0 && gapRate <= MAX_RATE)) {
      problems.add(DataErrors.rateOutOfRange("gapRate", gapRate, MAX_RATE));
    }
    if (!problems.isEmpty()) {
      throw new MlopsException(DataErrors.invalidSpec(problems));
    }
  }

  /**
   * Returns a spec with the defaults: hourly rows of temperature, pressure and vibration, seed
   * {@value #DEFAULT_SEED}, no drift, anomaly rate {@value #DEFAULT_ANOMALY_RATE} and gap rate
   * {@value #DEFAULT_GAP_RATE}.
   *
   * @param plants number of plants, 1 to 999
   * @param circuitsPerPlant circuits per plant, 1 to 999
   * @param days number of days, at least 1
   * @param startDate the first day (UTC)
   * @return the spec
   * @throws MlopsException if a value is out of range
   */
  public static SyntheticSensorSpec defaults(
      int plants, int circuitsPerPlant, int days, LocalDate startDate) {
    return new SyntheticSensorSpec(
        plants,
        circuitsPerPlant,
        days,
        startDate,
        DEFAULT_FREQUENCY_MINUTES,
        DEFAULT_FEATURE_COLUMNS,
        DEFAULT_SEED,
        Drift.NONE,
        DEFAULT_ANOMALY_RATE,
        DEFAULT_GAP_RATE);
  }

  /**
   * Returns this spec with another frequency.
   *
   * @param minutes minutes between rows; must divide 1440
   * @return the changed spec
   * @throws MlopsException if the frequency is invalid
   */
  public SyntheticSensorSpec withFrequencyMinutes(int minutes) {
    return new SyntheticSensorSpec(
        plants,
        circuitsPerPlant,
        days,
        startDate,
        minutes,
        featureColumns,
        seed,
        drift,
        anomalyRate,
        gapRate);
  }

  /**
   * Returns this spec with other feature columns.
   *
   * @param columns the feature columns, in order
   * @return the changed spec
   * @throws MlopsException if a name is invalid or repeated
   */
  public SyntheticSensorSpec withFeatureColumns(List<String> columns) {
    return new SyntheticSensorSpec(
        plants,
        circuitsPerPlant,
        days,
        startDate,
        frequencyMinutes,
        columns,
        seed,
        drift,
        anomalyRate,
        gapRate);
  }

  /**
   * Returns this spec with another seed.
   *
   * @param newSeed the seed
   * @return the changed spec
   */
  public SyntheticSensorSpec withSeed(long newSeed) {
    return new SyntheticSensorSpec(
        plants,
        circuitsPerPlant,
        days,
        startDate,
        frequencyMinutes,
        featureColumns,
        newSeed,
        drift,
        anomalyRate,
        gapRate);
  }

  /**
   * Returns this spec with another drift.
   *
   * @param newDrift the drift, or {@link Drift#NONE}
   * @return the changed spec
   */
  public SyntheticSensorSpec withDrift(Drift newDrift) {
    return new SyntheticSensorSpec(
        plants,
        circuitsPerPlant,
        days,
        startDate,
        frequencyMinutes,
        featureColumns,
        seed,
        newDrift,
        anomalyRate,
        gapRate);
  }

  /**
   * Returns this spec with another anomaly rate.
   *
   * @param rate probability that a feature value is a spike, 0 to 0.5
   * @return the changed spec
   * @throws MlopsException if the rate is out of range
   */
  public SyntheticSensorSpec withAnomalyRate(double rate) {
    return new SyntheticSensorSpec(
        plants,
        circuitsPerPlant,
        days,
        startDate,
        frequencyMinutes,
        featureColumns,
        seed,
        drift,
        rate,
        gapRate);
  }

  /**
   * Returns this spec with another gap rate.
   *
   * @param rate expected fraction of missing rows, 0 to 0.5
   * @return the changed spec
   * @throws MlopsException if the rate is out of range
   */
  public SyntheticSensorSpec withGapRate(double rate) {
    return new SyntheticSensorSpec(
        plants,
        circuitsPerPlant,
        days,
        startDate,
        frequencyMinutes,
        featureColumns,
        seed,
        drift,
        anomalyRate,
        rate);
  }

  /**
   * Returns the number of row slots per day, before gaps.
   *
   * @return {@code 1440 / frequencyMinutes}
   */
  public int rowsPerDay() {
    return MINUTES_PER_DAY / frequencyMinutes;
  }

  /**
   * Returns the last generated day.
   *
   * @return {@code startDate + days - 1}
   */
  public LocalDate endDate() {
    return startDate.plusDays(days - 1L);
  }
}
