package io.mlops4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.DeploymentConfig;
import io.mlops4j.config.Hyperparameters;
import io.mlops4j.config.MetricThresholds;
import io.mlops4j.config.MonitoringConfig;
import io.mlops4j.config.NamingPolicy;
import io.mlops4j.config.TrainingConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops config show}: one circuit's resolved config, defaults applied, with its names. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Show a circuit's resolved config (defaults applied), hyperparameters_hash and Azure ML"
            + " names.")
final class ConfigShowCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PLANT/CIRCUIT",
      description = "The circuit, e.g. P001/C001.")
  String circuit;

  @Option(
      names = "--root",
      defaultValue = ".",
      description = "Repository root holding config/, or the config directory (default: .).")
  Path root;

  @Option(names = "--json", description = "Print JSON instead of YAML.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    CircuitRef ref = CircuitRef.parse(circuit);
    CircuitConfig config = new ConfigLoader().loadCircuit(root, ref);
    Map<String, Object> view = view(config);
    String text =
        json
            ? Json.pretty(view) + "\n"
            : new YAMLMapper()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .writeValueAsString(view);
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  static Map<String, Object> view(CircuitConfig config) {
    TrainingConfig training = config.training();
    Hyperparameters hp = training.hyperparameters();
    Map<String, Object> hyperparameters = new LinkedHashMap<>();
    hyperparameters.put("sequence_length", hp.sequenceLength());
    hyperparameters.put("lstm_units", hp.lstmUnits());
    hyperparameters.put("dropout", hp.dropout());
    hyperparameters.put("learning_rate", hp.learningRate());
    hyperparameters.put("batch_size", hp.batchSize());
    hyperparameters.put("epochs", hp.epochs());
    hyperparameters.put("forecast_horizon", hp.forecastHorizon());
    hyperparameters.put("validation_split", hp.validationSplit());
    hyperparameters.put("early_stopping_patience", hp.earlyStoppingPatience());
    hyperparameters.put("seed", hp.seed());
    hyperparameters.put("lstm_layers", hp.lstmLayers());
    hyperparameters.put("window_normalization", hp.windowNormalization().configName());
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("sensor_id", training.dataFilters().sensorId());
    filters.put("feature_columns", training.dataFilters().featureColumns());
    filters.put("target_column", training.dataFilters().targetColumn());
    Map<String, Object> trainingView = new LinkedHashMap<>();
    trainingView.put("cutoff_date", training.cutoffDate().toString());
    trainingView.put("environment_version", training.environmentVersion());
    trainingView.put("hyperparameters", hyperparameters);
    trainingView.put("hyperparameters_hash", training.hyperparametersHash());
    trainingView.put("data_filters", filters);
    DeploymentConfig d = config.deployment();
    Map<String, Object> deployment = new LinkedHashMap<>();
    deployment.put("compute_instance_type", d.computeInstanceType());
    deployment.put("mini_batch_size", d.miniBatchSize());
    deployment.put("instance_count", d.instanceCount());
    deployment.put("max_concurrency_per_instance", d.maxConcurrencyPerInstance());
    deployment.put("error_threshold", d.errorThreshold());
    deployment.put("retry_max", d.retryMax());
    deployment.put("timeout", d.timeoutSeconds());
    MonitoringConfig m = config.monitoring();
    Map<String, Object> performance = new LinkedHashMap<>();
    performance.put("mae", levels(m.performance().mae()));
    performance.put("rmse", levels(m.performance().rmse()));
    performance.put("mape", levels(m.performance().mape()));
    Map<String, Object> drift = new LinkedHashMap<>();
    drift.put("low", m.drift().low());
    drift.put("medium", m.drift().medium());
    drift.put("high", m.drift().high());
    Map<String, Object> monitoring = new LinkedHashMap<>();
    monitoring.put("performance_thresholds", performance);
    monitoring.put("drift_thresholds", drift);
    CircuitRef ref = config.ref();
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("data_asset", NamingPolicy.dataAssetName(ref));
    names.put("experiment", NamingPolicy.experimentName(ref));
    names.put("model", NamingPolicy.modelName(ref));
    names.put("batch_endpoint", NamingPolicy.batchEndpointName(ref.plant()));
    names.put("deployment", NamingPolicy.deploymentName(ref.circuit()));
    names.put(
        "predictions",
        NamingPolicy.predictionPath(ref, training.cutoffDate())
            .replace(training.cutoffDate().toString(), "{YYYY-MM-DD}"));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("plant_id", ref.plant().value());
    view.put("circuit_id", ref.circuit().value());
    view.put("training", trainingView);
    view.put("deployment", deployment);
    view.put("monitoring", monitoring);
    view.put("names", names);
    view.put("model_tags", NamingPolicy.modelTags(config));
    return view;
  }

  private static Map<String, Object> levels(MetricThresholds t) {
    Map<String, Object> levels = new LinkedHashMap<>();
    levels.put("warning", t.warning());
    levels.put("critical", t.critical());
    return levels;
  }
}
