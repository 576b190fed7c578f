package io.mlops4j.release.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlops4j.config.DeploymentConfig;
import io.mlops4j.release.AssetKind;
import io.mlops4j.release.AssetRef;
import io.mlops4j.release.DeploymentSpec;
import io.mlops4j.release.EndpointSpec;
import io.mlops4j.release.EnvironmentSpec;
import io.mlops4j.release.Job;
import io.mlops4j.release.JobInputs;
import io.mlops4j.release.JobStatus;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.MlWorkspace;
import io.mlops4j.release.Model;
import io.mlops4j.release.ModelQuery;
import io.mlops4j.release.ModelSpec;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour of the Azure backend that only shows on the wire: long-running operations, paging,
 * retries on 429 and 503, 401/404/409 answers, the data-plane token audience, version allocation
 * under concurrent writers, and secrets kept out of logs, messages and stored metadata.
 */
@ExtendWith(StubWorld.Resolver.class)
class AzureBackendScenariosTest {
  private static final String MODEL = "lstm_P001_C001";

  private final StubWorld world;
  private final ArmStub stub;
  private final StubWorld.StaticCredential credential = new StubWorld.StaticCredential();
  private final MlClient client;
  private boolean skipViolationCheck;

  @TempDir Path dir;

  AzureBackendScenariosTest(StubWorld world) throws Exception {
    this.world = world;
    this.stub = world.newStub();
    this.client = world.builder(stub, credential).buildClient();
  }

  @AfterEach
  void everyRequestAndResponseMatchedTheSwagger() {
    try {
      if (!skipViolationCheck) {
        assertThat(stub.violations()).as("swagger violations").isEmpty();
      }
    } finally {
      stub.close();
    }
  }

  private Path artifact(String content) throws IOException {
    Path file = Files.createDirectories(dir.resolve("a-" + System.nanoTime())).resolve("model.bin");
    return Files.writeString(file, content);
  }

  private List<ArmStub.Request> requests(String method, String pathPart) {
    return stub.requests().stream()
        .filter(r -> r.method().equals(method) && (r.path() + "?" + r.query()).contains(pathPart))
        .toList();
  }

  @Test
  void longRunningPutIsPolledThroughAzureAsyncOperationUntilSucceeded() {
    MlWorkspace dev = client.workspace("dev");

    dev.createOrUpdateEndpoint(new EndpointSpec("batch-endpoint-plant-P001", "", Map.of()));

    assertThat(requests("PUT", "/batchEndpoints/batch-endpoint-plant-P001")).hasSize(1);
    assertThat(requests("GET", "/operations/")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(dev.getEndpoint("batch-endpoint-plant-P001").spec().name())
        .isEqualTo("batch-endpoint-plant-P001");
  }

  @Test
  void aLongRunningOperationThatEndsFailedFailsWithTheServiceError() {
    stub.failOperations(true);

    assertThatThrownBy(
            () ->
                client
                    .workspace("dev")
                    .createOrUpdateEndpoint(
                        new EndpointSpec("batch-endpoint-plant-P001", "", Map.of())))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED))
        .hasMessageContaining("createOrUpdateEndpoint batch-endpoint-plant-P001")
        .hasMessageContaining("DeploymentFailed")
        .hasMessageContaining("quota exceeded");
  }

  @Test
  void aSecretInTheMessageOfACauseIsRedactedInTheWholeCauseChain() {
    MlClient leaky =
        world
            .builder(
                stub,
                r ->
                    reactor.core.publisher.Mono.error(
                        new com.azure.core.exception.ClientAuthenticationException(
                            "token request failed",
                            null,
                            new IllegalStateException(
                                "POST https://login.example/token?client_secret=SECRET-123"
                                    + "&sig=SIG-456"))))
            .buildClient();

    assertThatThrownBy(() -> leaky.workspace("dev").getModel(MODEL, 1))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(t.toString()).doesNotContain("SECRET-123").doesNotContain("SIG-456");
              }
              assertThat(e.getCause().getCause().toString())
                  .startsWith("java.lang.IllegalStateException: POST https://login.example/token");
            });
  }

  @Test
  void aCredentialThatCannotGiveATokenFailsUnauthorized() {
    MlClient noLogin =
        world
            .builder(
                stub,
                r ->
                    reactor.core.publisher.Mono.error(
                        new com.azure.core.exception.ClientAuthenticationException(
                            "EnvironmentCredential authentication unavailable", null)))
            .buildClient();

    assertThatThrownBy(() -> noLogin.workspace("dev").getModel(MODEL, 1))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
        .hasMessageContaining("could not get a token")
        .hasMessageContaining("EnvironmentCredential authentication unavailable");
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void listingFollowsNextLinkAcrossPages() throws IOException {
    MlWorkspace dev = client.workspace("dev");
    for (int i = 0; i < 5; i++) {
      dev.registerModel(ModelSpec.of(MODEL, artifact("v" + i), Map.of()));
    }

    List<Model> models = dev.listModels(ModelQuery.byName(MODEL));

    assertThat(models).extracting(Model::version).containsExactly(5, 4, 3, 2, 1);
    assertThat(requests("GET", "$skip=2")).isNotEmpty();
    assertThat(requests("GET", "$skip=4")).isNotEmpty();
  }

  @Test
  void throttledRequestIsRetriedAfterTheRetryAfterDelay() throws IOException {
    MlWorkspace dev = client.workspace("dev");
    dev.registerModel(ModelSpec.of(MODEL, artifact("x"), Map.of()));
    stub.fail(
        r -> r.method().equals("GET") && r.path().endsWith("/models/" + MODEL + "/versions/1"),
        429,
        Map.of("Retry-After", "1"),
        1);

    long start = System.nanoTime();
    Model model = dev.getModel(MODEL, 1);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(model.version()).isEqualTo(1);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(requests("GET", "/models/" + MODEL + "/versions/1")).hasSize(2);
  }

  @Test
  void transient503IsRetried() throws IOException {
    MlWorkspace dev = client.workspace("dev");
    dev.registerModel(ModelSpec.of(MODEL, artifact("x"), Map.of()));
    stub.fail(r -> r.path().endsWith("/versions/1"), 503, Map.of(), 2);

    assertThat(dev.getModel(MODEL, 1).version()).isEqualTo(1);
    assertThat(requests("GET", "/models/" + MODEL + "/versions/1")).hasSize(3);
  }

  @Test
  void throttlingThatOutlastsTheRetriesFailsThrottledWithTheServiceMessage() {
    MlWorkspace dev = client.workspace("dev");
    stub.fail(r -> r.path().endsWith("/versions/1"), 429, Map.of("Retry-After", "0"), 10);

    assertThatThrownBy(() -> dev.getModel(MODEL, 1))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.THROTTLED))
        .hasMessageContaining("injected fault 429")
        .hasMessageContaining("getModel " + MODEL);
  }

  @Test
  void unauthorizedFailsUnauthorizedWithTheServiceMessageAndNoToken() {
    stub.rejectTokens(true);

    assertThatThrownBy(() -> client.workspace("dev").getModel(MODEL, 1))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
        .hasMessageContaining("The access token is invalid.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(StubWorld.TOKEN_SECRET));
  }

  @Test
  void notFoundCarriesTheServiceMessage() {
    assertThatThrownBy(() -> client.workspace("dev").getModel(MODEL, 4))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
        .hasMessageContaining("Could not find resource")
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void creatingAnExistingVersionSendsIfNoneMatchAndFailsConflictWithTheServiceMessage() {
    MlWorkspace dev = client.workspace("dev");
    EnvironmentSpec env =
        new EnvironmentSpec("lstm-scoring", "1.0.0", "python:3.11", "", "", "", Map.of());
    dev.createEnvironment(env);

    assertThatThrownBy(() -> dev.createEnvironment(env))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT))
        .hasMessageContaining("HTTP 409")
        .hasMessageContaining("version already exists");
  }

  @Test
  void concurrentRegistrationsFromTwoClientsGetDistinctGaplessVersions() throws Exception {
    MlClient other = world.builder(stub, new StubWorld.StaticCredential()).buildClient();
    List<Path> artifacts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      artifacts.add(artifact("concurrent " + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < artifacts.size(); i++) {
        MlWorkspace ws = (i % 2 == 0 ? client : other).workspace("dev");
        Path a = artifacts.get(i);
        futures.add(
            pool.submit(() -> ws.registerModel(ModelSpec.of(MODEL, a, Map.of())).version()));
      }
      Set<Integer> versions = new TreeSet<>();
      for (Future<Integer> f : futures) {
        versions.add(f.get());
      }

      assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
      List<String> digests =
          client.workspace("dev").listModels(ModelQuery.byName(MODEL)).stream()
              .map(Model::artifactDigest)
              .collect(Collectors.toList());
      assertThat(digests).doesNotHaveDuplicates().hasSize(16);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentRegistrationsInTheRegistryAlsoGetDistinctVersions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Path a = artifact("registry " + i);
        futures.add(
            pool.submit(
                () ->
                    client
                        .registry("shared")
                        .registerModel(ModelSpec.of(MODEL, a, Map.of()))
                        .version()));
      }
      Set<Integer> versions = new TreeSet<>();
      for (Future<Integer> f : futures) {
        versions.add(f.get());
      }
      assertThat(versions).containsExactly(1, 2, 3, 4, 5, 6);
      for (int v = 1; v <= 6; v++) {
        Path out = client.registry("shared").downloadModel(MODEL, v, dir.resolve("out-" + v));
        assertThat(out.resolve("model.bin")).exists();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private MlWorkspace deployed() throws IOException {
    MlWorkspace dev = client.workspace("dev");
    Model model = dev.registerModel(ModelSpec.of(MODEL, artifact("m"), Map.of()));
    var env =
        dev.createEnvironment(
            new EnvironmentSpec("lstm-scoring", "1.0.0", "python:3.11", "", "", "", Map.of()));
    dev.createOrUpdateEndpoint(new EndpointSpec("batch-endpoint-plant-P001", "", Map.of()));
    dev.createOrUpdateDeployment(
        new DeploymentSpec(
            "batch-endpoint-plant-P001",
            "deployment-circuit-C001",
            model.ref(),
            env.ref(),
            new DeploymentConfig("cpu-cluster", 10, 1, 1, -1, 3, 30),
            Map.of(),
            Map.of()));
    dev.setDefaultDeployment("batch-endpoint-plant-P001", "deployment-circuit-C001");
    return dev;
  }

  @Test
  void anInvokeWhoseAnswerIsLostIsNotPostedAgainSoNoSecondJobStarts() throws IOException {
    MlWorkspace dev = deployed();
    stub.failAfterHandling(
        r -> r.method().equals("POST") && r.path().startsWith("/scoring/"), 503, 1);

    assertThatThrownBy(
            () ->
                dev.invoke(
                    "batch-endpoint-plant-P001",
                    "",
                    new JobInputs("azureml://datastores/workspaceblobstore/paths/P001", Map.of())))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("503");
    assertThat(requests("POST", "/scoring/")).as("one job started, not two").hasSize(1);
  }

  @Test
  void aThrottledInvokeIsRetried() throws IOException {
    MlWorkspace dev = deployed();
    stub.fail(
        r -> r.method().equals("POST") && r.path().startsWith("/scoring/"),
        429,
        Map.of("Retry-After", "0"),
        1);

    dev.invoke(
        "batch-endpoint-plant-P001",
        "",
        new JobInputs("azureml://datastores/workspaceblobstore/paths/P001", Map.of()));

    assertThat(requests("POST", "/scoring/")).hasSize(2);
  }

  @Test
  void invokePostsToTheScoringUriWithAnAzureMlAudienceToken() throws IOException {
    MlWorkspace dev = deployed();

    Job job =
        dev.invoke(
            "batch-endpoint-plant-P001",
            "",
            new JobInputs(
                "azureml://datastores/workspaceblobstore/paths/P001", Map.of("plant_id", "P001")));

    assertThat(credential.scopes)
        .contains("https://ml.azure.com/.default", "https://management.azure.com/.default");
    List<ArmStub.Request> posts = requests("POST", "/scoring/");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).authorization()).contains("https://ml.azure.com/.default");
    assertThat(
            posts
                .get(0)
                .body()
                .path("properties")
                .path("InputData")
                .path("plant_id")
                .path("Value")
                .asText())
        .isEqualTo("P001");
    assertThat(job.endpoint()).isEqualTo("batch-endpoint-plant-P001");
    assertThat(job.deployment()).isEqualTo("deployment-circuit-C001");
    assertThat(job.inputs().values()).containsEntry("plant_id", "P001");
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
  }

  @Test
  void cancelFollowsTheLocationHeaderAndWaitEndsWhenTheServiceEndsTheJob() throws IOException {
    MlWorkspace dev = deployed();
    Job first =
        dev.invoke("batch-endpoint-plant-P001", "", new JobInputs("azureml://x/P001", Map.of()));
    Job second =
        dev.invoke("batch-endpoint-plant-P001", "", new JobInputs("azureml://x/P001", Map.of()));

    Job canceled = dev.cancelJob(first.id());
    stub.setJobStatus(second.id(), "Running");
    assertThatThrownBy(() -> dev.waitForJob(second.id(), Duration.ofMillis(30)))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    stub.setJobStatus(second.id(), "Completed");
    Job completed = dev.waitForJob(second.id(), Duration.ofSeconds(10));

    assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(requests("POST", "/jobs/" + first.id() + "/cancel")).hasSize(1);
    assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(completed.exitCode()).isZero();
    assertThat(dev.getJobLogs(second.id())).isEmpty();
  }

  @Test
  void deploymentReferencesRegistryAssetsByTheRegistrysAzureName() throws IOException {
    MlWorkspace dev = client.workspace("dev");
    dev.registerModel(ModelSpec.of(MODEL, artifact("m"), Map.of()));
    dev.createEnvironment(
        new EnvironmentSpec("lstm-scoring", "1.0.0", "python:3.11", "", "", "", Map.of()));
    AssetRef model = dev.shareModel(MODEL, 1, "shared");
    AssetRef env = dev.shareEnvironment("lstm-scoring", "1.0.0", "shared");
    MlWorkspace prod = client.workspace("prod");
    prod.createOrUpdateEndpoint(new EndpointSpec("batch-endpoint-plant-P001", "", Map.of()));

    prod.createOrUpdateDeployment(
        new DeploymentSpec(
            "batch-endpoint-plant-P001",
            "deployment-circuit-C001",
            model,
            env,
            new DeploymentConfig("cpu-cluster", 10, 1, 1, -1, 3, 30),
            Map.of(),
            Map.of()));

    ArmStub.Request put = requests("PUT", "/deployments/deployment-circuit-C001").get(0);
    assertThat(put.body().path("properties").path("model").path("assetId").asText())
        .isEqualTo("azureml://registries/mlr-forecasting-shared/models/" + MODEL + "/versions/1");
    assertThat(
            prod.getDeployment("batch-endpoint-plant-P001", "deployment-circuit-C001")
                .spec()
                .model())
        .isEqualTo(AssetRef.registry("shared", AssetKind.MODEL, MODEL, "1"));
  }

  @Test
  void aRetriedRegistrationWhosePutWasCommittedKeepsItsVersionInsteadOfTakingTheNext()
      throws Exception {
    stub.failAfterHandling(
        r -> r.method().equals("PUT") && r.path().contains("/models/" + MODEL + "/versions/"),
        503,
        1);
    MlWorkspace dev = client.workspace("dev");

    Model model = dev.registerModel(ModelSpec.of(MODEL, artifact("weights"), Map.of()));

    assertThat(model.version()).isEqualTo(1);
    assertThat(requests("PUT", "/models/" + MODEL + "/versions/1")).hasSize(2);
    assertThat(dev.listModels(ModelQuery.all()))
        .as("one version, not a duplicate of the same upload")
        .extracting(Model::version)
        .containsExactly(1);
  }

  @Test
  void aVersionThatIsNotAnIntegerFromAnotherToolIsLeftOutOfListsAndLatest() throws Exception {
    MlWorkspace dev = client.workspace("dev");
    dev.registerModel(ModelSpec.of(MODEL, artifact("weights"), Map.of()));
    HttpPipeline raw =
        new HttpPipelineBuilder()
            .httpClient(world.httpClient())
            .policies(
                new BearerTokenAuthenticationPolicy(
                    credential, "https://management.azure.com/.default"))
            .build();
    HttpRequest request =
        new HttpRequest(
            HttpMethod.PUT,
            stub.endpoint()
                + "/subscriptions/"
                + StubWorld.SUBSCRIPTION
                + "/resourceGroups/rg-mlops-dev/providers/Microsoft.MachineLearningServices/workspaces/"
                + "mlw-forecasting-dev/models/"
                + MODEL
                + "/versions/rc-2?api-version=2024-10-01");
    request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
    request.setBody(
        "{\"properties\":{\"description\":\"\",\"modelType\":\"custom_model\","
            + "\"modelUri\":\"azureml://datastores/workspaceblobstore/paths/rc-2\"}}");
    try (HttpResponse response = raw.sendSync(request, com.azure.core.util.Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(201);
    }

    assertThat(dev.getLatestModel(MODEL).version()).isEqualTo(1);
    assertThat(dev.listModels(ModelQuery.byName(MODEL)))
        .extracting(Model::version)
        .containsExactly(1);
  }

  @Test
  void updatingTagsOrArchivingKeepsWhatAnotherToolSetOnTheVersion() {
    HttpPipeline raw =
        new HttpPipelineBuilder()
            .httpClient(world.httpClient())
            .policies(
                new BearerTokenAuthenticationPolicy(
                    credential, "https://management.azure.com/.default"))
            .build();
    HttpRequest request =
        new HttpRequest(
            HttpMethod.PUT,
            stub.endpoint()
                + "/subscriptions/"
                + StubWorld.SUBSCRIPTION
                + "/resourceGroups/rg-mlops-dev/providers/Microsoft.MachineLearningServices/workspaces/"
                + "mlw-forecasting-dev/models/mlflow-model/versions/1?api-version=2024-10-01");
    request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
    request.setBody(
        "{\"properties\":{\"description\":\"\",\"modelType\":\"mlflow_model\",\"jobName\":\"train-42\","
            + "\"modelUri\":\"azureml://jobs/train-42/outputs/artifacts/paths/model/\","
            + "\"flavors\":{\"python_function\":{\"data\":{\"loader_module\":\"mlflow.sklearn\"}}}}}");
    try (HttpResponse response = raw.sendSync(request, com.azure.core.util.Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(201);
    }
    MlWorkspace dev = client.workspace("dev");

    assertThat(dev.updateModelTags("mlflow-model", 1, Map.of("stage", "candidate")).tags())
        .containsEntry("stage", "candidate");
    assertThat(dev.archiveModel("mlflow-model", 1).archived()).isTrue();

    List<ArmStub.Request> puts = requests("PUT", "/models/mlflow-model/versions/1");
    assertThat(puts).hasSize(3);
    for (ArmStub.Request put : puts.subList(1, 3)) {
      JsonNode p = put.body().path("properties");
      assertThat(p.path("modelType").asText()).isEqualTo("mlflow_model");
      assertThat(p.path("jobName").asText()).isEqualTo("train-42");
      assertThat(p.path("flavors").has("python_function")).isTrue();
      assertThat(p.has("provisioningState")).as("read-only, not sent").isFalse();
    }
  }

  @Test
  void aDeliberatelyInvalidBodyIsRecordedAsAViolationByTheStub() throws Exception {
    HttpPipeline raw =
        new HttpPipelineBuilder()
            .httpClient(world.httpClient())
            .policies(
                new BearerTokenAuthenticationPolicy(
                    credential, "https://management.azure.com/.default"))
            .build();
    HttpRequest request =
        new HttpRequest(
            HttpMethod.PUT,
            stub.endpoint()
                + "/subscriptions/"
                + StubWorld.SUBSCRIPTION
                + "/resourceGroups/rg-mlops-dev/providers/Microsoft.MachineLearningServices/workspaces/"
                + "mlw-forecasting-dev/models/m/versions/1?api-version=2024-10-01");
    request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
    request.setBody("{\"properties\":{\"isArchived\":\"no\",\"artifactDigest\":\"sha256:0\"}}");

    int status;
    try (HttpResponse response = raw.sendSync(request, com.azure.core.util.Context.NONE)) {
      status = response.getStatusCode();
    }

    assertThat(status).isEqualTo(400);
    assertThat(stub.violations())
        .anySatisfy(v -> assertThat(v).contains("isArchived").contains("expected a boolean"))
        .anySatisfy(v -> assertThat(v).contains("artifactDigest").contains("unknown property"));
    // these violations are the point of this test; the check after each test would fail on them
    skipViolationCheck = true;
  }

  @Test
  void secretsNeverReachLogsMessagesOrStoredMetadata() throws Exception {
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test-log.txt"));
    long before = Files.exists(log) ? Files.size(log) : 0;
    MlClient logging =
        world
            .builder(stub, credential)
            .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.HEADERS))
            .buildClient();
    MlWorkspace dev = logging.workspace("dev");
    Model model = dev.registerModel(ModelSpec.of(MODEL, artifact("secret test"), Map.of()));
    Model shared =
        logging.registry("shared").registerModel(ModelSpec.of("other", artifact("r"), Map.of()));
    dev.shareModel(MODEL, 1, "shared");
    logging.registry("shared").downloadModel(MODEL, 1, dir.resolve("dl"));
    stub.rejectTokens(true);
    String message = "";
    try {
      dev.getModel(MODEL, 1);
    } catch (RegistryException e) {
      message = e.getMessage();
    }
    stub.rejectTokens(false);

    String envMessage = "";
    dev.createEnvironment(
        new EnvironmentSpec("lstm-scoring", "1.0.0", "python:3.11", "", "", "", Map.of()));
    dev.createOrUpdateEndpoint(new EndpointSpec("batch-endpoint-plant-P001", "", Map.of()));
    try {
      dev.createOrUpdateDeployment(
          new DeploymentSpec(
              "batch-endpoint-plant-P001",
              "deployment-circuit-C001",
              model.ref(),
              AssetRef.workspace(AssetKind.ENVIRONMENT, "lstm-scoring", "1.0.0"),
              new DeploymentConfig("cpu-cluster", 10, 1, 1, -1, 3, 30),
              Map.of("INPUT_URL", "https://acct.blob.core.windows.net/c?sv=1&sig=ENVSECRET"),
              Map.of()));
    } catch (RegistryException e) {
      envMessage = e.getMessage();
    }

    String logged =
        new String(Files.readAllBytes(log), StandardCharsets.UTF_8).substring((int) before);
    assertThat(envMessage).contains("INPUT_URL").doesNotContain("ENVSECRET");
    assertThat(stub.requests()).noneMatch(r -> r.body().toString().contains("ENVSECRET"));
    assertThat(logged).doesNotContain("ENVSECRET");
    assertThat(logged).contains("startPendingUpload").contains("REDACTED");
    for (String text : List.of(logged, message)) {
      assertThat(text)
          .doesNotContain(StubWorld.TOKEN_SECRET)
          .doesNotContain(Azurite.ACCOUNT_KEY)
          .doesNotContainPattern("(?i)sig=(?!REDACTED)[A-Za-z0-9%]");
    }
    String stored =
        stub.requests().stream()
            .filter(r -> r.method().equals("PUT") && r.path().contains("/models/"))
            .map(r -> r.body().toString())
            .collect(Collectors.joining("\n"));
    assertThat(stored).contains("modelUri").doesNotContain("sig=").doesNotContain("?s");
    assertThat(model.source() + model.properties() + shared.properties()).doesNotContain("sig=");
  }
}
