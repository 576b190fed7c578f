package io.mlops4j.data;

import static io.mlops4j.data.TestRows.COLS;
import static io.mlops4j.data.TestRows.D0;
import static io.mlops4j.data.TestRows.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.data.TransactionStateRow;
import io.delta.kernel.internal.deletionvectors.Base85Codec;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.internal.ArrayBatch;
import io.mlops4j.data.internal.DeltaSensorTable;
import io.mlops4j.data.internal.NioFileIO;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/**
 * Tables with what Spark/Synapse writes and this module does not: a checkpoint, a deletion vector,
 * a feature column added later, timestamp_ntz, and a protocol this reader lacks.
 *
 * <p>The fixtures are built in {@code @TempDir}: data files by delta-kernel, then the commits
 * kernel cannot write (a deletion vector, a schema change, an unknown feature) by hand, as JSON
 * lines in the Delta protocol's format, the way Spark would write them.
 */
class SparkLikeTableIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static void writeCommit(Path table, long version, String... actions) throws Exception {
    Files.writeString(
        table.resolve(String.format("_delta_log/%020d.json", version)),
        String.join("\n", actions) + "\n");
  }

  @Test
  void readsCheckpointDeletionVectorAddedColumnAndNulls() throws Exception {
    Path path = dir.resolve("spark");
    DeltaSensorTable delta = DeltaSensorTable.local(path, Clock.systemUTC());
    delta.create(COLS, TimestampType.TIMESTAMP, Map.of("delta.enableDeletionVectors", "true"));
    SensorTable t = SensorTable.open(path);
    for (int d = 0; d < 11; d++) { // checkpoint at version 10 (delta.checkpointInterval)
      t.upsert(List.of(day("a", D0.plusDays(d)), day("b", D0.plusDays(d))));
    }
    try (Stream<Path> log = Files.list(path.resolve("_delta_log"))) {
      assertThat(log.map(p -> p.getFileName().toString()))
          .contains("00000000000000000010.checkpoint.parquet");
    }

    // v12: an inline deletion vector over the day-10 file (rows 0 and 5 of sensor a)
    String addLine =
        Files.readAllLines(path.resolve("_delta_log/00000000000000000011.json")).stream()
            .filter(l -> l.startsWith("{\"add\""))
            .findFirst()
            .orElseThrow();
    ObjectNode add = (ObjectNode) JSON.readTree(addLine).get("add");
    RoaringBitmap bitmap = RoaringBitmap.bitmapOf(0, 5);
    ByteBuffer buf =
        ByteBuffer.allocate(12 + bitmap.serializedSizeInBytes()).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(1681511376).putInt(1).putInt(bitmap.serializedSizeInBytes()); // RoaringBitmapArray
    bitmap.serialize(buf);
    byte[] dv = buf.array();
    long now = System.currentTimeMillis();
    ObjectNode withDv = add.deepCopy();
    withDv.put("modificationTime", now);
    withDv
        .putObject("deletionVector")
        .put("storageType", "i")
        .put("pathOrInlineDv", Base85Codec.encodeBytes(dv))
        .put("sizeInBytes", dv.length)
        .put("cardinality", 2);
    ObjectNode remove = JSON.createObjectNode();
    remove
        .putObject("remove")
        .put("path", add.get("path").asText())
        .put("deletionTimestamp", now)
        .put("dataChange", true)
        .put("extendedFileMetadata", true)
        .put("size", add.get("size").asLong())
        .putObject("partitionValues");
    writeCommit(
        path,
        12,
        JSON.writeValueAsString(remove),
        "{\"add\":" + JSON.writeValueAsString(withDv) + "}");

    // v13: Spark's ALTER TABLE ADD COLUMNS humidity: a metaData action with the wider schema
    String metaLine =
        Files.readAllLines(path.resolve("_delta_log/00000000000000000000.json")).stream()
            .filter(l -> l.startsWith("{\"metaData\""))
            .findFirst()
            .orElseThrow();
    ObjectNode meta = (ObjectNode) JSON.readTree(metaLine);
    ObjectNode md = (ObjectNode) meta.get("metaData");
    ObjectNode schema = (ObjectNode) JSON.readTree(md.get("schemaString").asText());
    ((ArrayNode) schema.get("fields"))
        .addObject()
        .put("name", "humidity")
        .put("type", "double")
        .put("nullable", true)
        .putObject("metadata");
    md.put("schemaString", JSON.writeValueAsString(schema));
    writeCommit(path, 13, JSON.writeValueAsString(meta));

    // v14: days 11-12 of sensor a written with the new column (kernel writes the wider schema)
    List<String> wide = List.of("temperature", "pressure", "humidity");
    t.upsert(List.of(day("a", D0.plusDays(11), wide, 0), day("a", D0.plusDays(12), wide, 0)));

    SensorTable fresh = SensorTable.open(path);
    assertThat(fresh.version()).isEqualTo(14);
    SensorSlice a = fresh.trainingSlice("a", D0.plusDays(10), COLS);
    assertThat(a.rows().size()).isEqualTo(11 * 24 - 2); // two rows deleted by the DV
    long[] ts = a.rows().timestampMicros();
    long day10 = D0.plusDays(10).toEpochDay() * 86_400_000_000L;
    assertThat(ts).doesNotContain(day10, day10 + 5 * 3_600_000_000L);
    assertThat(fresh.trainingSlice("b", D0.plusDays(10), COLS).rows().size()).isEqualTo(11 * 24);

    // older rows read humidity as null: dropped and counted, or a failure naming them
    SensorSlice humid = fresh.trainingSlice("a", D0.plusDays(12), List.of("humidity"));
    assertThat(humid.rows().size()).isEqualTo(48);
    assertThat(humid.droppedRows()).isEqualTo(11 * 24 - 2);
    assertThatThrownBy(
            () ->
                fresh.trainingSlice(
                    "a",
                    D0.plusDays(12),
                    List.of("humidity"),
                    ReadOptions.defaults().withNullPolicy(NullPolicy.FAIL)))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("sensor 'a' has a null 'humidity' at 2024-01-");
    assertThat(fresh.latestDay("a", wide).rows().date(0)).isEqualTo(D0.plusDays(12));
    assertThat(
            fresh
                .latestDays(Set.of("a", "b"), COLS, ReadOptions.defaults())
                .get("b")
                .rows()
                .date(0))
        .isEqualTo(D0.plusDays(10));

    // an upsert over the file carrying the DV keeps the survivors and drops the deleted rows
    t.upsert(List.of(day("b", D0.plusDays(10), COLS, 3)));
    assertThat(SensorTable.open(path).trainingSlice("a", D0.plusDays(10), COLS).rows().size())
        .isEqualTo(11 * 24 - 2);
  }

  @Test
  void timestampNtzIsReadAsUtcMicros() {
    Path path = dir.resolve("ntz");
    DeltaSensorTable.local(path, Clock.systemUTC())
        .create(COLS, TimestampNTZType.TIMESTAMP_NTZ, Map.of());
    SensorTable t = SensorTable.open(path);
    SensorRows written = day("a", D0);
    t.upsert(List.of(written, day("a", D0.plusDays(1))));

    SensorSlice slice = t.trainingSlice("a", D0, COLS);
    assertThat(slice.rows().timestampMicros()).containsExactly(written.timestampMicros());
    assertThat(slice.rows().timestamp(1)).hasToString("2024-01-01T01:00:00Z");
  }

  /**
   * A table with column mapping in name mode, as Spark writes with {@code
   * delta.columnMapping.mode=name}: its Parquet files use physical column names ({@code
   * col-<uuid>}). Kernel refuses logical writes to such tables, so the fixture writes the batch in
   * the physical schema directly, as Spark does; the module must read it through the mapping and
   * skip files on the physical-name statistics.
   */
  @Test
  void readsColumnMappedTableThroughPhysicalNames() throws Exception {
    Path path = dir.resolve("column-mapping");
    DeltaSensorTable.local(path, Clock.systemUTC())
        .create(COLS, TimestampType.TIMESTAMP, Map.of("delta.columnMapping.mode", "name"));
    Engine engine = DefaultEngine.create(new NioFileIO(new org.apache.hadoop.conf.Configuration()));
    Table table = Table.forPath(engine, path.toUri().toString());
    Transaction txn =
        table.createTransactionBuilder(engine, "spark-like-fixture", Operation.WRITE).build(engine);
    Row state = txn.getTransactionState(engine);
    StructType physical = TransactionStateRow.getPhysicalSchema(state);
    assertThat(physical.fieldNames()).allMatch(name -> name.startsWith("col-"));
    SensorRows a = day("a", D0);
    SensorRows b = day("b", D0);
    int n = a.size() + b.size();
    long[] micros = new long[n];
    String[] sensors = new String[n];
    int[] days = new int[n];
    double[][] features = new double[COLS.size()][n];
    int i = 0;
    for (SensorRows rows : List.of(a, b)) {
      for (int r = 0; r < rows.size(); r++, i++) {
        micros[i] = rows.timestampMicros()[r];
        sensors[i] = rows.sensorId();
        days[i] = rows.epochDays()[r];
        for (int c = 0; c < COLS.size(); c++) {
          features[c][i] = rows.features()[c][r];
        }
      }
    }
    ColumnVector[] vectors = new ColumnVector[3 + COLS.size()];
    vectors[0] = ArrayBatch.longs(TimestampType.TIMESTAMP, micros);
    vectors[1] = ArrayBatch.strings(sensors);
    vectors[2] = ArrayBatch.ints(DateType.DATE, days);
    for (int c = 0; c < COLS.size(); c++) {
      vectors[3 + c] = ArrayBatch.doubles(features[c]);
    }
    FilteredColumnarBatch batch =
        new FilteredColumnarBatch(new ArrayBatch(physical, vectors, n), Optional.empty());
    DataWriteContext context = Transaction.getWriteContext(engine, state, Map.of());
    List<Row> actions = new ArrayList<>();
    try (CloseableIterator<DataFileStatus> files =
            engine
                .getParquetHandler()
                .writeParquetFiles(
                    context.getTargetDirectory(),
                    Utils.singletonCloseableIterator(batch),
                    context.getStatisticsColumns());
        CloseableIterator<Row> adds =
            Transaction.generateAppendActions(engine, state, files, context)) {
      adds.forEachRemaining(actions::add);
    }
    txn.commit(
        engine, CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator())));

    SensorSlice slice = SensorTable.open(path).trainingSlice("b", D0, COLS);

    assertThat(slice.rows().timestampMicros()).containsExactly(b.timestampMicros());
    assertThat(slice.rows().feature("pressure")).containsExactly(b.feature("pressure"));
    assertThat(slice.stats().filesRead()).isEqualTo(1);
    assertThatThrownBy(() -> SensorTable.open(path).trainingSlice("zzz", D0, COLS))
        .isInstanceOf(DataNotFoundException.class);
  }

  @Test
  void unsupportedTableFeatureNamesTheFeature() throws Exception {
    Path path = dir.resolve("feature");
    SensorTable t = SensorTable.create(path, COLS);
    t.upsert(List.of(day("a", D0)));
    writeCommit(
        path,
        2,
        "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
            + "\"readerFeatures\":[\"madeUpFeature\"],\"writerFeatures\":[\"madeUpFeature\"]}}");

    assertThatThrownBy(() -> SensorTable.open(path).trainingSlice("a", D0, COLS))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("requires table feature(s) [madeUpFeature]")
        .hasMessageContaining("delta-kernel 4.4.0");
    // time travel to before the protocol change still reads
    assertThat(
            SensorTable.open(path)
                .trainingSlice(
                    "a", D0, COLS, ReadOptions.defaults().withVersion(TableVersion.of(1)))
                .rows()
                .size())
        .isEqualTo(24);
  }

  @Test
  void unsupportedReaderVersionIsAClearError() throws Exception {
    Path path = dir.resolve("reader4");
    SensorTable t = SensorTable.create(path, COLS);
    t.upsert(List.of(day("a", D0)));
    writeCommit(
        path,
        2,
        "{\"protocol\":{\"minReaderVersion\":4,\"minWriterVersion\":7,"
            + "\"readerFeatures\":[],\"writerFeatures\":[]}}");
    assertThatThrownBy(() -> SensorTable.open(path).version())
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("uses a protocol this reader (delta-kernel 4.4.0) does not support");
  }
}
