package io.mlops4j.data;

import static io.mlops4j.data.PredictionSchema.CIRCUIT_ID;
import static io.mlops4j.data.PredictionSchema.DELTA_VERSION;
import static io.mlops4j.data.PredictionSchema.FORECAST_TIMESTAMP;
import static io.mlops4j.data.PredictionSchema.HORIZON_STEP;
import static io.mlops4j.data.PredictionSchema.MODEL_NAME;
import static io.mlops4j.data.PredictionSchema.MODEL_VERSION;
import static io.mlops4j.data.PredictionSchema.PLANT_ID;
import static io.mlops4j.data.PredictionSchema.PREDICTION;
import static io.mlops4j.data.PredictionSchema.SCORED_AT;
import static io.mlops4j.data.PredictionSchema.SENSOR_ID;

import io.mlops4j.config.CircuitId;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import io.mlops4j.config.PlantId;
import io.mlops4j.data.internal.DataErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads and writes one prediction file with Parquet, on local paths and Parquet's plain
 * configuration (no Hadoop {@code FileSystem}). Every Parquet reader and writer is closed before
 * the method that opened it returns.
 */
final class PredictionParquet {
  /**
   * Snappy: fast, the usual Parquet default, and readable everywhere; snappy-java bundles the
   * native libraries for Linux, macOS and Windows.
   */
  static final CompressionCodecName CODEC = CompressionCodecName.SNAPPY;

  private PredictionParquet() {}

  /**
   * Writes rows to a new file, checking that each is a prediction of the given circuit.
   *
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if a row is another circuit's; the file is then incomplete
   */
  static void write(Path file, CircuitRef circuit, Iterable<Prediction> rows) throws IOException {
    try (ParquetWriter<Prediction> writer =
        new PredictionWriteSupport.Builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withWriteMode(ParquetFileWriter.Mode.CREATE)
            .withCompressionCodec(CODEC)
            .build()) {
      int index = 0;
      for (Prediction row : rows) {
        if (!row.circuit().equals(circuit)) {
          throw DataErrors.otherCircuit(index, row.circuit(), circuit);
        }
        writer.write(row);
        index++;
      }
    }
  }

  /**
   * Reads every row of a file.
   *
   * @throws MlopsException if the file is missing, not Parquet, lacks a prediction column or holds
   *     an invalid row
   */
  static List<Prediction> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw DataErrors.notFound(file);
    }
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    ParquetFileReader reader;
    try {
      reader = ParquetFileReader.open(new LocalInputFile(file), options);
    } catch (IOException | RuntimeException e) {
      throw DataErrors.notParquet(file, e);
    }
    try (reader) {
      return rows(file, reader);
    } catch (IOException e) {
      throw DataErrors.readFailed(file, e);
    }
  }

  private static List<Prediction> rows(Path file, ParquetFileReader reader) throws IOException {
    MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
    List<String> problems = new ArrayList<>();
    MessageType projection = PredictionSchema.projection(fileSchema, problems);
    if (!problems.isEmpty()) {
      throw DataErrors.wrongSchema(file, problems);
    }
    reader.setRequestedSchema(projection);
    MessageColumnIO columns = new ColumnIOFactory().getColumnIO(projection, fileSchema);
    List<Prediction> rows = new ArrayList<>(Math.toIntExact(reader.getRecordCount()));
    long row = 0;
    PageReadStore pages;
    while ((pages = nextRowGroup(file, reader, row)) != null) {
      RecordReader<Group> records =
          columns.getRecordReader(pages, new GroupRecordConverter(projection));
      for (long i = 0; i < pages.getRowCount(); i++, row++) {
        Group group;
        try {
          group = records.read();
        } catch (RuntimeException e) {
          throw DataErrors.corrupt(file, row, e);
        }
        rows.add(prediction(file, row, group));
      }
    }
    return rows;
  }

  private static PageReadStore nextRowGroup(Path file, ParquetFileReader reader, long row)
      throws IOException {
    try {
      return reader.readNextRowGroup();
    } catch (RuntimeException e) {
      throw DataErrors.corrupt(file, row, e);
    }
  }

  private static Prediction prediction(Path file, long row, Group group) {
    for (String column :
        List.of(
            PLANT_ID,
            CIRCUIT_ID,
            SENSOR_ID,
            FORECAST_TIMESTAMP,
            HORIZON_STEP,
            PREDICTION,
            MODEL_NAME,
            MODEL_VERSION,
            DELTA_VERSION,
            SCORED_AT)) {
      if (group.getFieldRepetitionCount(column) == 0) {
        throw DataErrors.missingValue(file, row, column);
      }
    }
    try {
      return new Prediction(
          new CircuitRef(
              new PlantId(group.getString(PLANT_ID, 0)),
              new CircuitId(group.getString(CIRCUIT_ID, 0))),
          group.getString(SENSOR_ID, 0),
          instant(group.getLong(FORECAST_TIMESTAMP, 0)),
          group.getInteger(HORIZON_STEP, 0),
          group.getDouble(PREDICTION, 0),
          group.getString(MODEL_NAME, 0),
          group.getInteger(MODEL_VERSION, 0),
          group.getLong(DELTA_VERSION, 0),
          instant(group.getLong(SCORED_AT, 0)));
    } catch (IllegalArgumentException | MlopsException e) {
      throw DataErrors.invalidRow(file, row, e);
    }
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
