package io.mlops4j.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.mlops4j.config.DeploymentConfig;
import io.mlops4j.release.RegistryException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link MlClient} backend must have, written once and run against each
 * backend: the local store ({@code LocalMlClientContractTest}) and the Azure backend on its HTTP
 * stub.
 *
 * <p>A backend's test extends this class and implements {@link #openClient}. The client must serve
 * the workspaces {@code dev}, {@code test} and {@code prod} and the registry {@code shared}, and
 * start empty. Jobs invoked on a deployment run the {@link JobRunner} passed to {@link
 * #openClient}; a backend whose jobs do not run it (a stub that answers from canned state) returns
 * false from {@link #jobsRunTheRunner()}, and the tests that depend on the runner are skipped.
 *
 * <p>Packaged in the module's test-jar.
 */
public abstract class MlClientContract {
  /** The development workspace. */
  protected static final String DEV = "dev";

  /** The test workspace. */
  protected static final String TEST = "test";

  /** The production workspace. */
  protected static final String PROD = "prod";

  /** The shared registry. */
  protected static final String SHARED = "shared";

  /** A SAS URL: its value must never be stored, logged or echoed in a message. */
  protected static final String SAS_URL = "https://acct.blob.core.windows.net/c?sv=2022&sig=abc";

  /** Deployment settings as a circuit's config would give them. */
  protected static final DeploymentConfig SETTINGS =
      new DeploymentConfig("Standard_DS3_v2", 10, 1, 1, -1, 3, 30);

  /** How long a test waits for a job that should end promptly. */
  protected static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

  private static final String MODEL = "lstm_P001_C001";
  private static final String ENVIRONMENT = "lstm-scoring";
  private static final String ENDPOINT = "batch-endpoint-plant-P001";
  private static final String DEPLOYMENT = "deployment-circuit-C001";
  private static final String DATA = "sensor_training_data_P001_C001";

  /** A fresh directory for the test; the client's store and every input file live under it. */
  @TempDir protected Path workDir;

  /** The client under test, opened before each test and closed after it. */
  protected MlClient client;

  private final AtomicReference<JobRunner> runner = new AtomicReference<>(context -> 0);
  private final List<CountDownLatch> latchesToRelease = new CopyOnWriteArrayList<>();
  private final AtomicInteger artifacts = new AtomicInteger();

  /**
   * Opens a client on an empty backend serving {@code dev}, {@code test}, {@code prod} and {@code
   * shared}.
   *
   * @param workDir a fresh temporary directory the backend may use
   * @param runner what jobs invoked on deployments run (a stub backend may ignore it)
   * @return the client; the contract closes it after each test
   */
  protected abstract MlClient openClient(Path workDir, JobRunner runner);

  /**
   * Tells whether jobs run the runner given to {@link #openClient}, so that status, exit code, logs
   * and cancellation follow what the runner does.
   *
   * @return true (the default) if they do
   */
  protected boolean jobsRunTheRunner() {
    return true;
  }

  @BeforeEach
  void openClientUnderTest() {
    client = openClient(workDir, context -> runner.get().run(context));
  }

  @AfterEach
  void closeClientUnderTest() {
    latchesToRelease.forEach(CountDownLatch::countDown);
    client.close();
  }

  // ---- models: versions --------------------------------------------------------------------

  @Test
  void registersVersionsOneTwoThreeForOneName() {
    MlWorkspace dev = client.workspace(DEV);

    List<Integer> versions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      versions.add(dev.registerModel(ModelSpec.of(MODEL, artifactFile(), Map.of())).version());
    }

    assertThat(versions).containsExactly(1, 2, 3);
  }

  @Test
  void allocatesVersionsIndependentlyPerNameAndPerWorkspace() {
    MlWorkspace dev = client.workspace(DEV);
    MlWorkspace test = client.workspace(TEST);

    register(dev, "lstm_P001_C001", Map.of());
    register(dev, "lstm_P001_C001", Map.of());
    Model otherName = register(dev, "lstm_P001_C002", Map.of());
    Model otherWorkspace = register(test, "lstm_P001_C001", Map.of());
    Model third = register(dev, "lstm_P001_C001", Map.of());

    assertThat(otherName.version()).isEqualTo(1);
    assertThat(otherWorkspace.version()).isEqualTo(1);
    assertThat(third.version()).isEqualTo(3);
    assertThat(test.listModels(ModelQuery.byName("lstm_P001_C001")))
        .extracting(Model::version)
        .containsExactly(1);
  }

  @Test
  void registeredModelKeepsDescriptionTagsPropertiesAndDigest() {
    MlWorkspace dev = client.workspace(DEV);
    Path artifact = artifactFile();

    Model model =
        dev.registerModel(
            new ModelSpec(
                MODEL,
                artifact,
                "LSTM for P001/C001",
                Map.of("plant_id", "P001", "circuit_id", "C001"),
                Map.of("train_rows", "1200")));

    assertThat(dev.getModel(MODEL, 1)).isEqualTo(model);
    assertThat(model.name()).isEqualTo(MODEL);
    assertThat(model.description()).isEqualTo("LSTM for P001/C001");
    assertThat(model.tags()).containsExactlyInAnyOrderEntriesOf(tags("P001", "C001"));
    assertThat(model.properties()).containsExactly(Map.entry("train_rows", "1200"));
    assertThat(model.artifactDigest()).matches("sha256:[0-9a-f]{64}");
    assertThat(model.artifactSize()).isEqualTo(size(artifact));
    assertThat(model.archived()).isFalse();
    assertThat(model.source()).isEmpty();
    assertThat(model.ref()).hasToString("azureml:" + MODEL + ":1");
  }

  @Test
  void getLatestReturnsHighestVersionAndListIsNewestFirst() {
    MlWorkspace dev = client.workspace(DEV);
    register(dev, MODEL, Map.of());
    register(dev, MODEL, Map.of());
    Model third = register(dev, MODEL, Map.of());

    assertThat(dev.getLatestModel(MODEL)).isEqualTo(third);
    assertThat(dev.getModel(MODEL, 2).version()).isEqualTo(2);
    assertThat(dev.listModels(ModelQuery.byName(MODEL)))
        .extracting(Model::version)
        .containsExactly(3, 2, 1);
  }

  @Test
  void listsModelsByOneTagAndByTwoTags() {
    MlWorkspace dev = client.workspace(DEV);
    Model c1 = register(dev, "lstm_P001_C001", tags("P001", "C001"));
    Model c2 = register(dev, "lstm_P001_C002", tags("P001", "C002"));
    register(dev, "lstm_P002_C001", tags("P002", "C001"));
    Model c1v2 = register(dev, "lstm_P001_C001", tags("P001", "C001"));

    assertThat(dev.listModels(ModelQuery.all().withTag("plant_id", "P001")))
        .containsExactlyInAnyOrder(c1, c1v2, c2);
    assertThat(
            dev.listModels(
                ModelQuery.all().withTag("plant_id", "P001").withTag("circuit_id", "C001")))
        .containsExactly(c1v2, c1);
    assertThat(dev.listModels(ModelQuery.all().withTag("plant_id", "P003"))).isEmpty();
    assertThat(dev.listModels(ModelQuery.byName("lstm_P001_C002").withTag("circuit_id", "C001")))
        .isEmpty();
  }

  @Test
  void archivedVersionsAreHiddenFromListingsUnlessIncludingArchived() {
    MlWorkspace dev = client.workspace(DEV);
    register(dev, MODEL, tags("P001", "C001"));
    register(dev, MODEL, tags("P001", "C001"));

    Model archived = dev.archiveModel(MODEL, 1);

    assertThat(archived.archived()).isTrue();
    assertThat(archived.version()).isEqualTo(1);
    assertThat(dev.getModel(MODEL, 1).archived()).isTrue();
    assertThat(dev.listModels(ModelQuery.byName(MODEL)))
        .extracting(Model::version)
        .containsExactly(2);
    assertThat(dev.listModels(ModelQuery.all().withTag("plant_id", "P001")))
        .extracting(Model::version)
        .containsExactly(2);
    assertThat(dev.listModels(ModelQuery.byName(MODEL).includingArchived()))
        .extracting(Model::version, Model::archived)
        .containsExactly(tuple(2, false), tuple(1, true));
  }

  @Test
  void getLatestSkipsArchivedVersions() {
    MlWorkspace dev = client.workspace(DEV);
    register(dev, MODEL, Map.of());
    register(dev, MODEL, Map.of());
    register(dev, MODEL, Map.of());

    dev.archiveModel(MODEL, 3);

    assertThat(dev.getLatestModel(MODEL).version()).isEqualTo(2);
  }

  @Test
  void getLatestFailsNotFoundWhenEveryVersionIsArchived() {
    MlWorkspace dev = client.workspace(DEV);
    register(dev, MODEL, Map.of());
    dev.archiveModel(MODEL, 1);

    assertFails(Reason.NOT_FOUND, () -> dev.getLatestModel(MODEL)).hasMessageContaining(MODEL);
  }

  @Test
  void archivingDoesNotFreeItsVersionNumber() {
    MlWorkspace dev = client.workspace(DEV);
    register(dev, MODEL, Map.of());
    dev.archiveModel(MODEL, 1);

    assertThat(register(dev, MODEL, Map.of()).version()).isEqualTo(2);
  }

  @Test
  void updateModelTagsChangesTagsAndNothingElse() {
    MlWorkspace dev = client.workspace(DEV);
    Model before =
        dev.registerModel(
            new ModelSpec(
                MODEL, artifactFile(), "first", tags("P001", "C001"), Map.of("epochs", "20")));

    Model updated =
        dev.updateModelTags(MODEL, 1, Map.of("plant_id", "P001", "stage", "production"));

    Model expected =
        new Model(
            before.name(),
            before.version(),
            before.description(),
            Map.of("plant_id", "P001", "stage", "production"),
            before.properties(),
            before.artifactDigest(),
            before.artifactSize(),
            before.archived(),
            before.source(),
            before.createdAt());
    assertThat(updated).isEqualTo(expected);
    assertThat(dev.getModel(MODEL, 1)).isEqualTo(expected);
    assertThat(dev.listModels(ModelQuery.all().withTag("stage", "production")))
        .containsExactly(expected);
    assertThat(dev.listModels(ModelQuery.all().withTag("circuit_id", "C001"))).isEmpty();
  }

  @Test
  void registeringNeverOverwritesAnExistingVersion() {
    MlWorkspace dev = client.workspace(DEV);
    Path first = artifactFile();
    Model v1 = dev.registerModel(ModelSpec.of(MODEL, first, Map.of("plant_id", "P001")));

    Model v2 = dev.registerModel(ModelSpec.of(MODEL, artifactFile(), Map.of("plant_id", "P002")));

    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.artifactDigest()).isNotEqualTo(v1.artifactDigest());
    assertThat(dev.getModel(MODEL, 1)).isEqualTo(v1);
    Path out = dev.downloadModel(MODEL, 1, workDir.resolve("out"));
    assertThat(contents(out)).isEqualTo(contents(first.getParent()));
  }

  @Test
  void registerRejectsMissingArtifactWithValidation() {
    MlWorkspace dev = client.workspace(DEV);

    assertFails(
        Reason.VALIDATION,
        () -> dev.registerModel(ModelSpec.of(MODEL, workDir.resolve("missing"), Map.of())));
    assertThat(dev.listModels(ModelQuery.byName(MODEL).includingArchived())).isEmpty();
  }

  // ---- models: artifacts -------------------------------------------------------------------

  @Test
  void downloadReturnsIdenticalBytesForFileArtifact() {
    MlWorkspace dev = client.workspace(DEV);
    Path file = artifactFile();
    register(dev, MODEL, file);

    Path out = dev.downloadModel(MODEL, 1, workDir.resolve("out").resolve("model"));

    assertThat(out).isEqualTo(workDir.resolve("out").resolve("model"));
    assertThat(out.resolve(file.getFileName())).hasBinaryContent(bytes(file));
    assertThat(contents(out)).containsOnlyKeys(file.getFileName().toString());
  }

  @Test
  void downloadReturnsIdenticalTreeForDirectoryArtifactWithNestedDirectories() {
    MlWorkspace dev = client.workspace(DEV);
    Path saved = savedModelDirectory();
    Model model = register(dev, MODEL, saved);

    Path out = dev.downloadModel(MODEL, 1, workDir.resolve("out"));

    assertThat(contents(out)).isEqualTo(contents(saved));
    assertThat(contents(out))
        .containsKeys("saved_model.pb", "variables/variables.index", "assets/meta/a/b/c.json");
    assertThat(model.artifactSize())
        .isEqualTo(contents(saved).values().stream().mapToLong(h -> h.length() / 2).sum());
  }

  @Test
  void downloadIntoAnEmptyExistingDirectoryWritesTheArtifact() throws IOException {
    MlWorkspace dev = client.workspace(DEV);
    Path saved = savedModelDirectory();
    register(dev, MODEL, saved);
    Path out = Files.createDirectories(workDir.resolve("empty"));

    dev.downloadModel(MODEL, 1, out);

    assertThat(contents(out)).isEqualTo(contents(saved));
  }

  // ---- errors ------------------------------------------------------------------------------

  @Test
  void everyGetOfAMissingThingFailsNotFound() {
    MlWorkspace dev = client.workspace(DEV);
    MlRegistry shared = client.registry(SHARED);
    register(dev, MODEL, Map.of());
    dev.createOrUpdateEndpoint(endpoint(ENDPOINT));

    List<ThrowingCallable> calls =
        List.of(
            () -> dev.getModel("no_such_model", 1),
            () -> dev.getModel(MODEL, 2),
            () -> dev.getLatestModel("no_such_model"),
            () -> dev.updateModelTags(MODEL, 2, Map.of()),
            () -> dev.archiveModel(MODEL, 2),
            () -> dev.downloadModel(MODEL, 2, workDir.resolve("out")),
            () -> dev.getEnvironment(ENVIRONMENT, "1.0.0"),
            () -> dev.getDataAsset(DATA, "2025-12-09"),
            () -> shared.getModel(MODEL, 1),
            () -> shared.getEnvironment(ENVIRONMENT, "1.0.0"),
            () -> shared.getDataAsset(DATA, "2025-12-09"),
            () -> client.workspace(TEST).getModel(MODEL, 1),
            () -> dev.getEndpoint("no-such-endpoint"),
            () -> dev.getDeployment(ENDPOINT, "no-such-deployment"),
            () -> dev.getDeployment("no-such-endpoint", DEPLOYMENT),
            () -> dev.setDefaultDeployment(ENDPOINT, "no-such-deployment"),
            () -> dev.setDefaultDeployment("no-such-endpoint", DEPLOYMENT),
            () -> dev.invoke("no-such-endpoint", DEPLOYMENT, inputs(Map.of())),
            () -> dev.invoke(ENDPOINT, "no-such-deployment", inputs(Map.of())),
            () -> dev.shareModel(MODEL, 2, SHARED),
            () -> dev.shareEnvironment(ENVIRONMENT, "1.0.0", SHARED),
            () -> dev.getJob("batchjob-unknown"),
            () -> dev.waitForJob("batchjob-unknown", Duration.ofMillis(10)),
            () -> dev.cancelJob("batchjob-unknown"),
            () -> dev.getJobLogs("batchjob-unknown"));

    for (ThrowingCallable call : calls) {
      assertFails(Reason.NOT_FOUND, call);
    }
    assertThat(dev.listModels(ModelQuery.byName("no_such_model"))).isEmpty();
    assertThat(dev.listEnvironments(ENVIRONMENT)).isEmpty();
    assertThat(dev.listDataAssets(DATA)).isEmpty();
    assertThat(dev.listDeployments(ENDPOINT)).isEmpty();
  }

  @Test
  void notFoundMessageNamesWhatIsMissing() {
    MlWorkspace dev = client.workspace(DEV);

    assertFails(Reason.NOT_FOUND, () -> dev.getModel(MODEL, 7))
        .hasMessageContaining(MODEL)
        .hasMessageContaining("7");
    assertFails(Reason.NOT_FOUND, () -> dev.getEndpoint("batch-endpoint-plant-P009"))
        .hasMessageContaining("batch-endpoint-plant-P009");
  }

  @Test
  void creatingAnExistingEnvironmentVersionFailsConflictAndKeepsTheOriginal() {
    MlWorkspace dev = client.workspace(DEV);
    Environment original = dev.createEnvironment(environment(ENVIRONMENT, "1.5.0"));
    EnvironmentSpec different =
        new EnvironmentSpec(
            ENVIRONMENT, "1.5.0", "python:3.12-slim", "", "", "other", Map.of("x", "y"));

    assertFails(Reason.CONFLICT, () -> dev.createEnvironment(different))
        .hasMessageContaining(ENVIRONMENT)
        .hasMessageContaining("1.5.0");
    assertFails(Reason.CONFLICT, () -> dev.createEnvironment(original.spec()));
    assertThat(dev.getEnvironment(ENVIRONMENT, "1.5.0")).isEqualTo(original);
  }

  @Test
  void creatingAnExistingDataAssetVersionFailsConflictAndKeepsTheOriginal() {
    MlWorkspace dev = client.workspace(DEV);
    DataAsset original = dev.createDataAsset(data("2025-12-09", "/data/P001/C001/2025-12-09"));

    assertFails(
            Reason.CONFLICT, () -> dev.createDataAsset(data("2025-12-09", "/data/P001/C001/other")))
        .hasMessageContaining(DATA)
        .hasMessageContaining("2025-12-09");
    assertThat(dev.getDataAsset(DATA, "2025-12-09")).isEqualTo(original);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad name", "../x", "", "-leading-dash", "a/b", "x;drop"})
  void rejectsInvalidNamesWithValidation(String name) {
    MlWorkspace dev = client.workspace(DEV);
    Path artifact = artifactFile();

    assertFails(Reason.VALIDATION, () -> dev.registerModel(ModelSpec.of(name, artifact, Map.of())))
        .hasMessageContaining("name");
    assertFails(Reason.VALIDATION, () -> dev.createEnvironment(environment(name, "1.0.0")));
    assertFails(
        Reason.VALIDATION,
        () ->
            dev.createDataAsset(
                new DataAssetSpec(
                    name, "2025-12-09", DataAssetType.URI_FOLDER, "/d", "", Map.of())));
    assertFails(Reason.VALIDATION, () -> dev.createOrUpdateEndpoint(endpoint(name)));
    assertThat(dev.listModels(ModelQuery.all().includingArchived())).isEmpty();
    assertThat(dev.listEnvironments("")).isEmpty();
    assertThat(dev.listDataAssets("")).isEmpty();
    assertThat(dev.listEndpoints()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0 0", "../1", "", "1/2"})
  void rejectsInvalidVersionsWithValidation(String version) {
    MlWorkspace dev = client.workspace(DEV);

    assertFails(Reason.VALIDATION, () -> dev.createEnvironment(environment(ENVIRONMENT, version)));
    assertFails(
        Reason.VALIDATION,
        () ->
            dev.createDataAsset(
                new DataAssetSpec(DATA, version, DataAssetType.URI_FOLDER, "/d", "", Map.of())));
  }

  @Test
  void rejectsSecretLookingTagValuesWithoutEchoingTheSecret() {
    MlWorkspace dev = client.workspace(DEV);
    Map<String, String> secretTags = Map.of("plant_id", "P001", "source_url", SAS_URL);
    Model model = register(dev, MODEL, Map.of("plant_id", "P001"));
    Environment env = dev.createEnvironment(environment(ENVIRONMENT, "1.0.0"));
    dev.createOrUpdateEndpoint(endpoint(ENDPOINT));

    List<ThrowingCallable> calls =
        List.of(
            () -> dev.registerModel(ModelSpec.of(MODEL, artifactFile(), secretTags)),
            () ->
                dev.registerModel(
                    new ModelSpec(MODEL, artifactFile(), "", Map.of(), Map.of("url", SAS_URL))),
            () -> dev.updateModelTags(MODEL, 1, secretTags),
            () ->
                dev.createEnvironment(
                    new EnvironmentSpec(
                        ENVIRONMENT, "2.0.0", "python:3.11", "", "", "", secretTags)),
            () ->
                dev.createDataAsset(
                    new DataAssetSpec(
                        DATA, "2025-12-09", DataAssetType.MLTABLE, "/d", "", secretTags)),
            () -> dev.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "", secretTags)),
            () -> dev.createOrUpdateDeployment(deployment(model.ref(), env.ref(), secretTags)),
            () ->
                dev.createOrUpdateDeployment(
                    new DeploymentSpec(
                        ENDPOINT,
                        DEPLOYMENT,
                        model.ref(),
                        env.ref(),
                        SETTINGS,
                        Map.of("INPUT_URL", SAS_URL),
                        Map.of())));

    for (ThrowingCallable call : calls) {
      assertFails(Reason.VALIDATION, call)
          .satisfies(
              e ->
                  assertThat(e.getMessage())
                      .doesNotContain(SAS_URL)
                      .doesNotContain("sig=abc")
                      .doesNotContain("acct.blob.core.windows.net"));
    }
    assertThat(dev.getModel(MODEL, 1).tags()).containsExactly(Map.entry("plant_id", "P001"));
    assertThat(dev.listModels(ModelQuery.byName(MODEL))).hasSize(1);
    assertThat(dev.listEnvironments(ENVIRONMENT)).containsExactly(env);
    assertThat(dev.listDataAssets(DATA)).isEmpty();
    assertThat(dev.getEndpoint(ENDPOINT).spec()).isEqualTo(endpoint(ENDPOINT));
    assertThat(dev.listDeployments(ENDPOINT)).isEmpty();
  }

  @Test
  void rejectsSecretLookingJobValuesWithoutEchoingTheSecret() {
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);

    assertFails(
            Reason.VALIDATION,
            () -> dev.invoke(ENDPOINT, DEPLOYMENT, inputs(Map.of("input_url", SAS_URL))))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sig=abc"));
  }

  @Test
  void rejectsDataPathsJobInputsAndBuildContextsCarryingASasTokenWithoutEchoingIt() {
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    DataAssetSpec data =
        new DataAssetSpec(DATA, "2025-12-09", DataAssetType.URI_FOLDER, SAS_URL, "", Map.of());

    List<ThrowingCallable> calls =
        List.of(
            () -> dev.createDataAsset(data),
            () -> dev.getOrCreateDataAsset(data),
            () -> dev.invoke(ENDPOINT, DEPLOYMENT, new JobInputs(SAS_URL, Map.of())),
            () ->
                dev.createEnvironment(
                    new EnvironmentSpec(ENVIRONMENT, "2.0.0", "", "", SAS_URL, "", Map.of())));

    for (ThrowingCallable call : calls) {
      assertFails(Reason.VALIDATION, call)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sig=abc"));
    }
    assertThat(dev.listDataAssets(DATA)).isEmpty();
    assertThat(dev.listEnvironments(ENVIRONMENT)).hasSize(1);
  }

  // ---- environments and data assets ----------------------------------------------------------

  @Test
  void environmentsHaveStringVersionsAndKeepImageCondaFileAndTags() {
    MlWorkspace dev = client.workspace(DEV);
    EnvironmentSpec spec =
        new EnvironmentSpec(
            ENVIRONMENT,
            "1.5.0",
            "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04",
            "name: scoring\ndependencies:\n  - python=3.11\n",
            "",
            "scoring runtime",
            Map.of("backward_compatible", "true", "requires_retrain", "false"));
    EnvironmentSpec fromContext =
        new EnvironmentSpec(ENVIRONMENT, "2.0.0-rc.1", "", "", "docker/scoring", "", Map.of());

    Environment created = dev.createEnvironment(spec);
    Environment second = dev.createEnvironment(fromContext);

    assertThat(created.spec()).isEqualTo(spec);
    assertThat(created.source()).isEmpty();
    assertThat(dev.getEnvironment(ENVIRONMENT, "1.5.0")).isEqualTo(created);
    assertThat(dev.getEnvironment(ENVIRONMENT, "2.0.0-rc.1")).isEqualTo(second);
    assertThat(dev.listEnvironments(ENVIRONMENT))
        .extracting(e -> e.spec().version())
        .containsExactly("2.0.0-rc.1", "1.5.0");
    assertThat(client.workspace(PROD).listEnvironments(ENVIRONMENT)).isEmpty();
  }

  @Test
  void dataAssetsHaveStringVersionsTypesAndTags() {
    MlWorkspace dev = client.workspace(DEV);
    DataAssetSpec mltable =
        new DataAssetSpec(
            DATA,
            "2025-12-09",
            DataAssetType.MLTABLE,
            "/data/P001/C001/2025-12-09",
            "cutoff 2025-12-09",
            Map.of("plant_id", "P001", "circuit_id", "C001", "delta_version", "790"));
    DataAssetSpec folder =
        new DataAssetSpec(
            DATA,
            "2026-01-15",
            DataAssetType.URI_FOLDER,
            "/data/P001/C001/2026-01-15",
            "",
            Map.of());

    DataAsset first = dev.createDataAsset(mltable);
    DataAsset second = dev.createDataAsset(folder);

    assertThat(first.spec()).isEqualTo(mltable);
    assertThat(dev.getDataAsset(DATA, "2025-12-09")).isEqualTo(first);
    assertThat(dev.getDataAsset(DATA, "2026-01-15")).isEqualTo(second);
    assertThat(dev.listDataAssets(DATA))
        .extracting(d -> d.spec().version())
        .containsExactly("2026-01-15", "2025-12-09");
    assertThat(first.ref()).hasToString("azureml:" + DATA + ":2025-12-09");
  }

  @Test
  void getOrCreateDataAssetReturnsTheExistingVersionForTheSameSpec() {
    MlWorkspace dev = client.workspace(DEV);
    DataAssetSpec spec = data("2025-12-09", "/data/P001/C001/2025-12-09");

    DataAsset created = dev.getOrCreateDataAsset(spec);
    DataAsset again = dev.getOrCreateDataAsset(spec);

    assertThat(again).isEqualTo(created);
    assertThat(dev.listDataAssets(DATA)).containsExactly(created);
  }

  @Test
  void getOrCreateDataAssetFailsConflictForTheSameVersionWithAnotherPathOrType() {
    MlWorkspace dev = client.workspace(DEV);
    DataAsset created = dev.getOrCreateDataAsset(data("2025-12-09", "/data/P001/C001/2025-12-09"));

    assertFails(
            Reason.CONFLICT,
            () -> dev.getOrCreateDataAsset(data("2025-12-09", "/data/P001/C001/elsewhere")))
        .hasMessageContaining("2025-12-09");
    assertFails(
        Reason.CONFLICT,
        () ->
            dev.getOrCreateDataAsset(
                new DataAssetSpec(
                    DATA,
                    "2025-12-09",
                    DataAssetType.URI_FOLDER,
                    "/data/P001/C001/2025-12-09",
                    "",
                    Map.of())));
    assertThat(dev.listDataAssets(DATA)).containsExactly(created);
  }

  // ---- registry sharing --------------------------------------------------------------------

  @Test
  void shareModelCopiesNameVersionTagsAndArtifactToTheRegistry() {
    MlWorkspace dev = client.workspace(DEV);
    Path saved = savedModelDirectory();
    register(dev, MODEL, saved);
    Model v2 =
        dev.registerModel(
            new ModelSpec(MODEL, saved, "v2", tags("P001", "C001"), Map.of("k", "v")));

    AssetRef ref = dev.shareModel(MODEL, 2, SHARED);

    assertThat(ref).isEqualTo(AssetRef.registry(SHARED, AssetKind.MODEL, MODEL, "2"));
    assertThat(ref).hasToString("azureml://registries/shared/models/" + MODEL + "/versions/2");
    MlRegistry shared = client.registry(SHARED);
    Model copy = shared.getModel(MODEL, 2);
    assertThat(copy.version()).isEqualTo(2);
    assertThat(copy.description()).isEqualTo("v2");
    assertThat(copy.tags()).isEqualTo(v2.tags());
    assertThat(copy.properties()).isEqualTo(v2.properties());
    assertThat(copy.artifactDigest()).isEqualTo(v2.artifactDigest());
    assertThat(copy.source()).contains(MODEL).contains("2");
    assertThat(contents(shared.downloadModel(MODEL, 2, workDir.resolve("from-registry"))))
        .isEqualTo(contents(saved));
    assertThat(shared.listModels(ModelQuery.byName(MODEL)))
        .extracting(Model::version)
        .containsExactly(2);
    assertThat(dev.getModel(MODEL, 2)).isEqualTo(v2);
  }

  @Test
  void shareModelIsIdempotent() {
    MlWorkspace dev = client.workspace(DEV);
    register(dev, MODEL, Map.of());

    AssetRef first = dev.shareModel(MODEL, 1, SHARED);
    AssetRef again = dev.shareModel(MODEL, 1, SHARED);

    assertThat(again).isEqualTo(first);
    assertThat(client.registry(SHARED).listModels(ModelQuery.byName(MODEL).includingArchived()))
        .hasSize(1);
  }

  @Test
  void shareModelFailsConflictWhenTheRegistryHoldsADifferentModelUnderThatVersion() {
    MlWorkspace dev = client.workspace(DEV);
    MlWorkspace test = client.workspace(TEST);
    Model fromDev = register(dev, MODEL, Map.of());
    register(test, MODEL, Map.of());
    dev.shareModel(MODEL, 1, SHARED);

    assertFails(Reason.CONFLICT, () -> test.shareModel(MODEL, 1, SHARED))
        .hasMessageContaining(MODEL);
    assertThat(client.registry(SHARED).getModel(MODEL, 1).artifactDigest())
        .isEqualTo(fromDev.artifactDigest());
  }

  @Test
  void shareEnvironmentCopiesTheVersionAndIsIdempotent() {
    MlWorkspace dev = client.workspace(DEV);
    Environment env = dev.createEnvironment(environment(ENVIRONMENT, "1.5.0"));

    AssetRef ref = dev.shareEnvironment(ENVIRONMENT, "1.5.0", SHARED);
    AssetRef again = dev.shareEnvironment(ENVIRONMENT, "1.5.0", SHARED);

    assertThat(ref)
        .isEqualTo(AssetRef.registry(SHARED, AssetKind.ENVIRONMENT, ENVIRONMENT, "1.5.0"));
    assertThat(again).isEqualTo(ref);
    Environment copy = client.registry(SHARED).getEnvironment(ENVIRONMENT, "1.5.0");
    assertThat(copy.spec()).isEqualTo(env.spec());
    assertThat(copy.source()).contains(ENVIRONMENT).contains("1.5.0");
    assertThat(client.registry(SHARED).listEnvironments(ENVIRONMENT)).hasSize(1);
  }

  @Test
  void shareEnvironmentFailsConflictWhenTheRegistryHoldsADifferentSpec() {
    MlWorkspace dev = client.workspace(DEV);
    MlWorkspace test = client.workspace(TEST);
    dev.createEnvironment(environment(ENVIRONMENT, "1.5.0"));
    test.createEnvironment(
        new EnvironmentSpec(ENVIRONMENT, "1.5.0", "python:3.12-slim", "", "", "", Map.of()));
    dev.shareEnvironment(ENVIRONMENT, "1.5.0", SHARED);

    assertFails(Reason.CONFLICT, () -> test.shareEnvironment(ENVIRONMENT, "1.5.0", SHARED));
  }

  @Test
  void deploymentsInAnyWorkspaceReferenceRegistryModelAndEnvironment() {
    MlWorkspace dev = client.workspace(DEV);
    register(dev, MODEL, Map.of());
    dev.createEnvironment(environment(ENVIRONMENT, "1.5.0"));
    AssetRef model = dev.shareModel(MODEL, 1, SHARED);
    AssetRef env = dev.shareEnvironment(ENVIRONMENT, "1.5.0", SHARED);

    for (String name : List.of(TEST, PROD)) {
      MlWorkspace ws = client.workspace(name);
      ws.createOrUpdateEndpoint(endpoint(ENDPOINT));
      BatchDeployment deployment =
          ws.createOrUpdateDeployment(
              deployment(
                  AssetRef.registry(SHARED, AssetKind.MODEL, MODEL, "1"),
                  AssetRef.registry(SHARED, AssetKind.ENVIRONMENT, ENVIRONMENT, "1.5.0"),
                  Map.of()));

      assertThat(deployment.spec().model()).isEqualTo(model);
      assertThat(ws.getDeployment(ENDPOINT, DEPLOYMENT).spec().environment()).isEqualTo(env);
      assertThat(ws.listModels(ModelQuery.all())).isEmpty();
    }
  }

  @Test
  void jobInAnotherWorkspaceRunsTheRegistryModelArtifact() throws Exception {
    assumeRunnerRuns();
    MlWorkspace dev = client.workspace(DEV);
    Path file = artifactFile();
    register(dev, MODEL, file);
    dev.createEnvironment(environment(ENVIRONMENT, "1.5.0"));
    dev.shareModel(MODEL, 1, SHARED);
    dev.shareEnvironment(ENVIRONMENT, "1.5.0", SHARED);
    MlWorkspace prod = client.workspace(PROD);
    prod.createOrUpdateEndpoint(endpoint(ENDPOINT));
    prod.createOrUpdateDeployment(
        deployment(
            AssetRef.registry(SHARED, AssetKind.MODEL, MODEL, "1"),
            AssetRef.registry(SHARED, AssetKind.ENVIRONMENT, ENVIRONMENT, "1.5.0"),
            Map.of()));
    AtomicReference<byte[]> seen = new AtomicReference<>();
    setRunner(
        context -> {
          seen.set(Files.readAllBytes(context.modelDir().resolve(file.getFileName())));
          return 0;
        });

    Job job =
        prod.waitForJob(prod.invoke(ENDPOINT, DEPLOYMENT, inputs(Map.of())).id(), JOB_TIMEOUT);

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(seen.get()).isEqualTo(bytes(file));
  }

  @Test
  void registryTargetsRejectWorkspaceOnlyOperations() {
    MlRegistry shared = client.registry(SHARED);
    assumeThat(shared).isInstanceOf(MlWorkspace.class);
    MlWorkspace asWorkspace = (MlWorkspace) shared;
    register(shared, MODEL, Map.of());

    assertFails(Reason.VALIDATION, asWorkspace::listEndpoints).hasMessageContaining(SHARED);
    assertFails(Reason.VALIDATION, () -> asWorkspace.createOrUpdateEndpoint(endpoint(ENDPOINT)));
    assertFails(Reason.VALIDATION, () -> asWorkspace.shareModel(MODEL, 1, SHARED));
    assertFails(Reason.VALIDATION, () -> asWorkspace.getJob("batchjob-unknown"));
    assertFails(
        Reason.VALIDATION, () -> asWorkspace.invoke(ENDPOINT, DEPLOYMENT, inputs(Map.of())));
  }

  @Test
  void registriesHoldTheirOwnAssetsToo() {
    MlRegistry shared = client.registry(SHARED);

    Model model = register(shared, MODEL, Map.of("plant_id", "P001"));
    Environment env = shared.createEnvironment(environment(ENVIRONMENT, "1.0.0"));

    assertThat(model.version()).isEqualTo(1);
    assertThat(shared.getLatestModel(MODEL)).isEqualTo(model);
    assertThat(shared.listEnvironments("")).containsExactly(env);
    assertThat(shared.name()).isEqualTo(SHARED);
    assertThat(client.workspace(DEV).listModels(ModelQuery.all())).isEmpty();
  }

  // ---- endpoints and deployments ------------------------------------------------------------

  @Test
  void createOrUpdateEndpointCreatesWhenMissingAndUpdatesKeepingCreatedAt() {
    MlWorkspace dev = client.workspace(DEV);

    BatchEndpoint first =
        dev.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "plant P001", Map.of("a", "1")));
    EndpointSpec changed = new EndpointSpec(ENDPOINT, "plant P001 scoring", Map.of("b", "2"));
    BatchEndpoint second = dev.createOrUpdateEndpoint(changed);

    assertThat(first.defaultDeployment()).isEmpty();
    assertThat(second.spec()).isEqualTo(changed);
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(second.updatedAt()).isAfterOrEqualTo(first.updatedAt());
    BatchEndpoint read = dev.getEndpoint(ENDPOINT);
    assertThat(read.spec()).isEqualTo(changed);
    assertThat(read.createdAt()).isEqualTo(first.createdAt());
    assertThat(dev.listEndpoints()).extracting(e -> e.spec().name()).containsExactly(ENDPOINT);
  }

  @Test
  void listsEndpointsByNameAndOnlyInTheirWorkspace() {
    MlWorkspace dev = client.workspace(DEV);
    dev.createOrUpdateEndpoint(endpoint("batch-endpoint-plant-P002"));
    dev.createOrUpdateEndpoint(endpoint("batch-endpoint-plant-P001"));

    assertThat(dev.listEndpoints())
        .extracting(e -> e.spec().name())
        .containsExactly("batch-endpoint-plant-P001", "batch-endpoint-plant-P002");
    assertThat(client.workspace(PROD).listEndpoints()).isEmpty();
    assertFails(Reason.NOT_FOUND, () -> client.workspace(PROD).getEndpoint(ENDPOINT));
  }

  @Test
  void createOrUpdateDeploymentUpdatesTheSpecAndKeepsCreatedAt() {
    MlWorkspace dev = client.workspace(DEV);
    Model v1 = register(dev, MODEL, Map.of());
    Model v2 = register(dev, MODEL, Map.of());
    Environment env = dev.createEnvironment(environment(ENVIRONMENT, "1.5.0"));
    dev.createOrUpdateEndpoint(endpoint(ENDPOINT));
    DeploymentSpec initial =
        new DeploymentSpec(
            ENDPOINT,
            DEPLOYMENT,
            v1.ref(),
            env.ref(),
            SETTINGS,
            Map.of("PLANT_ID", "P001"),
            Map.of("circuit_id", "C001"));
    DeploymentSpec changed =
        new DeploymentSpec(
            ENDPOINT,
            DEPLOYMENT,
            v2.ref(),
            env.ref(),
            new DeploymentConfig("Standard_DS4_v2", 20, 2, 4, 5, 1, 60),
            Map.of("PLANT_ID", "P001", "LOG_LEVEL", "DEBUG"),
            Map.of("circuit_id", "C001", "model_version", "2"));

    BatchDeployment first = dev.createOrUpdateDeployment(initial);
    BatchDeployment second = dev.createOrUpdateDeployment(changed);

    assertThat(first.spec()).isEqualTo(initial);
    assertThat(second.spec()).isEqualTo(changed);
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(second.updatedAt()).isAfterOrEqualTo(first.updatedAt());
    BatchDeployment read = dev.getDeployment(ENDPOINT, DEPLOYMENT);
    assertThat(read.spec()).isEqualTo(changed);
    assertThat(read.createdAt()).isEqualTo(first.createdAt());
    assertThat(dev.listDeployments(ENDPOINT)).containsExactly(read);
  }

  @Test
  void listsDeploymentsOfAnEndpointByName() {
    MlWorkspace dev = client.workspace(DEV);
    Model model = register(dev, MODEL, Map.of());
    Environment env = dev.createEnvironment(environment(ENVIRONMENT, "1.5.0"));
    dev.createOrUpdateEndpoint(endpoint(ENDPOINT));
    dev.createOrUpdateEndpoint(endpoint("batch-endpoint-plant-P002"));
    for (String name : List.of("deployment-circuit-C002", "deployment-circuit-C001")) {
      dev.createOrUpdateDeployment(
          new DeploymentSpec(ENDPOINT, name, model.ref(), env.ref(), SETTINGS, Map.of(), Map.of()));
    }

    assertThat(dev.listDeployments(ENDPOINT))
        .extracting(d -> d.spec().name())
        .containsExactly("deployment-circuit-C001", "deployment-circuit-C002");
    assertThat(dev.listDeployments("batch-endpoint-plant-P002")).isEmpty();
  }

  @Test
  void deploymentReferencingAMissingModelEnvironmentOrEndpointFailsNotFound() {
    MlWorkspace dev = client.workspace(DEV);
    Model model = register(dev, MODEL, Map.of());
    Environment env = dev.createEnvironment(environment(ENVIRONMENT, "1.5.0"));
    AssetRef missingModel = AssetRef.workspace(AssetKind.MODEL, MODEL, "9");
    AssetRef missingEnv = AssetRef.workspace(AssetKind.ENVIRONMENT, ENVIRONMENT, "9.9.9");
    AssetRef unsharedModel = AssetRef.registry(SHARED, AssetKind.MODEL, MODEL, "1");

    assertFails(
            Reason.NOT_FOUND,
            () -> dev.createOrUpdateDeployment(deployment(model.ref(), env.ref(), Map.of())))
        .hasMessageContaining(ENDPOINT);
    dev.createOrUpdateEndpoint(endpoint(ENDPOINT));
    assertFails(
            Reason.NOT_FOUND,
            () -> dev.createOrUpdateDeployment(deployment(missingModel, env.ref(), Map.of())))
        .hasMessageContaining(MODEL);
    assertFails(
            Reason.NOT_FOUND,
            () -> dev.createOrUpdateDeployment(deployment(model.ref(), missingEnv, Map.of())))
        .hasMessageContaining(ENVIRONMENT);
    assertFails(
        Reason.NOT_FOUND,
        () -> dev.createOrUpdateDeployment(deployment(unsharedModel, env.ref(), Map.of())));
    assertFails(
        Reason.NOT_FOUND,
        () ->
            client
                .workspace(PROD)
                .createOrUpdateDeployment(deployment(model.ref(), env.ref(), Map.of())));
    assertThat(dev.listDeployments(ENDPOINT)).isEmpty();
  }

  @Test
  void setDefaultDeploymentMakesInvokeWithoutANameUseIt() {
    MlWorkspace dev = client.workspace(DEV);
    deploy(dev);

    BatchEndpoint updated = dev.setDefaultDeployment(ENDPOINT, DEPLOYMENT);
    Job job = dev.invoke(ENDPOINT, "", inputs(Map.of()));

    assertThat(updated.defaultDeployment()).isEqualTo(DEPLOYMENT);
    assertThat(dev.getEndpoint(ENDPOINT).defaultDeployment()).isEqualTo(DEPLOYMENT);
    assertThat(job.endpoint()).isEqualTo(ENDPOINT);
    assertThat(job.deployment()).isEqualTo(DEPLOYMENT);
    assertThat(dev.getJob(job.id()).deployment()).isEqualTo(DEPLOYMENT);
  }

  @Test
  void updatingAnEndpointKeepsItsDefaultDeployment() {
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);

    BatchEndpoint updated =
        dev.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "new description", Map.of()));

    assertThat(updated.defaultDeployment()).isEqualTo(DEPLOYMENT);
    assertThat(dev.getEndpoint(ENDPOINT).defaultDeployment()).isEqualTo(DEPLOYMENT);
  }

  @Test
  void invokeWithoutADeploymentNameFailsValidationWhenTheEndpointHasNoDefault() {
    MlWorkspace dev = client.workspace(DEV);
    deploy(dev);

    assertFails(Reason.VALIDATION, () -> dev.invoke(ENDPOINT, "", inputs(Map.of())))
        .hasMessageContaining(ENDPOINT)
        .hasMessageContaining("default");
  }

  // ---- jobs --------------------------------------------------------------------------------

  @Test
  void jobWhoseRunnerReturnsZeroCompletesWithExitCodeZero() {
    assumeRunnerRuns();
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    setRunner(context -> 0);

    Job submitted = dev.invoke(ENDPOINT, DEPLOYMENT, inputs(Map.of("plant_id", "P001")));
    Job ended = dev.waitForJob(submitted.id(), JOB_TIMEOUT);

    assertThat(submitted.id()).isNotBlank();
    assertThat(submitted.status().isTerminal()).isFalse();
    assertThat(submitted.inputs()).isEqualTo(inputs(Map.of("plant_id", "P001")));
    assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(ended.exitCode()).isZero();
    assertThat(ended.error()).isEmpty();
    assertThat(ended.endpoint()).isEqualTo(ENDPOINT);
    assertThat(ended.deployment()).isEqualTo(DEPLOYMENT);
    assertThat(ended.inputs()).isEqualTo(submitted.inputs());
    assertThat(ended.createdAt()).isEqualTo(submitted.createdAt());
    assertThat(ended.endedAt()).isAfterOrEqualTo(ended.createdAt());
    assertThat(dev.getJob(submitted.id())).isEqualTo(ended);
  }

  @Test
  void jobWhoseRunnerReturnsNonZeroFailsWithThatExitCode() {
    assumeRunnerRuns();
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    setRunner(context -> 3);

    Job ended = dev.waitForJob(dev.invoke(ENDPOINT, "", inputs(Map.of())).id(), JOB_TIMEOUT);

    assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
    assertThat(ended.exitCode()).isEqualTo(3);
    assertThat(ended.error()).contains("3");
  }

  @Test
  void jobWhoseRunnerThrowsFailsWithTheMessage() {
    assumeRunnerRuns();
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    setRunner(
        context -> {
          throw new IllegalStateException("sensor table for P001/C001 has no rows after cutoff");
        });

    Job ended = dev.waitForJob(dev.invoke(ENDPOINT, "", inputs(Map.of())).id(), JOB_TIMEOUT);

    assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
    assertThat(ended.error()).contains("sensor table for P001/C001 has no rows after cutoff");
  }

  @Test
  void jobLogsContainWhatTheRunnerLogged() {
    assumeRunnerRuns();
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    setRunner(
        context -> {
          context.log().println("scored 42 windows for circuit C001");
          context.log().println("wrote predictions.parquet");
          return 0;
        });

    Job ended = dev.waitForJob(dev.invoke(ENDPOINT, "", inputs(Map.of())).id(), JOB_TIMEOUT);

    assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(dev.getJobLogs(ended.id()))
        .contains("scored 42 windows for circuit C001")
        .contains("wrote predictions.parquet");
  }

  @Test
  void perInvocationValuesAndTheInputReachTheRunner() {
    assumeRunnerRuns();
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    AtomicReference<JobInputs> seen = new AtomicReference<>();
    AtomicReference<DeploymentSpec> deployment = new AtomicReference<>();
    setRunner(
        context -> {
          seen.set(context.inputs());
          deployment.set(context.deployment().spec());
          return 0;
        });
    JobInputs inputs =
        new JobInputs(
            "/data/P001/C001/2026-01-15",
            Map.of("plant_id", "P001", "circuit_id", "C001", "cutoff_date", "2026-01-15"));

    Job ended = dev.waitForJob(dev.invoke(ENDPOINT, DEPLOYMENT, inputs).id(), JOB_TIMEOUT);

    assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(seen.get()).isEqualTo(inputs);
    assertThat(seen.get().values())
        .containsEntry("plant_id", "P001")
        .containsEntry("circuit_id", "C001");
    assertThat(deployment.get()).isEqualTo(dev.getDeployment(ENDPOINT, DEPLOYMENT).spec());
  }

  @Test
  void cancellingARunningJobEndsItCanceled() throws Exception {
    assumeRunnerRuns();
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    CountDownLatch started = new CountDownLatch(1);
    setRunner(
        context -> {
          started.countDown();
          while (!context.cancelRequested()) {
            Thread.onSpinWait();
          }
          context.log().println("stopping on request");
          return 0;
        });
    Job job = dev.invoke(ENDPOINT, "", inputs(Map.of()));
    assertThat(started.await(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    dev.cancelJob(job.id());
    Job ended = dev.waitForJob(job.id(), JOB_TIMEOUT);

    assertThat(ended.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(dev.getJobLogs(job.id())).contains("stopping on request");
  }

  @Test
  void cancellingAnEndedJobReturnsItUnchanged() {
    assumeRunnerRuns();
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    Job ended = dev.waitForJob(dev.invoke(ENDPOINT, "", inputs(Map.of())).id(), JOB_TIMEOUT);

    Job afterCancel = dev.cancelJob(ended.id());

    assertThat(afterCancel).isEqualTo(ended);
    assertThat(dev.getJob(ended.id()).status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void waitForJobTimesOutOnAJobThatDoesNotEnd() {
    assumeRunnerRuns();
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    CountDownLatch release = releasedAfterTest(new CountDownLatch(1));
    setRunner(
        context -> {
          release.await();
          return 0;
        });
    Job job = dev.invoke(ENDPOINT, "", inputs(Map.of()));

    assertFails(Reason.TIMEOUT, () -> dev.waitForJob(job.id(), Duration.ofMillis(50)))
        .hasMessageContaining(job.id());
    assertThat(dev.getJob(job.id()).status().isTerminal()).isFalse();

    release.countDown();
    assertThat(dev.waitForJob(job.id(), JOB_TIMEOUT).status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void jobsBelongToTheWorkspaceThatRanThem() {
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);
    Job job = dev.invoke(ENDPOINT, "", inputs(Map.of()));

    assertFails(Reason.NOT_FOUND, () -> client.workspace(PROD).getJob(job.id()));
    assertThat(dev.getJob(job.id()).id()).isEqualTo(job.id());
  }

  @Test
  void eachInvocationIsANewJob() {
    MlWorkspace dev = client.workspace(DEV);
    deployWithDefault(dev);

    Job first = dev.invoke(ENDPOINT, "", inputs(Map.of("circuit_id", "C001")));
    Job second = dev.invoke(ENDPOINT, "", inputs(Map.of("circuit_id", "C001")));

    assertThat(second.id()).isNotEqualTo(first.id());
  }

  // ---- helpers -----------------------------------------------------------------------------

  /**
   * Asserts that a call fails with a {@link RegistryException} of the given reason.
   *
   * @param reason the expected reason
   * @param call the call
   * @return an assertion on the exception, for further checks on its message
   */
  protected static AbstractThrowableAssert<?, ? extends Throwable> assertFails(
      Reason reason, ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(reason));
  }

  /**
   * Sets what the runner does for the jobs of the current test.
   *
   * @param behaviour the runner to delegate to
   */
  protected final void setRunner(JobRunner behaviour) {
    runner.set(behaviour);
  }

  /**
   * Registers a latch to be released when the test ends, so blocked runners finish cleanly.
   *
   * @param latch the latch
   * @return the latch
   */
  protected final CountDownLatch releasedAfterTest(CountDownLatch latch) {
    latchesToRelease.add(latch);
    return latch;
  }

  private void assumeRunnerRuns() {
    assumeThat(jobsRunTheRunner()).as("jobs of this backend run the given runner").isTrue();
  }

  /**
   * Creates a new single-file artifact with unique content, {@code model.bin} in its own folder.
   *
   * @return the file
   */
  protected final Path artifactFile() {
    int n = artifacts.incrementAndGet();
    Path file = workDir.resolve("inputs").resolve("file-" + n).resolve("model.bin");
    byte[] content = new byte[300 + n];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + n);
    }
    return write(file, content);
  }

  /**
   * Creates a new directory artifact shaped like a SavedModel, with nested directories.
   *
   * @return the directory
   */
  protected final Path savedModelDirectory() {
    int n = artifacts.incrementAndGet();
    Path dir = workDir.resolve("inputs").resolve("saved-" + n);
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    write(dir.resolve("saved_model.pb"), binary);
    write(dir.resolve("variables").resolve("variables.index"), utf8("index " + n));
    write(dir.resolve("variables").resolve("variables.data-00000-of-00001"), utf8("weights " + n));
    write(dir.resolve("assets/meta/a/b/c.json"), utf8("{\"plant_id\":\"P001\",\"n\":" + n + "}"));
    write(dir.resolve("metadata.json"), utf8("{\"circuit_id\":\"C001\"}"));
    write(dir.resolve("empty.txt"), new byte[0]);
    return dir;
  }

  /**
   * Reads a directory tree as relative path to hex content, for comparing trees.
   *
   * @param dir the directory
   * @return sorted relative paths (with {@code /}) and their contents in hex
   */
  protected static Map<String, String> contents(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            dir.relativize(p).toString().replace('\\', '/'),
            HexFormat.of().formatHex(Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private Model register(MlRegistry target, String name, Map<String, String> tags) {
    return target.registerModel(ModelSpec.of(name, artifactFile(), tags));
  }

  private Model register(MlRegistry target, String name, Path artifact) {
    return target.registerModel(ModelSpec.of(name, artifact, Map.of()));
  }

  private void deploy(MlWorkspace ws) {
    Model model = register(ws, MODEL, Map.of());
    Environment env = ws.createEnvironment(environment(ENVIRONMENT, "1.5.0"));
    ws.createOrUpdateEndpoint(endpoint(ENDPOINT));
    ws.createOrUpdateDeployment(deployment(model.ref(), env.ref(), Map.of()));
  }

  private void deployWithDefault(MlWorkspace ws) {
    deploy(ws);
    ws.setDefaultDeployment(ENDPOINT, DEPLOYMENT);
  }

  private static Map<String, String> tags(String plant, String circuit) {
    return Map.of("plant_id", plant, "circuit_id", circuit);
  }

  private static EnvironmentSpec environment(String name, String version) {
    return new EnvironmentSpec(
        name,
        version,
        "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04",
        "name: scoring\n",
        "",
        "",
        Map.of());
  }

  private static DataAssetSpec data(String version, String path) {
    return new DataAssetSpec(
        DATA, version, DataAssetType.MLTABLE, path, "", Map.of("cutoff_date", version));
  }

  private static EndpointSpec endpoint(String name) {
    return new EndpointSpec(name, "batch scoring", Map.of("plant_id", "P001"));
  }

  private static DeploymentSpec deployment(
      AssetRef model, AssetRef environment, Map<String, String> tags) {
    return new DeploymentSpec(
        ENDPOINT, DEPLOYMENT, model, environment, SETTINGS, Map.of("PLANT_ID", "P001"), tags);
  }

  private static JobInputs inputs(Map<String, String> values) {
    return new JobInputs("/data/P001/C001/2026-01-15", values);
  }

  private static Path write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
