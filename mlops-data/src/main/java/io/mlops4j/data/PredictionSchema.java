package io.mlops4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of prediction files, and the check that a file's schema can be read as one.
 *
 * <p>Strings are {@code BINARY (STRING)}, timestamps {@code INT64 TIMESTAMP(MICROS, UTC)}; every
 * column is required. Readers accept optional columns too (as other tools tend to write them), and
 * extra columns, which they skip.
 */
final class PredictionSchema {
  static final String PLANT_ID = "plant_id";
  static final String CIRCUIT_ID = "circuit_id";
  static final String SENSOR_ID = "sensor_id";
  static final String FORECAST_TIMESTAMP = "forecast_timestamp";
  static final String HORIZON_STEP = "horizon_step";
  static final String PREDICTION = "prediction";
  static final String MODEL_NAME = "model_name";
  static final String MODEL_VERSION = "model_version";
  static final String DELTA_VERSION = "delta_version";
  static final String SCORED_AT = "scored_at";

  /** Footer key naming the layout version of files this library writes. */
  static final String FORMAT_KEY = "mlops4j.predictions.format";

  /** The layout version written under {@link #FORMAT_KEY}. */
  static final String FORMAT_VERSION = "1";

  private static final LogicalTypeAnnotation STRING = LogicalTypeAnnotation.stringType();
  private static final LogicalTypeAnnotation TIMESTAMP =
      LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS);

  /** The schema written, columns in this order. */
  static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.BINARY)
          .as(STRING)
          .named(PLANT_ID)
          .required(PrimitiveTypeName.BINARY)
          .as(STRING)
          .named(CIRCUIT_ID)
          .required(PrimitiveTypeName.BINARY)
          .as(STRING)
          .named(SENSOR_ID)
          .required(PrimitiveTypeName.INT64)
          .as(TIMESTAMP)
          .named(FORECAST_TIMESTAMP)
          .required(PrimitiveTypeName.INT32)
          .named(HORIZON_STEP)
          .required(PrimitiveTypeName.DOUBLE)
          .named(PREDICTION)
          .required(PrimitiveTypeName.BINARY)
          .as(STRING)
          .named(MODEL_NAME)
          .required(PrimitiveTypeName.INT32)
          .named(MODEL_VERSION)
          .required(PrimitiveTypeName.INT64)
          .named(DELTA_VERSION)
          .required(PrimitiveTypeName.INT64)
          .as(TIMESTAMP)
          .named(SCORED_AT)
          .named("prediction");

  private PredictionSchema() {}

  /**
   * Returns the columns to read from a file: its own definition of each of our columns, in our
   * order, or every problem that keeps it from being read as a prediction file.
   *
   * @param fileSchema the schema in the file's footer
   * @param problems receives one line per missing or mistyped column
   * @return the projection to request; meaningful only when {@code problems} stayed empty
   */
  static MessageType projection(MessageType fileSchema, List<String> problems) {
    List<Type> fields = new ArrayList<>();
    for (Type expected : SCHEMA.getFields()) {
      String name = expected.getName();
      if (!fileSchema.containsField(name)) {
        problems.add("column " + name + " is missing; expected " + describe(expected));
        continue;
      }
      Type actual = fileSchema.getType(name);
      if (!actual.isPrimitive()
          || actual.isRepetition(Type.Repetition.REPEATED)
          || actual.asPrimitiveType().getPrimitiveTypeName()
              != expected.asPrimitiveType().getPrimitiveTypeName()
          || !sameLogicalType(expected, actual)) {
        problems.add(
            "column " + name + " is " + describe(actual) + "; expected " + describe(expected));
        continue;
      }
      fields.add(actual);
    }
    return new MessageType(fileSchema.getName(), fields);
  }

  private static boolean sameLogicalType(Type expected, Type actual) {
    LogicalTypeAnnotation want = expected.getLogicalTypeAnnotation();
    LogicalTypeAnnotation got = actual.getLogicalTypeAnnotation();
    return want == null ? got == null : want.equals(got);
  }

  private static String describe(Type type) {
    if (!type.isPrimitive()) {
      return "a group";
    }
    PrimitiveType primitive = type.asPrimitiveType();
    String repetition = type.getRepetition().name().toLowerCase(Locale.ROOT);
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return repetition
        + " "
        + primitive.getPrimitiveTypeName()
        + (logical == null ? "" : " (" + logical + ")");
  }
}
