package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import io.mlops4j.config.NamingPolicy;
import io.mlops4j.data.internal.DataErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to register as a circuit's training data asset: its name, version, MLTable and tags.
 * Registration itself is mlops-release's job.
 *
 * <p>The tags of {@link #forTraining} are, in this order: {@code plant_id}, {@code circuit_id},
 * {@code cutoff_date}, {@code sensor_id}, {@code hyperparameters_hash}, {@code delta_path}, {@code
 * delta_version}, {@code fingerprint}, {@code pr_number}, {@code pr_author}, {@code
 * git_commit_sha}, {@code registered_at}. Tag values are single-line and never carry credentials:
 * Azure ML shows them to everyone who can read the workspace.
 *
 * @param name the asset name, {@code sensor_training_data_{plant}_{circuit}}
 * @param version the asset version, the cutoff date {@code yyyy-mm-dd}
 * @param mlTable the MLTable registered with the asset
 * @param tags tag keys to values, in a stable order
 */
public record DataAssetDescription(
    String name, String version, MlTable mlTable, Map<String, String> tags) {

  /** The asset type: an MLTable. */
  public static final String TYPE = "mltable";

  /** Tag key: the Delta table folder. */
  public static final String TAG_DELTA_PATH = "delta_path";

  /** Tag key: the Delta table version read. */
  public static final String TAG_DELTA_VERSION = "delta_version";

  /** Tag key: the fingerprint of the rows the asset selects. */
  public static final String TAG_FINGERPRINT = "fingerprint";

  /** Tag key: the pull request number. */
  public static final String TAG_PR_NUMBER = "pr_number";

  /** Tag key: the pull request author. */
  public static final String TAG_PR_AUTHOR = "pr_author";

  /** Tag key: the git commit. */
  public static final String TAG_GIT_COMMIT_SHA = "git_commit_sha";

  /** Tag key: when the description was made, ISO-8601 UTC to the second. */
  public static final String TAG_REGISTERED_AT = "registered_at";

  /**
   * Copies the tags in order and checks that nothing stored in Azure ML carries a secret.
   *
   * @throws MlopsException if a tag value has a line break or another control character, or a tag
   *     value or an MLTable path looks like a credential (SAS token, account key, password, token)
   */
  public DataAssetDescription {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(mlTable, "mlTable");
    Map<String, String> copy = new LinkedHashMap<>();
    tags.forEach(
        (key, value) -> {
          requireNonNull(key, "tag key");
          requireNonNull(value, "value of tag " + key);
          if (DataErrors.hasControlCharacter(value)) {
            throw new MlopsException(DataErrors.controlCharacterInTag(key));
          }
          SecretMarkers.find(value)
              .ifPresent(
                  marker -> {
                    throw new MlopsException(DataErrors.secretIn("tag " + key, marker));
                  });
          copy.put(key, value);
        });
    tags = Collections.unmodifiableMap(copy);
    for (MlTablePath path : mlTable.paths()) {
      SecretMarkers.find(path.location())
          .ifPresent(
              marker -> {
                throw new MlopsException(DataErrors.secretIn("MLTable path", marker));
              });
    }
  }

  /**
   * Describes a circuit's training data asset.
   *
   * @param config the circuit's config
   * @param deltaFolderUri the sensor table's Delta folder on the datastore, without credentials
   * @param deltaVersion the Delta table version read, {@code >= 0}
   * @param fingerprint the fingerprint of the slice's rows, as the reader computed it; not blank
   * @param lineage the pull request and commit, or {@link Lineage#NONE}
   * @param clock the clock {@code registered_at} is read from
   * @return the description, with the MLTable of {@link MlTables#forTraining}
   * @throws MlopsException if a value is unsafe in the MLTable or a tag (see {@link
   *     MlTables#forTraining} and the constructor)
   * @throws IllegalArgumentException if the version is negative or the fingerprint blank
   */
  public static DataAssetDescription forTraining(
      CircuitConfig config,
      String deltaFolderUri,
      long deltaVersion,
      String fingerprint,
      Lineage lineage,
      Clock clock) {
    requireNonNull(fingerprint, "fingerprint");
    requireNonNull(lineage, "lineage");
    requireNonNull(clock, "clock");
    if (fingerprint.isBlank()) {
      throw new IllegalArgumentException("fingerprint must not be blank");
    }
    MlTable mlTable = MlTables.forTraining(config, deltaFolderUri, deltaVersion);
    CircuitRef ref = config.ref();
    String cutoff = config.training().cutoffDate().toString();
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(NamingPolicy.TAG_PLANT_ID, ref.plant().value());
    tags.put(NamingPolicy.TAG_CIRCUIT_ID, ref.circuit().value());
    tags.put(NamingPolicy.TAG_CUTOFF_DATE, cutoff);
    tags.put(NamingPolicy.TAG_SENSOR_ID, config.training().dataFilters().sensorId());
    tags.put(NamingPolicy.TAG_HYPERPARAMETERS_HASH, config.training().hyperparametersHash());
    tags.put(TAG_DELTA_PATH, deltaFolderUri);
    tags.put(TAG_DELTA_VERSION, Long.toString(deltaVersion));
    tags.put(TAG_FINGERPRINT, fingerprint);
    tags.put(TAG_PR_NUMBER, lineage.prNumber());
    tags.put(TAG_PR_AUTHOR, lineage.prAuthor());
    tags.put(TAG_GIT_COMMIT_SHA, lineage.gitCommitSha());
    tags.put(TAG_REGISTERED_AT, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    return new DataAssetDescription(NamingPolicy.dataAssetName(ref), cutoff, mlTable, tags);
  }

  /**
   * Returns the asset type.
   *
   * @return {@value #TYPE}
   */
  public String type() {
    return TYPE;
  }

  /**
   * Returns the MLTable file's text, to upload next to the asset as a file named {@value
   * MlTables#FILE_NAME}.
   *
   * @return the MLTable as YAML
   */
  public String mlTableYaml() {
    return mlTable.toYaml();
  }
}
