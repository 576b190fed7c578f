package io.mlops4j.data;

import static io.mlops4j.data.PredictionSchema.CIRCUIT_ID;
import static io.mlops4j.data.PredictionSchema.DELTA_VERSION;
import static io.mlops4j.data.PredictionSchema.FORECAST_TIMESTAMP;
import static io.mlops4j.data.PredictionSchema.HORIZON_STEP;
import static io.mlops4j.data.PredictionSchema.MODEL_NAME;
import static io.mlops4j.data.PredictionSchema.MODEL_VERSION;
import static io.mlops4j.data.PredictionSchema.PLANT_ID;
import static io.mlops4j.data.PredictionSchema.PREDICTION;
import static io.mlops4j.data.PredictionSchema.SCHEMA;
import static io.mlops4j.data.PredictionSchema.SCORED_AT;
import static io.mlops4j.data.PredictionSchema.SENSOR_ID;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes {@link Prediction}s as rows of {@link PredictionSchema#SCHEMA}, straight to Parquet's
 * record consumer (no intermediate row objects).
 *
 * <p>Both {@code init} methods are overridden so that Parquet never builds a Hadoop {@code
 * Configuration}: the writer runs on Parquet's plain configuration.
 */
final class PredictionWriteSupport extends WriteSupport<Prediction> {
  private RecordConsumer consumer;

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return context();
  }

  /** Parquet still declares this Hadoop variant abstract; it returns the same context. */
  @Override
  @SuppressWarnings("deprecation")
  public WriteContext init(Configuration configuration) {
    return context();
  }

  private static WriteContext context() {
    return new WriteContext(
        SCHEMA, Map.of(PredictionSchema.FORMAT_KEY, PredictionSchema.FORMAT_VERSION));
  }

  @Override
  public String getName() {
    return "mlops4j-predictions";
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Prediction row) {
    consumer.startMessage();
    string(0, PLANT_ID, row.circuit().plant().value());
    string(1, CIRCUIT_ID, row.circuit().circuit().value());
    string(2, SENSOR_ID, row.sensorId());
    consumer.startField(FORECAST_TIMESTAMP, 3);
    consumer.addLong(SensorRows.micros(row.forecastTimestamp()));
    consumer.endField(FORECAST_TIMESTAMP, 3);
    consumer.startField(HORIZON_STEP, 4);
    consumer.addInteger(row.horizonStep());
    consumer.endField(HORIZON_STEP, 4);
    consumer.startField(PREDICTION, 5);
    consumer.addDouble(row.prediction());
    consumer.endField(PREDICTION, 5);
    string(6, MODEL_NAME, row.modelName());
    consumer.startField(MODEL_VERSION, 7);
    consumer.addInteger(row.modelVersion());
    consumer.endField(MODEL_VERSION, 7);
    consumer.startField(DELTA_VERSION, 8);
    consumer.addLong(row.deltaVersion());
    consumer.endField(DELTA_VERSION, 8);
    consumer.startField(SCORED_AT, 9);
    consumer.addLong(SensorRows.micros(row.scoredAt()));
    consumer.endField(SCORED_AT, 9);
    consumer.endMessage();
  }

  private void string(int index, String column, String value) {
    consumer.startField(column, index);
    consumer.addBinary(Binary.fromString(value));
    consumer.endField(column, index);
  }

  /** Builds a writer of predictions to a Parquet {@link OutputFile}. */
  static final class Builder extends ParquetWriter.Builder<Prediction, Builder> {
    Builder(OutputFile file) {
      super(file);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Prediction> getWriteSupport(ParquetConfiguration configuration) {
      return new PredictionWriteSupport();
    }

    /** Parquet still declares this Hadoop variant abstract; it is not called on a plain config. */
    @Override
    @SuppressWarnings("deprecation")
    protected WriteSupport<Prediction> getWriteSupport(Configuration configuration) {
      return new PredictionWriteSupport();
    }
  }
}
