package io.mlops4j.release.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.sas.SasProtocol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A stateful stand-in for Azure ML's ARM API (api-version 2024-10-01) and a batch endpoint's
 * scoring URI, on HTTPS on a free localhost port. It answers in the shapes of the official examples
 * (201 + Azure-AsyncOperation for long-running PUTs, 202 + Location for job cancel, {@code
 * value}/{@code nextLink} pages of two items), keeps assets, endpoints, deployments and jobs in
 * memory, and stores artifacts in Azurite. Every request it receives is checked against the swagger
 * (body, path parameters) and every response it sends is checked against the swagger response
 * schema; each violation is recorded in {@link #violations()}.
 */
final class ArmStub implements AutoCloseable {
  static final String API_VERSION = "2024-10-01";
  static final int PAGE_SIZE = 2;

  /** A recorded request: method, path with query, and whether it carried If-None-Match: *. */
  record Request(String method, String path, String query, String authorization, JsonNode body) {}

  private record Fault(
      Predicate<Request> when, int status, Map<String, String> headers, AtomicInteger left) {}

  private record Answer(int status, Map<String, String> headers, JsonNode body) {}

  private final ObjectMapper mapper = new ObjectMapper();
  private final SwaggerValidator swagger;
  private final HttpsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Map<String, ObjectNode> store = new TreeMap<>();
  private final Map<String, AtomicInteger> operations = new HashMap<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final List<Fault> lateFaults = new CopyOnWriteArrayList<>();
  private final BlobServiceClient blobService;
  private final String blobAccountUrl;
  private final String accountKey;
  private Instant lastTime = Instant.EPOCH;
  private volatile boolean rejectTokens;
  private volatile boolean failOperations;
  private final AtomicInteger jobs = new AtomicInteger();

  ArmStub(
      SwaggerValidator swagger,
      SSLContext tls,
      Azurite azurite,
      com.azure.core.http.HttpClient httpClient)
      throws IOException {
    this.swagger = swagger;
    this.blobAccountUrl = azurite.accountUrl();
    this.accountKey = Azurite.ACCOUNT_KEY;
    this.blobService =
        new BlobServiceClientBuilder()
            .endpoint(blobAccountUrl)
            .credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, accountKey))
            .httpClient(httpClient)
            .buildClient();
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The ARM endpoint of the stub, {@code https://127.0.0.1:PORT}. */
  String endpoint() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every swagger violation seen so far, in requests and in the stub's own responses. */
  List<String> violations() {
    return List.copyOf(violations);
  }

  /** Every request received so far. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Answers the next {@code times} matching requests with an error status and headers. */
  void fail(Predicate<Request> when, int status, Map<String, String> headers, int times) {
    faults.add(new Fault(when, status, headers, new AtomicInteger(times)));
  }

  /**
   * Makes matching requests fail with a status after the service handled them, as a gateway that
   * times out on a request the service committed; a retry then sees the committed state.
   */
  void failAfterHandling(Predicate<Request> when, int status, int times) {
    lateFaults.add(new Fault(when, status, Map.of(), new AtomicInteger(times)));
  }

  /** Makes every request fail 401, as a service that rejects the credential. */
  void rejectTokens(boolean reject) {
    this.rejectTokens = reject;
  }

  /** Makes every long-running operation end Failed with an ARM error, as a failed provisioning. */
  void failOperations(boolean fail) {
    this.failOperations = fail;
  }

  /** Sets a job's status, as the service would when the job moves on. */
  synchronized void setJobStatus(String jobId, String status) {
    for (Map.Entry<String, ObjectNode> e : store.entrySet()) {
      if (e.getKey().endsWith("/jobs/" + jobId)) {
        ((ObjectNode) e.getValue().get("properties")).put("status", status);
        touch(e.getValue());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- dispatch ----------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
      byte[] raw;
      try (InputStream in = exchange.getRequestBody()) {
        raw = in.readAllBytes();
      }
      JsonNode body = raw.length == 0 ? MissingNode.getInstance() : mapper.readTree(raw);
      String auth =
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
      Request request = new Request(method, path, query, auth, body);
      requests.add(request);
      Answer handled = answer(exchange, request);
      Answer answer = handled;
      for (Fault f : lateFaults) {
        if (handled.status() < 300 && f.when().test(request) && f.left().getAndDecrement() > 0) {
          answer =
              new Answer(
                  f.status(), f.headers(), error("Injected", "injected fault " + f.status()));
          break;
        }
      }
      byte[] out = answer.body() == null ? new byte[0] : mapper.writeValueAsBytes(answer.body());
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      if (out.length > 0) {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
      }
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    } catch (RuntimeException e) {
      violations.add("stub failed on " + exchange.getRequestURI() + ": " + e);
      throw e;
    }
  }

  private Answer answer(HttpExchange exchange, Request request) {
    for (Fault f : faults) {
      if (f.when().test(request) && f.left().getAndDecrement() > 0) {
        return new Answer(
            f.status(), f.headers(), error("Injected", "injected fault " + f.status()));
      }
    }
    if (request.path().startsWith("/operations/")) {
      return operationStatus(request.path());
    }
    if (request.path().startsWith("/scoring/")) {
      if (rejectTokens || !request.authorization().contains("https://ml.azure.com/.default")) {
        return new Answer(
            401,
            Map.of(),
            error("Unauthorized", "the scoring URI needs a token for https://ml.azure.com"));
      }
      return invoke(exchange, request);
    }
    if (rejectTokens
        || !request.authorization().contains("https://management.azure.com/.default")) {
      return new Answer(
          401,
          Map.of("WWW-Authenticate", "Bearer authorization_uri=\"https://login.example/\""),
          error("InvalidAuthenticationToken", "The access token is invalid."));
    }
    if (!query(request.query()).getOrDefault("api-version", "").equals(API_VERSION)) {
      violations.add("missing or wrong api-version: " + request.method() + " " + request.path());
      return new Answer(
          400, Map.of(), error("InvalidApiVersion", "api-version " + API_VERSION + " is required"));
    }
    Optional<Map.Entry<SwaggerValidator.Operation, Map<String, String>>> found =
        swagger.find(request.method(), request.path());
    if (found.isEmpty()) {
      violations.add("no swagger operation for " + request.method() + " " + request.path());
      return new Answer(404, Map.of(), error("NoRoute", "no operation " + request.path()));
    }
    SwaggerValidator.Operation op = found.get().getKey();
    Map<String, String> params = found.get().getValue();
    List<String> problems = swagger.validateRequest(op, params, request.body());
    if (!problems.isEmpty()) {
      violations.addAll(problems);
      return respond(
          op, new Answer(400, Map.of(), error("UserError", String.join("; ", problems))));
    }
    Answer answer;
    synchronized (this) {
      answer = dispatch(exchange, op, params, request);
    }
    return respond(op, answer);
  }

  private Answer respond(SwaggerValidator.Operation op, Answer answer) {
    violations.addAll(swagger.validateResponse(op, answer.status(), answer.body()));
    return answer;
  }

  private Answer dispatch(
      HttpExchange exchange,
      SwaggerValidator.Operation op,
      Map<String, String> params,
      Request request) {
    String id = op.id().replaceFirst("^Registry", "");
    boolean registry = op.id().startsWith("Registry");
    String key = request.path();
    return switch (id) {
      case "ModelContainers_Get",
              "EnvironmentContainers_Get",
              "DataContainers_Get",
              "ModelVersions_Get",
              "EnvironmentVersions_Get",
              "DataVersions_Get",
              "BatchEndpoints_Get",
              "BatchDeployments_Get",
              "Jobs_Get",
              "Datastores_Get" ->
          get(key);
      case "ModelContainers_List",
              "EnvironmentContainers_List",
              "DataContainers_List",
              "BatchEndpoints_List",
              "BatchDeployments_List",
              "Jobs_List" ->
          list(request, key, false);
      case "ModelVersions_List", "EnvironmentVersions_List", "DataVersions_List" ->
          list(request, key, true);
      case "ModelVersions_CreateOrUpdate",
              "EnvironmentVersions_CreateOrUpdate",
              "DataVersions_CreateOrUpdate" ->
          putVersion(exchange, request, key, registry);
      case "ModelVersions_CreateOrGetStartPendingUpload" ->
          pendingUpload(key, params, request.body());
      case "BatchEndpoints_CreateOrUpdate" -> putTracked(request, key, true);
      case "BatchDeployments_CreateOrUpdate" -> putTracked(request, key, false);
      case "Jobs_Cancel" -> cancel(key);
      case "Datastores_List" -> datastores(key);
      case "Datastores_ListSecrets" -> secrets();
      default -> {
        violations.add("stub does not implement " + op.id());
        yield new Answer(400, Map.of(), error("NotImplemented", op.id()));
      }
    };
  }

  // ---- resources ---------------------------------------------------------------------------

  private Answer get(String key) {
    ObjectNode resource = store.get(key);
    if (key.contains("/datastores/")) {
      return new Answer(200, Map.of(), datastore(key.substring(0, key.indexOf("/datastores/"))));
    }
    if (resource == null) {
      return notFound(key);
    }
    return new Answer(200, Map.of(), resource);
  }

  private Answer notFound(String key) {
    return new Answer(
        404,
        Map.of(),
        error("UserError", "Could not find resource " + key.substring(key.indexOf("/providers/"))));
  }

  private Answer list(Request request, String key, boolean versions) {
    Map<String, String> query = query(request.query());
    String prefix = key + "/";
    List<ObjectNode> items = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : store.entrySet()) {
      String rest = e.getKey().startsWith(prefix) ? e.getKey().substring(prefix.length()) : null;
      if (rest == null || rest.contains("/")) {
        continue;
      }
      ObjectNode item = e.getValue();
      if (versions) {
        boolean archived = item.path("properties").path("isArchived").asBoolean(false);
        String view = query.getOrDefault("listViewType", "ActiveOnly");
        if ((view.equals("ActiveOnly") && archived) || (view.equals("ArchivedOnly") && !archived)) {
          continue;
        }
      }
      items.add(item);
    }
    if (!versions) {
      items.sort(Comparator.comparing(i -> i.path("name").asText()));
    } else {
      items.sort(
          Comparator.comparing(
              i -> Instant.parse(i.path("systemData").path("createdAt").asText())));
    }
    int skip = Integer.parseInt(query.getOrDefault("$skip", "0"));
    ObjectNode page = mapper.createObjectNode();
    ArrayNode value = page.putArray("value");
    items.stream().skip(skip).limit(PAGE_SIZE).forEach(value::add);
    if (skip + PAGE_SIZE < items.size()) {
      StringBuilder next = new StringBuilder(endpoint() + key + "?api-version=" + API_VERSION);
      query.forEach(
          (k, v) -> {
            if (!k.equals("api-version") && !k.equals("$skip")) {
              next.append('&').append(k).append('=').append(v);
            }
          });
      next.append("&$skip=").append(skip + PAGE_SIZE);
      page.put("nextLink", next.toString());
    }
    return new Answer(200, Map.of(), page);
  }

  private Answer putVersion(HttpExchange exchange, Request request, String key, boolean registry) {
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    ObjectNode existing = store.get(key);
    ObjectNode props = ((ObjectNode) request.body().get("properties")).deepCopy();
    if (existing != null) {
      if ("*".equals(ifNoneMatch)) {
        return new Answer(
            409,
            Map.of(),
            error(
                "UserError",
                "Conflict: version already exists: " + key.substring(key.indexOf("/providers/"))));
      }
      JsonNode before = existing.get("properties");
      for (String immutable :
          List.of(
              "modelUri",
              "modelType",
              "flavors",
              "jobName",
              "dataUri",
              "image",
              "condaFile",
              "properties")) {
        if (!before.path(immutable).equals(props.path(immutable))) {
          return new Answer(
              409,
              Map.of(),
              error(
                  "UserError", "Conflict: '" + immutable + "' of an asset version cannot change"));
        }
      }
      ObjectNode updated = existing.deepCopy();
      ObjectNode p = (ObjectNode) updated.get("properties");
      p.set("tags", props.path("tags"));
      p.set("description", props.path("description"));
      p.put("isArchived", props.path("isArchived").asBoolean(false));
      touch(updated);
      store.put(key, updated);
      return longRunning(registry, 200, updated);
    }
    String container = key.substring(0, key.lastIndexOf("/versions/"));
    String version = key.substring(key.lastIndexOf('/') + 1);
    if (key.contains("/models/")) {
      props.put("provisioningState", "Succeeded");
    }
    ObjectNode resource = resource(key, version, type(key), props);
    store.put(key, resource);
    ObjectNode c = store.get(container);
    if (c == null) {
      ObjectNode cp = mapper.createObjectNode();
      cp.put("isArchived", false);
      c =
          resource(
              container, container.substring(container.lastIndexOf('/') + 1), type(container), cp);
      store.put(container, c);
    }
    int max = 0;
    String latest = version;
    for (String k : store.keySet()) {
      if (k.startsWith(container + "/versions/")) {
        String v = k.substring(k.lastIndexOf('/') + 1);
        if (v.matches("[0-9]{1,9}")) {
          max = Math.max(max, Integer.parseInt(v));
        }
      }
    }
    ObjectNode cp = (ObjectNode) c.get("properties");
    cp.put("latestVersion", max > 0 ? Integer.toString(max) : latest);
    cp.put("nextVersion", Integer.toString(max + 1));
    touch(c);
    return longRunning(registry, 201, resource);
  }

  private Answer longRunning(boolean lro, int status, ObjectNode resource) {
    if (!lro) {
      return new Answer(status, Map.of(), resource);
    }
    String operation = UUID.randomUUID().toString();
    operations.put(operation, new AtomicInteger());
    return new Answer(
        201,
        Map.of(
            "Azure-AsyncOperation",
            endpoint() + "/operations/" + operation + "?api-version=" + API_VERSION,
            "x-ms-async-operation-timeout",
            "PT1H"),
        resource);
  }

  private Answer operationStatus(String path) {
    String operation = path.substring("/operations/".length());
    AtomicInteger polls;
    synchronized (this) {
      polls = operations.get(operation);
    }
    if (polls == null) {
      return new Answer(404, Map.of(), error("NotFound", "no operation " + operation));
    }
    ObjectNode status = mapper.createObjectNode();
    status.put("id", operation);
    boolean done = polls.getAndIncrement() > 0;
    status.put("status", !done ? "InProgress" : failOperations ? "Failed" : "Succeeded");
    if (done && failOperations) {
      status
          .putObject("error")
          .put("code", "DeploymentFailed")
          .put("message", "quota exceeded for Standard_DS3_v2");
    }
    return new Answer(200, Map.of("Retry-After", "0"), status);
  }

  private Answer putTracked(Request request, String key, boolean endpoint) {
    ObjectNode existing = store.get(key);
    ObjectNode props = ((ObjectNode) request.body().get("properties")).deepCopy();
    String name = key.substring(key.lastIndexOf('/') + 1);
    if (endpoint) {
      String ws = segmentAfter(key, "workspaces");
      props.put(
          "scoringUri",
          endpoint()
              + "/scoring/"
              + segmentAfter(key, "subscriptions")
              + "/"
              + segmentAfter(key, "resourceGroups")
              + "/"
              + ws
              + "/"
              + name
              + "/jobs");
    } else if (!store.containsKey(key.substring(0, key.indexOf("/deployments/")))) {
      return notFound(key.substring(0, key.indexOf("/deployments/")));
    }
    props.put("provisioningState", "Succeeded");
    ObjectNode resource = resource(key, name, type(key), props);
    resource.set("tags", request.body().path("tags"));
    resource.set("location", request.body().path("location"));
    if (existing != null) {
      resource.set("systemData", existing.get("systemData").deepCopy());
      touch(resource);
    }
    store.put(key, resource);
    ObjectNode initial = resource.deepCopy();
    ((ObjectNode) initial.get("properties"))
        .put("provisioningState", existing == null ? "Creating" : "Updating");
    return longRunning(true, 201, initial);
  }

  private Answer cancel(String key) {
    String jobKey = key.substring(0, key.lastIndexOf("/cancel"));
    ObjectNode job = store.get(jobKey);
    if (job == null) {
      return notFound(jobKey);
    }
    ((ObjectNode) job.get("properties")).put("status", "Canceled");
    touch(job);
    String operation = UUID.randomUUID().toString();
    return new Answer(
        202,
        Map.of(
            "Location",
            endpoint() + "/operations/" + register(operation) + "?api-version=" + API_VERSION,
            "Retry-After",
            "0"),
        null);
  }

  private String register(String operation) {
    operations.put(operation, new AtomicInteger());
    return operation;
  }

  private Answer datastores(String key) {
    ObjectNode page = mapper.createObjectNode();
    page.putArray("value").add(datastore(key.substring(0, key.indexOf("/datastores"))));
    return new Answer(200, Map.of(), page);
  }

  private ObjectNode datastore(String workspace) {
    String container =
        "azureml-blobstore-"
            + workspace
                .substring(workspace.lastIndexOf('/') + 1)
                .toLowerCase(java.util.Locale.ROOT);
    blobService.getBlobContainerClient(container).createIfNotExists();
    ObjectNode props = mapper.createObjectNode();
    props.put("datastoreType", "AzureBlob");
    props
        .putObject("credentials")
        .put("credentialsType", "AccountKey")
        .putObject("secrets")
        .put("secretsType", "AccountKey");
    props.put("accountName", Azurite.ACCOUNT);
    props.put("containerName", container);
    props.put("endpoint", "core.windows.net");
    props.put("protocol", "https");
    props.put("isDefault", true);
    ObjectNode ds = mapper.createObjectNode();
    ds.put("id", workspace + "/datastores/workspaceblobstore");
    ds.put("name", "workspaceblobstore");
    ds.put("type", "Microsoft.MachineLearningServices/workspaces/datastores");
    ds.set("properties", props);
    ds.set("systemData", systemData(Instant.parse("2026-01-01T00:00:00Z")));
    return ds;
  }

  private Answer secrets() {
    ObjectNode secrets = mapper.createObjectNode();
    secrets.put("secretsType", "AccountKey");
    secrets.put("key", accountKey);
    return new Answer(200, Map.of(), secrets);
  }

  /**
   * A new temporary location for a given pendingUploadId; without one, the location of the existing
   * version (createOrGet), so a client can read it.
   */
  private Answer pendingUpload(String key, Map<String, String> params, JsonNode body) {
    String versionKey = key.substring(0, key.lastIndexOf("/startPendingUpload"));
    String requested = body.path("pendingUploadId").asText("");
    String uploadId = requested.isEmpty() ? UUID.randomUUID().toString() : requested;
    ObjectNode existing = requested.isEmpty() ? store.get(versionKey) : null;
    BlobContainerClient container = blobService.getBlobContainerClient("azureml-registry");
    container.createIfNotExists();
    String blobPath;
    if (existing != null) {
      String uri = existing.path("properties").path("modelUri").asText();
      blobPath = uri.substring(uri.indexOf("/azureml-registry/") + "/azureml-registry/".length());
    } else {
      blobPath = "LocalUpload/" + params.get("registryName") + "/" + uploadId;
    }
    String sas =
        container.generateSas(
            new BlobServiceSasSignatureValues(
                    OffsetDateTime.now(ZoneOffset.UTC).plusHours(1),
                    BlobContainerSasPermission.parse("racwdl"))
                .setProtocol(SasProtocol.HTTPS_HTTP));
    String blobUri = container.getBlobContainerUrl() + "/" + blobPath;
    ObjectNode answer = mapper.createObjectNode();
    ObjectNode ref = answer.putObject("blobReferenceForConsumption");
    ref.put("blobUri", blobUri);
    ref.put(
        "storageAccountArmId",
        "/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/"
            + Azurite.ACCOUNT);
    ref.putObject("credential").put("credentialType", "SAS").put("sasUri", blobUri + "?" + sas);
    answer.put("pendingUploadId", uploadId);
    answer.put("pendingUploadType", "TemporaryBlobReference");
    return new Answer(200, Map.of(), answer);
  }

  // ---- data plane --------------------------------------------------------------------------

  private Answer invoke(HttpExchange exchange, Request request) {
    String[] parts = request.path().split("/");
    // /scoring/{sub}/{rg}/{ws}/{endpoint}/jobs
    String base =
        "/subscriptions/"
            + parts[2]
            + "/resourceGroups/"
            + parts[3]
            + "/providers/Microsoft.MachineLearningServices/workspaces/"
            + parts[4];
    String deployment = exchange.getRequestHeaders().getFirst("azureml-model-deployment");
    JsonNode input = request.body().path("properties").path("InputData");
    if (!input.isObject() || input.isEmpty()) {
      return new Answer(400, Map.of(), error("BadRequest", "properties.InputData is required"));
    }
    String name = "batchjob-" + UUID.randomUUID();
    ObjectNode props = mapper.createObjectNode();
    props.put("jobType", "Pipeline");
    props.put("status", "Queued");
    props.put("experimentName", parts[5]);
    ObjectNode inputs = props.putObject("inputs");
    input
        .fields()
        .forEachRemaining(
            e -> {
              ObjectNode in = inputs.putObject(e.getKey());
              String type = e.getValue().path("JobInputType").asText();
              if (type.equals("Literal")) {
                in.put("jobInputType", "literal");
                in.put("value", e.getValue().path("Value").asText());
              } else {
                in.put("jobInputType", type.equals("UriFile") ? "uri_file" : "uri_folder");
                in.put("uri", e.getValue().path("Uri").asText());
              }
            });
    ObjectNode jobProps = props.putObject("properties");
    jobProps.put("azureml.batchEndpointName", parts[5]);
    jobProps.put("azureml.batchDeploymentName", deployment == null ? "" : deployment);
    String key = base + "/jobs/" + name;
    ObjectNode job;
    synchronized (this) {
      job = resource(key, name, "Microsoft.MachineLearningServices/workspaces/jobs", props);
      store.put(key, job);
    }
    List<String> problems = new ArrayList<>();
    swagger
        .find("GET", key)
        .ifPresent(op -> problems.addAll(swagger.validateResponse(op.getKey(), 200, job)));
    violations.addAll(problems);
    jobs.incrementAndGet();
    ObjectNode answer = mapper.createObjectNode();
    answer.put("id", key);
    answer.put("name", name);
    answer.put("type", "Microsoft.MachineLearningServices/workspaces/jobs");
    answer.putObject("properties").put("status", "Queued");
    return new Answer(200, Map.of(), answer);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private ObjectNode resource(String key, String name, String type, ObjectNode props) {
    ObjectNode r = mapper.createObjectNode();
    r.put("id", key);
    r.put("name", name);
    r.put("type", type);
    r.set("properties", props);
    r.set("systemData", systemData(now()));
    return r;
  }

  private ObjectNode systemData(Instant at) {
    ObjectNode s = mapper.createObjectNode();
    s.put("createdAt", at.toString());
    s.put("createdBy", "stub@example.com");
    s.put("createdByType", "User");
    s.put("lastModifiedAt", at.toString());
    s.put("lastModifiedBy", "stub@example.com");
    s.put("lastModifiedByType", "User");
    return s;
  }

  private void touch(ObjectNode resource) {
    ((ObjectNode) resource.get("systemData")).put("lastModifiedAt", now().toString());
  }

  /** Strictly increasing times, so creation order is never ambiguous. */
  private synchronized Instant now() {
    Instant t = Instant.now();
    lastTime = t.isAfter(lastTime) ? t : lastTime.plusMillis(1);
    lastTime = lastTime.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    return lastTime;
  }

  private static String type(String key) {
    String[] parts = key.split("/");
    StringBuilder t = new StringBuilder("Microsoft.MachineLearningServices");
    for (int i = 7; i < parts.length; i += 2) {
      t.append('/').append(parts[i]);
    }
    return t.toString();
  }

  private static String segmentAfter(String id, String segment) {
    String[] parts = id.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equalsIgnoreCase(segment)) {
        return parts[i + 1];
      }
    }
    return "";
  }

  private ObjectNode error(String code, String message) {
    ObjectNode e = mapper.createObjectNode();
    e.putObject("error").put("code", code).put("message", message);
    return e;
  }

  static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.put(k, v);
    }
    return q;
  }
}
