package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every name mlops4j gives to things in Azure ML and on disk, in one place, each checked against
 * Azure ML's naming rules.
 *
 * <ul>
 *   <li>data asset {@code sensor_training_data_{plant}_{circuit}}, version = cutoff date
 *   <li>experiment {@code plant_{plant}_circuit_{circuit}}
 *   <li>model {@code lstm_{plant}_{circuit}}, integer versions, tags from {@link
 *       #modelTags(CircuitConfig)}
 *   <li>batch endpoint {@code batch-endpoint-plant-{plant}} (one per plant)
 *   <li>batch deployment {@code deployment-circuit-{circuit}} (one per circuit, in its plant's
 *       endpoint)
 *   <li>prediction file {@code predictions/{plant}/{circuit}/{YYYY-MM-DD}.parquet}
 * </ul>
 *
 * <p>Asset names (data, model, experiment) must match {@code ^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$}.
 * Endpoint and deployment names follow the stricter rule Azure ML's client enforces for endpoints:
 * 3-32 characters, a letter first, then letters, digits and '-', ending with a letter or digit. So
 * a plant id used in an endpoint name has at most 11 characters and no '_', and a circuit id at
 * most 13.
 */
public final class NamingPolicy {
  /** Tag key: plant id. */
  public static final String TAG_PLANT_ID = "plant_id";

  /** Tag key: circuit id. */
  public static final String TAG_CIRCUIT_ID = "circuit_id";

  /** Tag key: training cutoff date. */
  public static final String TAG_CUTOFF_DATE = "cutoff_date";

  /** Tag key: sensor id. */
  public static final String TAG_SENSOR_ID = "sensor_id";

  /** Tag key: environment version. */
  public static final String TAG_ENVIRONMENT_VERSION = "environment_version";

  /** Tag key: hyperparameters hash. */
  public static final String TAG_HYPERPARAMETERS_HASH = "hyperparameters_hash";

  /** Tag key: training data asset name. */
  public static final String TAG_DATA_ASSET_NAME = "data_asset_name";

  /** Tag key: training data asset version. */
  public static final String TAG_DATA_ASSET_VERSION = "data_asset_version";

  /** Tag key: target column. */
  public static final String TAG_TARGET_COLUMN = "target_column";

  private static final Pattern ASSET_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}");
  private static final Pattern ENDPOINT_NAME =
      Pattern.compile("(?=.{3,32}$)[a-zA-Z](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?");
  private static final String ASSET_RULE =
      "1-255 characters: a letter or digit, then letters, digits, '-' or '_'";
  private static final String ENDPOINT_RULE =
      "3-32 characters: a letter, then letters, digits or '-', ending with a letter or digit";

  private NamingPolicy() {}

  /**
   * Returns the name of a circuit's training data asset.
   *
   * @param ref the circuit
   * @return {@code sensor_training_data_{plant}_{circuit}}
   * @throws InvalidIdException if the ids produce a name Azure ML rejects
   */
  public static String dataAssetName(CircuitRef ref) {
    return checkAsset("data asset", "sensor_training_data_" + ref.key(), ref);
  }

  /**
   * Returns the name of a circuit's training experiment.
   *
   * @param ref the circuit
   * @return {@code plant_{plant}_circuit_{circuit}}
   * @throws InvalidIdException if the ids produce a name Azure ML rejects
   */
  public static String experimentName(CircuitRef ref) {
    return checkAsset(
        "experiment", "plant_" + ref.plant().value() + "_circuit_" + ref.circuit().value(), ref);
  }

  /**
   * Returns the registered model name of a circuit.
   *
   * @param ref the circuit
   * @return {@code lstm_{plant}_{circuit}}
   * @throws InvalidIdException if the ids produce a name Azure ML rejects
   */
  public static String modelName(CircuitRef ref) {
    return checkAsset("model", "lstm_" + ref.key(), ref);
  }

  /**
   * Returns the batch endpoint name of a plant.
   *
   * @param plant the plant
   * @return {@code batch-endpoint-plant-{plant}}
   * @throws InvalidIdException if the id produces a name Azure ML rejects
   */
  public static String batchEndpointName(PlantId plant) {
    String name = "batch-endpoint-plant-" + plant.value();
    if (!ENDPOINT_NAME.matcher(name).matches()) {
      throw new InvalidIdException(
          invalid("plant id '" + plant + "'", "batch endpoint", name, ENDPOINT_RULE)
              + "; plant ids used in endpoint names have at most 11 characters and no '_'");
    }
    return name;
  }

  /**
   * Returns the batch deployment name of a circuit, within its plant's endpoint.
   *
   * @param circuit the circuit
   * @return {@code deployment-circuit-{circuit}}
   * @throws InvalidIdException if the id produces a name Azure ML rejects
   */
  public static String deploymentName(CircuitId circuit) {
    String name = "deployment-circuit-" + circuit.value();
    if (!ENDPOINT_NAME.matcher(name).matches()) {
      throw new InvalidIdException(
          invalid("circuit id '" + circuit + "'", "batch deployment", name, ENDPOINT_RULE)
              + "; circuit ids used in deployment names have at most 13 characters and no '_'");
    }
    return name;
  }

  /**
   * Returns where a day's predictions of a circuit are written, relative to the output root.
   *
   * @param ref the circuit
   * @param date the scored day
   * @return {@code predictions/{plant}/{circuit}/{YYYY-MM-DD}.parquet}
   */
  public static String predictionPath(CircuitRef ref, LocalDate date) {
    requireNonNull(date, "date");
    return "predictions/"
        + ref.plant().value()
        + "/"
        + ref.circuit().value()
        + "/"
        + date
        + ".parquet";
  }

  /**
   * Returns the tags every registered model of a circuit carries, derived from its config. The
   * release adds lineage tags (commit, pull request) to these.
   *
   * @param config the circuit's config
   * @return tag keys to values, in a stable order
   */
  public static Map<String, String> modelTags(CircuitConfig config) {
    CircuitRef ref = config.ref();
    TrainingConfig training = config.training();
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(TAG_PLANT_ID, ref.plant().value());
    tags.put(TAG_CIRCUIT_ID, ref.circuit().value());
    tags.put(TAG_CUTOFF_DATE, training.cutoffDate().toString());
    tags.put(TAG_SENSOR_ID, training.dataFilters().sensorId());
    tags.put(TAG_TARGET_COLUMN, training.dataFilters().targetColumn());
    tags.put(TAG_ENVIRONMENT_VERSION, training.environmentVersion());
    tags.put(TAG_HYPERPARAMETERS_HASH, training.hyperparametersHash());
    tags.put(TAG_DATA_ASSET_NAME, dataAssetName(ref));
    tags.put(TAG_DATA_ASSET_VERSION, training.cutoffDate().toString());
    return tags;
  }

  /**
   * Checks every name a circuit produces and returns what is wrong.
   *
   * @param ref the circuit
   * @return one message per invalid name; empty when all are valid
   */
  public static List<String> problems(CircuitRef ref) {
    List<String> problems = new ArrayList<>();
    List<Runnable> checks =
        List.of(
            () -> dataAssetName(ref),
            () -> experimentName(ref),
            () -> modelName(ref),
            () -> batchEndpointName(ref.plant()),
            () -> deploymentName(ref.circuit()));
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (InvalidIdException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  private static String checkAsset(String kind, String name, CircuitRef ref) {
    if (!ASSET_NAME.matcher(name).matches()) {
      throw new InvalidIdException(invalid("circuit " + ref, kind, name, ASSET_RULE));
    }
    return name;
  }

  private static String invalid(String source, String kind, String name, String rule) {
    return source
        + " produces "
        + kind
        + " name '"
        + name
        + "', which Azure ML rejects; "
        + kind
        + " names are "
        + rule;
  }
}
