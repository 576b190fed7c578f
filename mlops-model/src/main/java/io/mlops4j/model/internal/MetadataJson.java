package io.mlops4j.model.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.Hyperparameters;
import io.mlops4j.config.WindowNormalization;
import io.mlops4j.model.FeatureScaler;
import io.mlops4j.model.ForecastMetrics;
import io.mlops4j.model.ModelMetadata;
import io.mlops4j.model.TrainingLineage;
import io.mlops4j.model.ValidationReport;
import io.mlops4j.model.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code mlops-model.json} format: snake_case keys, numbers as JSON numbers (NaN written as
 * null), times as ISO-8601.
 */
public final class MetadataJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The value of the {@code format} field that marks an mlops4j model's metadata. */
  public static final String FORMAT = "mlops4j-lstm-forecaster";

  private MetadataJson() {}

  /**
   * Renders metadata as JSON.
   *
   * @param m the metadata
   * @return the JSON text
   */
  public static String write(ModelMetadata m) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("format_version", m.formatVersion());
    root.put("plant_id", m.circuit().plant().value());
    root.put("circuit_id", m.circuit().circuit().value());
    ObjectNode hp = root.putObject("hyperparameters");
    for (Map.Entry<String, Object> e : m.hyperparameters().toConfigMap().entrySet()) {
      Object v = e.getValue();
      if (v instanceof Integer i) {
        hp.put(e.getKey(), i);
      } else if (v instanceof Long l) {
        hp.put(e.getKey(), l);
      } else if (v instanceof Double d) {
        hp.put(e.getKey(), d);
      } else {
        hp.put(e.getKey(), String.valueOf(v));
      }
    }
    root.put("hyperparameters_hash", m.hyperparametersHash());
    strings(root.putArray("feature_columns"), m.featureColumns());
    root.put("target_column", m.targetColumn());
    ObjectNode scaler = root.putObject("scaler");
    numbers(scaler.putArray("mean"), m.scaler().means());
    numbers(scaler.putArray("std"), m.scaler().stds());
    root.put("frequency_seconds", m.frequency().toNanos() / 1e9);
    ObjectNode lineage = root.putObject("lineage");
    lineage.put("data_asset", m.lineage().dataAsset());
    lineage.put("data_asset_version", m.lineage().dataAssetVersion());
    lineage.put("delta_version", m.lineage().deltaVersion());
    lineage.put("slice_fingerprint", m.lineage().sliceFingerprint());
    lineage.put("cutoff_date", m.lineage().cutoffDate());
    lineage.put("table", m.lineage().table());
    ObjectNode windows = root.putObject("windows");
    windows.put("built", m.windows().built());
    windows.put("skipped", m.windows().skipped());
    windows.put("train", m.windows().train());
    windows.put("validation", m.windows().validation());
    ObjectNode validation = root.putObject("validation");
    validation.put("best_epoch", m.validation().bestEpoch());
    validation.put("epochs_run", m.validation().epochsRun());
    validation.put("seasonal_period", m.validation().seasonalPeriod());
    metrics(validation.putObject("model"), m.validation().model());
    metrics(validation.putObject("baseline_last_value"), m.validation().lastValue());
    metrics(validation.putObject("baseline_seasonal_naive"), m.validation().seasonalNaive());
    ObjectNode signature = root.putObject("signature");
    signature.put("key", Network.SIGNATURE_KEY);
    signature.put("input", Network.INPUT);
    signature.put("output", Network.OUTPUT);
    signature.put(
        "input_shape",
        "[?, " + m.hyperparameters().sequenceLength() + ", " + m.featureColumns().size() + "]");
    signature.put("output_shape", "[?, " + m.hyperparameters().forecastHorizon() + "]");
    signature.put(
        "input_units",
        "features standardized with scaler (x - mean) / std; output in the same units of the target");
    root.put("library_version", m.libraryVersion());
    root.put("tensorflow_version", m.tensorflowVersion());
    root.put("created_at", m.createdAt().toString());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metadata could not be rendered", e);
    }
  }

  /**
   * Parses metadata.
   *
   * @param json the JSON text
   * @return the metadata
   * @throws IllegalArgumentException naming the field that is missing or invalid
   */
  public static ModelMetadata read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String format = field(root, "format").asText();
    if (!format.equals(FORMAT)) {
      throw new IllegalArgumentException(
          "field 'format' is '" + format + "'; expected '" + FORMAT + "'");
    }
    JsonNode hp = field(root, "hyperparameters");
    Hyperparameters hyperparameters =
        new Hyperparameters(
            field(hp, "sequence_length").asInt(),
            field(hp, "lstm_units").asInt(),
            field(hp, "dropout").asDouble(),
            field(hp, "learning_rate").asDouble(),
            field(hp, "batch_size").asInt(),
            field(hp, "epochs").asInt(),
            field(hp, "forecast_horizon").asInt(),
            field(hp, "validation_split").asDouble(),
            field(hp, "early_stopping_patience").asInt(),
            field(hp, "seed").asLong(),
            field(hp, "lstm_layers").asInt(),
            WindowNormalization.ofConfigName(field(hp, "window_normalization").asText()));
    JsonNode scaler = field(root, "scaler");
    JsonNode lineage = field(root, "lineage");
    JsonNode windows = field(root, "windows");
    JsonNode validation = field(root, "validation");
    return new ModelMetadata(
        field(root, "format_version").asInt(),
        CircuitRef.parse(
            field(root, "plant_id").asText() + "/" + field(root, "circuit_id").asText()),
        hyperparameters,
        field(root, "hyperparameters_hash").asText(),
        strings(field(root, "feature_columns")),
        field(root, "target_column").asText(),
        new FeatureScaler(numbers(field(scaler, "mean")), numbers(field(scaler, "std"))),
        Duration.ofNanos(Math.round(field(root, "frequency_seconds").asDouble() * 1e9)),
        new TrainingLineage(
            field(lineage, "data_asset").asText(),
            field(lineage, "data_asset_version").asText(),
            field(lineage, "delta_version").asLong(),
            field(lineage, "slice_fingerprint").asText(),
            field(lineage, "cutoff_date").asText(),
            field(lineage, "table").asText()),
        new WindowStats(
            field(windows, "built").asInt(),
            field(windows, "skipped").asInt(),
            field(windows, "train").asInt(),
            field(windows, "validation").asInt()),
        new ValidationReport(
            field(validation, "best_epoch").asInt(),
            field(validation, "epochs_run").asInt(),
            metrics(field(validation, "model")),
            metrics(field(validation, "baseline_last_value")),
            metrics(field(validation, "baseline_seasonal_naive")),
            field(validation, "seasonal_period").asInt()),
        field(root, "library_version").asText(),
        field(root, "tensorflow_version").asText(),
        Instant.parse(field(root, "created_at").asText()));
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isMissingNode()) {
      throw new IllegalArgumentException("field '" + name + "' is missing");
    }
    return v;
  }

  private static void metrics(ObjectNode node, ForecastMetrics m) {
    number(node, "mae", m.mae());
    number(node, "rmse", m.rmse());
    number(node, "mape", m.mape());
    numbers(node.putArray("mae_by_step"), m.maeByStep());
    numbers(node.putArray("rmse_by_step"), m.rmseByStep());
    numbers(node.putArray("mape_by_step"), m.mapeByStep());
    node.put("points", m.points());
  }

  private static ForecastMetrics metrics(JsonNode node) {
    return new ForecastMetrics(
        number(field(node, "mae")),
        number(field(node, "rmse")),
        number(field(node, "mape")),
        numbers(field(node, "mae_by_step")),
        numbers(field(node, "rmse_by_step")),
        numbers(field(node, "mape_by_step")),
        field(node, "points").asLong());
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  private static double number(JsonNode node) {
    return node.isNull() ? Double.NaN : node.asDouble();
  }

  private static void numbers(ArrayNode array, List<Double> values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        array.add(v);
      } else {
        array.addNull();
      }
    }
  }

  private static List<Double> numbers(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(v -> out.add(number(v)));
    return out;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
