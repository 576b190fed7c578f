package io.mlops4j.release;

import java.time.Duration;
import java.util.List;

/**
 * One workspace (dev, test, prod): its assets, batch endpoints and deployments, scoring jobs, and
 * sharing to registries. Implementations are thread-safe.
 */
public interface MlWorkspace extends MlRegistry {
  /**
   * Copies a model version, artifact included, into a registry; the copy keeps the name and version
   * and records where it came from. Sharing the same version again returns the existing copy.
   *
   * @param name the model name
   * @param version the version
   * @param registry the registry's target name, such as {@code shared}
   * @return the reference to the copy, {@code azureml://registries/...}
   * @throws RegistryException NOT_FOUND if the version does not exist, CONFLICT if the registry
   *     holds a different model under that name and version
   */
  AssetRef shareModel(String name, int version, String registry);

  /**
   * Copies an environment version into a registry.
   *
   * @param name the environment name
   * @param version the version
   * @param registry the registry's target name
   * @return the reference to the copy
   * @throws RegistryException NOT_FOUND or CONFLICT as for {@link #shareModel}
   */
  AssetRef shareEnvironment(String name, String version, String registry);

  /**
   * Creates a batch endpoint if missing, or updates its description and tags.
   *
   * @param spec the endpoint
   * @return the endpoint
   */
  BatchEndpoint createOrUpdateEndpoint(EndpointSpec spec);

  /**
   * Returns a batch endpoint.
   *
   * @param name the endpoint name
   * @return the endpoint
   * @throws RegistryException NOT_FOUND if there is none
   */
  BatchEndpoint getEndpoint(String name);

  /**
   * Lists the batch endpoints.
   *
   * @return the endpoints by name; empty if none
   */
  List<BatchEndpoint> listEndpoints();

  /**
   * Makes a deployment the endpoint's default.
   *
   * @param endpoint the endpoint name
   * @param deployment the deployment name
   * @return the updated endpoint
   * @throws RegistryException NOT_FOUND if either does not exist
   */
  BatchEndpoint setDefaultDeployment(String endpoint, String deployment);

  /**
   * Creates or updates a batch deployment. The referenced model and environment must exist (in this
   * workspace or in a registry).
   *
   * @param spec the deployment
   * @return the deployment
   * @throws RegistryException NOT_FOUND if the endpoint, model or environment does not exist
   */
  BatchDeployment createOrUpdateDeployment(DeploymentSpec spec);

  /**
   * Returns a batch deployment.
   *
   * @param endpoint the endpoint name
   * @param name the deployment name
   * @return the deployment
   * @throws RegistryException NOT_FOUND if there is none
   */
  BatchDeployment getDeployment(String endpoint, String name);

  /**
   * Lists an endpoint's deployments.
   *
   * @param endpoint the endpoint name
   * @return the deployments by name; empty if none
   */
  List<BatchDeployment> listDeployments(String endpoint);

  /**
   * Starts a scoring job on a deployment.
   *
   * @param endpoint the endpoint name
   * @param deployment the deployment name, or empty for the endpoint's default
   * @param inputs the data input and per-invocation values
   * @return the submitted job
   * @throws RegistryException NOT_FOUND if the endpoint or deployment does not exist, VALIDATION if
   *     no deployment is named and the endpoint has no default, or if the input or a value carries
   *     a credential (such as a SAS token)
   */
  Job invoke(String endpoint, String deployment, JobInputs inputs);

  /**
   * Returns a job's current state.
   *
   * @param id the job id
   * @return the job
   * @throws RegistryException NOT_FOUND if there is no such job
   */
  Job getJob(String id);

  /**
   * Waits until a job ends, polling with exponential backoff.
   *
   * @param id the job id
   * @param timeout how long to wait at most
   * @return the ended job
   * @throws RegistryException TIMEOUT if the job has not ended in time
   */
  Job waitForJob(String id, Duration timeout);

  /**
   * Cancels a job; a job that has ended is returned unchanged.
   *
   * @param id the job id
   * @return the job after the request
   * @throws RegistryException NOT_FOUND if there is no such job
   */
  Job cancelJob(String id);

  /**
   * Returns a job's log so far.
   *
   * @param id the job id
   * @return the log text
   * @throws RegistryException NOT_FOUND if there is no such job
   */
  String getJobLogs(String id);
}
