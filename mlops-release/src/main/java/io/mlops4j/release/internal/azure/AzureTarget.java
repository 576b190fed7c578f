package io.mlops4j.release.internal.azure;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops4j.config.DeploymentConfig;
import io.mlops4j.config.LogKeys;
import io.mlops4j.config.Target;
import io.mlops4j.config.TargetKind;
import io.mlops4j.release.AssetKind;
import io.mlops4j.release.AssetRef;
import io.mlops4j.release.BatchDeployment;
import io.mlops4j.release.BatchEndpoint;
import io.mlops4j.release.DataAsset;
import io.mlops4j.release.DataAssetSpec;
import io.mlops4j.release.DataAssetType;
import io.mlops4j.release.DeploymentSpec;
import io.mlops4j.release.EndpointSpec;
import io.mlops4j.release.Environment;
import io.mlops4j.release.EnvironmentSpec;
import io.mlops4j.release.Job;
import io.mlops4j.release.JobInputs;
import io.mlops4j.release.JobStatus;
import io.mlops4j.release.MlWorkspace;
import io.mlops4j.release.Model;
import io.mlops4j.release.ModelQuery;
import io.mlops4j.release.ModelSpec;
import io.mlops4j.release.PollSettings;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import io.mlops4j.release.internal.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Azure ML workspace or registry behind the {@link MlWorkspace} API. Registries reject the
 * workspace-only operations with VALIDATION. Immutable and thread-safe.
 */
final class AzureTarget implements MlWorkspace {
  private static final Logger LOG = LoggerFactory.getLogger(AzureTarget.class);
  private static final int MAX_VERSION_ATTEMPTS = 50;

  /** Job properties that carry the endpoint and deployment of a batch job (see the docs). */
  static final String JOB_ENDPOINT_PROPERTY = "azureml.batchEndpointName";

  static final String JOB_DEPLOYMENT_PROPERTY = "azureml.batchDeploymentName";

  /** The name of the data input of an invocation; the other inputs are literal values. */
  static final String DATA_INPUT = "input";

  private final AzureBackend backend;
  private final Target target;
  private final ArmClient arm;
  private final ArmClient dataPlane;
  private final BlobArtifacts blobs;
  private final AzureJson json;
  private final PollSettings jobPoll;
  private final String blobEndpoint;
  private final String base;

  AzureTarget(
      AzureBackend backend,
      Target target,
      ArmClient arm,
      ArmClient dataPlane,
      BlobArtifacts blobs,
      AzureJson json,
      PollSettings jobPoll,
      String blobEndpoint) {
    this.backend = backend;
    this.target = target;
    this.arm = arm;
    this.dataPlane = dataPlane;
    this.blobs = blobs;
    this.json = json;
    this.jobPoll = jobPoll;
    this.blobEndpoint = blobEndpoint;
    this.base =
        "/subscriptions/"
            + target.azure().subscriptionId()
            + "/resourceGroups/"
            + target.azure().resourceGroup()
            + "/providers/Microsoft.MachineLearningServices/"
            + (isRegistry() ? "registries/" : "workspaces/")
            + target.azure().name();
  }

  @Override
  public String name() {
    return target.name();
  }

  boolean isRegistry() {
    return target.kind() == TargetKind.REGISTRY;
  }

  String azureName() {
    return target.azure().name();
  }

  /** The ARM id of the workspace or registry. */
  String armId() {
    return base;
  }

  // ---- models ------------------------------------------------------------------------------

  @Override
  public Model registerModel(ModelSpec spec) {
    String op = "registerModel " + spec.name();
    Validation.name(op, "model", spec.name());
    Validation.entries(op, "tag", spec.tags());
    Validation.entries(op, "property", spec.properties());
    Validation.noCredential(op, "description", spec.description());
    for (String key : spec.properties().keySet()) {
      if (key.startsWith(AzureJson.RESERVED_PREFIX)) {
        throw AzureErrors.reservedProperty(op, key);
      }
    }
    if (!Files.exists(spec.artifact())) {
      throw AzureErrors.artifactMissing(op, spec.artifact().toString());
    }
    BlobArtifacts.Digest digest = BlobArtifacts.digest(spec.artifact());
    String uploadedUri = "";
    int version = nextVersion(op, spec.name());
    for (int attempt = 1; attempt <= MAX_VERSION_ATTEMPTS; attempt++) {
      String modelUri;
      if (isRegistry()) {
        Pending pending = pendingUpload(op, spec.name(), version, UUID.randomUUID().toString());
        upload(op, spec.artifact(), pending.location());
        modelUri = pending.blobUri();
      } else {
        if (uploadedUri.isEmpty()) {
          uploadedUri = uploadToDatastore(op, spec.name(), spec.artifact());
        }
        modelUri = uploadedUri;
      }
      Map<String, String> properties = new TreeMap<>(spec.properties());
      properties.put(AzureJson.DIGEST, digest.value());
      properties.put(AzureJson.SIZE, Long.toString(digest.size()));
      ObjectNode body = modelBody(spec.description(), spec.tags(), properties, false, modelUri);
      try {
        JsonNode created = arm.put(op, modelPath(spec.name(), version), body, true);
        LOG.atInfo()
            .addKeyValue(LogKeys.MODEL_NAME, spec.name())
            .addKeyValue(LogKeys.MODEL_VERSION, version)
            .log("registered model version");
        return toModel(spec.name(), created);
      } catch (RegistryException e) {
        if (e.reason() != Reason.CONFLICT) {
          throw e;
        }
        JsonNode committed = ourCommittedVersion(op, spec.name(), version, modelUri);
        if (committed != null) {
          return toModel(spec.name(), committed);
        }
        LOG.atDebug()
            .addKeyValue(LogKeys.MODEL_NAME, spec.name())
            .addKeyValue(LogKeys.MODEL_VERSION, version)
            .log("version taken by a concurrent writer; trying the next");
        version = Math.max(version + 1, nextVersion(op, spec.name()));
      }
    }
    throw AzureErrors.versionsExhausted(op, MAX_VERSION_ATTEMPTS);
  }

  /**
   * The version as stored if this client's own PUT created it: the pipeline retries a PUT whose
   * answer was lost (timeout, 5xx after the service committed), and the retry's If-None-Match then
   * fails with CONFLICT on our own write. Its modelUri is unique to this registration (a fresh
   * upload path or pending-upload blob), so it tells our write from a concurrent writer's.
   */
  private JsonNode ourCommittedVersion(String op, String name, int version, String modelUri) {
    try {
      JsonNode existing = arm.get(op, modelPath(name, version));
      return modelUri.equals(AzureJson.text(existing.path("properties"), "modelUri"))
          ? existing
          : null;
    } catch (RegistryException e) {
      if (e.reason() == Reason.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private int nextVersion(String op, String name) {
    try {
      JsonNode container = arm.get(op, base + "/models/" + enc(name));
      JsonNode props = container.path("properties");
      String next = AzureJson.text(props, "nextVersion");
      if (next.matches("[1-9][0-9]{0,8}")) {
        return Integer.parseInt(next);
      }
      String latest = AzureJson.text(props, "latestVersion");
      return latest.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(latest) + 1 : 1;
    } catch (RegistryException e) {
      if (e.reason() == Reason.NOT_FOUND) {
        return 1;
      }
      throw e;
    }
  }

  private ObjectNode modelBody(
      String description,
      Map<String, String> tags,
      Map<String, String> properties,
      boolean archived,
      String modelUri) {
    ObjectNode props = json.object();
    props.put("description", description);
    props.set("tags", json.stringMap(tags));
    props.set("properties", json.stringMap(properties));
    props.put("isArchived", archived);
    props.put("modelType", "custom_model");
    props.put("modelUri", modelUri);
    ObjectNode body = json.object();
    body.set("properties", props);
    return body;
  }

  private Model toModel(String name, JsonNode resource) {
    JsonNode p = resource.path("properties");
    Map<String, String> stored = AzureJson.readMap(p.path("properties"));
    String version = AzureJson.text(resource, "name");
    return new Model(
        name,
        Integer.parseInt(version),
        AzureJson.text(p, "description"),
        AzureJson.readMap(p.path("tags")),
        AzureJson.userProperties(p.path("properties")),
        stored.getOrDefault(AzureJson.DIGEST, ""),
        Long.parseLong(stored.getOrDefault(AzureJson.SIZE, "0")),
        p.path("isArchived").asBoolean(false),
        stored.getOrDefault(AzureJson.SOURCE, ""),
        AzureJson.instant(resource, "createdAt"));
  }

  private String modelPath(String name, int version) {
    return base + "/models/" + enc(name) + "/versions/" + version;
  }

  @Override
  public Model getModel(String name, int version) {
    return toModel(
        name, arm.get("getModel " + name + " version " + version, modelPath(name, version)));
  }

  @Override
  public Model getLatestModel(String name) {
    return listVersions("getLatestModel " + name, name, "ActiveOnly").stream()
        .max(Comparator.comparingInt(Model::version))
        .orElseThrow(
            () ->
                new RegistryException(
                    Reason.NOT_FOUND,
                    "getLatestModel " + name,
                    "model " + name + " has no version that is not archived"));
  }

  private List<Model> listVersions(String op, String name, String view) {
    try {
      List<JsonNode> items =
          arm.list(op, base + "/models/" + enc(name) + "/versions?listViewType=" + view);
      List<Model> models = new ArrayList<>();
      for (JsonNode item : items) {
        String version = AzureJson.text(item, "name");
        if (version.matches("[1-9][0-9]{0,8}")) {
          models.add(toModel(name, item));
        } else {
          // Azure ML versions are free-form strings; another tool may have registered one
          LOG.atDebug()
              .addKeyValue(LogKeys.MODEL_NAME, name)
              .addKeyValue(LogKeys.MODEL_VERSION, version)
              .log("skipped a model version that is not a positive integer");
        }
      }
      return models;
    } catch (RegistryException e) {
      if (e.reason() == Reason.NOT_FOUND) {
        return List.of();
      }
      throw e;
    }
  }

  @Override
  public List<Model> listModels(ModelQuery query) {
    String op = "listModels";
    String view = query.includeArchived() ? "All" : "ActiveOnly";
    List<String> names = new ArrayList<>();
    if (query.name().isEmpty()) {
      for (JsonNode c : arm.list(op, base + "/models?listViewType=All")) {
        names.add(AzureJson.text(c, "name"));
      }
    } else {
      names.add(query.name());
    }
    List<Model> out = new ArrayList<>();
    for (String name : names.stream().sorted().toList()) {
      listVersions(op, name, view).stream()
          .filter(m -> m.tags().entrySet().containsAll(query.tags().entrySet()))
          .sorted(Comparator.comparingInt(Model::version).reversed())
          .forEach(out::add);
    }
    return out;
  }

  @Override
  public Model updateModelTags(String name, int version, Map<String, String> tags) {
    String op = "updateModelTags " + name + " version " + version;
    Validation.entries(op, "tag", tags);
    ObjectNode body = currentModelBody(op, name, version);
    ((ObjectNode) body.get("properties")).set("tags", json.stringMap(tags));
    return toModel(name, arm.put(op, modelPath(name, version), body, false));
  }

  @Override
  public Model archiveModel(String name, int version) {
    String op = "archiveModel " + name + " version " + version;
    ObjectNode body = currentModelBody(op, name, version);
    ((ObjectNode) body.get("properties")).put("isArchived", true);
    return toModel(name, arm.put(op, modelPath(name, version), body, false));
  }

  /**
   * The PUT body that keeps a model version as it is: its current properties, without the read-only
   * ones. A PUT replaces the resource, so rebuilding the body from our own fields would reset what
   * another tool set (modelType mlflow_model, flavors, jobName, stage), which the service refuses
   * or loses.
   */
  private ObjectNode currentModelBody(String op, String name, int version) {
    JsonNode current = arm.get(op, modelPath(name, version));
    ObjectNode props =
        current.path("properties").isObject()
            ? ((ObjectNode) current.path("properties")).deepCopy()
            : json.object();
    props.remove("provisioningState");
    ObjectNode body = json.object();
    body.set("properties", props);
    return body;
  }

  @Override
  public Path downloadModel(String name, int version, Path targetDir) {
    String op = "downloadModel " + name + " version " + version;
    JsonNode resource = arm.get(op, modelPath(name, version));
    Model model = toModel(name, resource);
    String modelUri = AzureJson.text(resource.path("properties"), "modelUri");
    try {
      if (Files.isDirectory(targetDir)) {
        try (Stream<Path> entries = Files.list(targetDir)) {
          if (entries.findAny().isPresent()) {
            throw AzureErrors.targetNotEmpty(op, targetDir.toString());
          }
        }
      }
      BlobArtifacts.Location location =
          isRegistry()
              ? pendingUpload(op, name, version, "").location()
              : datastoreLocation(op, modelUri);
      blobs.download(location, targetDir);
    } catch (IOException | UncheckedIOException | com.azure.core.exception.AzureException e) {
      throw AzureErrors.artifactIo(op, "download the artifact", e);
    }
    String actual = BlobArtifacts.digest(targetDir).value();
    if (!actual.equals(model.artifactDigest())) {
      throw AzureErrors.digestMismatch(op, model.artifactDigest(), actual);
    }
    return targetDir;
  }

  // ---- blob locations ----------------------------------------------------------------------

  /** Uploads a workspace artifact to the default datastore and returns its azureml:// URI. */
  private String uploadToDatastore(String op, String name, Path artifact) {
    JsonNode store = defaultDatastore(op);
    String datastore = AzureJson.text(store, "name");
    String path = "LocalUpload/mlops4j/" + name + "/" + UUID.randomUUID();
    BlobArtifacts.Location location = datastoreBlobs(op, store, path);
    upload(op, artifact, location);
    return "azureml://subscriptions/"
        + target.azure().subscriptionId()
        + "/resourcegroups/"
        + target.azure().resourceGroup()
        + "/workspaces/"
        + target.azure().name()
        + "/datastores/"
        + datastore
        + "/paths/"
        + path;
  }

  private void upload(String op, Path artifact, BlobArtifacts.Location location) {
    try {
      blobs.upload(artifact, location);
    } catch (UncheckedIOException | com.azure.core.exception.AzureException e) {
      throw AzureErrors.artifactIo(op, "upload the artifact", e);
    }
  }

  private JsonNode defaultDatastore(String op) {
    List<JsonNode> stores = arm.list(op, base + "/datastores?isDefault=true");
    if (stores.isEmpty()) {
      throw AzureErrors.noBlobLocation(op);
    }
    return stores.get(0);
  }

  private BlobArtifacts.Location datastoreLocation(String op, String modelUri) {
    String datastore = AzureJson.segmentAfter(modelUri, "datastores");
    int paths = modelUri.indexOf("/paths/");
    String path = paths < 0 ? "" : modelUri.substring(paths + "/paths/".length());
    JsonNode store = arm.get(op, base + "/datastores/" + enc(datastore));
    return datastoreBlobs(op, store, path);
  }

  private BlobArtifacts.Location datastoreBlobs(String op, JsonNode store, String path) {
    JsonNode p = store.path("properties");
    String account = AzureJson.text(p, "accountName");
    String container = AzureJson.text(p, "containerName");
    String accountUrl =
        blobEndpoint.isEmpty()
            ? AzureJson.text(p, "protocol").isEmpty()
                ? "https://" + account + ".blob." + AzureJson.text(p, "endpoint")
                : AzureJson.text(p, "protocol")
                    + "://"
                    + account
                    + ".blob."
                    + AzureJson.text(p, "endpoint")
            : blobEndpoint;
    JsonNode secrets =
        arm.post(
            op, base + "/datastores/" + enc(AzureJson.text(store, "name")) + "/listSecrets", null);
    String containerUrl = accountUrl + "/" + container;
    if ("Sas".equalsIgnoreCase(AzureJson.text(secrets, "secretsType"))) {
      return blobs.withSasToken(containerUrl, AzureJson.text(secrets, "sasToken"), path);
    }
    return blobs.withAccountKey(containerUrl, account, AzureJson.text(secrets, "key"), path);
  }

  /** A registry version's storage: where to write (with a SAS) and the URI to record. */
  private record Pending(BlobArtifacts.Location location, String blobUri) {}

  /**
   * A registry version's storage location (SAS) from startPendingUpload. With an upload id, a new
   * temporary location for a version about to be created (so a writer that loses the race for a
   * version never writes into the winner's files); without one, the location of an existing
   * version, for reading it.
   */
  private Pending pendingUpload(String op, String name, int version, String uploadId) {
    ObjectNode body = json.object();
    if (!uploadId.isEmpty()) {
      body.put("pendingUploadId", uploadId);
    }
    body.put("pendingUploadType", "TemporaryBlobReference");
    JsonNode answer = arm.post(op, modelPath(name, version) + "/startPendingUpload", body);
    JsonNode ref = answer.path("blobReferenceForConsumption");
    return new Pending(
        blobs.fromSasUri(AzureJson.text(ref.path("credential"), "sasUri")),
        AzureJson.text(ref, "blobUri"));
  }

  // ---- environments ------------------------------------------------------------------------

  @Override
  public Environment createEnvironment(EnvironmentSpec spec) {
    String op = "createEnvironment " + spec.name() + " " + spec.version();
    checkEnvironment(op, spec);
    return toEnvironment(
        spec.name(), arm.put(op, envPath(spec.name(), spec.version()), envBody(spec, ""), true));
  }

  private void checkEnvironment(String op, EnvironmentSpec spec) {
    Validation.name(op, "environment", spec.name());
    Validation.version(op, spec.version());
    Validation.entries(op, "tag", spec.tags());
    Validation.noCredential(op, "build context", spec.buildContext());
    Validation.noCredential(op, "image", spec.image());
    Validation.noCredential(op, "conda file", spec.condaFile());
  }

  private ObjectNode envBody(EnvironmentSpec spec, String source) {
    ObjectNode props = json.object();
    props.put("description", spec.description());
    props.set("tags", json.stringMap(spec.tags()));
    props.set(
        "properties",
        json.stringMap(source.isEmpty() ? Map.of() : Map.of(AzureJson.SOURCE, source)));
    if (!spec.image().isEmpty()) {
      props.put("image", spec.image());
    }
    if (!spec.condaFile().isEmpty()) {
      props.put("condaFile", spec.condaFile());
    }
    if (!spec.buildContext().isEmpty()) {
      ObjectNode build = json.object();
      build.put("contextUri", spec.buildContext());
      props.set("build", build);
    }
    props.put("osType", "Linux");
    ObjectNode body = json.object();
    body.set("properties", props);
    return body;
  }

  private Environment toEnvironment(String name, JsonNode resource) {
    JsonNode p = resource.path("properties");
    EnvironmentSpec spec =
        new EnvironmentSpec(
            name,
            AzureJson.text(resource, "name"),
            AzureJson.text(p, "image"),
            AzureJson.text(p, "condaFile"),
            AzureJson.text(p.path("build"), "contextUri"),
            AzureJson.text(p, "description"),
            AzureJson.readMap(p.path("tags")));
    return new Environment(
        spec,
        AzureJson.readMap(p.path("properties")).getOrDefault(AzureJson.SOURCE, ""),
        AzureJson.instant(resource, "createdAt"));
  }

  private String envPath(String name, String version) {
    return base + "/environments/" + enc(name) + "/versions/" + enc(version);
  }

  @Override
  public Environment getEnvironment(String name, String version) {
    return toEnvironment(
        name, arm.get("getEnvironment " + name + " " + version, envPath(name, version)));
  }

  @Override
  public List<Environment> listEnvironments(String name) {
    List<Environment> out = new ArrayList<>();
    for (String n : containerNames("listEnvironments", "environments", name)) {
      List<Environment> versions = new ArrayList<>();
      for (JsonNode item :
          listOrEmpty("listEnvironments", base + "/environments/" + enc(n) + "/versions")) {
        versions.add(toEnvironment(n, item));
      }
      versions.sort(
          Comparator.comparing(Environment::createdAt)
              .thenComparing(e -> e.spec().version())
              .reversed());
      out.addAll(versions);
    }
    return out;
  }

  private List<String> containerNames(String op, String segment, String name) {
    if (!name.isEmpty()) {
      return List.of(name);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode c : arm.list(op, base + "/" + segment)) {
      names.add(AzureJson.text(c, "name"));
    }
    names.sort(Comparator.naturalOrder());
    return names;
  }

  private List<JsonNode> listOrEmpty(String op, String path) {
    try {
      return arm.list(op, path);
    } catch (RegistryException e) {
      if (e.reason() == Reason.NOT_FOUND) {
        return List.of();
      }
      throw e;
    }
  }

  // ---- data assets -------------------------------------------------------------------------

  @Override
  public DataAsset createDataAsset(DataAssetSpec spec) {
    String op = "createDataAsset " + spec.name() + " " + spec.version();
    checkData(op, spec);
    return toDataAsset(
        spec.name(), arm.put(op, dataPath(spec.name(), spec.version()), dataBody(spec), true));
  }

  private void checkData(String op, DataAssetSpec spec) {
    Validation.name(op, "data asset", spec.name());
    Validation.version(op, spec.version());
    Validation.entries(op, "tag", spec.tags());
    Validation.noCredential(op, "path", spec.path());
  }

  private ObjectNode dataBody(DataAssetSpec spec) {
    ObjectNode props = json.object();
    props.put("dataType", spec.type().name().toLowerCase(Locale.ROOT));
    props.put("dataUri", spec.path());
    props.put("description", spec.description());
    props.set("tags", json.stringMap(spec.tags()));
    props.set("properties", json.object());
    ObjectNode body = json.object();
    body.set("properties", props);
    return body;
  }

  private DataAsset toDataAsset(String name, JsonNode resource) {
    JsonNode p = resource.path("properties");
    DataAssetSpec spec =
        new DataAssetSpec(
            name,
            AzureJson.text(resource, "name"),
            DataAssetType.valueOf(
                AzureJson.text(p, "dataType")
                    .toUpperCase(Locale.ROOT)
                    .replace("URIFILE", "URI_FILE")
                    .replace("URIFOLDER", "URI_FOLDER")),
            AzureJson.text(p, "dataUri"),
            AzureJson.text(p, "description"),
            AzureJson.readMap(p.path("tags")));
    return new DataAsset(
        spec,
        AzureJson.readMap(p.path("properties")).getOrDefault(AzureJson.SOURCE, ""),
        AzureJson.instant(resource, "createdAt"));
  }

  private String dataPath(String name, String version) {
    return base + "/data/" + enc(name) + "/versions/" + enc(version);
  }

  @Override
  public DataAsset getDataAsset(String name, String version) {
    return toDataAsset(
        name, arm.get("getDataAsset " + name + " " + version, dataPath(name, version)));
  }

  @Override
  public DataAsset getOrCreateDataAsset(DataAssetSpec spec) {
    String op = "getOrCreateDataAsset " + spec.name() + " " + spec.version();
    checkData(op, spec);
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        DataAsset existing = getDataAsset(spec.name(), spec.version());
        if (existing.spec().type() == spec.type() && existing.spec().path().equals(spec.path())) {
          return existing;
        }
        throw new RegistryException(
            Reason.CONFLICT,
            op,
            "data asset "
                + spec.name()
                + " version "
                + spec.version()
                + " exists with another type or path; use a new version");
      } catch (RegistryException e) {
        if (e.reason() != Reason.NOT_FOUND) {
          throw e;
        }
      }
      try {
        return createDataAsset(spec);
      } catch (RegistryException e) {
        if (e.reason() != Reason.CONFLICT) {
          throw e;
        }
      }
    }
    return getDataAsset(spec.name(), spec.version());
  }

  @Override
  public List<DataAsset> listDataAssets(String name) {
    List<DataAsset> out = new ArrayList<>();
    for (String n : containerNames("listDataAssets", "data", name)) {
      List<DataAsset> versions = new ArrayList<>();
      for (JsonNode item : listOrEmpty("listDataAssets", base + "/data/" + enc(n) + "/versions")) {
        versions.add(toDataAsset(n, item));
      }
      versions.sort(
          Comparator.comparing(DataAsset::createdAt)
              .thenComparing(d -> d.spec().version())
              .reversed());
      out.addAll(versions);
    }
    return out;
  }

  // ---- sharing -----------------------------------------------------------------------------

  private AzureTarget registryTarget(String op, String registry) {
    return backend
        .registryByLogicalName(registry)
        .orElseThrow(() -> AzureErrors.unknownRegistry(op, registry));
  }

  @Override
  public AssetRef shareModel(String name, int version, String registry) {
    String op = "shareModel " + name + " version " + version + " to " + registry;
    requireWorkspace(op);
    AzureTarget to = registryTarget(op, registry);
    Model model = getModel(name, version);
    AssetRef ref = AssetRef.registry(registry, AssetKind.MODEL, name, Integer.toString(version));
    try {
      Model existing = to.getModel(name, version);
      if (existing.artifactDigest().equals(model.artifactDigest())) {
        return ref;
      }
      throw AzureErrors.differentCopy(op, ref.toString());
    } catch (RegistryException e) {
      if (e.reason() != Reason.NOT_FOUND) {
        throw e;
      }
    }
    Path tmp;
    try {
      tmp = Files.createTempDirectory("mlops4j-share-");
    } catch (IOException e) {
      throw AzureErrors.artifactIo(op, "create a temporary directory", e);
    }
    try {
      Path dir = tmp.resolve("artifact");
      downloadModel(name, version, dir);
      Pending pending = to.pendingUpload(op, name, version, UUID.randomUUID().toString());
      to.upload(op, dir, pending.location());
      Map<String, String> properties = new TreeMap<>(model.properties());
      properties.put(AzureJson.DIGEST, model.artifactDigest());
      properties.put(AzureJson.SIZE, Long.toString(model.artifactSize()));
      properties.put(AzureJson.SOURCE, base + "/models/" + name + "/versions/" + version);
      ObjectNode body =
          modelBody(model.description(), model.tags(), properties, false, pending.blobUri());
      try {
        arm.put(op, to.modelPath(name, version), body, true);
      } catch (RegistryException e) {
        if (e.reason() != Reason.CONFLICT
            || !to.getModel(name, version).artifactDigest().equals(model.artifactDigest())) {
          throw e.reason() == Reason.CONFLICT ? AzureErrors.differentCopy(op, ref.toString()) : e;
        }
      }
      return ref;
    } finally {
      deleteTree(tmp);
    }
  }

  @Override
  public AssetRef shareEnvironment(String name, String version, String registry) {
    String op = "shareEnvironment " + name + " " + version + " to " + registry;
    requireWorkspace(op);
    AzureTarget to = registryTarget(op, registry);
    Environment env = getEnvironment(name, version);
    AssetRef ref = AssetRef.registry(registry, AssetKind.ENVIRONMENT, name, version);
    try {
      Environment existing = to.getEnvironment(name, version);
      if (existing.spec().equals(env.spec())) {
        return ref;
      }
      throw AzureErrors.differentCopy(op, ref.toString());
    } catch (RegistryException e) {
      if (e.reason() != Reason.NOT_FOUND) {
        throw e;
      }
    }
    String source = base + "/environments/" + name + "/versions/" + version;
    try {
      arm.put(op, to.envPath(name, version), envBody(env.spec(), source), true);
    } catch (RegistryException e) {
      if (e.reason() == Reason.CONFLICT
          && !to.getEnvironment(name, version).spec().equals(env.spec())) {
        throw AzureErrors.differentCopy(op, ref.toString());
      }
      if (e.reason() != Reason.CONFLICT) {
        throw e;
      }
    }
    return ref;
  }

  // ---- endpoints and deployments -----------------------------------------------------------

  private void requireWorkspace(String op) {
    if (isRegistry()) {
      throw AzureErrors.registryOnly(op, target.name());
    }
  }

  private String region(String op) {
    if (target.azure().region().isEmpty()) {
      throw AzureErrors.missingRegion(op, target.name());
    }
    return target.azure().region();
  }

  private String endpointPath(String name) {
    return base + "/batchEndpoints/" + enc(name);
  }

  @Override
  public BatchEndpoint createOrUpdateEndpoint(EndpointSpec spec) {
    String op = "createOrUpdateEndpoint " + spec.name();
    requireWorkspace(op);
    Validation.name(op, "endpoint", spec.name());
    Validation.entries(op, "tag", spec.tags());
    Validation.noCredential(op, "description", spec.description());
    String defaultDeployment = "";
    try {
      defaultDeployment = getEndpoint(spec.name()).defaultDeployment();
    } catch (RegistryException e) {
      if (e.reason() != Reason.NOT_FOUND) {
        throw e;
      }
    }
    return putEndpoint(op, spec, defaultDeployment);
  }

  private BatchEndpoint putEndpoint(String op, EndpointSpec spec, String defaultDeployment) {
    ObjectNode props = json.object();
    props.put("description", spec.description());
    props.put("authMode", "AADToken");
    if (!defaultDeployment.isEmpty()) {
      ObjectNode defaults = json.object();
      defaults.put("deploymentName", defaultDeployment);
      props.set("defaults", defaults);
    }
    ObjectNode body = json.object();
    body.put("location", region(op));
    body.set("tags", json.stringMap(spec.tags()));
    body.set("properties", props);
    arm.put(op, endpointPath(spec.name()), body, false);
    return getEndpoint(spec.name());
  }

  private BatchEndpoint toEndpoint(JsonNode resource) {
    JsonNode p = resource.path("properties");
    return new BatchEndpoint(
        new EndpointSpec(
            AzureJson.text(resource, "name"),
            AzureJson.text(p, "description"),
            AzureJson.readMap(resource.path("tags"))),
        AzureJson.text(p.path("defaults"), "deploymentName"),
        AzureJson.instant(resource, "createdAt"),
        AzureJson.instant(resource, "lastModifiedAt"));
  }

  @Override
  public BatchEndpoint getEndpoint(String name) {
    String op = "getEndpoint " + name;
    requireWorkspace(op);
    return toEndpoint(arm.get(op, endpointPath(name)));
  }

  @Override
  public List<BatchEndpoint> listEndpoints() {
    String op = "listEndpoints";
    requireWorkspace(op);
    List<BatchEndpoint> out =
        new ArrayList<>(ArmClient.map(arm.list(op, base + "/batchEndpoints"), this::toEndpoint));
    out.sort(Comparator.comparing(e -> e.spec().name()));
    return out;
  }

  @Override
  public BatchEndpoint setDefaultDeployment(String endpoint, String deployment) {
    String op = "setDefaultDeployment " + endpoint + " " + deployment;
    requireWorkspace(op);
    BatchEndpoint current = getEndpoint(endpoint);
    getDeployment(endpoint, deployment);
    return putEndpoint(op, current.spec(), deployment);
  }

  private String deploymentPath(String endpoint, String name) {
    return endpointPath(endpoint) + "/deployments/" + enc(name);
  }

  @Override
  public BatchDeployment createOrUpdateDeployment(DeploymentSpec spec) {
    String op = "createOrUpdateDeployment " + spec.endpoint() + " " + spec.name();
    requireWorkspace(op);
    Validation.name(op, "deployment", spec.name());
    Validation.entries(op, "tag", spec.tags());
    Validation.entries(op, "environment variable", spec.environmentVariables());
    getEndpoint(spec.endpoint());
    checkExists(op, spec.model());
    checkExists(op, spec.environment());
    DeploymentConfig s = spec.settings();
    ObjectNode model = json.object();
    model.put("referenceType", "Id");
    model.put("assetId", assetId(op, spec.model()));
    ObjectNode retry = json.object();
    retry.put("maxRetries", s.retryMax());
    retry.put("timeout", Duration.ofSeconds(s.timeoutSeconds()).toString());
    ObjectNode resources = json.object();
    resources.put("instanceCount", s.instanceCount());
    ObjectNode props = json.object();
    props.set("model", model);
    props.put("environmentId", assetId(op, spec.environment()));
    props.set("environmentVariables", json.stringMap(spec.environmentVariables()));
    props.put("compute", s.computeInstanceType());
    props.put("errorThreshold", s.errorThreshold());
    props.set("retrySettings", retry);
    props.put("miniBatchSize", s.miniBatchSize());
    props.put("maxConcurrencyPerInstance", s.maxConcurrencyPerInstance());
    props.set("resources", resources);
    ObjectNode body = json.object();
    body.put("location", region(op));
    body.set("tags", json.stringMap(spec.tags()));
    body.set("properties", props);
    arm.put(op, deploymentPath(spec.endpoint(), spec.name()), body, false);
    return getDeployment(spec.endpoint(), spec.name());
  }

  private void checkExists(String op, AssetRef ref) {
    AzureTarget owner = this;
    if (ref.inRegistry()) {
      owner =
          backend
              .registryByLogicalName(ref.registry())
              .orElseThrow(() -> AzureErrors.unknownRegistry(op, ref.registry()));
    } else if (!ref.workspaceId().isEmpty() && !ref.workspaceId().equalsIgnoreCase(base)) {
      arm.get(op + " (" + ref + ")", ref.toString());
      return;
    }
    if (ref.kind() == AssetKind.MODEL) {
      owner.getModel(ref.name(), Integer.parseInt(ref.version()));
    } else if (ref.kind() == AssetKind.ENVIRONMENT) {
      owner.getEnvironment(ref.name(), ref.version());
    } else {
      owner.getDataAsset(ref.name(), ref.version());
    }
  }

  /** The id Azure ML takes for an asset: an ARM id, or azureml://registries/... */
  private String assetId(String op, AssetRef ref) {
    String tail = "/" + ref.kind().segment() + "/" + ref.name() + "/versions/" + ref.version();
    if (ref.inRegistry()) {
      return "azureml://registries/" + registryTarget(op, ref.registry()).azureName() + tail;
    }
    if (!ref.workspaceId().isEmpty()) {
      return ref.toString();
    }
    return base + tail;
  }

  private AssetRef fromAssetId(String id, AssetKind kind) {
    AssetRef ref = AssetRef.parse(id, kind);
    if (ref.inRegistry()) {
      return AssetRef.registry(
          backend.logicalRegistryName(ref.registry()), ref.kind(), ref.name(), ref.version());
    }
    if (ref.workspaceId().equalsIgnoreCase(base)) {
      return AssetRef.workspace(ref.kind(), ref.name(), ref.version());
    }
    return ref;
  }

  private BatchDeployment toDeployment(String endpoint, JsonNode resource) {
    JsonNode p = resource.path("properties");
    JsonNode retry = p.path("retrySettings");
    DeploymentConfig settings =
        new DeploymentConfig(
            AzureJson.text(p, "compute"),
            p.path("miniBatchSize").asInt(10),
            p.path("resources").path("instanceCount").asInt(1),
            p.path("maxConcurrencyPerInstance").asInt(1),
            p.path("errorThreshold").asInt(-1),
            retry.path("maxRetries").asInt(3),
            (int) Duration.parse(retry.path("timeout").asText("PT30S")).toSeconds());
    DeploymentSpec spec =
        new DeploymentSpec(
            endpoint,
            AzureJson.text(resource, "name"),
            fromAssetId(AzureJson.text(p.path("model"), "assetId"), AssetKind.MODEL),
            fromAssetId(AzureJson.text(p, "environmentId"), AssetKind.ENVIRONMENT),
            settings,
            AzureJson.readMap(p.path("environmentVariables")),
            AzureJson.readMap(resource.path("tags")));
    return new BatchDeployment(
        spec,
        AzureJson.instant(resource, "createdAt"),
        AzureJson.instant(resource, "lastModifiedAt"));
  }

  @Override
  public BatchDeployment getDeployment(String endpoint, String name) {
    String op = "getDeployment " + endpoint + " " + name;
    requireWorkspace(op);
    return toDeployment(endpoint, arm.get(op, deploymentPath(endpoint, name)));
  }

  @Override
  public List<BatchDeployment> listDeployments(String endpoint) {
    String op = "listDeployments " + endpoint;
    requireWorkspace(op);
    List<BatchDeployment> out = new ArrayList<>();
    for (JsonNode item : listOrEmpty(op, endpointPath(endpoint) + "/deployments")) {
      out.add(toDeployment(endpoint, item));
    }
    out.sort(Comparator.comparing(d -> d.spec().name()));
    return out;
  }

  // ---- jobs --------------------------------------------------------------------------------

  @Override
  public Job invoke(String endpoint, String deployment, JobInputs inputs) {
    String op = "invoke " + endpoint;
    requireWorkspace(op);
    Validation.noCredential(op, "input", inputs.input());
    Validation.entries(op, "value", inputs.values());
    JsonNode resource = arm.get(op, endpointPath(endpoint));
    String chosen = deployment;
    if (chosen.isEmpty()) {
      chosen = AzureJson.text(resource.path("properties").path("defaults"), "deploymentName");
      if (chosen.isEmpty()) {
        throw AzureErrors.noDefaultDeployment(op, endpoint);
      }
    } else {
      getDeployment(endpoint, chosen);
    }
    ObjectNode data = json.object();
    ObjectNode input = json.object();
    input.put("JobInputType", "UriFolder");
    input.put("Uri", inputs.input());
    data.set(DATA_INPUT, input);
    new TreeMap<>(inputs.values())
        .forEach(
            (k, v) -> {
              ObjectNode literal = json.object();
              literal.put("JobInputType", "Literal");
              literal.put("Value", v);
              data.set(k, literal);
            });
    ObjectNode props = json.object();
    props.set("InputData", data);
    ObjectNode body = json.object();
    body.set("properties", props);
    String scoringUri = AzureJson.text(resource.path("properties"), "scoringUri");
    JsonNode answer =
        dataPlane.postAbsolute(op, scoringUri, body, Map.of("azureml-model-deployment", chosen));
    String name = AzureJson.text(answer, "name");
    if (name.isEmpty()) {
      name = AzureJson.lastSegment(AzureJson.text(answer, "id"));
    }
    LOG.atInfo().addKeyValue(LogKeys.RUN_ID, name).log("invoked batch endpoint");
    return getJob(name);
  }

  private String jobPath(String id) {
    return base + "/jobs/" + enc(id);
  }

  @Override
  public Job getJob(String id) {
    String op = "getJob " + id;
    requireWorkspace(op);
    return toJob(arm.get(op, jobPath(id)));
  }

  private Job toJob(JsonNode resource) {
    JsonNode p = resource.path("properties");
    Map<String, String> props = AzureJson.readMap(p.path("properties"));
    String input = "";
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode inputs = p.path("inputs");
    if (inputs.isObject()) {
      inputs
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode in = e.getValue();
                if ("literal".equalsIgnoreCase(AzureJson.text(in, "jobInputType"))) {
                  values.put(e.getKey(), AzureJson.text(in, "value"));
                }
              });
      JsonNode data = inputs.path(DATA_INPUT);
      input = AzureJson.text(data, "uri");
    }
    JobStatus status = status(AzureJson.text(p, "status"));
    Instant created = AzureJson.instant(resource, "createdAt");
    Instant ended =
        status.isTerminal() ? AzureJson.instant(resource, "lastModifiedAt") : Instant.EPOCH;
    return new Job(
        AzureJson.text(resource, "name"),
        props.getOrDefault(JOB_ENDPOINT_PROPERTY, ""),
        props.getOrDefault(JOB_DEPLOYMENT_PROPERTY, ""),
        new JobInputs(input, values),
        status,
        status == JobStatus.COMPLETED ? 0 : status == JobStatus.FAILED ? 1 : -1,
        status == JobStatus.FAILED
            ? "job ended Failed in Azure ML; see its logs (mlops ws jobs logs)"
            : "",
        created,
        ended);
  }

  static JobStatus status(String azure) {
    return switch (azure) {
      case "Completed" -> JobStatus.COMPLETED;
      case "Failed" -> JobStatus.FAILED;
      case "Canceled" -> JobStatus.CANCELED;
      case "Running", "Finalizing", "CancelRequested", "NotResponding", "Paused" ->
          JobStatus.RUNNING;
      default -> JobStatus.QUEUED;
    };
  }

  @Override
  public Job waitForJob(String id, Duration timeout) {
    String op = "waitForJob " + id;
    Job first = getJob(id);
    if (first.status().isTerminal()) {
      return first;
    }
    java.util.concurrent.atomic.AtomicReference<Duration> wait =
        new java.util.concurrent.atomic.AtomicReference<>(jobPoll.initial());
    SyncPoller<Job, Job> poller =
        SyncPoller.createPoller(
            jobPoll.initial(),
            context -> new PollResponse<>(LongRunningOperationStatus.IN_PROGRESS, first),
            context -> {
              Job job = getJob(id);
              Duration next = wait.updateAndGet(jobPoll::next);
              return new PollResponse<>(
                  job.status().isTerminal()
                      ? LongRunningOperationStatus.SUCCESSFULLY_COMPLETED
                      : LongRunningOperationStatus.IN_PROGRESS,
                  job,
                  next);
            },
            (context, response) -> cancelJob(id),
            context -> context.getLatestResponse().getValue());
    try {
      PollResponse<Job> last = poller.waitForCompletion(timeout);
      if (!last.getStatus().isComplete()) {
        throw AzureErrors.timeout(op, id, timeout.toString());
      }
      return last.getValue();
    } catch (RegistryException e) {
      throw e;
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof RegistryException registry) {
          throw registry;
        }
      }
      throw AzureErrors.timeout(op, id, timeout.toString());
    }
  }

  @Override
  public Job cancelJob(String id) {
    String op = "cancelJob " + id;
    Job job = getJob(id);
    if (job.status().isTerminal()) {
      return job;
    }
    arm.postLongRunning(op, jobPath(id) + "/cancel", null);
    return getJob(id);
  }

  @Override
  public String getJobLogs(String id) {
    String op = "getJobLogs " + id;
    getJob(id);
    try {
      JsonNode store = defaultDatastore(op);
      BlobArtifacts.Location location =
          datastoreBlobs(op, store, "ExperimentRun/dcid." + id + "/user_logs");
      Path tmp = Files.createTempDirectory("mlops4j-logs-");
      try {
        blobs.download(location, tmp);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Path> f : BlobArtifacts.files(tmp).entrySet()) {
          text.append(Files.readString(f.getValue(), StandardCharsets.UTF_8));
        }
        return text.toString();
      } finally {
        deleteTree(tmp);
      }
    } catch (IOException | UncheckedIOException | com.azure.core.exception.AzureException e) {
      throw AzureErrors.artifactIo(op, "read the job's logs", e);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static String enc(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.atDebug().log("could not delete a temporary directory");
    }
  }
}
