package io.mlops4j.release;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The assets of one workspace or registry: models, environments and data assets.
 *
 * <p>Every version is immutable once created: creating an existing version fails with {@link
 * RegistryException.Reason#CONFLICT}; only tags and the archived flag change. Getting a missing
 * asset fails with {@link RegistryException.Reason#NOT_FOUND}. Implementations are thread-safe.
 */
public interface MlRegistry {
  /**
   * Returns the logical target name, such as {@code dev} or {@code shared}.
   *
   * @return the name
   */
  String name();

  /**
   * Registers a new version of a model; the version is the next integer for the name, never reused
   * and without gaps, even under concurrent registrations.
   *
   * @param spec the name, artifact and tags
   * @return the registered version
   * @throws RegistryException if the artifact cannot be read or the name is invalid
   */
  Model registerModel(ModelSpec spec);

  /**
   * Returns one version of a model.
   *
   * @param name the model name
   * @param version the version
   * @return the version
   * @throws RegistryException NOT_FOUND if there is no such version
   */
  Model getModel(String name, int version);

  /**
   * Returns the highest non-archived version of a model.
   *
   * @param name the model name
   * @return the latest version
   * @throws RegistryException NOT_FOUND if the model has no non-archived version
   */
  Model getLatestModel(String name);

  /**
   * Lists model versions, newest first within a name.
   *
   * @param query name and tag filters
   * @return the matching versions; empty if none
   */
  List<Model> listModels(ModelQuery query);

  /**
   * Replaces the tags of a model version (the only mutable part besides the archived flag).
   *
   * @param name the model name
   * @param version the version
   * @param tags the new tags
   * @return the updated version
   * @throws RegistryException NOT_FOUND if there is no such version
   */
  Model updateModelTags(String name, int version, Map<String, String> tags);

  /**
   * Archives a model version: it stays readable by version but leaves default listings.
   *
   * @param name the model name
   * @param version the version
   * @return the archived version
   * @throws RegistryException NOT_FOUND if there is no such version
   */
  Model archiveModel(String name, int version);

  /**
   * Downloads a model version's artifact and checks it against its digest.
   *
   * @param name the model name
   * @param version the version
   * @param targetDir an empty or missing directory to write the artifact into
   * @return the directory written
   * @throws RegistryException NOT_FOUND if there is no such version, FAILED if the stored artifact
   *     does not match its digest
   */
  Path downloadModel(String name, int version, Path targetDir);

  /**
   * Creates an environment version.
   *
   * @param spec the environment
   * @return the created version
   * @throws RegistryException CONFLICT if the version exists, VALIDATION if the name or version is
   *     invalid or a tag or the build context carries a credential
   */
  Environment createEnvironment(EnvironmentSpec spec);

  /**
   * Returns an environment version.
   *
   * @param name the name
   * @param version the version
   * @return the version
   * @throws RegistryException NOT_FOUND if there is no such version
   */
  Environment getEnvironment(String name, String version);

  /**
   * Lists the versions of an environment, newest first.
   *
   * @param name the name, or empty for every environment
   * @return the versions; empty if none
   */
  List<Environment> listEnvironments(String name);

  /**
   * Creates a data asset version.
   *
   * @param spec the data asset
   * @return the created version
   * @throws RegistryException CONFLICT if the version exists, VALIDATION if the name or version is
   *     invalid or a tag or the path carries a credential (such as a SAS token)
   */
  DataAsset createDataAsset(DataAssetSpec spec);

  /**
   * Returns a data asset version.
   *
   * @param name the name
   * @param version the version
   * @return the version
   * @throws RegistryException NOT_FOUND if there is no such version
   */
  DataAsset getDataAsset(String name, String version);

  /**
   * Returns the existing version if it has the same type and path, or creates it, so a pipeline
   * re-run reuses a data asset instead of registering a duplicate.
   *
   * @param spec the data asset
   * @return the existing or created version
   * @throws RegistryException CONFLICT if the version exists with another type or path, VALIDATION
   *     if the path carries a credential (such as a SAS token)
   */
  DataAsset getOrCreateDataAsset(DataAssetSpec spec);

  /**
   * Lists the versions of a data asset, newest first.
   *
   * @param name the name, or empty for every data asset
   * @return the versions; empty if none
   */
  List<DataAsset> listDataAssets(String name);
}
