package io.mlops4j.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.mlops4j.config.DeploymentConfig;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.RegistryException.Reason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour only the embedded local store has: persistence across reopening, schema migrations, the
 * audit trail, the content-addressed artifact store, command jobs, dead job owners and concurrent
 * version allocation.
 */
class LocalStoreTest {
  private static final String SAS_URL = "https://acct.blob.core.windows.net/c?sv=2022&sig=abc";
  private static final DeploymentConfig SETTINGS =
      new DeploymentConfig("Standard_DS3_v2", 10, 1, 1, -1, 3, 30);
  private static final PollSettings FAST_POLL =
      new PollSettings(Duration.ofMillis(1), 2.0, Duration.ofMillis(50));
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);
  private static final String MODEL = "lstm_P001_C001";
  private static final String ENDPOINT = "batch-endpoint-plant-P001";
  private static final String DEPLOYMENT = "deployment-circuit-C001";

  @TempDir Path dir;

  private final List<CountDownLatch> latchesToRelease = new ArrayList<>();
  private final List<LocalMlClient> opened = new ArrayList<>();

  @AfterEach
  void releaseRunnersAndCloseClients() {
    latchesToRelease.forEach(CountDownLatch::countDown);
    opened.forEach(LocalMlClient::close);
  }

  // ---- persistence and schema --------------------------------------------------------------

  @Test
  void storeSurvivesClosingAndReopening() {
    Path artifact = savedModel("a");
    LocalMlClient client = open(context -> 0);
    MlWorkspace dev = client.workspace("dev");
    dev.registerModel(ModelSpec.of(MODEL, artifact, Map.of("plant_id", "P001")));
    Model model = dev.registerModel(ModelSpec.of(MODEL, artifact, Map.of("plant_id", "P001")));
    dev.archiveModel(MODEL, 1);
    DataAsset data =
        dev.getOrCreateDataAsset(
            new DataAssetSpec(
                "sensor_training_data_P001_C001",
                "2025-12-09",
                DataAssetType.MLTABLE,
                "/data/P001",
                "",
                Map.of()));
    dev.shareModel(MODEL, 2, "shared");
    BatchDeployment deployment = deploy(dev, model.ref());
    BatchEndpoint endpoint = dev.setDefaultDeployment(ENDPOINT, DEPLOYMENT);
    List<AuditEntry> audit = client.listAuditEntries(1000);
    closeEarly(client);

    LocalMlClient reopened = open(context -> 0);
    MlWorkspace again = reopened.workspace("dev");

    assertThat(again.getLatestModel(MODEL)).isEqualTo(model);
    assertThat(again.getModel(MODEL, 1).archived()).isTrue();
    assertThat(again.listEnvironments(""))
        .extracting(e -> e.spec().version())
        .containsExactly("9.0.0");
    assertThat(again.listDataAssets("")).containsExactly(data);
    assertThat(reopened.registry("shared").getModel(MODEL, 2).artifactDigest())
        .isEqualTo(model.artifactDigest());
    assertThat(again.getEndpoint(ENDPOINT)).isEqualTo(endpoint);
    assertThat(again.getDeployment(ENDPOINT, DEPLOYMENT)).isEqualTo(deployment);
    assertThat(tree(again.downloadModel(MODEL, 2, dir.resolve("out")))).isEqualTo(tree(artifact));
    assertThat(reopened.listAuditEntries(1000)).isEqualTo(audit);
    assertThat(again.registerModel(ModelSpec.of(MODEL, artifact, Map.of())).version()).isEqualTo(3);
  }

  @Test
  void migrationSetsSchemaUserVersionToOne() throws SQLException {
    closeEarly(open(context -> 0));

    try (Connection db = jdbc();
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    try (Connection db = jdbc();
        Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      List<String> tables = new ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
      assertThat(tables)
          .contains(
              "audit",
              "data_assets",
              "deployments",
              "endpoints",
              "environments",
              "jobs",
              "model_tags",
              "models");
    }
  }

  @Test
  void reopeningAMigratedStoreKeepsItsSchemaVersion() throws SQLException {
    closeEarly(open(context -> 0));
    closeEarly(open(context -> 0));

    try (Connection db = jdbc();
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void storeWithANewerSchemaVersionFailsWithAClearMessage() throws SQLException {
    closeEarly(open(context -> 0));
    try (Connection db = jdbc();
        Statement st = db.createStatement()) {
      st.execute("PRAGMA user_version = 2");
    }

    assertThatThrownBy(() -> open(context -> 0))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.VALIDATION))
        .hasMessageContaining("schema version 2")
        .hasMessageContaining("supports (1)")
        .hasMessageContaining("upgrade mlops4j");
  }

  // ---- audit and secrets -------------------------------------------------------------------

  @Test
  void everyStateChangeWritesAnAuditEntryWithActorTargetEntityAndBeforeAfter() {
    Instant start = Instant.now();
    LocalMlClient client = open(context -> 0);
    MlWorkspace dev = client.workspace("dev");
    Path artifact = savedModel("a");

    dev.registerModel(
        ModelSpec.of(MODEL, artifact, Map.of("plant_id", "P001", "circuit_id", "C001")));
    dev.updateModelTags(MODEL, 1, Map.of("plant_id", "P001", "stage", "candidate"));
    dev.archiveModel(MODEL, 1);
    Model model = dev.registerModel(ModelSpec.of(MODEL, artifact, Map.of()));
    dev.createEnvironment(environment("1.5.0"));
    dev.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "first description", Map.of()));
    dev.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "second description", Map.of()));
    dev.createOrUpdateDeployment(deployment(model.ref()));
    dev.setDefaultDeployment(ENDPOINT, DEPLOYMENT);
    Job job = dev.waitForJob(dev.invoke(ENDPOINT, "", inputs("P001")).id(), JOB_TIMEOUT);
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);

    List<AuditEntry> entries = client.listAuditEntries(1000);

    assertThat(entries)
        .extracting(AuditEntry::id)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.actor()).contains("pid " + ProcessHandle.current().pid());
              assertThat(e.target()).isEqualTo("dev");
              assertThat(e.entity()).isNotBlank();
              assertThat(e.after()).isNotBlank();
              assertThat(e.at()).isBetween(start.minusSeconds(1), Instant.now().plusSeconds(1));
            });
    assertThat(entries)
        .extracting(AuditEntry::action)
        .contains(
            "model.register",
            "model.update_tags",
            "model.archive",
            "environment.create",
            "endpoint.create",
            "endpoint.update",
            "deployment.create",
            "endpoint.set_default",
            "job.submit",
            "job.finish");

    List<AuditEntry> registers = only(entries, "model.register");
    assertThat(registers)
        .extracting(AuditEntry::entity)
        .containsExactly(MODEL + ":2", MODEL + ":1");
    assertThat(registers.get(1).before()).isEmpty();
    assertThat(registers.get(1).after()).contains("\"version\":1").contains("circuit_id");
    AuditEntry tags = single(entries, "model.update_tags");
    assertThat(tags.entity()).isEqualTo(MODEL + ":1");
    assertThat(tags.before()).contains("circuit_id").doesNotContain("stage");
    assertThat(tags.after()).contains("stage").doesNotContain("circuit_id");
    AuditEntry archive = single(entries, "model.archive");
    assertThat(archive.before()).contains("false");
    assertThat(archive.after()).contains("true");
    AuditEntry created = single(entries, "endpoint.create");
    assertThat(created.before()).isEmpty();
    assertThat(created.after()).contains("first description");
    AuditEntry updated = single(entries, "endpoint.update");
    assertThat(updated.before()).contains("first description");
    assertThat(updated.after()).contains("second description");
    AuditEntry deployed = single(entries, "deployment.create");
    assertThat(deployed.entity()).isEqualTo(ENDPOINT + "/" + DEPLOYMENT);
    assertThat(deployed.before()).isEmpty();
    assertThat(deployed.after()).contains("Standard_DS3_v2");
    assertThat(single(entries, "job.submit").entity()).isEqualTo(job.id());
    assertThat(single(entries, "job.finish").entity()).isEqualTo(job.id());
    assertThat(single(entries, "job.finish").after()).contains("COMPLETED");
    assertThat(client.listAuditEntries(3)).hasSize(3).isEqualTo(entries.subList(0, 3));
  }

  @Test
  void sharingIsAuditedInTheRegistryWithTheWorkspaceVersionItCameFrom() {
    LocalMlClient client = open(context -> 0);
    MlWorkspace dev = client.workspace("dev");
    dev.registerModel(ModelSpec.of(MODEL, savedModel("a"), Map.of()));
    dev.createEnvironment(environment("1.5.0"));

    dev.shareModel(MODEL, 1, "shared");
    dev.shareEnvironment("lstm-scoring", "1.5.0", "shared");
    dev.shareModel(MODEL, 1, "shared"); // idempotent: no second entry

    List<AuditEntry> shared =
        client.listAuditEntries(100).stream().filter(e -> e.target().equals("shared")).toList();
    assertThat(shared)
        .extracting(AuditEntry::action, AuditEntry::entity)
        .containsExactly(
            tuple("environment.create", "lstm-scoring:1.5.0"),
            tuple("model.register", MODEL + ":1"));
    assertThat(shared.get(0).after()).contains("dev/azureml:lstm-scoring:1.5.0");
    assertThat(shared.get(1).after()).contains("dev/azureml:" + MODEL + ":1");
    assertThat(client.registry("shared").getModel(MODEL, 1).source())
        .isEqualTo("dev/azureml:" + MODEL + ":1");
  }

  @Test
  void secretLookingValuesNeverReachTheAuditTrailOrTheStoreFiles() throws IOException {
    LocalMlClient client = open(context -> 0);
    MlWorkspace dev = client.workspace("dev");
    Path artifact = savedModel("a");
    Model model = dev.registerModel(ModelSpec.of(MODEL, artifact, Map.of("plant_id", "P001")));
    dev.createEnvironment(environment("1.5.0"));
    dev.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "", Map.of()));
    dev.createOrUpdateDeployment(deployment(model.ref()));
    Map<String, String> secretTags = Map.of("plant_id", "P001", "source", SAS_URL);

    List<Runnable> attempts =
        List.of(
            () -> dev.registerModel(ModelSpec.of(MODEL, artifact, secretTags)),
            () -> dev.updateModelTags(MODEL, 1, secretTags),
            () -> dev.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "", secretTags)),
            () ->
                dev.createOrUpdateDeployment(
                    new DeploymentSpec(
                        ENDPOINT,
                        DEPLOYMENT,
                        model.ref(),
                        AssetRef.workspace(AssetKind.ENVIRONMENT, "lstm-scoring", "1.5.0"),
                        SETTINGS,
                        Map.of("INPUT", SAS_URL),
                        Map.of())),
            () -> dev.invoke(ENDPOINT, DEPLOYMENT, new JobInputs("/d", Map.of("url", SAS_URL))),
            () -> dev.invoke(ENDPOINT, DEPLOYMENT, new JobInputs(SAS_URL, Map.of())),
            () ->
                dev.createDataAsset(
                    new DataAssetSpec("d", "1", DataAssetType.URI_FOLDER, SAS_URL, "", Map.of())));
    for (Runnable attempt : attempts) {
      assertThatThrownBy(attempt::run)
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.VALIDATION))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sig=abc"));
    }
    dev.updateModelTags(MODEL, 1, Map.of("plant_id", "P001", "stage", "candidate"));

    assertThat(client.listAuditEntries(1000))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.toString()).doesNotContain("sig=abc"));
    assertNoStoreFileContains("sig=abc");
    closeEarly(client);
    assertNoStoreFileContains("sig=abc");
    assertNoStoreFileContains("acct.blob.core.windows.net");
  }

  // ---- artifacts ---------------------------------------------------------------------------

  @Test
  void registeringTheSameArtifactTwiceStoresEachBlobOnce() throws IOException {
    LocalMlClient client = open(context -> 0);
    Path artifact = savedModel("a");
    Files.writeString(artifact.resolve("variables").resolve("copy.index"), "index a");

    Model first = client.workspace("dev").registerModel(ModelSpec.of(MODEL, artifact, Map.of()));
    long blobsAfterFirst = countFiles(blobs());
    Model second = client.workspace("dev").registerModel(ModelSpec.of(MODEL, artifact, Map.of()));
    client.workspace("test").registerModel(ModelSpec.of("other_name", artifact, Map.of()));

    long distinctContents =
        tree(artifact).values().stream().distinct().count(); // the copy shares a blob
    assertThat(blobsAfterFirst).isEqualTo(distinctContents + 1); // plus the manifest
    assertThat(countFiles(blobs())).isEqualTo(blobsAfterFirst);
    assertThat(second.artifactDigest()).isEqualTo(first.artifactDigest());
    assertThat(second.version()).isEqualTo(2);
    assertThat(countFiles(dir.resolve("store").resolve("artifacts").resolve("tmp"))).isZero();
    String hex = first.artifactDigest().substring("sha256:".length());
    assertThat(blobs().resolve(hex.substring(0, 2)).resolve(hex)).isRegularFile();
  }

  @Test
  void corruptedFileBlobFailsDownloadAsCorruptAndLeavesNoTarget() throws IOException {
    LocalMlClient client = open(context -> 0);
    MlWorkspace dev = client.workspace("dev");
    Path file =
        write(dir.resolve("in").resolve("model.bin"), "weights".getBytes(StandardCharsets.UTF_8));
    dev.registerModel(ModelSpec.of(MODEL, file, Map.of()));
    Files.write(
        blob(sha256Hex(Files.readAllBytes(file))), "tampered".getBytes(StandardCharsets.UTF_8));
    Path target = dir.resolve("downloads").resolve("model");

    assertThatThrownBy(() -> dev.downloadModel(MODEL, 1, target))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED))
        .hasMessageContaining("the store is corrupt")
        .hasMessageContaining("model.bin");
    assertThat(target).doesNotExist();
    assertThat(countFiles(dir.resolve("downloads"))).isZero();
  }

  @Test
  void corruptedManifestBlobFailsDownloadAsCorruptAndLeavesNoTarget() throws IOException {
    LocalMlClient client = open(context -> 0);
    MlWorkspace dev = client.workspace("dev");
    Model model = dev.registerModel(ModelSpec.of(MODEL, savedModel("a"), Map.of()));
    Files.writeString(blob(model.artifactDigest().substring("sha256:".length())), "{\"files\":[]}");
    Path target = dir.resolve("downloads").resolve("model");

    assertThatThrownBy(() -> dev.downloadModel(MODEL, 1, target))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED))
        .hasMessageContaining("the store is corrupt");
    assertThat(target).doesNotExist();
  }

  @Test
  void downloadIntoANonEmptyDirectoryFailsValidationAndLeavesItAlone() throws IOException {
    LocalMlClient client = open(context -> 0);
    MlWorkspace dev = client.workspace("dev");
    dev.registerModel(ModelSpec.of(MODEL, savedModel("a"), Map.of()));
    Path target = dir.resolve("busy");
    write(target.resolve("keep.txt"), "mine".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> dev.downloadModel(MODEL, 1, target))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.VALIDATION))
        .hasMessageContaining("not empty");
    assertThat(tree(target)).containsOnlyKeys("keep.txt");
  }

  // ---- command jobs ------------------------------------------------------------------------

  @Test
  void commandJobRunnerRunsTheCommandWithVariablesAndItsExitCode() {
    CommandJobRunner command =
        new CommandJobRunner(
            List.of(
                "/bin/sh",
                "-c",
                "echo \"plant=$MLOPS_VALUE_PLANT_ID\"; echo \"mode=$SCORING_MODE\";"
                    + " test -d \"$AZUREML_MODEL_DIR\" || exit 9;"
                    + " test -f \"$AZUREML_MODEL_DIR/saved_model.pb\" && echo model-present;"
                    + " echo \"input=$MLOPS_INPUT\"; exit \"${MLOPS_VALUE_EXIT_CODE:-0}\""));
    LocalMlClient client = open(command);
    MlWorkspace dev = client.workspace("dev");
    Model model = dev.registerModel(ModelSpec.of(MODEL, savedModel("a"), Map.of()));
    dev.createEnvironment(environment("1.5.0"));
    dev.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "", Map.of()));
    dev.createOrUpdateDeployment(
        new DeploymentSpec(
            ENDPOINT,
            DEPLOYMENT,
            model.ref(),
            AssetRef.workspace(AssetKind.ENVIRONMENT, "lstm-scoring", "1.5.0"),
            SETTINGS,
            Map.of("SCORING_MODE", "batch"),
            Map.of()));

    Job ok = dev.waitForJob(dev.invoke(ENDPOINT, DEPLOYMENT, inputs("P001")).id(), JOB_TIMEOUT);
    Job failed =
        dev.waitForJob(
            dev.invoke(
                    ENDPOINT,
                    DEPLOYMENT,
                    new JobInputs("/data/P002", Map.of("plant_id", "P002", "exit_code", "3")))
                .id(),
            JOB_TIMEOUT);

    assertThat(ok.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(ok.exitCode()).isZero();
    assertThat(dev.getJobLogs(ok.id()))
        .contains("plant=P001")
        .contains("mode=batch")
        .contains("model-present")
        .contains("input=/data/P001/C001/2026-01-15");
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.error()).contains("3");
    assertThat(dev.getJobLogs(failed.id())).contains("plant=P002").contains("model-present");
  }

  @Test
  void cancellingACommandJobKillsItsProcessQuickly() throws Exception {
    CommandJobRunner command =
        new CommandJobRunner(List.of("/bin/sh", "-c", "echo \"pid=$$\"; sleep 60"));
    CountDownLatch started = new CountDownLatch(1);
    AtomicLong pid = new AtomicLong();
    JobRunner watched =
        context ->
            command.run(
                new JobContext(
                    context.jobId(),
                    context.deployment(),
                    context.modelDir(),
                    context.outputDir(),
                    context.inputs(),
                    new PrintWriter(
                        new LineWatcher(
                            context.log(),
                            line -> {
                              Matcher m = Pattern.compile("pid=(\\d+)").matcher(line);
                              if (m.find()) {
                                pid.set(Long.parseLong(m.group(1)));
                                started.countDown();
                              }
                            }),
                        true),
                    context::cancelRequested));
    LocalMlClient client = open(watched);
    MlWorkspace dev = client.workspace("dev");
    deployWithDefault(dev);
    Job job = dev.invoke(ENDPOINT, "", inputs("P001"));
    assertThat(started.await(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.of(pid.get())).isPresent();

    long begin = System.nanoTime();
    dev.cancelJob(job.id());
    Job ended = dev.waitForJob(job.id(), JOB_TIMEOUT);

    assertThat(ended.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
    assertThat(ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive))
        .isNotEqualTo(Optional.of(true));
    assertThat(dev.getJobLogs(job.id())).contains("pid=" + pid.get());
  }

  // ---- job ownership -----------------------------------------------------------------------

  @Test
  void runningJobOwnedByADeadProcessIsReportedFailedNamingThePid() throws Exception {
    long deadPid = 2147483L;
    assumeThat(ProcessHandle.of(deadPid)).isEmpty();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = releasedAfterTest(new CountDownLatch(1));
    LocalMlClient client =
        open(
            context -> {
              started.countDown();
              release.await();
              return 0;
            });
    MlWorkspace dev = client.workspace("dev");
    deployWithDefault(dev);
    Job job = dev.invoke(ENDPOINT, "", inputs("P001"));
    assertThat(started.await(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(dev.getJob(job.id()).status()).isEqualTo(JobStatus.RUNNING);

    setOwnerPid(job.id(), deadPid);
    Job seen = dev.getJob(job.id());

    assertThat(seen.status()).isEqualTo(JobStatus.FAILED);
    assertThat(seen.error()).contains("pid " + deadPid);
    assertThat(seen.endedAt()).isAfter(Instant.EPOCH);
    assertThat(dev.waitForJob(job.id(), JOB_TIMEOUT)).isEqualTo(seen);
    assertThat(client.listAuditEntries(10))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("job.finish");
              assertThat(e.after()).contains("FAILED").contains("pid " + deadPid);
            });
  }

  @Test
  void aJobThatHasEndedIsNeverChangedByItsLateRunner() throws Exception {
    long deadPid = 2147483L;
    assumeThat(ProcessHandle.of(deadPid)).isEmpty();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = releasedAfterTest(new CountDownLatch(1));
    LocalMlClient client =
        open(
            context -> {
              started.countDown();
              release.await();
              return 0;
            });
    MlWorkspace dev = client.workspace("dev");
    deployWithDefault(dev);
    Job job = dev.invoke(ENDPOINT, "", inputs("P001"));
    assertThat(started.await(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    setOwnerPid(job.id(), deadPid);
    Job failed = dev.getJob(job.id());

    release.countDown();
    closeEarly(client); // waits for the runner's thread to end

    LocalMlClient reopened = open(context -> 0);

    assertThat(reopened.workspace("dev").getJob(job.id())).isEqualTo(failed);
    assertThat(reopened.listAuditEntries(100))
        .filteredOn(e -> e.action().equals("job.finish"))
        .hasSize(1);
  }

  @Test
  void waitForJobTimeoutMessageSaysHowLongItWaited() {
    CountDownLatch release = releasedAfterTest(new CountDownLatch(1));
    LocalMlClient client =
        open(
            context -> {
              release.await();
              return 0;
            });
    MlWorkspace dev = client.workspace("dev");
    deployWithDefault(dev);
    Job job = dev.invoke(ENDPOINT, "", inputs("P001"));

    assertThatThrownBy(() -> dev.waitForJob(job.id(), Duration.ofMillis(50)))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT))
        .hasMessageContaining(job.id())
        .hasMessageContaining("after 50 ms");
  }

  // ---- concurrency -------------------------------------------------------------------------

  @Test
  void concurrentRegistrationsFromEightThreadsGetVersionsOneToTwoHundred() throws Exception {
    LocalMlClient client = open(context -> 0);
    MlWorkspace dev = client.workspace("dev");
    Path artifact = write(dir.resolve("in").resolve("model.bin"), new byte[] {1, 2, 3});
    ConcurrentLinkedQueue<Integer> versions = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            threads.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 25; i++) {
                    versions.add(
                        dev.registerModel(ModelSpec.of(MODEL, artifact, Map.of())).version());
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(versions.stream().sorted().toList())
        .isEqualTo(IntStream.rangeClosed(1, 200).boxed().toList());
    assertThat(dev.listModels(ModelQuery.byName(MODEL))).hasSize(200);
    assertThat(dev.getLatestModel(MODEL).version()).isEqualTo(200);
    assertThat(client.listAuditEntries(1000))
        .filteredOn(e -> e.action().equals("model.register"))
        .hasSize(200);
  }

  @Test
  void twoClientsOnOneStoreNeverGetTheSameVersion() throws Exception {
    LocalMlClient first = open(context -> 0);
    LocalMlClient second = open(context -> 0);
    Path artifact = write(dir.resolve("in").resolve("model.bin"), new byte[] {4, 5, 6});
    ConcurrentLinkedQueue<Integer> versions = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (LocalMlClient client : List.of(first, second, first, second)) {
        done.add(
            threads.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 10; i++) {
                    versions.add(
                        client
                            .workspace("dev")
                            .registerModel(ModelSpec.of(MODEL, artifact, Map.of()))
                            .version());
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(versions.stream().sorted().toList())
        .isEqualTo(IntStream.rangeClosed(1, 40).boxed().toList());
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Forwards everything written and reports each complete line. */
  private static final class LineWatcher extends Writer {
    private final Writer out;
    private final Consumer<String> onLine;
    private final StringBuilder line = new StringBuilder();

    LineWatcher(Writer out, Consumer<String> onLine) {
      this.out = out;
      this.onLine = onLine;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
      out.write(buf, off, len);
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          onLine.accept(line.toString());
          line.setLength(0);
        } else {
          line.append(buf[i]);
        }
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  @Test
  void recordsEveryAuditStateAsJson() throws Exception {
    LocalMlClient client = open(context -> 0);
    MlWorkspace dev = client.workspace("dev");
    Model model = dev.registerModel(ModelSpec.of("lstm_P001_C001", savedModel("a"), Map.of()));
    dev.archiveModel(model.name(), model.version());
    deployWithDefault(dev);
    Job job = dev.invoke("batch-endpoint-plant-P001", "", inputs("P001"));
    dev.waitForJob(job.id(), JOB_TIMEOUT);
    dev.cancelJob(job.id());

    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<AuditEntry> entries = client.listAuditEntries(1000);
    assertThat(entries).extracting(AuditEntry::action).contains("model.archive", "job.finish");
    for (AuditEntry entry : entries) {
      for (String state : List.of(entry.before(), entry.after())) {
        if (!state.isEmpty()) {
          assertThat(json.readTree(state).isObject())
              .as("%s state %s", entry.action(), state)
              .isTrue();
        }
      }
    }
    assertThat(single(entries, "model.archive").after()).isEqualTo("{\"archived\":true}");
  }

  @Test
  void rejectsCredentialsInDescriptionsAndCondaFilesWithoutShowingThem() {
    MlWorkspace dev = open(context -> 0).workspace("dev");
    String sas = "https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=SECRETSIG";

    assertThatThrownBy(
            () ->
                dev.registerModel(
                    new ModelSpec(
                        "lstm_P001_C001", savedModel("b"), "from " + sas, Map.of(), Map.of())))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("description looks like a credential")
        .hasMessageNotContaining("SECRETSIG");
    assertThatThrownBy(
            () ->
                dev.createEnvironment(
                    new EnvironmentSpec(
                        "env", "1.0.0", "img:1", "pip:\n  - --index-url " + sas, "", "", Map.of())))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("conda file looks like a credential")
        .hasMessageNotContaining("SECRETSIG");
  }

  @Test
  void sharingToSomethingThatIsNotARegistryIsInvalid() {
    MlWorkspace dev = open(context -> 0).workspace("dev");
    Model model = dev.registerModel(ModelSpec.of("lstm_P001_C001", savedModel("c"), Map.of()));

    assertThatThrownBy(() -> dev.shareModel(model.name(), model.version(), "prod"))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).reason()).isEqualTo(Reason.VALIDATION))
        .hasMessageContaining("no registry target named 'prod'; known: shared");
  }

  private LocalMlClient open(JobRunner runner) {
    LocalMlClient client =
        MlClients.local(
            dir.resolve("store"),
            TargetsConfig.localDefaults(),
            runner,
            FAST_POLL,
            Clock.systemUTC());
    opened.add(client);
    return client;
  }

  private void closeEarly(LocalMlClient client) {
    opened.remove(client);
    client.close();
  }

  private CountDownLatch releasedAfterTest(CountDownLatch latch) {
    latchesToRelease.add(latch);
    return latch;
  }

  private Connection jdbc() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dir.resolve("store").resolve("store.db").toAbsolutePath());
  }

  private void setOwnerPid(String jobId, long pid) throws SQLException {
    try (Connection db = jdbc();
        PreparedStatement st =
            db.prepareStatement("UPDATE jobs SET owner_pid = ? WHERE id = ? AND status = ?")) {
      st.setLong(1, pid);
      st.setString(2, jobId);
      st.setString(3, JobStatus.RUNNING.name());
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
  }

  private void deployWithDefault(MlWorkspace ws) {
    Model model = ws.registerModel(ModelSpec.of(MODEL, savedModel("deployed"), Map.of()));
    deploy(ws, model.ref());
    ws.setDefaultDeployment(ENDPOINT, DEPLOYMENT);
  }

  private static BatchDeployment deploy(MlWorkspace ws, AssetRef model) {
    ws.createEnvironment(environment("9.0.0"));
    ws.createOrUpdateEndpoint(new EndpointSpec(ENDPOINT, "plant P001", Map.of("plant_id", "P001")));
    return ws.createOrUpdateDeployment(
        new DeploymentSpec(
            ENDPOINT,
            DEPLOYMENT,
            model,
            AssetRef.workspace(AssetKind.ENVIRONMENT, "lstm-scoring", "9.0.0"),
            SETTINGS,
            Map.of(),
            Map.of("circuit_id", "C001")));
  }

  private static DeploymentSpec deployment(AssetRef model) {
    return new DeploymentSpec(
        ENDPOINT,
        DEPLOYMENT,
        model,
        AssetRef.workspace(AssetKind.ENVIRONMENT, "lstm-scoring", "1.5.0"),
        SETTINGS,
        Map.of("PLANT_ID", "P001"),
        Map.of());
  }

  private static EnvironmentSpec environment(String version) {
    return new EnvironmentSpec(
        "lstm-scoring", version, "python:3.11-slim", "name: scoring\n", "", "", Map.of());
  }

  private static JobInputs inputs(String plant) {
    return new JobInputs("/data/P001/C001/2026-01-15", Map.of("plant_id", plant));
  }

  private static List<AuditEntry> only(List<AuditEntry> entries, String action) {
    return entries.stream().filter(e -> e.action().equals(action)).toList();
  }

  private static AuditEntry single(List<AuditEntry> entries, String action) {
    List<AuditEntry> found = only(entries, action);
    assertThat(found).as(action).hasSize(1);
    return found.get(0);
  }

  private Path savedModel(String tag) {
    Path root = dir.resolve("in").resolve("saved-" + tag);
    write(root.resolve("saved_model.pb"), ("graph " + tag).getBytes(StandardCharsets.UTF_8));
    write(
        root.resolve("variables").resolve("variables.index"),
        ("index " + tag).getBytes(StandardCharsets.UTF_8));
    write(
        root.resolve("assets").resolve("nested").resolve("meta.json"),
        "{}".getBytes(StandardCharsets.UTF_8));
    return root;
  }

  private Path blobs() {
    return dir.resolve("store").resolve("artifacts").resolve("sha256");
  }

  private Path blob(String hex) {
    return blobs().resolve(hex.substring(0, 2)).resolve(hex);
  }

  private void assertNoStoreFileContains(String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> walk = Files.walk(dir.resolve("store"))) {
      List<Path> files = walk.filter(Files::isRegularFile).toList();
      assertThat(files).isNotEmpty();
      for (Path file : files) {
        assertThat(indexOf(Files.readAllBytes(file), needle)).as(file.toString()).isEqualTo(-1);
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static long countFiles(Path root) throws IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }

  private static Map<String, String> tree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .collect(
              Collectors.toMap(
                  p -> root.relativize(p).toString().replace('\\', '/'),
                  p -> {
                    try {
                      return HexFormat.of().formatHex(Files.readAllBytes(p));
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  },
                  (a, b) -> a,
                  TreeMap::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
