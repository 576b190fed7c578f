package io.mlops4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change detection against real git repositories built with JGit. */
class ChangeDetectorTest {
  private static final String MASTER = "config/plants_circuits.yml";
  private static final LocalDate SAMPLE_CUTOFF = LocalDate.of(2025, 12, 9);
  private static final List<String> ALL_SECTIONS = List.of("training", "deployment", "monitoring");
  private static final String P001_LAST_CIRCUIT =
      "      - circuit_id: \"C003\"\n        circuit_name: \"Hydrotreater feed pump\"\n";
  private static final String P003_C004_ENTRY =
      "      - circuit_id: \"C004\"\n        circuit_name: \"Turbine lube oil\"\n";

  private final ConfigLoader loader = new ConfigLoader();
  private final ChangeDetector detector = ChangeDetector.standard(loader);

  @TempDir Path dir;
  private GitRepoFixture repo;
  private String seed;

  @BeforeEach
  void createRepository() {
    repo = GitRepoFixture.standard(dir.resolve("repo"));
    seed = repo.headId();
  }

  @AfterEach
  void closeRepository() {
    repo.close();
  }

  // --- git mode: one scenario per kind of change -------------------------------------------

  @Test
  void reportsCircuitAddedWithFileAndMasterEntryAsAddedWithEverySection() {
    repo.createBranch("feature");
    addP001C004("2026-01-15");
    repo.replace(MASTER, P001_LAST_CIRCUIT, P001_LAST_CIRCUIT + p001C004Entry());
    String head = repo.commit("add P001/C004");

    ChangeSet changes = detectFeature();

    assertThat(changes)
        .isEqualTo(
            new ChangeSet(
                seed,
                head,
                List.of(
                    new CircuitChange(
                        ref("P001/C004"),
                        LocalDate.of(2026, 1, 15),
                        "config/plants/P001/C004.yml",
                        ChangeKind.ADDED,
                        ALL_SECTIONS)),
                List.of(),
                List.of(),
                List.of()));
    assertThat(changes.affectsAllCircuits()).isFalse();
  }

  @Test
  void reportsHyperparameterEditAsModifiedTrainingSection() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C002.yml", "epochs: 50", "epochs: 80");
    String head = repo.commit("more epochs for P001/C002");

    assertThat(detectFeature())
        .isEqualTo(
            new ChangeSet(
                seed,
                head,
                List.of(modified("P001/C002", SAMPLE_CUTOFF, "training")),
                List.of(),
                List.of(),
                List.of()));
  }

  @Test
  void reportsCutoffDateOfTheHeadRevision() {
    repo.createBranch("feature");
    repo.replace(
        "config/plants/P002/C001.yml",
        "cutoff_date: \"2025-12-09\"",
        "cutoff_date: \"2026-02-01\"");
    repo.commit("move cutoff");

    assertThat(detectFeature().toTrain())
        .containsExactly(modified("P002/C001", LocalDate.of(2026, 2, 1), "training"));
  }

  @Test
  void reportsDeploymentOnlyEditAsModifiedDeploymentSection() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C002.yml", "mini_batch_size: 100", "mini_batch_size: 200");
    String head = repo.commit("bigger batches");

    assertThat(detectFeature())
        .isEqualTo(
            new ChangeSet(
                seed,
                head,
                List.of(modified("P001/C002", SAMPLE_CUTOFF, "deployment")),
                List.of(),
                List.of(),
                List.of()));
  }

  @Test
  void reportsMonitoringOnlyEditAsModifiedMonitoringSection() {
    repo.createBranch("feature");
    repo.replace(
        "config/plants/P001/C001.yml",
        "mae: {warning: 0.12, critical: 0.22}",
        "mae: {warning: 0.10, critical: 0.22}");
    repo.commit("tighter mae warning");

    assertThat(detectFeature().toTrain())
        .containsExactly(modified("P001/C001", SAMPLE_CUTOFF, "monitoring"));
  }

  @Test
  void listsEveryChangedSectionOfOneCircuit() {
    repo.createBranch("feature");
    String file = "config/plants/P003/C002.yml";
    repo.replace(file, "epochs: 50", "epochs: 60");
    repo.replace(file, "mini_batch_size: 100", "mini_batch_size: 50");
    repo.commit("two sections");

    assertThat(detectFeature().toTrain())
        .containsExactly(modified("P003/C002", SAMPLE_CUTOFF, "training", "deployment"));
  }

  @Test
  void reportsCommentWhitespaceAndQuotingOnlyEditAsUnchangedAndDoesNotTrainIt() {
    repo.createBranch("feature");
    String file = "config/plants/P001/C001.yml";
    repo.replace(file, "# Rotterdam Refinery - Crude preheat train", "# Crude preheat train, P001");
    repo.replace(file, "cutoff_date: \"2025-12-09\"", "cutoff_date: '2025-12-09'   # inclusive");
    repo.replace(file, "sensor_id: \"SENSOR_P001_C001\"", "sensor_id: SENSOR_P001_C001");
    repo.replace(
        file,
        "    feature_columns: [\"temperature\", \"pressure\", \"flow_rate\"]\n",
        "    feature_columns:\n      - temperature\n      - pressure\n      - flow_rate\n\n");
    repo.replace(
        file,
        "drift_thresholds: {low: 0.05, medium: 0.15, high: 0.25}",
        """
        drift_thresholds:
            low: 0.05
            medium: 0.15
            high: 0.25""");
    String head = repo.commit("reformat P001/C001");

    assertThat(detectFeature())
        .isEqualTo(
            new ChangeSet(seed, head, List.of(), List.of(), List.of(ref("P001/C001")), List.of()));
  }

  @Test
  void reportsExplicitDefaultDeploymentValueAsUnchanged() {
    repo.createBranch("feature");
    repo.replace(
        "config/plants/P002/C002.yml",
        "mini_batch_size: 100",
        "mini_batch_size: 100\n  instance_count: " + DeploymentConfig.DEFAULT_INSTANCE_COUNT);
    repo.commit("spell out the default instance count");

    ChangeSet changes = detectFeature();

    assertThat(changes.toTrain()).isEmpty();
    assertThat(changes.unchanged()).containsExactly(ref("P002/C002"));
  }

  @Test
  void reportsCircuitDeletedWithFileAndMasterEntryAsDeletedAndNeverTrained() {
    repo.createBranch("feature");
    repo.delete("config/plants/P003/C004.yml");
    repo.replace(MASTER, P003_C004_ENTRY, "");
    String head = repo.commit("retire P003/C004");

    assertThat(detectFeature())
        .isEqualTo(
            new ChangeSet(
                seed,
                head,
                List.of(),
                List.of(new DeletedCircuit(ref("P003/C004"), "config/plants/P003/C004.yml")),
                List.of(),
                List.of()));
  }

  @Test
  void reportsCircuitDroppedFromMasterListAsDeletedEvenWhenItsFileStays() {
    repo.createBranch("feature");
    repo.replace(MASTER, P003_C004_ENTRY, "");
    String head = repo.commit("unlist P003/C004");

    assertThat(detectFeature())
        .isEqualTo(
            new ChangeSet(
                seed,
                head,
                List.of(),
                List.of(new DeletedCircuit(ref("P003/C004"), "config/plants/P003/C004.yml")),
                List.of(),
                List.of()));
  }

  @Test
  void reportsRenamedCircuitAsOldDeletedAndNewAdded() {
    repo.createBranch("feature");
    repo.rename("config/plants/P003/C004.yml", "config/plants/P003/C005.yml");
    repo.replace("config/plants/P003/C005.yml", "circuit_id: \"C004\"", "circuit_id: \"C005\"");
    repo.replace(MASTER, "circuit_id: \"C004\"", "circuit_id: \"C005\"");
    String head = repo.commit("rename P003/C004 to C005");

    assertThat(detectFeature())
        .isEqualTo(
            new ChangeSet(
                seed,
                head,
                List.of(
                    new CircuitChange(
                        ref("P003/C005"),
                        SAMPLE_CUTOFF,
                        "config/plants/P003/C005.yml",
                        ChangeKind.ADDED,
                        ALL_SECTIONS)),
                List.of(new DeletedCircuit(ref("P003/C004"), "config/plants/P003/C004.yml")),
                List.of(),
                List.of()));
  }

  @Test
  void reportsCircuitNewlyListedInMasterWhoseFileAlreadyExistedAsAdded() {
    // The base lists no P001/C004 although its file exists: an invalid tree, but the detector
    // only looks at what the pull request changed.
    addP001C004("2025-12-20");
    String base = repo.commit("unlisted circuit file");
    repo.createBranch("feature");
    repo.replace(MASTER, P001_LAST_CIRCUIT, P001_LAST_CIRCUIT + p001C004Entry());
    String head = repo.commit("list P001/C004");

    assertThat(detectFeature())
        .isEqualTo(
            new ChangeSet(
                base,
                head,
                List.of(
                    new CircuitChange(
                        ref("P001/C004"),
                        LocalDate.of(2025, 12, 20),
                        "config/plants/P001/C004.yml",
                        ChangeKind.ADDED,
                        ALL_SECTIONS)),
                List.of(),
                List.of(),
                List.of()));
  }

  @Test
  void trainsNothingWhenMasterOnlyRenamesAPlant() {
    repo.createBranch("feature");
    repo.replace(
        MASTER, "plant_name: \"Rotterdam Refinery\"", "plant_name: \"Europoort Refinery\"");
    String head = repo.commit("rename plant");

    assertThat(detectFeature())
        .isEqualTo(new ChangeSet(seed, head, List.of(), List.of(), List.of(), List.of()));
  }

  @Test
  void reportsEnvironmentChangeAsSharedChangeAffectingAllCircuitsWithoutTrainingAny() {
    repo.createBranch("feature");
    repo.replace("environment/conda.yml", "python=3.10", "python=3.11");
    String head = repo.commit("python 3.11");

    ChangeSet changes = detectFeature();

    assertThat(changes)
        .isEqualTo(
            new ChangeSet(
                seed,
                head,
                List.of(),
                List.of(),
                List.of(),
                List.of(
                    new SharedChange(
                        "environment/conda.yml", 'M', "shared file: affects every circuit"))));
    assertThat(changes.affectsAllCircuits()).isTrue();
  }

  @Test
  void reportsAddedSharedFileWithItsStatus() {
    repo.createBranch("feature");
    repo.write("environment/requirements.txt", "numpy==2.1.0\n");
    repo.commit("add requirements");

    assertThat(detectFeature().shared())
        .containsExactly(
            new SharedChange(
                "environment/requirements.txt", 'A', "shared file: affects every circuit"));
  }

  @Test
  void returnsEmptyChangeSetForChangeOutsideConfigAndEnvironment() {
    repo.createBranch("feature");
    repo.write("README.md", "# plants\n");
    repo.write("config/NOTES.md", "not a circuit file\n");
    String head = repo.commit("docs");

    ChangeSet changes = detectFeature();

    assertThat(changes)
        .isEqualTo(new ChangeSet(seed, head, List.of(), List.of(), List.of(), List.of()));
    assertThat(changes.affectsAllCircuits()).isFalse();
  }

  @Test
  void listsSeveralChangedCircuitsInPlantCircuitOrder() {
    repo.createBranch("feature");
    repo.replace("config/plants/P003/C001.yml", "epochs: 50", "epochs: 70");
    repo.replace("config/plants/P001/C003.yml", "epochs: 50", "epochs: 70");
    repo.replace("config/plants/P002/C002.yml", "epochs: 50", "epochs: 70");
    repo.commit("more epochs");

    assertThat(detectFeature().toTrain())
        .extracting(c -> c.ref().toString())
        .containsExactly("P001/C003", "P002/C002", "P003/C001");
  }

  @Test
  void comparesFromMergeBaseSoCommitsOnBaseAfterBranchingAreIgnored() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C002.yml", "epochs: 50", "epochs: 80");
    String head = repo.commit("feature: P001/C002");
    repo.checkout("main");
    repo.replace("config/plants/P002/C001.yml", "epochs: 50", "epochs: 10");
    repo.replace(MASTER, P003_C004_ENTRY, "");
    repo.commit("main moves on: P002/C001 edited, P003/C004 unlisted");

    ChangeSet changes = detectFeature();

    assertThat(changes)
        .isEqualTo(
            new ChangeSet(
                seed,
                head,
                List.of(modified("P001/C002", SAMPLE_CUTOFF, "training")),
                List.of(),
                List.of(),
                List.of()));
  }

  @Test
  void acceptsCommitIdsAndRevisionExpressions() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C002.yml", "epochs: 50", "epochs: 80");
    String head = repo.commit("feature: P001/C002");

    ChangeSet changes = detector.detect(repo.root(), "HEAD~1", head);

    assertThat(changes.base()).isEqualTo(seed);
    assertThat(changes.head()).isEqualTo(head);
    assertThat(changes.toTrain()).extracting(c -> c.ref().toString()).containsExactly("P001/C002");
  }

  // --- git mode: errors -----------------------------------------------------------------------

  @Test
  void rejectsUnknownBaseRevisionNamingIt() {
    repo.createBranch("feature");

    assertThatThrownBy(() -> detector.detect(repo.root(), "origin/release-9", "feature"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("revision 'origin/release-9' is not a commit")
        .hasMessageContaining("fetch the base branch");
  }

  @Test
  void rejectsUnknownHeadRevisionNamingIt() {
    assertThatThrownBy(() -> detector.detect(repo.root(), "main", "no-such-branch"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("revision 'no-such-branch' is not a commit");
  }

  @Test
  void rejectsDirectoryThatIsNotAGitRepository() {
    Path plain = dir.resolve("plain");
    assertThatThrownBy(() -> detector.detect(plain, "main", "HEAD"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no git repository at " + plain);
  }

  @Test
  void rejectsInvalidChangedConfigAtHeadNamingFileAtCommitAndField() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C002.yml", "dropout: 0.2", "dropout: 1.7");
    String head = repo.commit("bad dropout");

    assertThatThrownBy(this::detectFeature)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ConfigProblem::file, ConfigProblem::field)
                  .containsExactly(
                      tuple(
                          "config/plants/P001/C002.yml@" + GitRepoFixture.abbreviated(head),
                          "training.hyperparameters.dropout"));
              assertThat(e.getMessage())
                  .startsWith("config/plants/P001/C002.yml@" + GitRepoFixture.abbreviated(head))
                  .contains("1.7");
            });
  }

  @Test
  void rejectsChangedCircuitFileNotListedInMaster() {
    repo.createBranch("feature");
    addP001C004("2026-01-15");
    String head = repo.commit("file without master entry");

    assertThatThrownBy(this::detectFeature)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "circuit P001/C004 changed but is not listed in config/plants_circuits.yml@"
                + GitRepoFixture.abbreviated(head))
        .hasMessageContaining("add it to the master list or delete the file");
  }

  @Test
  void rejectsCircuitNewlyListedWithoutConfigFile() {
    repo.createBranch("feature");
    repo.replace(MASTER, P001_LAST_CIRCUIT, P001_LAST_CIRCUIT + p001C004Entry());
    repo.commit("master entry without file");

    assertThatThrownBy(this::detectFeature)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "circuit P001/C004 is listed but has no config file;"
                + " expected config/plants/P001/C004.yml");
  }

  @Test
  void rejectsCircuitFileWhoseIdsDoNotMatchItsLocation() {
    repo.createBranch("feature");
    repo.replace("config/plants/P002/C002.yml", "circuit_id: \"C002\"", "circuit_id: \"C009\"");
    repo.commit("wrong id");

    assertThatThrownBy(this::detectFeature)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::field).contains("circuit_id"));
  }

  @Test
  void rejectsRepositoryWithoutMasterListAndSuggestsConfigDir() {
    repo.createBranch("feature");
    repo.rename(MASTER, "config/plants_circuits.yaml");
    repo.commit("wrong extension");

    assertThatThrownBy(this::detectFeature)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config/plants_circuits.yml@")
        .hasMessageContaining("master list is missing; pass --config-dir");
  }

  // --- path-list mode ---------------------------------------------------------------------------

  @Test
  void parsesNameStatusLinesIncludingRenamesCopiesAndBarePaths() {
    List<ChangedPath> paths =
        ChangedPath.parseNameStatus(
            List.of(
                "M\tconfig/plants/P001/C001.yml",
                "R100\tconfig/plants/P003/C004.yml\tconfig/plants/P003/C005.yml",
                "a\tconfig/plants/P001/C004.yml",
                "",
                "D\tconfig/plants/P002/C002.yml",
                "C075\tenvironment/conda.yml\tenvironment/conda-gpu.yml",
                "README.md"));

    assertThat(paths)
        .containsExactly(
            new ChangedPath('M', "config/plants/P001/C001.yml", "config/plants/P001/C001.yml"),
            new ChangedPath('R', "config/plants/P003/C004.yml", "config/plants/P003/C005.yml"),
            new ChangedPath('A', "config/plants/P001/C004.yml", "config/plants/P001/C004.yml"),
            new ChangedPath('D', "config/plants/P002/C002.yml", "config/plants/P002/C002.yml"),
            new ChangedPath('A', "environment/conda.yml", "environment/conda-gpu.yml"),
            new ChangedPath('M', "README.md", "README.md"));
  }

  @Test
  void rejectsMalformedNameStatusLineNamingItsNumberAndText() {
    List<String> lines =
        List.of("M\tconfig/plants/P001/C001.yml", "X\tconfig/plants/P001/C002.yml");

    assertThatThrownBy(() -> ChangedPath.parseNameStatus(lines))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).line()).isEqualTo(2);
              assertThat(e.getMessage())
                  .startsWith("changed paths:2:1")
                  .contains("cannot parse 'X\\u0009config/plants/P001/C002.yml'")
                  .contains("expected 'STATUS<TAB>PATH'");
            });
  }

  @Test
  void rejectsEveryMalformedNameStatusLineAtOnce() {
    List<String> lines = List.of("M100\tx.yml", "ok.yml", "A\tone\ttwo");

    assertThatThrownBy(() -> ChangedPath.parseNameStatus(lines))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(1, 3));
  }

  @Test
  void classifiesPathListAgainstWorkingTree() {
    repo.replace("config/plants/P001/C001.yml", "epochs: 50", "epochs: 75");
    addP001C004("2026-03-01");
    repo.replace(MASTER, P001_LAST_CIRCUIT, P001_LAST_CIRCUIT + p001C004Entry());
    repo.delete("config/plants/P002/C002.yml");
    repo.replace("environment/conda.yml", "python=3.10", "python=3.11");
    List<ChangedPath> paths =
        ChangedPath.parseNameStatus(
            List.of(
                "M\tconfig/plants/P001/C001.yml",
                "A\tconfig/plants/P001/C004.yml",
                "D\tconfig/plants/P002/C002.yml",
                "M\tenvironment/conda.yml",
                "M\tREADME.md"));

    ChangeSet changes = detector.detect(repo.root(), paths);

    assertThat(changes)
        .isEqualTo(
            new ChangeSet(
                "",
                "",
                List.of(
                    // without a base the changed sections of a modified file are unknown
                    new CircuitChange(
                        ref("P001/C001"),
                        SAMPLE_CUTOFF,
                        "config/plants/P001/C001.yml",
                        ChangeKind.MODIFIED,
                        List.of()),
                    new CircuitChange(
                        ref("P001/C004"),
                        LocalDate.of(2026, 3, 1),
                        "config/plants/P001/C004.yml",
                        ChangeKind.ADDED,
                        ALL_SECTIONS)),
                List.of(new DeletedCircuit(ref("P002/C002"), "config/plants/P002/C002.yml")),
                List.of(),
                List.of(
                    new SharedChange(
                        "environment/conda.yml", 'M', "shared file: affects every circuit"))));
  }

  @Test
  void reportsChangedMasterListInPathListModeAsSharedChange() {
    repo.replace(MASTER, P003_C004_ENTRY, "");
    repo.rename("config/plants/P003/C004.yml", "config/plants/P003/C005.yml");
    repo.replace("config/plants/P003/C005.yml", "circuit_id: \"C004\"", "circuit_id: \"C005\"");
    repo.replace(
        MASTER,
        "        circuit_name: \"Cooling tower fan\"\n",
        "        circuit_name: \"Cooling tower fan\"\n"
            + "      - circuit_id: \"C005\"\n"
            + "        circuit_name: \"Turbine lube oil\"\n");

    ChangeSet changes =
        detector.detect(
            repo.root(),
            ChangedPath.parseNameStatus(
                List.of(
                    "M\t" + MASTER,
                    "R097\tconfig/plants/P003/C004.yml\tconfig/plants/P003/C005.yml")));

    assertThat(changes.toTrain())
        .containsExactly(
            new CircuitChange(
                ref("P003/C005"),
                SAMPLE_CUTOFF,
                "config/plants/P003/C005.yml",
                ChangeKind.ADDED,
                ALL_SECTIONS));
    assertThat(changes.deleted())
        .containsExactly(new DeletedCircuit(ref("P003/C004"), "config/plants/P003/C004.yml"));
    assertThat(changes.shared())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.path()).isEqualTo(MASTER);
              assertThat(s.reason()).contains("without a base revision");
            });
    assertThat(changes.affectsAllCircuits()).isTrue();
  }

  @Test
  void rejectsInvalidChangedConfigInPathListModeNamingTheWorkingTreeFile() {
    repo.replace("config/plants/P001/C003.yml", "lstm_units: 128", "lstm_units: -4");

    assertThatThrownBy(
            () ->
                detector.detect(
                    repo.root(),
                    ChangedPath.parseNameStatus(List.of("M\tconfig/plants/P001/C003.yml"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            repo.root().resolve("config/plants/P001/C003.yml")
                + ":") // the label is the working-tree path
        .hasMessageContaining("training.hyperparameters.lstm_units");
  }

  // --- layout --------------------------------------------------------------------------------

  @Test
  void detectsChangesInNonDefaultConfigDirectoryWithItsOwnSharedPath() {
    try (GitRepoFixture other = GitRepoFixture.init(dir.resolve("other"))) {
      other.copyExamples("examples/config", "examples/environment");
      String base = other.commit("seed examples");
      other.createBranch("feature");
      other.replace("examples/config/plants/P002/C001.yml", "lstm_units: 64", "lstm_units: 96");
      other.replace("examples/environment/conda.yml", "python=3.10", "python=3.11");
      String head = other.commit("change examples");
      assertThat(other.read("examples/config/plants/P002/C001.yml")).contains("lstm_units: 96");

      ChangeDetector examples =
          new ChangeDetector(loader, "examples/config", List.of("examples/environment/"));

      assertThat(examples.detect(other.root(), "main", "feature"))
          .isEqualTo(
              new ChangeSet(
                  base,
                  head,
                  List.of(
                      new CircuitChange(
                          ref("P002/C001"),
                          SAMPLE_CUTOFF,
                          "examples/config/plants/P002/C001.yml",
                          ChangeKind.MODIFIED,
                          List.of("training"))),
                  List.of(),
                  List.of(),
                  List.of(
                      new SharedChange(
                          "examples/environment/conda.yml",
                          'M',
                          "shared file: affects every circuit"))));
      assertThatThrownBy(() -> detector.detect(other.root(), "main", "feature"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("master list is missing");
    }
  }

  // --- helpers -----------------------------------------------------------------------------------

  private ChangeSet detectFeature() {
    return detector.detect(repo.root(), "main", "feature");
  }

  private void addP001C004(String cutoff) {
    repo.write(
        "config/plants/P001/C004.yml",
        repo.read("config/plants/P001/C003.yml")
            .replace("C003", "C004")
            .replace("cutoff_date: \"2025-12-09\"", "cutoff_date: \"" + cutoff + "\""));
  }

  private static String p001C004Entry() {
    return "      - circuit_id: \"C004\"\n        circuit_name: \"Desalter pump\"\n";
  }

  private static CircuitChange modified(String ref, LocalDate cutoff, String... sections) {
    CircuitRef circuit = ref(ref);
    return new CircuitChange(
        circuit,
        cutoff,
        "config/plants/" + circuit.plant() + "/" + circuit.circuit() + ".yml",
        ChangeKind.MODIFIED,
        List.of(sections));
  }

  private static CircuitRef ref(String text) {
    return CircuitRef.parse(text);
  }

  @Test
  void treatsASharedPathWithoutTrailingSlashAsADirectory() {
    repo.createBranch("feature");
    repo.replace("environment/conda.yml", "python=3.10", "python=3.11");
    String head = repo.commit("newer python");

    ChangeSet changes =
        new ChangeDetector(loader, "./config/", List.of("environment"))
            .detect(repo.root(), "main", "feature");

    assertThat(changes.shared())
        .containsExactly(
            new SharedChange("environment/conda.yml", 'M', "shared file: affects every circuit"));
    assertThat(changes.head()).isEqualTo(head);
  }

  @Test
  void toleratesAnInvalidBaseMasterListThatThePullRequestFixes() {
    repo.write(
        MASTER, repo.read(MASTER).replaceFirst("circuit_id: \"C002\"", "circuit_id: \"C001\""));
    repo.commit("break the master list on main");
    repo.createBranch("feature");
    repo.write(
        MASTER,
        repo.read(MASTER)
            .replaceFirst(
                "circuit_id: \"C001\"\n        circuit_name: \"Vacuum",
                "circuit_id: \"C002\"\n        circuit_name: \"Vacuum"));
    repo.commit("fix the master list");

    ChangeSet changes = detector.detect(repo.root(), "main", "feature");

    assertThat(changes.toTrain()).isEmpty();
    assertThat(changes.shared())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("its base version is invalid"));
  }
}
