package io.mlops4j.data.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.hadoopio.HadoopFileIO;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.engine.MetricsReporter;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.exceptions.UnsupportedProtocolVersionException;
import io.delta.kernel.exceptions.UnsupportedTableFeatureException;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.metrics.ScanReport;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import io.mlops4j.config.LogKeys;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.NullPolicy;
import io.mlops4j.data.ReadOptions;
import io.mlops4j.data.ScanStats;
import io.mlops4j.data.SensorRows;
import io.mlops4j.data.SensorSlice;
import io.mlops4j.data.TableSummary;
import io.mlops4j.data.TableVersion;
import io.mlops4j.data.UpsertResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensor table on delta-kernel: snapshots, filtered scans with file skipping, copy-on-write
 * upserts. Every kernel iterator is closed in the method that opened it.
 *
 * <p>Thread-safe: the only state is immutable configuration; each read builds its own metrics sink.
 */
public final class DeltaSensorTable {
  /** The timestamp column (timestamp or timestamp_ntz, microseconds). */
  public static final String TIMESTAMP = "timestamp";

  /** The sensor id column (string). */
  public static final String SENSOR_ID = "sensor_id";

  /** The date column (date). */
  public static final String DATE = "date";

  static final String KERNEL_VERSION = "4.4.0";
  private static final String ENGINE_INFO = "mlops4j-data/0.1";
  private static final int SENSORS_PER_FILE = 20;
  private static final Logger LOG = LoggerFactory.getLogger(DeltaSensorTable.class);

  private final String location;
  private final String tableUri;
  private final FileIO fileIO;
  private final Engine engine;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  private DeltaSensorTable(String location, String tableUri, FileIO fileIO, Clock clock) {
    this.location = location;
    this.tableUri = tableUri;
    this.fileIO = fileIO;
    this.engine = DefaultEngine.create(fileIO);
    this.clock = clock;
  }

  /**
   * Opens a table on local disk (or an Azure ML mount) through java.nio.
   *
   * @param dir the table directory (it need not exist yet)
   * @param clock the clock for remove-action timestamps
   * @return the table
   */
  public static DeltaSensorTable local(Path dir, Clock clock) {
    Path abs = dir.toAbsolutePath().normalize();
    Configuration conf = new Configuration();
    conf.set("parquet.compression", "snappy");
    return new DeltaSensorTable(abs.toString(), NioFileIO.toUri(abs), new NioFileIO(conf), clock);
  }

  /**
   * Opens a table by URI: {@code file:} (local disk or an Azure ML mount, through java.nio) or
   * {@code abfss://<container>@<account>.dfs.core.windows.net/<path>} (ADLS Gen2 through
   * hadoop-azure, with an Azure AD token from azure-identity).
   *
   * @param table the table URI
   * @param clock the clock for remove-action timestamps
   * @return the table
   * @throws MlopsException if the scheme is not supported or the abfss URI is malformed
   */
  public static DeltaSensorTable open(URI table, Clock clock) {
    String scheme = table.getScheme();
    if (scheme != null && scheme.equalsIgnoreCase("file")) {
      if (table.getRawQuery() != null || table.getRawFragment() != null) {
        throw DataErrors.invalidFileUri("it has a query string or fragment");
      }
      try {
        return local(Path.of(table), clock);
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        throw DataErrors.invalidFileUri(e.getMessage());
      }
    }
    AbfsLocation location = AbfsLocation.parse(table);
    Configuration conf = AbfsConfig.configuration(location);
    return new DeltaSensorTable(location.uri(), location.uri(), new HadoopFileIO(conf), clock);
  }

  /**
   * Returns the table's location as shown in messages.
   *
   * @return the path
   */
  public String location() {
    return location;
  }

  /**
   * Returns the kernel engine (for tests that build fixtures).
   *
   * @return the engine
   */
  public Engine engine() {
    return engine;
  }

  /**
   * Returns the kernel table (for tests that build fixtures).
   *
   * @return the table
   */
  public Table table() {
    return Table.forPath(engine, tableUri);
  }

  // ------------------------------------------------------------------ schema

  /**
   * Returns the sensor table schema.
   *
   * @param featureColumns the feature columns, validated
   * @param timestampType {@link TimestampType#TIMESTAMP} or {@link TimestampNTZType#TIMESTAMP_NTZ}
   * @return the schema
   */
  public static StructType schema(List<String> featureColumns, DataType timestampType) {
    StructType s =
        new StructType()
            .add(TIMESTAMP, timestampType, false)
            .add(SENSOR_ID, StringType.STRING, false)
            .add(DATE, DateType.DATE, false);
    for (String c : DataErrors.checkColumns(featureColumns)) {
      s = s.add(c, DoubleType.DOUBLE, true);
    }
    return s;
  }

  private List<String> featureColumns(Snapshot snap) {
    StructType schema = snap.getSchema();
    for (String key : List.of(TIMESTAMP, SENSOR_ID, DATE)) {
      if (schema.indexOf(key) < 0) {
        throw new MlopsException(
            "Delta table '"
                + location
                + "' is not a sensor table: it has no column '"
                + key
                + "'; expected timestamp, sensor_id, date and double feature columns, found "
                + schema.fieldNames());
      }
    }
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (!List.of(TIMESTAMP, SENSOR_ID, DATE).contains(f.getName())) {
        out.add(f.getName());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ snapshots

  /**
   * Loads a snapshot.
   *
   * @param version which version
   * @return the snapshot
   */
  Snapshot snapshot(TableVersion version) {
    Table table = table();
    try {
      if (version.isLatest()) {
        return table.getLatestSnapshot(engine);
      }
      if (version.timestamp() != null) {
        return snapshotAsOf(table, version);
      }
      try {
        return table.getSnapshotAsOfVersion(engine, version.version());
      } catch (TableNotFoundException
          | UnsupportedTableFeatureException
          | UnsupportedProtocolVersionException e) {
        throw e;
      } catch (KernelException e) {
        long latest = table.getLatestSnapshot(engine).getVersion();
        if (version.version() > latest) {
          throw DataErrors.noSuchVersion(location, version.version(), latest, e);
        }
        throw e;
      }
    } catch (RuntimeException e) {
      throw translate(e, "load " + version);
    }
  }

  private Snapshot snapshotAsOf(Table table, TableVersion version) {
    long millis = version.timestamp().toEpochMilli();
    try {
      return table.getSnapshotAsOfTimestamp(engine, millis);
    } catch (TableNotFoundException
        | UnsupportedTableFeatureException
        | UnsupportedProtocolVersionException e) {
      throw e;
    } catch (KernelException e) {
      // kernel refuses instants after the last commit: the latest version is the answer then
      Snapshot latest = table.getLatestSnapshot(engine);
      if (latest.getTimestamp(engine) <= millis) {
        return latest;
      }
      throw DataErrors.noVersionAsOf(location, version.timestamp(), e);
    }
  }

  /**
   * Returns the latest version.
   *
   * @return the version
   */
  public long version() {
    return snapshot(TableVersion.LATEST).getVersion();
  }

  private RuntimeException translate(RuntimeException e, String operation) {
    if (e instanceof MlopsException m) {
      return m;
    }
    if (e instanceof TableNotFoundException) {
      return DataErrors.tableNotFound(location, e);
    }
    if (e instanceof UnsupportedTableFeatureException u) {
      return DataErrors.unsupportedFeatures(location, u.getUnsupportedFeatures(), e);
    }
    if (e instanceof UnsupportedProtocolVersionException) {
      return DataErrors.unsupportedProtocol(location, e);
    }
    if (e instanceof UncheckedIOException || e.getClass().getName().startsWith("io.delta.")) {
      return DataErrors.failed(location, operation, e);
    }
    if (e instanceof UnsupportedOperationException) {
      return DataErrors.failed(location, operation, e);
    }
    return e;
  }

  // ------------------------------------------------------------------ reads

  /**
   * Reads the rows of one sensor with date on or before the cutoff.
   *
   * @param sensorId the sensor
   * @param cutoff the last date, inclusive
   * @param columns the feature columns
   * @param options version and null policy
   * @return the slice
   */
  public SensorSlice trainingSlice(
      String sensorId, LocalDate cutoff, List<String> columns, ReadOptions options) {
    DataErrors.checkSensorId(sensorId);
    List<String> cols = DataErrors.checkColumns(columns);
    Snapshot snap = snapshot(options.version());
    int cutoffDay = (int) cutoff.toEpochDay();
    Predicate filter =
        new And(
            new Predicate("=", new Column(SENSOR_ID), Literal.ofString(sensorId)),
            new Predicate("<=", new Column(DATE), Literal.ofDate(cutoffDay)));
    Read read =
        read(snap, filter, new Selection(Set.of(sensorId), cutoffDay, false), cols, options);
    RowBuffer buf = read.buffers.get(sensorId);
    if (buf == null) {
      throw noRows(snap, sensorId, cutoff);
    }
    return read.slice(sensorId, cols, buf);
  }

  /**
   * Reads several sensors' rows with {@code date <= cutoff}, in one pass over the table's files.
   *
   * @param sensorIds the sensors
   * @param cutoff the last date, inclusive
   * @param columns the feature columns
   * @param options version and null policy
   * @return one slice per sensor that has rows, in sensor id order
   */
  public Map<String, SensorSlice> trainingSlices(
      Collection<String> sensorIds, LocalDate cutoff, List<String> columns, ReadOptions options) {
    TreeSet<String> wanted = new TreeSet<>();
    for (String s : sensorIds) {
      wanted.add(DataErrors.checkSensorId(s));
    }
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("sensorIds must name at least one sensor");
    }
    List<String> cols = DataErrors.checkColumns(columns);
    Snapshot snap = snapshot(options.version());
    int cutoffDay = (int) cutoff.toEpochDay();
    Predicate filter =
        new And(
            new And(
                new Predicate(">=", new Column(SENSOR_ID), Literal.ofString(wanted.first())),
                new Predicate("<=", new Column(SENSOR_ID), Literal.ofString(wanted.last()))),
            new Predicate("<=", new Column(DATE), Literal.ofDate(cutoffDay)));
    Read read = read(snap, filter, new Selection(wanted, cutoffDay, false), cols, options);
    Map<String, SensorSlice> out = new LinkedHashMap<>();
    for (String s : wanted) {
      RowBuffer buf = read.buffers.get(s);
      if (buf != null) {
        out.put(s, read.slice(s, cols, buf));
      }
    }
    return out;
  }

  /**
   * Reads the rows of each sensor's most recent date, in one pass over the table's files.
   *
   * @param sensorIds the sensors
   * @param columns the feature columns
   * @param options version and null policy
   * @return one slice per sensor that has rows, in sensor id order
   */
  public Map<String, SensorSlice> latestDays(
      Collection<String> sensorIds, List<String> columns, ReadOptions options) {
    TreeSet<String> wanted = new TreeSet<>();
    for (String s : sensorIds) {
      wanted.add(DataErrors.checkSensorId(s));
    }
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("sensorIds must name at least one sensor");
    }
    List<String> cols = DataErrors.checkColumns(columns);
    Snapshot snap = snapshot(options.version());
    Predicate filter =
        wanted.size() == 1
            ? new Predicate("=", new Column(SENSOR_ID), Literal.ofString(wanted.first()))
            : new And(
                new Predicate(">=", new Column(SENSOR_ID), Literal.ofString(wanted.first())),
                new Predicate("<=", new Column(SENSOR_ID), Literal.ofString(wanted.last())));
    Read read = read(snap, filter, new Selection(wanted, Integer.MAX_VALUE, true), cols, options);
    Map<String, SensorSlice> out = new LinkedHashMap<>();
    for (String s : wanted) {
      RowBuffer buf = read.buffers.get(s);
      if (buf != null) {
        out.put(s, read.slice(s, cols, buf));
      }
    }
    return out;
  }

  /**
   * Reads the rows of one sensor's most recent date.
   *
   * @param sensorId the sensor
   * @param columns the feature columns
   * @param options version and null policy
   * @return the slice
   */
  public SensorSlice latestDay(String sensorId, List<String> columns, ReadOptions options) {
    Map<String, SensorSlice> all = latestDays(Set.of(sensorId), columns, options);
    SensorSlice slice = all.get(sensorId);
    if (slice == null) {
      Snapshot snap = snapshot(options.version());
      throw DataErrors.unknownSensor(location, snap.getVersion(), sensorId, sensorsPresent(snap));
    }
    return slice;
  }

  private io.mlops4j.data.DataNotFoundException noRows(
      Snapshot snap, String sensorId, LocalDate cutoff) {
    Predicate any = new Predicate("=", new Column(SENSOR_ID), Literal.ofString(sensorId));
    Read all =
        read(
            snap,
            any,
            new Selection(Set.of(sensorId), Integer.MAX_VALUE, false),
            List.of(),
            ReadOptions.defaults());
    RowBuffer buf = all.buffers.get(sensorId);
    if (buf == null || buf.size() == 0) {
      return DataErrors.unknownSensor(location, snap.getVersion(), sensorId, sensorsPresent(snap));
    }
    int first = Integer.MAX_VALUE;
    for (int i = 0; i < buf.size(); i++) {
      first = Math.min(first, buf.day(i));
    }
    return DataErrors.cutoffBeforeData(
        location, snap.getVersion(), sensorId, cutoff, LocalDate.ofEpochDay(first));
  }

  /** The sorted distinct sensor ids of a snapshot (reads the sensor_id column of every file). */
  List<String> sensorsPresent(Snapshot snap) {
    TreeSet<String> ids = new TreeSet<>();
    StructType readSchema = new StructType().add(snap.getSchema().get(SENSOR_ID));
    Scan scan = snap.getScanBuilder().withReadSchema(readSchema).build();
    try {
      Row scanState = scan.getScanState(engine);
      for (Row file : scanFiles(scan, engine)) {
        readFile(
            engine,
            scanState,
            file,
            (batch, sel) -> {
              ColumnVector v = batch.getColumnVector(batch.getSchema().indexOf(SENSOR_ID));
              for (int i = 0; i < batch.getSize(); i++) {
                if (selected(sel, i) && !v.isNullAt(i)) {
                  ids.add(v.getString(i));
                }
              }
            });
      }
    } catch (RuntimeException e) {
      throw translate(e, "list the sensors");
    }
    return List.copyOf(ids);
  }

  /**
   * Returns the feature columns of a version, in table order.
   *
   * @param version which version
   * @return the feature column names
   */
  public List<String> featureColumns(TableVersion version) {
    return featureColumns(snapshot(version));
  }

  /**
   * Summarises a version in one pass over its files: rows and first/last date per sensor.
   *
   * @param version which version
   * @return the summary
   */
  public TableSummary summary(TableVersion version) {
    Snapshot snap = snapshot(version);
    List<String> features = featureColumns(snap);
    Map<String, long[]> perSensor = new TreeMap<>();
    StructType readSchema =
        new StructType().add(snap.getSchema().get(SENSOR_ID)).add(snap.getSchema().get(DATE));
    Scan scan = snap.getScanBuilder().withReadSchema(readSchema).build();
    List<Row> files;
    try {
      Row scanState = scan.getScanState(engine);
      files = scanFiles(scan, engine);
      for (Row file : files) {
        readFile(
            engine,
            scanState,
            file,
            (batch, sel) -> {
              ColumnVector sid = batch.getColumnVector(batch.getSchema().indexOf(SENSOR_ID));
              ColumnVector date = batch.getColumnVector(batch.getSchema().indexOf(DATE));
              for (int i = 0; i < batch.getSize(); i++) {
                if (selected(sel, i) && !sid.isNullAt(i) && !date.isNullAt(i)) {
                  long[] s =
                      perSensor.computeIfAbsent(
                          sid.getString(i), k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                  int day = date.getInt(i);
                  s[0]++;
                  s[1] = Math.min(s[1], day);
                  s[2] = Math.max(s[2], day);
                }
              }
            });
      }
    } catch (RuntimeException e) {
      throw translate(e, "summarise the table");
    }
    List<TableSummary.Sensor> sensors = new ArrayList<>();
    perSensor.forEach(
        (id, s) ->
            sensors.add(
                new TableSummary.Sensor(
                    id, s[0], LocalDate.ofEpochDay(s[1]), LocalDate.ofEpochDay(s[2]))));
    return new TableSummary(location, snap.getVersion(), features, files.size(), sensors);
  }

  /**
   * Which rows a read keeps: these sensors, dates up to maxDay, optionally only the latest date.
   */
  private record Selection(Set<String> sensors, int maxDay, boolean latestOnly) {}

  /** The rows read, per sensor, with the scan's figures. */
  private record Read(
      long version, Map<String, RowBuffer> buffers, long filesTotal, long filesRead) {
    SensorSlice slice(String sensorId, List<String> cols, RowBuffer buf) {
      return new SensorSlice(
          buf.toRows(sensorId, cols),
          version,
          new ScanStats(filesTotal, filesRead, filesTotal - filesRead),
          buf.dropped());
    }
  }

  private Read read(
      Snapshot snap,
      Predicate filter,
      Selection selection,
      List<String> cols,
      ReadOptions options) {
    long t0 = System.nanoTime();
    StructType tableSchema = snap.getSchema();
    List<String> features = featureColumns(snap);
    StructType readSchema =
        new StructType()
            .add(tableSchema.get(TIMESTAMP))
            .add(tableSchema.get(SENSOR_ID))
            .add(tableSchema.get(DATE));
    for (String c : cols) {
      if (!features.contains(c)) {
        throw DataErrors.unknownColumn(location, snap.getVersion(), c, features);
      }
      readSchema = readSchema.add(tableSchema.get(c));
    }
    List<ScanReport> reports = new ArrayList<>();
    Engine reporting = reportingEngine(reports::add);
    Scan scan = snap.getScanBuilder().withFilter(filter).withReadSchema(readSchema).build();
    Collector collector = new Collector(selection, cols, options.nullPolicy());
    int filesRead = 0;
    try {
      Row scanState = scan.getScanState(reporting);
      List<FileBounds> files = withBounds(scanFiles(scan, reporting), tableSchema);
      if (selection.latestOnly()) {
        files.sort(Comparator.comparingInt(FileBounds::maxDay).reversed());
      }
      for (FileBounds file : files) {
        if (selection.latestOnly() && !collector.mayImprove(file)) {
          continue;
        }
        readFile(reporting, scanState, file.file(), collector::accept);
        filesRead++;
      }
    } catch (RuntimeException e) {
      throw translate(e, "read sensors " + abbreviate(selection.sensors()));
    }
    long total = filesRead;
    for (ScanReport r : reports) {
      total = Math.max(total, r.getScanMetrics().getNumActiveAddFiles());
    }
    LOG.atDebug()
        .addKeyValue(LogKeys.TABLE_VERSION, snap.getVersion())
        .addKeyValue(LogKeys.ROWS, collector.rows)
        .addKeyValue(LogKeys.DURATION_MS, (System.nanoTime() - t0) / 1_000_000)
        .log("read sensor table {}: {} of {} files", location, filesRead, total);
    return new Read(snap.getVersion(), collector.buffers, total, filesRead);
  }

  private static String abbreviate(Set<String> sensors) {
    return sensors.size() == 1 ? sensors.iterator().next() : sensors.size() + " sensors";
  }

  /** Per-file bounds from the add action's stats, for the latest-day planner. */
  private record FileBounds(Row file, String minSensor, String maxSensor, int maxDay) {}

  private List<FileBounds> withBounds(List<Row> files, StructType tableSchema) {
    String sidKey = physicalName(tableSchema.get(SENSOR_ID));
    String dateKey = physicalName(tableSchema.get(DATE));
    List<FileBounds> bounds = new ArrayList<>(files.size());
    for (Row f : files) {
      bounds.add(bounds(f, sidKey, dateKey));
    }
    return bounds;
  }

  private static String physicalName(StructField field) {
    String key = "delta.columnMapping.physicalName";
    return field.getMetadata().contains(key) ? field.getMetadata().getString(key) : field.getName();
  }

  private FileBounds bounds(Row scanFile, String sidKey, String dateKey) {
    Row add = scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
    int statsIndex = add.getSchema().indexOf("stats");
    if (statsIndex < 0 || add.isNullAt(statsIndex)) {
      return new FileBounds(scanFile, null, null, Integer.MAX_VALUE);
    }
    try {
      JsonNode stats = json.readTree(add.getString(statsIndex));
      JsonNode min = stats.path("minValues");
      JsonNode max = stats.path("maxValues");
      String minS = min.path(sidKey).isTextual() ? min.path(sidKey).asText() : null;
      String maxS = max.path(sidKey).isTextual() ? max.path(sidKey).asText() : null;
      int maxDay =
          max.path(dateKey).isTextual()
              ? (int) LocalDate.parse(max.path(dateKey).asText()).toEpochDay()
              : Integer.MAX_VALUE;
      return new FileBounds(scanFile, minS, maxS, maxDay);
    } catch (IOException | RuntimeException e) {
      // unreadable stats: the file has to be read
      return new FileBounds(scanFile, null, null, Integer.MAX_VALUE);
    }
  }

  /** Turns selected rows into per-sensor buffers, applying the null policy. */
  private final class Collector {
    private final Selection selection;
    private final List<String> cols;
    private final NullPolicy policy;
    private final Map<String, RowBuffer> buffers = new HashMap<>();
    private final Map<String, Integer> bestDay = new HashMap<>();
    private final double[] scratch;
    private final NavigableSet<String> sorted;
    private long rows;

    Collector(Selection selection, List<String> cols, NullPolicy policy) {
      this.selection = selection;
      this.cols = cols;
      this.policy = policy;
      this.sorted = new TreeSet<>(selection.sensors());
      this.scratch = new double[cols.size()];
    }

    /** Whether a file may hold a row newer than (or as new as) what each of its sensors has. */
    boolean mayImprove(FileBounds b) {
      if (b.minSensor() == null
          || b.maxSensor() == null
          || b.minSensor().compareTo(b.maxSensor()) > 0) {
        return true;
      }
      for (String s : sorted.subSet(b.minSensor(), true, b.maxSensor(), true)) {
        Integer best = bestDay.get(s);
        if (best == null || best <= b.maxDay()) {
          return true;
        }
      }
      return false;
    }

    void accept(ColumnarBatch batch, Optional<ColumnVector> sel) {
      StructType s = batch.getSchema();
      ColumnVector ts = batch.getColumnVector(s.indexOf(TIMESTAMP));
      ColumnVector sid = batch.getColumnVector(s.indexOf(SENSOR_ID));
      ColumnVector date = batch.getColumnVector(s.indexOf(DATE));
      ColumnVector[] f = new ColumnVector[cols.size()];
      for (int c = 0; c < f.length; c++) {
        f[c] = batch.getColumnVector(s.indexOf(cols.get(c)));
      }
      String single =
          selection.sensors().size() == 1 ? selection.sensors().iterator().next() : null;
      for (int i = 0; i < batch.getSize(); i++) {
        if (!selected(sel, i) || date.isNullAt(i) || sid.isNullAt(i) || ts.isNullAt(i)) {
          continue;
        }
        int day = date.getInt(i);
        if (day > selection.maxDay()) {
          continue;
        }
        String sensor = sid.getString(i);
        if (single != null ? !single.equals(sensor) : !selection.sensors().contains(sensor)) {
          continue;
        }
        RowBuffer buf = buffers.computeIfAbsent(sensor, k -> new RowBuffer(cols.size()));
        if (selection.latestOnly()) {
          Integer best = bestDay.get(sensor);
          if (best == null || day > best) {
            buf.clear();
            bestDay.put(sensor, day);
          } else if (day < best) {
            continue;
          }
        }
        long micros = ts.getLong(i);
        int missing = -1;
        for (int c = 0; c < f.length; c++) {
          scratch[c] = f[c].isNullAt(i) ? Double.NaN : f[c].getDouble(i);
          if (missing < 0 && Double.isNaN(scratch[c])) {
            missing = c;
          }
        }
        if (missing >= 0) {
          if (policy == NullPolicy.FAIL) {
            throw DataErrors.nullFeature(sensor, micros, cols.get(missing));
          }
          buf.drop();
          continue;
        }
        buf.add(micros, day);
        for (int c = 0; c < f.length; c++) {
          buf.setFeature(c, scratch[c]);
        }
        rows++;
      }
    }
  }

  private static boolean selected(Optional<ColumnVector> sel, int i) {
    return sel.isEmpty() || (!sel.get().isNullAt(i) && sel.get().getBoolean(i));
  }

  /** Called with each batch of a file, in the read schema, and its selection vector. */
  private interface BatchVisitor {
    void visit(ColumnarBatch batch, Optional<ColumnVector> selection);
  }

  private Engine reportingEngine(Consumer<ScanReport> sink) {
    // DefaultEngine's constructor is protected: a subclass adds the metrics reporter
    return new DefaultEngine(fileIO) {
      @Override
      public List<MetricsReporter> getMetricsReporters() {
        return List.of(
            report -> {
              if (report instanceof ScanReport scan) {
                sink.accept(scan);
              }
            });
      }
    };
  }

  /** The scan files (with stats), materialised; the kernel iterators are closed on return. */
  private static List<Row> scanFiles(Scan scan, Engine e) {
    List<Row> out = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(e, true)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            out.add(rows.next());
          }
        }
      }
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    return out;
  }

  private static void readFile(Engine e, Row scanState, Row scanFile, BatchVisitor visitor) {
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
    try (CloseableIterator<FileReadResult> data =
            e.getParquetHandler().readParquetFiles(Iterators.of(file), physical, Optional.empty());
        CloseableIterator<FilteredColumnarBatch> logical =
            Scan.transformPhysicalData(e, scanState, scanFile, data.map(FileReadResult::getData))) {
      while (logical.hasNext()) {
        FilteredColumnarBatch b = logical.next(); // selection vector set when the file has a DV
        visitor.visit(b.getData(), b.getSelectionVector());
      }
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  // ------------------------------------------------------------------ writes

  /**
   * Creates the table (version 0, no rows).
   *
   * @param featureColumns the feature columns
   * @param timestampType the timestamp column's type
   * @param properties Delta table properties, e.g. {@code delta.enableDeletionVectors}
   * @return the version created (0)
   */
  public long create(
      List<String> featureColumns, DataType timestampType, Map<String, String> properties) {
    StructType schema = schema(featureColumns, timestampType);
    try {
      TransactionBuilder b =
          table()
              .createTransactionBuilder(engine, ENGINE_INFO, Operation.CREATE_TABLE)
              .withSchema(engine, schema);
      if (!properties.isEmpty()) {
        b = b.withTableProperties(engine, properties);
      }
      return commit(b.build(engine), List.of()).getVersion();
    } catch (io.delta.kernel.exceptions.TableAlreadyExistsException e) {
      throw new MlopsException(
          "Delta table '" + location + "' already exists; open it instead of creating it", e);
    } catch (RuntimeException e) {
      throw translate(e, "create the table");
    }
  }

  /**
   * Replaces the rows of every (sensor_id, date) in the batch by the batch's rows, in one commit.
   *
   * @param batch rows of one or more sensors
   * @return what was committed
   */
  public UpsertResult upsert(List<SensorRows> batch) {
    long t0 = System.nanoTime();
    Set<String> keys = new HashSet<>();
    TreeSet<String> sensors = new TreeSet<>();
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    long newRows = 0;
    for (SensorRows r : batch) {
      DataErrors.checkSensorId(r.sensorId());
      DataErrors.checkColumns(r.featureColumns());
      for (int d : r.epochDays()) {
        keys.add(key(r.sensorId(), d));
        minDay = Math.min(minDay, d);
        maxDay = Math.max(maxDay, d);
      }
      if (r.size() > 0) {
        sensors.add(r.sensorId());
      }
      newRows += r.size();
    }
    if (newRows == 0) {
      throw new IllegalArgumentException("the batch holds no rows");
    }
    try {
      // Kernel's conflict checker only catches delete/delete conflicts, not a concurrent append
      // of the same keys: never silently rebase an upsert.
      Transaction txn =
          table()
              .createTransactionBuilder(engine, ENGINE_INFO, Operation.WRITE)
              .withMaxRetries(0)
              .build(engine);
      Snapshot snap = table().getSnapshotAsOfVersion(engine, txn.getReadTableVersion());
      List<String> features = featureColumns(snap);
      for (SensorRows r : batch) {
        for (String c : r.featureColumns()) {
          if (!features.contains(c)) {
            throw DataErrors.unknownColumn(location, snap.getVersion(), c, features);
          }
        }
      }
      Row txnState = txn.getTransactionState(engine);
      StructType schema = snap.getSchema();
      Predicate candidates =
          new And(
              new And(
                  new Predicate(">=", new Column(DATE), Literal.ofDate(minDay)),
                  new Predicate("<=", new Column(DATE), Literal.ofDate(maxDay))),
              new And(
                  new Predicate(">=", new Column(SENSOR_ID), Literal.ofString(sensors.first())),
                  new Predicate("<=", new Column(SENSOR_ID), Literal.ofString(sensors.last()))));
      Scan scan = snap.getScanBuilder().withFilter(candidates).build();
      Row scanState = scan.getScanState(engine);
      List<Row> actions = new ArrayList<>();
      List<RowBuffer> survivors = new ArrayList<>();
      int removed = 0;
      long replaced = 0;
      long now = clock.millis();
      for (Row scanFile : scanFiles(scan, engine)) {
        RowBuffer kept = new RowBuffer(features.size());
        long[] hit = {0};
        readFile(
            engine,
            scanState,
            scanFile,
            (b, sel) -> hit[0] += collectSurvivors(b, sel, features, keys, kept));
        if (hit[0] == 0) {
          continue; // overlaps by min/max only
        }
        replaced += hit[0];
        removed++;
        AddFile add = new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
        actions.add(
            SingleAction.createRemoveFileSingleAction(add.toRemoveFileRow(true, Optional.of(now))));
        if (kept.size() > 0) {
          survivors.add(kept);
        }
      }
      List<Row> rewritten = writeFiles(txnState, schema, features, survivors);
      List<Row> added = writeFiles(txnState, schema, features, newFiles(batch, features));
      actions.addAll(rewritten);
      actions.addAll(added);
      TransactionCommitResult r = commit(txn, actions);
      LOG.atInfo()
          .addKeyValue(LogKeys.TABLE_VERSION, r.getVersion())
          .addKeyValue(LogKeys.ROWS, newRows)
          .addKeyValue(LogKeys.DURATION_MS, (System.nanoTime() - t0) / 1_000_000)
          .log(
              "upserted {} sensors into {}: {} files removed, {} rewritten, {} added",
              sensors.size(),
              location,
              removed,
              rewritten.size(),
              added.size());
      return new UpsertResult(
          r.getVersion(), removed, rewritten.size(), added.size(), replaced, newRows);
    } catch (RuntimeException e) {
      throw translate(e, "upsert " + sensors.size() + " sensors");
    }
  }

  private static String key(String sensor, int day) {
    return sensor + '\u0000' + day;
  }

  /** Copies the rows whose key is not replaced into {@code kept}; returns how many were. */
  private static long collectSurvivors(
      ColumnarBatch batch,
      Optional<ColumnVector> sel,
      List<String> features,
      Set<String> keys,
      RowBuffer kept) {
    StructType s = batch.getSchema();
    ColumnVector ts = batch.getColumnVector(s.indexOf(TIMESTAMP));
    ColumnVector sid = batch.getColumnVector(s.indexOf(SENSOR_ID));
    ColumnVector date = batch.getColumnVector(s.indexOf(DATE));
    ColumnVector[] f = new ColumnVector[features.size()];
    for (int c = 0; c < f.length; c++) {
      f[c] = batch.getColumnVector(s.indexOf(features.get(c)));
    }
    long hits = 0;
    for (int i = 0; i < batch.getSize(); i++) {
      if (!selected(sel, i)) {
        continue;
      }
      String sensor = sid.getString(i);
      int day = date.getInt(i);
      if (keys.contains(key(sensor, day))) {
        hits++;
        continue;
      }
      kept.add(sensor, ts.getLong(i), day);
      for (int c = 0; c < f.length; c++) {
        kept.setFeature(c, f[c].isNullAt(i) ? Double.NaN : f[c].getDouble(i));
      }
    }
    return hits;
  }

  /** The batch's rows as files of up to {@link #SENSORS_PER_FILE} sensors, in table columns. */
  private static List<RowBuffer> newFiles(List<SensorRows> batch, List<String> features) {
    TreeMap<String, List<SensorRows>> bySensor = new TreeMap<>();
    for (SensorRows r : batch) {
      bySensor.computeIfAbsent(r.sensorId(), k -> new ArrayList<>()).add(r);
    }
    List<RowBuffer> files = new ArrayList<>();
    RowBuffer current = null;
    int inCurrent = 0;
    for (List<SensorRows> rowsOfSensor : bySensor.values()) {
      if (current == null || inCurrent == SENSORS_PER_FILE) {
        current = new RowBuffer(features.size());
        files.add(current);
        inCurrent = 0;
      }
      inCurrent++;
      for (SensorRows r : rowsOfSensor) {
        int[] index = new int[features.size()];
        for (int c = 0; c < index.length; c++) {
          index[c] = r.featureColumns().indexOf(features.get(c));
        }
        for (int i = 0; i < r.size(); i++) {
          current.add(r.sensorId(), r.timestampMicros()[i], r.epochDays()[i]);
          for (int c = 0; c < index.length; c++) {
            current.setFeature(c, index[c] < 0 ? Double.NaN : r.features()[index[c]][i]);
          }
        }
      }
    }
    return files;
  }

  /**
   * One Parquet file per buffer: transformLogicalData, writeParquetFiles, generateAppendActions.
   */
  private List<Row> writeFiles(
      Row txnState, StructType schema, List<String> features, List<RowBuffer> files) {
    Map<String, Literal> noPartition = Map.of();
    DataWriteContext ctx = Transaction.getWriteContext(engine, txnState, noPartition);
    List<Row> actions = new ArrayList<>();
    for (RowBuffer buf : files) {
      if (buf.size() == 0) {
        continue;
      }
      FilteredColumnarBatch batch =
          new FilteredColumnarBatch(toBatch(schema, features, buf), Optional.empty());
      CloseableIterator<FilteredColumnarBatch> physical =
          Transaction.transformLogicalData(engine, txnState, Iterators.of(batch), noPartition);
      try (CloseableIterator<DataFileStatus> written =
              engine
                  .getParquetHandler()
                  .writeParquetFiles(
                      ctx.getTargetDirectory(), physical, ctx.getStatisticsColumns());
          CloseableIterator<Row> adds =
              Transaction.generateAppendActions(engine, txnState, written, ctx)) {
        while (adds.hasNext()) {
          actions.add(adds.next());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return actions;
  }

  private static ColumnarBatch toBatch(StructType schema, List<String> features, RowBuffer buf) {
    int[] order = buf.sensorTimeOrder();
    int n = order.length;
    long[] ts = new long[n];
    String[] sid = new String[n];
    int[] day = new int[n];
    double[][] f = new double[features.size()][n];
    for (int i = 0; i < n; i++) {
      int j = order[i];
      ts[i] = buf.timestamp(j);
      sid[i] = buf.sensorId(j);
      day[i] = buf.day(j);
      for (int c = 0; c < f.length; c++) {
        f[c][i] = buf.feature(c, j);
      }
    }
    ColumnVector[] vectors = new ColumnVector[schema.length()];
    for (int k = 0; k < vectors.length; k++) {
      StructField field = schema.at(k);
      String name = field.getName();
      if (name.equals(TIMESTAMP)) {
        vectors[k] = ArrayBatch.longs(field.getDataType(), ts);
      } else if (name.equals(SENSOR_ID)) {
        vectors[k] = ArrayBatch.strings(sid);
      } else if (name.equals(DATE)) {
        vectors[k] = ArrayBatch.ints(DateType.DATE, day);
      } else {
        vectors[k] = ArrayBatch.doublesNaNAsNull(f[features.indexOf(name)]);
      }
    }
    return new ArrayBatch(schema, vectors, n);
  }

  private TransactionCommitResult commit(Transaction txn, List<Row> actions) {
    TransactionCommitResult r =
        txn.commit(engine, CloseableIterable.inMemoryIterable(Iterators.of(actions)));
    for (PostCommitHook hook : r.getPostCommitHooks()) {
      // checkpoints, .crc checksums, log compaction: kernel leaves them to us. The commit is
      // already durable, so a failing hook must not fail the write.
      try {
        hook.threadSafeInvoke(engine);
      } catch (IOException | RuntimeException e) {
        LOG.atWarn()
            .addKeyValue(LogKeys.TABLE_VERSION, r.getVersion())
            .setCause(e)
            .log(
                "post-commit hook {} failed on {}; the commit succeeded", hook.getType(), location);
      }
    }
    return r;
  }
}
