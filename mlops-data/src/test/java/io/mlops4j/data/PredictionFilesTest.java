package io.mlops4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionFilesTest {
  private static final CircuitRef C001 = CircuitRef.parse("P001/C001");
  private static final CircuitRef C002 = CircuitRef.parse("P001/C002");
  private static final LocalDate DAY = LocalDate.parse("2025-12-10");

  @TempDir Path root;

  @Test
  void roundTripKeepsEveryFieldWithTimestampsToTheMicrosecond() {
    PredictionFiles files = new PredictionFiles(root);
    List<Prediction> rows = rows(C001, DAY, 4);

    Path file = files.write(C001, DAY, rows);

    assertThat(files.read(file)).containsExactlyElementsOf(rows);
    assertThat(files.read(file).get(3).forecastTimestamp())
        .isEqualTo(Instant.parse("2025-12-11T00:45:00.000123Z"));
  }

  @Test
  void writesTheDayFileUnderPlantAndCircuitAndNothingElse() throws IOException {
    Path file = new PredictionFiles(root).write(C001, DAY, rows(C001, DAY, 2));

    assertThat(file).isEqualTo(root.resolve("predictions/P001/C001/2025-12-10.parquet"));
    assertThat(file).isRegularFile();
    assertThat(names(file.getParent())).containsExactly("2025-12-10.parquet");
  }

  @Test
  void emptyRowListWritesAFileWithNoRows() {
    PredictionFiles files = new PredictionFiles(root);

    Path file = files.write(C001, DAY, List.of());

    assertThat(files.read(file)).isEmpty();
    assertThat(files.listDays(C001)).containsExactly(DAY);
  }

  @Test
  void rewritingADayReplacesTheWholeFile() {
    PredictionFiles files = new PredictionFiles(root);
    files.write(C001, DAY, rows(C001, DAY, 5));
    List<Prediction> rescored = rows(C001, DAY, 2, 7);

    Path file = files.write(C001, DAY, rescored);

    assertThat(files.read(file)).containsExactlyElementsOf(rescored);
  }

  @Test
  void writeFailingMidwayLeavesNoTemporaryFileAndThePreviousFileIntact() throws IOException {
    PredictionFiles files = new PredictionFiles(root);
    List<Prediction> previous = rows(C001, DAY, 3);
    Path file = files.write(C001, DAY, previous);
    List<Prediction> fresh = rows(C001, DAY, 4, 9);
    List<Prediction> failingAfterTwo =
        new AbstractList<>() {
          @Override
          public Prediction get(int index) {
            if (index == 2) {
              throw new IllegalStateException("scoring failed at row 2");
            }
            return fresh.get(index);
          }

          @Override
          public int size() {
            return fresh.size();
          }
        };

    assertThatThrownBy(() -> files.write(C001, DAY, failingAfterTwo))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scoring failed at row 2");

    assertThat(files.read(file)).containsExactlyElementsOf(previous);
    assertThat(names(file.getParent())).containsExactly("2025-12-10.parquet");
  }

  @Test
  void rejectsRowsOfAnotherCircuitAndKeepsThePreviousFile() throws IOException {
    PredictionFiles files = new PredictionFiles(root);
    List<Prediction> previous = rows(C001, DAY, 2);
    Path file = files.write(C001, DAY, previous);
    List<Prediction> mixed = new ArrayList<>(rows(C001, DAY, 1));
    mixed.addAll(rows(C002, DAY, 1));

    assertThatThrownBy(() -> files.write(C001, DAY, mixed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 is a prediction for circuit P001/C002, not P001/C001");

    assertThat(files.read(file)).containsExactlyElementsOf(previous);
    assertThat(names(file.getParent())).containsExactly("2025-12-10.parquet");
  }

  @Test
  void readsARangeInDayOrderSkippingMissingDaysAndDaysOutside() {
    PredictionFiles files = new PredictionFiles(root);
    LocalDate d10 = LocalDate.parse("2025-12-10");
    LocalDate d12 = LocalDate.parse("2025-12-12");
    LocalDate d13 = LocalDate.parse("2025-12-13");
    LocalDate d09 = LocalDate.parse("2025-12-09");
    files.write(C001, d12, rows(C001, d12, 2));
    files.write(C001, d10, rows(C001, d10, 3));
    files.write(C001, d13, rows(C001, d13, 1));
    files.write(C001, d09, rows(C001, d09, 1));
    files.write(C002, d10, rows(C002, d10, 1));

    List<Prediction> read = files.read(C001, d10, d12);

    List<Prediction> expected = new ArrayList<>(rows(C001, d10, 3));
    expected.addAll(rows(C001, d12, 2));
    assertThat(read).containsExactlyElementsOf(expected);
    assertThat(files.read(C001, d10, d10)).containsExactlyElementsOf(rows(C001, d10, 3));
    assertThat(files.read(C001, LocalDate.parse("2025-12-11"), LocalDate.parse("2025-12-11")))
        .isEmpty();
  }

  @Test
  void rejectsARangeThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> new PredictionFiles(root).read(C001, DAY, DAY.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("to (2025-12-09) is before from (2025-12-10)");
  }

  @Test
  void listDaysIgnoresTemporaryAndOtherFiles() throws IOException {
    PredictionFiles files = new PredictionFiles(root);
    files.write(C001, LocalDate.parse("2025-12-12"), rows(C001, DAY, 1));
    files.write(C001, DAY, rows(C001, DAY, 1));
    Path directory = root.resolve("predictions/P001/C001");
    Files.write(directory.resolve(".2025-12-11.parquet.tmp-1234"), new byte[] {1, 2, 3});
    Files.write(directory.resolve("notes.txt"), new byte[] {1});
    Files.write(directory.resolve("2025-12-13.parquet.bak"), new byte[] {1});
    Files.write(directory.resolve("2025-13-40.parquet"), new byte[] {1});
    Files.createDirectory(directory.resolve("2025-12-14.parquet"));

    assertThat(files.listDays(C001)).containsExactly(DAY, LocalDate.parse("2025-12-12"));
    assertThat(files.read(C001, DAY, LocalDate.parse("2025-12-14"))).hasSize(2);
  }

  @Test
  void listDaysOfACircuitWithoutPredictionsIsEmpty() {
    assertThat(new PredictionFiles(root).listDays(C002)).isEmpty();
    assertThat(new PredictionFiles(root).read(C002, DAY, DAY.plusDays(30))).isEmpty();
  }

  @Test
  void readingRandomBytesFailsNamingTheFile() throws IOException {
    PredictionFiles files = new PredictionFiles(root);
    Path file = files.path(C001, DAY);
    Files.createDirectories(file.getParent());
    byte[] noise = new byte[2048];
    new Random(7).nextBytes(noise);
    Files.write(file, noise);

    assertThatThrownBy(() -> files.read(file))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("Prediction file '" + file + "'")
        .hasMessageContaining("is not a readable Parquet file");
    assertThatThrownBy(() -> files.read(C001, DAY, DAY))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void readingAMissingFileFailsNamingTheFile() {
    Path file = root.resolve("predictions/P001/C001/2025-01-01.parquet");

    assertThatThrownBy(() -> new PredictionFiles(root).read(file))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("Prediction file '" + file + "' does not exist");
  }

  @Test
  void readingAParquetFileWithAnotherSchemaNamesTheFileAndEveryWrongColumn() throws IOException {
    MessageType foreign =
        Types.buildMessage()
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("plant_id")
            .required(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
            .named("forecast_timestamp")
            .required(PrimitiveTypeName.FLOAT)
            .named("prediction")
            .named("other");
    Path file = root.resolve("other.parquet");
    writeGroups(
        file,
        foreign,
        g ->
            g.append("plant_id", "P001")
                .append("forecast_timestamp", 0L)
                .append("prediction", 1.0f));

    assertThatThrownBy(() -> new PredictionFiles(root).read(file))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("Prediction file '" + file + "' does not have the prediction columns")
        .hasMessageContaining(
            "column forecast_timestamp is required INT64 (TIMESTAMP(MILLIS,true)); expected"
                + " required INT64 (TIMESTAMP(MICROS,true))")
        .hasMessageContaining("column prediction is required FLOAT; expected required DOUBLE")
        .hasMessageContaining("column circuit_id is missing; expected required BINARY (STRING)")
        .hasMessageContaining("column scored_at is missing");
  }

  @Test
  void readsAFileAnotherWriterWroteWithOptionalAndExtraColumns() throws IOException {
    Path file = root.resolve("pandas-like.parquet");
    writeGroups(file, optionalSchemaWithExtraColumn(), g -> fill(g, 3));

    List<Prediction> rows = new PredictionFiles(root).read(file);

    assertThat(rows)
        .containsExactly(
            new Prediction(
                C001,
                "S1",
                Instant.parse("2025-12-10T01:00:00Z"),
                3,
                2.5,
                "lstm_P001_C001",
                4,
                17,
                Instant.parse("2025-12-10T06:00:00Z")));
  }

  @Test
  void readingAnInvalidRowNamesTheFileRowAndField() throws IOException {
    Path file = root.resolve("bad-row.parquet");
    writeGroups(file, optionalSchemaWithExtraColumn(), g -> fill(g, 0));

    assertThatThrownBy(() -> new PredictionFiles(root).read(file))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("Prediction file '" + file + "' row 0 is invalid: horizonStep is 0");
  }

  @Test
  void readingANullValueNamesTheFileRowAndColumn() throws IOException {
    Path file = root.resolve("null.parquet");
    writeGroups(file, optionalSchemaWithExtraColumn(), g -> g.append("plant_id", "P001"));

    assertThatThrownBy(() -> new PredictionFiles(root).read(file))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining(
            "Prediction file '" + file + "' row 0 has no value in column circuit_id");
  }

  @Test
  void readingARangeRejectsRowsOfAnotherCircuitFiledUnderThisOne() throws IOException {
    PredictionFiles files = new PredictionFiles(root);
    Path other = files.write(C002, DAY, rows(C002, DAY, 1));
    Path misplaced = files.path(C001, DAY);
    Files.createDirectories(misplaced.getParent());
    Files.copy(other, misplaced);

    assertThatThrownBy(() -> files.read(C001, DAY, DAY))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining(
            "Prediction file '"
                + misplaced
                + "' row 0 is for circuit P001/C002, but the file is filed under circuit"
                + " P001/C001");
  }

  @Test
  void writtenFileHasExactlyThePredictionColumnsSnappyCompressed() throws IOException {
    Path file = new PredictionFiles(root).write(C001, DAY, rows(C001, DAY, 3));

    try (ParquetFileReader reader = open(file)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      assertThat(schema.getFields().stream().map(PredictionFilesTest::describe))
          .containsExactly(
              "plant_id required BINARY STRING",
              "circuit_id required BINARY STRING",
              "sensor_id required BINARY STRING",
              "forecast_timestamp required INT64 TIMESTAMP(MICROS,true)",
              "horizon_step required INT32 -",
              "prediction required DOUBLE -",
              "model_name required BINARY STRING",
              "model_version required INT32 -",
              "delta_version required INT64 -",
              "scored_at required INT64 TIMESTAMP(MICROS,true)");
      assertThat(reader.getRowGroups())
          .flatMap(BlockMetaData::getColumns)
          .extracting(ColumnChunkMetaData::getCodec)
          .containsOnly(CompressionCodecName.SNAPPY);
    }
  }

  @Test
  void aPlainParquetReaderReadsTheFile() throws IOException {
    Path file = new PredictionFiles(root).write(C001, DAY, rows(C001, DAY, 5));

    try (ParquetFileReader reader = open(file)) {
      assertThat(reader.getRecordCount()).isEqualTo(5);
      assertThat(reader.getFooter().getFileMetaData().getKeyValueMetaData())
          .containsEntry("mlops4j.predictions.format", "1");
      ColumnDescriptor prediction =
          reader
              .getFooter()
              .getFileMetaData()
              .getSchema()
              .getColumnDescription(new String[] {"prediction"});
      assertThat(prediction.getPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.DOUBLE);
    }
  }

  private static List<Prediction> rows(CircuitRef circuit, LocalDate day, int count) {
    return rows(circuit, day, count, 1);
  }

  /** {@code count} predictions of a day, 15 minutes apart, with microseconds in the timestamps. */
  private static List<Prediction> rows(CircuitRef circuit, LocalDate day, int count, int model) {
    Instant start = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant scored = day.atTime(6, 0, 1).toInstant(ZoneOffset.UTC).plusNanos(654_321_000);
    List<Prediction> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(
          new Prediction(
              circuit,
              "S" + (i % 2 + 1),
              start.plus(Duration.ofMinutes(15L * i)).plusNanos(123_000L * (i == 3 ? 1 : 0)),
              i + 1,
              20.0 + i * 0.125 - model,
              "lstm_" + circuit.key(),
              model,
              812L + model,
              scored));
    }
    return rows;
  }

  private static MessageType optionalSchemaWithExtraColumn() {
    LogicalTypeAnnotation string = LogicalTypeAnnotation.stringType();
    LogicalTypeAnnotation micros =
        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS);
    return Types.buildMessage()
        .optional(PrimitiveTypeName.BINARY)
        .as(string)
        .named("plant_id")
        .optional(PrimitiveTypeName.BINARY)
        .as(string)
        .named("circuit_id")
        .optional(PrimitiveTypeName.BINARY)
        .as(string)
        .named("sensor_id")
        .optional(PrimitiveTypeName.INT64)
        .as(micros)
        .named("forecast_timestamp")
        .optional(PrimitiveTypeName.INT32)
        .named("horizon_step")
        .optional(PrimitiveTypeName.DOUBLE)
        .named("prediction")
        .optional(PrimitiveTypeName.BINARY)
        .as(string)
        .named("model_name")
        .optional(PrimitiveTypeName.INT32)
        .named("model_version")
        .optional(PrimitiveTypeName.INT64)
        .named("delta_version")
        .optional(PrimitiveTypeName.INT64)
        .as(micros)
        .named("scored_at")
        .optional(PrimitiveTypeName.BINARY)
        .as(string)
        .named("comment")
        .named("schema");
  }

  private static void fill(Group g, int step) {
    g.append("plant_id", "P001")
        .append("circuit_id", "C001")
        .append("sensor_id", "S1")
        .append("forecast_timestamp", SensorRows.micros(Instant.parse("2025-12-10T01:00:00Z")))
        .append("horizon_step", step)
        .append("prediction", 2.5)
        .append("model_name", "lstm_P001_C001")
        .append("model_version", 4)
        .append("delta_version", 17L)
        .append("scored_at", SensorRows.micros(Instant.parse("2025-12-10T06:00:00Z")))
        .append("comment", "written by another tool");
  }

  private interface RowFiller {
    void fill(Group group);
  }

  private static void writeGroups(Path file, MessageType schema, RowFiller filler)
      throws IOException {
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .build()) {
      Group group = new SimpleGroupFactory(schema).newGroup();
      filler.fill(group);
      writer.write(group);
    }
  }

  private static ParquetFileReader open(Path file) throws IOException {
    return ParquetFileReader.open(
        new LocalInputFile(file),
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
  }

  private static String describe(Type type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return type.getName()
        + " "
        + type.getRepetition().name().toLowerCase(Locale.ROOT)
        + " "
        + type.asPrimitiveType().getPrimitiveTypeName()
        + " "
        + (logical == null ? "-" : logical.toString());
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
