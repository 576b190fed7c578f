package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.types.TimestampType;
import io.mlops4j.data.internal.DataErrors;
import io.mlops4j.data.internal.DeltaSensorTable;
import io.mlops4j.data.internal.Fingerprints;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The sensor table: one unpartitioned Delta Lake table holding all sensors, with columns {@code
 * timestamp} (timestamp or timestamp_ntz, read as UTC), {@code sensor_id} (string), {@code date}
 * (date) and one double column per feature.
 *
 * <p>Reads push their predicates into the scan, so delta-kernel skips data files by their min/max
 * statistics, and report the table version read and the files read and skipped. Writes are
 * copy-on-write upserts per (sensor_id, date), one commit each.
 *
 * <p>Tables live on local disk or an Azure ML mount ({@link #open(Path)}, java.nio), or on ADLS
 * Gen2 ({@link #open(URI)} with {@code abfss://<container>@<account>.dfs.core.windows.net/<path>},
 * through hadoop-azure). ADLS Gen2 access uses an Azure AD token from azure-identity's {@code
 * DefaultAzureCredential} (environment variables, workload identity, managed identity on Azure ML
 * compute, or an Azure CLI login); the identity needs <em>Storage Blob Data Reader</em> on the
 * container to read and <em>Storage Blob Data Contributor</em> to write. Keys and SAS tokens are
 * never accepted. See {@code docs/delta-kernel-notes.md}, section 11.
 *
 * <p>Thread-safe for reads. Use one writer per table: a concurrent upsert fails rather than
 * duplicating rows, and the caller re-runs it.
 */
public final class SensorTable {
  private final DeltaSensorTable delta;

  private SensorTable(DeltaSensorTable delta) {
    this.delta = delta;
  }

  /**
   * Opens the table at a local path (or an Azure ML mount). Nothing is read until the first call.
   *
   * @param dir the table directory, holding {@code _delta_log}
   * @return the table
   */
  public static SensorTable open(Path dir) {
    return new SensorTable(DeltaSensorTable.local(requireNonNull(dir, "dir"), Clock.systemUTC()));
  }

  /**
   * Opens the table at a URI. Nothing is read until the first call.
   *
   * <ul>
   *   <li>{@code file:/absolute/path}: as {@link #open(Path)}.
   *   <li>{@code abfss://<container>@<account>.dfs.core.windows.net/<path>}: ADLS Gen2 (public
   *       Azure cloud), authenticated with {@code DefaultAzureCredential}. The URI must not carry a
   *       query string (no SAS), user-info password or port.
   * </ul>
   *
   * @param table the table URI
   * @return the table
   * @throws io.mlops4j.config.MlopsException if the scheme is not one of these (e.g. {@code wasbs},
   *     {@code abfs}, {@code https}, {@code s3a}) or the URI is malformed; the message says what is
   *     valid and never repeats a query string
   */
  public static SensorTable open(URI table) {
    return new SensorTable(
        DeltaSensorTable.open(requireNonNull(table, "table"), Clock.systemUTC()));
  }

  /**
   * Creates an empty table (version 0) at a URI, as {@link #create(Path, List)}.
   *
   * @param table the table URI, as for {@link #open(URI)}
   * @param featureColumns the double feature columns, in order
   * @return the new table
   * @throws io.mlops4j.config.InvalidIdException if a column name is unsafe
   * @throws io.mlops4j.config.MlopsException if the URI is not valid or a table already exists
   *     there
   */
  public static SensorTable create(URI table, List<String> featureColumns) {
    SensorTable t = open(table);
    t.delta.create(DataErrors.checkColumns(featureColumns), TimestampType.TIMESTAMP, Map.of());
    return t;
  }

  /**
   * Creates an empty table (version 0) with a timestamp column of type {@code timestamp}.
   *
   * @param dir the table directory; it must not hold a table yet
   * @param featureColumns the double feature columns, in order
   * @return the new table
   * @throws io.mlops4j.config.InvalidIdException if a column name is unsafe
   * @throws io.mlops4j.config.MlopsException if a table already exists there
   */
  public static SensorTable create(Path dir, List<String> featureColumns) {
    SensorTable table = open(dir);
    table.delta.create(DataErrors.checkColumns(featureColumns), TimestampType.TIMESTAMP, Map.of());
    return table;
  }

  /**
   * Returns the table's location.
   *
   * @return the absolute path, or the {@code abfss://} URI
   */
  public String location() {
    return delta.location();
  }

  /**
   * Returns the latest version.
   *
   * @return the Delta version
   * @throws DataNotFoundException if there is no table
   */
  public long version() {
    return delta.version();
  }

  /**
   * Reads one sensor's rows with {@code date <= cutoff} from the latest version, dropping rows with
   * null features.
   *
   * @param sensorId the sensor
   * @param cutoff the last date, inclusive
   * @param columns the feature columns to read
   * @return the rows, sorted by timestamp, and the version read
   * @throws DataNotFoundException if the table, sensor or a column is missing, or the sensor has no
   *     rows on or before the cutoff
   */
  public SensorSlice trainingSlice(String sensorId, LocalDate cutoff, List<String> columns) {
    return trainingSlice(sensorId, cutoff, columns, ReadOptions.defaults());
  }

  /**
   * Reads one sensor's rows with {@code date <= cutoff}.
   *
   * @param sensorId the sensor
   * @param cutoff the last date, inclusive
   * @param columns the feature columns to read
   * @param options the version to read and the null policy
   * @return the rows, sorted by timestamp, and the version read
   * @throws DataNotFoundException if the table, version, sensor or a column is missing, or the
   *     sensor has no rows on or before the cutoff
   * @throws io.mlops4j.config.MlopsException if a feature is null under {@link NullPolicy#FAIL}, or
   *     the table cannot be read
   */
  public SensorSlice trainingSlice(
      String sensorId, LocalDate cutoff, List<String> columns, ReadOptions options) {
    return delta.trainingSlice(
        sensorId, requireNonNull(cutoff, "cutoff"), columns, requireNonNull(options, "options"));
  }

  /**
   * Reads the rows of one sensor's most recent date from the latest version.
   *
   * @param sensorId the sensor
   * @param columns the feature columns to read
   * @return the rows of that date
   * @throws DataNotFoundException if the table, sensor or a column is missing
   */
  public SensorSlice latestDay(String sensorId, List<String> columns) {
    return latestDay(sensorId, columns, ReadOptions.defaults());
  }

  /**
   * Reads the rows of one sensor's most recent date.
   *
   * @param sensorId the sensor
   * @param columns the feature columns to read
   * @param options the version to read and the null policy
   * @return the rows of that date
   * @throws DataNotFoundException if the table, version, sensor or a column is missing
   */
  public SensorSlice latestDay(String sensorId, List<String> columns, ReadOptions options) {
    return delta.latestDay(sensorId, columns, requireNonNull(options, "options"));
  }

  /**
   * Reads several sensors' rows with {@code date <= cutoff} in one pass over the table's files:
   * what monitoring needs for many circuits at once, where one {@link #trainingSlice} per sensor
   * would read every shared file once per sensor.
   *
   * @param sensorIds the sensors
   * @param cutoff the last date, inclusive
   * @param columns the feature columns to read
   * @param options the version to read and the null policy
   * @return one slice per sensor that has rows up to the cutoff, in sensor id order; sensors
   *     without rows are absent (compare the key set with {@code sensorIds})
   * @throws DataNotFoundException if the table, version or a column is missing
   */
  public Map<String, SensorSlice> trainingSlices(
      Set<String> sensorIds, LocalDate cutoff, List<String> columns, ReadOptions options) {
    return delta.trainingSlices(
        requireNonNull(sensorIds, "sensorIds"),
        requireNonNull(cutoff, "cutoff"),
        columns,
        requireNonNull(options, "options"));
  }

  /**
   * Reads the rows of each sensor's most recent date in one pass over the table's files.
   *
   * @param sensorIds the sensors
   * @param columns the feature columns to read
   * @param options the version to read and the null policy
   * @return one slice per sensor that has rows, in sensor id order; sensors without rows are absent
   *     (compare the key set with {@code sensorIds})
   * @throws DataNotFoundException if the table, version or a column is missing
   */
  public Map<String, SensorSlice> latestDays(
      Set<String> sensorIds, List<String> columns, ReadOptions options) {
    return delta.latestDays(
        requireNonNull(sensorIds, "sensorIds"), columns, requireNonNull(options, "options"));
  }

  /**
   * Returns the feature columns of a version, in table order.
   *
   * @param version the version to look at
   * @return the feature column names
   * @throws DataNotFoundException if the table or version is missing
   */
  public List<String> featureColumns(TableVersion version) {
    return delta.featureColumns(requireNonNull(version, "version"));
  }

  /**
   * Summarises a version in one pass over its files (reading only {@code sensor_id} and {@code
   * date}): per sensor, its row count and first and last date.
   *
   * @param version the version to summarise
   * @return the summary
   * @throws DataNotFoundException if the table or version is missing
   */
  public TableSummary summary(TableVersion version) {
    return delta.summary(requireNonNull(version, "version"));
  }

  /**
   * Replaces the rows of every (sensor_id, date) present in the batch by the batch's rows, in one
   * commit. Re-running a batch leaves the table with the same rows, never duplicates. Feature
   * columns absent from a {@link SensorRows} are written as null, as are NaN values.
   *
   * @param batch rows of one or more sensors
   * @return the version committed and the files touched
   * @throws io.mlops4j.config.InvalidIdException if a sensor id or column name is unsafe
   * @throws DataNotFoundException if a column is not in the table
   * @throws io.mlops4j.config.MlopsException if the commit fails (e.g. a concurrent writer)
   */
  public UpsertResult upsert(List<SensorRows> batch) {
    return delta.upsert(List.copyOf(batch));
  }

  /**
   * Returns a fingerprint of a slice's rows: SHA-256 over the sensor id, the column names and every
   * row (timestamp, date, each value's exact bits) in timestamp order. The table version is not
   * part of it, so the same rows give the same fingerprint at any version.
   *
   * @param slice the slice
   * @return {@code sha256:} followed by 64 hex digits
   */
  public static String fingerprint(SensorSlice slice) {
    return Fingerprints.of(slice.rows());
  }

  /**
   * Recomputes a training slice's fingerprint on the latest version and, when it changed, finds the
   * first date whose rows differ from those at {@code baseVersion}.
   *
   * @param sensorId the sensor
   * @param cutoff the slice's last date
   * @param columns the slice's feature columns
   * @param expectedFingerprint the fingerprint recorded when the slice was read
   * @param baseVersion the table version the slice was read at
   * @return unchanged, or the first date that differs
   * @throws io.mlops4j.config.MlopsException if the fingerprint does not belong to the slice at
   *     {@code baseVersion}
   */
  public ImmutabilityCheck verifyImmutable(
      String sensorId,
      LocalDate cutoff,
      List<String> columns,
      String expectedFingerprint,
      long baseVersion) {
    requireNonNull(expectedFingerprint, "expectedFingerprint");
    SensorSlice now = trainingSlice(sensorId, cutoff, columns);
    String actual = fingerprint(now);
    if (actual.equals(expectedFingerprint)) {
      return new ImmutabilityCheck(
          sensorId, cutoff, expectedFingerprint, actual, baseVersion, now.version(), null);
    }
    SensorSlice base =
        trainingSlice(
            sensorId,
            cutoff,
            columns,
            ReadOptions.defaults().withVersion(TableVersion.of(baseVersion)));
    String baseFingerprint = fingerprint(base);
    if (!baseFingerprint.equals(expectedFingerprint)) {
      throw DataErrors.fingerprintMismatch(
          sensorId, expectedFingerprint, baseVersion, baseFingerprint);
    }
    SortedMap<Integer, String> before = Fingerprints.perDay(base.rows());
    SortedMap<Integer, String> after = Fingerprints.perDay(now.rows());
    Integer first = null;
    for (Integer day : union(before, after)) {
      if (!java.util.Objects.equals(before.get(day), after.get(day))) {
        first = day;
        break;
      }
    }
    return new ImmutabilityCheck(
        sensorId,
        cutoff,
        expectedFingerprint,
        actual,
        baseVersion,
        now.version(),
        first == null ? null : LocalDate.ofEpochDay(first));
  }

  private static java.util.SortedSet<Integer> union(
      SortedMap<Integer, String> a, SortedMap<Integer, String> b) {
    java.util.SortedSet<Integer> days = new java.util.TreeSet<>(a.keySet());
    days.addAll(b.keySet());
    return days;
  }
}
