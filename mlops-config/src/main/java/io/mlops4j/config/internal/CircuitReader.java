package io.mlops4j.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitId;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.config.DataFilters;
import io.mlops4j.config.DeploymentConfig;
import io.mlops4j.config.DriftThresholds;
import io.mlops4j.config.Hyperparameters;
import io.mlops4j.config.HyperparametersHash;
import io.mlops4j.config.MetricThresholds;
import io.mlops4j.config.MonitoringConfig;
import io.mlops4j.config.PerformanceThresholds;
import io.mlops4j.config.PlantId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a circuit file beyond its schema and builds the resolved {@link CircuitConfig}. */
public final class CircuitReader {
  private final SchemaCheck schema = new SchemaCheck(SchemaCheck.CIRCUIT_SCHEMA);

  /**
   * Parses and validates one circuit file.
   *
   * @param file the file name shown in problems
   * @param content the file's bytes
   * @param expected the circuit the file's location says it holds, or null if unknown
   * @param problems receives every problem found
   * @return the config, or null when there were problems
   */
  public CircuitConfig read(
      String file, byte[] content, CircuitRef expected, List<ConfigProblem> problems) {
    int before = problems.size();
    YamlDocument doc = SafeYaml.parse(file, content, problems);
    if (doc == null) {
      return null;
    }
    if (!doc.root().isObject()) {
      problems.add(problem(doc, "", "expected a mapping with plant_id, circuit_id, training"));
      return null;
    }
    schema.check(doc, problems);
    checkSemantics(doc, expected, problems);
    return problems.size() == before ? build(doc) : null;
  }

  private static void checkSemantics(
      YamlDocument doc, CircuitRef expected, List<ConfigProblem> problems) {
    JsonNode root = doc.root();
    if (expected != null) {
      matchId(doc, "plant_id", expected.plant().value(), problems);
      matchId(doc, "circuit_id", expected.circuit().value(), problems);
    }
    JsonNode cutoff = doc.at("training.cutoff_date");
    if (cutoff.isTextual() && cutoff.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        LocalDate.parse(cutoff.asText());
      } catch (DateTimeParseException e) {
        problems.add(problem(doc, "training.cutoff_date", ConfigErrors.notADate(cutoff.asText())));
      }
    }
    JsonNode filters = root.path("training").path("data_filters");
    JsonNode target = filters.path("target_column");
    JsonNode features = filters.path("feature_columns");
    if (target.isTextual() && features.isArray()) {
      List<String> names = new ArrayList<>();
      features.forEach(f -> names.add(f.asText()));
      if (!names.contains(target.asText())) {
        problems.add(
            problem(
                doc,
                "training.data_filters.target_column",
                ConfigErrors.targetNotAFeature(target.asText(), names)));
      }
    }
    JsonNode performance = root.path("monitoring").path("performance_thresholds");
    PerformanceThresholds defaults = PerformanceThresholds.defaults();
    checkLevels(doc, performance, "mae", defaults.mae(), problems);
    checkLevels(doc, performance, "rmse", defaults.rmse(), problems);
    checkLevels(doc, performance, "mape", defaults.mape(), problems);
    JsonNode drift = root.path("monitoring").path("drift_thresholds");
    DriftThresholds driftDefaults = DriftThresholds.defaults();
    double low = number(drift.path("low"), driftDefaults.low());
    double medium = number(drift.path("medium"), driftDefaults.medium());
    double high = number(drift.path("high"), driftDefaults.high());
    String driftField = "monitoring.drift_thresholds";
    if (!(low < medium)) {
      problems.add(
          problem(
              doc,
              driftField + (drift.has("low") ? ".low" : ".medium"),
              ConfigErrors.levelsOutOfOrder(
                  "low", low, !drift.has("low"), "medium", medium, !drift.has("medium"))));
    }
    if (!(medium < high)) {
      problems.add(
          problem(
              doc,
              driftField + (drift.has("high") ? ".high" : ".medium"),
              ConfigErrors.levelsOutOfOrder(
                  "medium", medium, !drift.has("medium"), "high", high, !drift.has("high"))));
    }
  }

  private static void checkLevels(
      YamlDocument doc,
      JsonNode performance,
      String metric,
      MetricThresholds defaults,
      List<ConfigProblem> problems) {
    JsonNode levels = performance.path(metric);
    double warning = number(levels.path("warning"), defaults.warning());
    double critical = number(levels.path("critical"), defaults.critical());
    if (!(warning < critical)) {
      String field =
          "monitoring.performance_thresholds."
              + metric
              + (levels.has("critical") ? ".critical" : ".warning");
      problems.add(
          problem(
              doc,
              field,
              ConfigErrors.levelsOutOfOrder(
                  "warning",
                  warning,
                  !levels.has("warning"),
                  "critical",
                  critical,
                  !levels.has("critical"))));
    }
  }

  private static void matchId(
      YamlDocument doc, String key, String fromPath, List<ConfigProblem> problems) {
    JsonNode value = doc.root().path(key);
    if (!value.isTextual() || !isSafeId(value.asText())) {
      return; // the schema already reports a malformed id
    }
    if (!value.asText().equals(fromPath)) {
      problems.add(
          problem(doc, key, ConfigErrors.idMismatch(key, value.asText(), fromPath, doc.file())));
    }
  }

  private static boolean isSafeId(String value) {
    try {
      new PlantId(value);
      return true;
    } catch (io.mlops4j.config.InvalidIdException e) {
      return false;
    }
  }

  private static CircuitConfig build(YamlDocument doc) {
    JsonNode root = doc.root();
    JsonNode training = root.path("training");
    JsonNode hp = training.path("hyperparameters");
    Hyperparameters hyperparameters =
        new Hyperparameters(
            hp.path("sequence_length").asInt(),
            hp.path("lstm_units").asInt(),
            hp.path("dropout").asDouble(),
            hp.path("learning_rate").asDouble(),
            hp.path("batch_size").asInt(),
            hp.path("epochs").asInt(),
            hp.path("forecast_horizon").asInt(Hyperparameters.DEFAULT_FORECAST_HORIZON),
            number(hp.path("validation_split"), Hyperparameters.DEFAULT_VALIDATION_SPLIT),
            hp.path("early_stopping_patience")
                .asInt(Hyperparameters.DEFAULT_EARLY_STOPPING_PATIENCE),
            hp.path("seed").asLong(Hyperparameters.DEFAULT_SEED),
            hp.path("lstm_layers").asInt(Hyperparameters.DEFAULT_LSTM_LAYERS),
            hp.has("window_normalization")
                ? io.mlops4j.config.WindowNormalization.ofConfigName(
                    hp.path("window_normalization").asText())
                : Hyperparameters.DEFAULT_WINDOW_NORMALIZATION);
    JsonNode filters = training.path("data_filters");
    List<String> features = new ArrayList<>();
    filters.path("feature_columns").forEach(f -> features.add(f.asText()));
    DataFilters dataFilters =
        new DataFilters(
            filters.path("sensor_id").asText(),
            features,
            filters.path("target_column").asText(features.get(0)));
    JsonNode deployment = root.path("deployment");
    DeploymentConfig deploymentConfig =
        new DeploymentConfig(
            deployment.path("compute_instance_type").asText(),
            deployment.path("mini_batch_size").asInt(),
            deployment.path("instance_count").asInt(DeploymentConfig.DEFAULT_INSTANCE_COUNT),
            deployment
                .path("max_concurrency_per_instance")
                .asInt(DeploymentConfig.DEFAULT_MAX_CONCURRENCY_PER_INSTANCE),
            deployment.path("error_threshold").asInt(DeploymentConfig.DEFAULT_ERROR_THRESHOLD),
            deployment.path("retry_max").asInt(DeploymentConfig.DEFAULT_RETRY_MAX),
            deployment.path("timeout").asInt(DeploymentConfig.DEFAULT_TIMEOUT_SECONDS));
    return new CircuitConfig(
        new CircuitRef(
            new PlantId(root.path("plant_id").asText()),
            new CircuitId(root.path("circuit_id").asText())),
        new io.mlops4j.config.TrainingConfig(
            LocalDate.parse(training.path("cutoff_date").asText()),
            training.path("environment_version").asText(),
            hyperparameters,
            HyperparametersHash.of(declared(hp)),
            dataFilters),
        deploymentConfig,
        monitoring(root.path("monitoring")));
  }

  private static MonitoringConfig monitoring(JsonNode monitoring) {
    PerformanceThresholds defaults = PerformanceThresholds.defaults();
    JsonNode performance = monitoring.path("performance_thresholds");
    JsonNode drift = monitoring.path("drift_thresholds");
    DriftThresholds driftDefaults = DriftThresholds.defaults();
    return new MonitoringConfig(
        new PerformanceThresholds(
            levels(performance.path("mae"), defaults.mae()),
            levels(performance.path("rmse"), defaults.rmse()),
            levels(performance.path("mape"), defaults.mape())),
        new DriftThresholds(
            number(drift.path("low"), driftDefaults.low()),
            number(drift.path("medium"), driftDefaults.medium()),
            number(drift.path("high"), driftDefaults.high())));
  }

  private static MetricThresholds levels(JsonNode node, MetricThresholds defaults) {
    return new MetricThresholds(
        number(node.path("warning"), defaults.warning()),
        number(node.path("critical"), defaults.critical()));
  }

  /** The hyperparameters as written: integers stay integers, floats stay floats. */
  private static Map<String, Object> declared(JsonNode hp) {
    Map<String, Object> values = new LinkedHashMap<>();
    hp.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              Object value =
                  v.isIntegralNumber()
                      ? v.bigIntegerValue()
                      : v.isNumber() ? (Object) v.doubleValue() : v.asText();
              values.put(e.getKey(), value);
            });
    return values;
  }

  private static double number(JsonNode node, double fallback) {
    return node.isNumber() ? node.asDouble() : fallback;
  }

  private static ConfigProblem problem(YamlDocument doc, String field, String message) {
    Position at = doc.valueAt(field);
    return new ConfigProblem(doc.file(), at.line(), at.column(), field, message);
  }
}
