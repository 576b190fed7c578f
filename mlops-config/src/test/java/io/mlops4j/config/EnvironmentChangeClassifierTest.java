package io.mlops4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Classification of environment definition changes on real git repositories. */
class EnvironmentChangeClassifierTest {
  private static final String ENV = "environment/environment.yml";
  private static final String CONDA = "environment/conda.yml";
  private static final String NAME = "mlops4j-lstm-forecasting";
  private static final String SAMPLE_SUMMARY = "Add azureml-dataset-runtime for batch inputs";
  private static final String VERSION = "version: \"1.5.0\"";
  private static final String COMPATIBLE = "backward_compatible: \"true\"";
  private static final String NO_RETRAIN = "requires_retrain: \"false\"";

  private final EnvironmentChangeClassifier classifier =
      EnvironmentChangeClassifier.standard(new ConfigLoader());

  @TempDir Path dir;
  private GitRepoFixture repo;

  @BeforeEach
  void createRepository() {
    repo = GitRepoFixture.standard(dir.resolve("repo"));
  }

  @AfterEach
  void closeRepository() {
    repo.close();
  }

  @Test
  void classifiesMajorBumpAsBreakingListingCircuitsStillOnTheOldMajor() {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"2.0.0\"");
    repo.replace(ENV, "jdk:17-ubuntu", "jdk:21-ubuntu");
    repo.replace(ENV, COMPATIBLE, "backward_compatible: \"false\"");
    repo.replace(ENV, NO_RETRAIN, "requires_retrain: \"true\"");
    repo.replace(ENV, SAMPLE_SUMMARY, "JDK 21 runtime");
    // one circuit moves to the new environment in the same pull request
    repo.replace(
        "config/plants/P002/C001.yml",
        "environment_version: \"1.5.0\"",
        "environment_version: \"2.0.0\"");
    repo.commit("JDK 21");

    EnvironmentChange change = classify();

    assertThat(change)
        .isEqualTo(
            new EnvironmentChange(
                EnvironmentReleaseKind.BREAKING,
                NAME,
                "1.5.0",
                "2.0.0",
                "JDK 21 runtime",
                List.of(ENV),
                refs(
                    "P001/C001",
                    "P001/C002",
                    "P001/C003",
                    "P002/C002",
                    "P003/C001",
                    "P003/C002",
                    "P003/C003",
                    "P003/C004"),
                List.of()));
    assertThat(change.requiresRetrain()).isTrue();
  }

  @Test
  void listsNoCircuitToMoveWhenEveryConfigMovedInTheSamePullRequest() {
    repo.createBranch("feature");
    bumpMajorTo("3.0.0");
    for (String circuit : GitRepoFixture.SAMPLE_CIRCUITS) {
      repo.replace(
          "config/plants/" + circuit + ".yml",
          "environment_version: \"1.5.0\"",
          "environment_version: \"3.0.0\"");
    }
    repo.commit("everything on 3.0.0");

    EnvironmentChange change = classify();

    assertThat(change.kind()).isEqualTo(EnvironmentReleaseKind.BREAKING);
    assertThat(change.circuitsToMove()).isEmpty();
    assertThat(change.circuitsToRedeploy()).isEmpty();
  }

  @Test
  void classifiesMinorBumpWithChangedCondaFileAsEnvironmentOnlyRedeployingCircuitsOnThatMajor() {
    // a circuit on an older major is not redeployed by a 1.x release
    repo.replace(
        "config/plants/P003/C004.yml",
        "environment_version: \"1.5.0\"",
        "environment_version: \"0.9.0\"");
    repo.commit("P003/C004 still on 0.9.0");
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"1.6.0\"");
    repo.replace(ENV, SAMPLE_SUMMARY, "pandas for batch inputs");
    repo.replace(
        CONDA, "      - azureml-core==1.57.0\n", "      - azureml-core==1.57.0\n      - pandas\n");
    repo.commit("add pandas");

    EnvironmentChange change = classify();

    assertThat(change)
        .isEqualTo(
            new EnvironmentChange(
                EnvironmentReleaseKind.ENVIRONMENT_ONLY,
                NAME,
                "1.5.0",
                "1.6.0",
                "pandas for batch inputs",
                List.of(CONDA, ENV),
                List.of(),
                refs(
                    "P001/C001",
                    "P001/C002",
                    "P001/C003",
                    "P002/C001",
                    "P002/C002",
                    "P003/C001",
                    "P003/C002",
                    "P003/C003")));
    assertThat(change.requiresRetrain()).isFalse();
  }

  @Test
  void classifiesPatchBumpAsEnvironmentOnly() {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"1.5.1\"");
    repo.replace(ENV, "jdk:17-ubuntu", "jdk:17.0.13-ubuntu");
    repo.commit("patch the JDK");

    EnvironmentChange change = classify();

    assertThat(change.kind()).isEqualTo(EnvironmentReleaseKind.ENVIRONMENT_ONLY);
    assertThat(change.fromVersion()).isEqualTo("1.5.0");
    assertThat(change.toVersion()).isEqualTo("1.5.1");
    assertThat(change.changedFiles()).containsExactly(ENV);
    assertThat(change.circuitsToMove()).isEmpty();
    assertThat(change.circuitsToRedeploy())
        .extracting(CircuitRef::toString)
        .containsExactlyElementsOf(GitRepoFixture.SAMPLE_CIRCUITS);
    assertThat(change.requiresRetrain()).isFalse();
  }

  @Test
  void rejectsCondaFileChangedWithoutVersionBumpNamingTheFile() {
    repo.createBranch("feature");
    repo.replace(CONDA, "python=3.10", "python=3.11");
    String head = repo.commit("python 3.11, forgot the bump");

    assertThatThrownBy(this::classify)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              ConfigProblem problem = e.problems().get(0);
              assertThat(problem.file()).isEqualTo(ENV + "@" + GitRepoFixture.abbreviated(head));
              assertThat(problem.field()).isEqualTo("version");
              assertThat(problem.message())
                  .contains("environment content changed (" + CONDA + ")")
                  .contains("version is still 1.5.0")
                  .contains("bump MAJOR")
                  .contains("MINOR or PATCH");
            });
  }

  @Test
  void rejectsImageChangedWithoutVersionBump() {
    repo.createBranch("feature");
    repo.replace(ENV, "jdk:17-ubuntu", "jdk:21-ubuntu");
    repo.commit("new image, same version");

    assertThatThrownBy(this::classify)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment content changed (" + ENV + ")")
        .hasMessageContaining("but version is still 1.5.0; bump");
  }

  @Test
  void rejectsNewFileInEnvironmentDirectoryWithoutVersionBump() {
    repo.createBranch("feature");
    repo.write("environment/requirements.txt", "numpy==2.1.0\n");
    repo.commit("extra file");

    assertThatThrownBy(this::classify)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment content changed (environment/requirements.txt)");
  }

  @Test
  void classifiesTagsAndDescriptionOnlyChangeWithoutBumpAsNone() {
    repo.createBranch("feature");
    repo.replace(ENV, SAMPLE_SUMMARY, "Clarify the summary");
    repo.replace(ENV, "description: JDK 17", "description: OpenJDK 17");
    repo.replace(ENV, "# Training and batch-scoring", "# Training and scoring");
    repo.commit("wording");

    assertThat(classify())
        .isEqualTo(
            new EnvironmentChange(
                EnvironmentReleaseKind.NONE,
                NAME,
                "1.5.0",
                "1.5.0",
                "Clarify the summary",
                List.of(ENV),
                List.of(),
                List.of()));
  }

  @Test
  void classifiesPullRequestNotTouchingTheEnvironmentAsNone() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C001.yml", "epochs: 50", "epochs: 60");
    repo.commit("config only");

    EnvironmentChange change = classify();

    assertThat(change.kind()).isEqualTo(EnvironmentReleaseKind.NONE);
    assertThat(change.changedFiles()).isEmpty();
    assertThat(change.requiresRetrain()).isFalse();
  }

  @Test
  void rejectsVersionGoingBackwards() {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"1.4.9\"");
    String head = repo.commit("downgrade");

    assertThatThrownBy(this::classify)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("version");
              assertThat(e.getMessage())
                  .startsWith(ENV + "@" + GitRepoFixture.abbreviated(head) + ":")
                  .contains("version goes backwards from 1.5.0 to 1.4.9");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"version: \"1.6\"", "version: 1.6", "version: \"latest\""})
  void rejectsVersionThatIsNotSemver(String version) {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, version);
    repo.commit("not semver");

    assertThatThrownBy(this::classify)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("version");
              assertThat(e.getMessage())
                  .contains("is not a semantic version; expected MAJOR.MINOR.PATCH");
            });
  }

  @Test
  void rejectsMinorBumpTaggedRequiresRetrain() {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"1.6.0\"");
    repo.replace(ENV, NO_RETRAIN, "requires_retrain: \"true\"");
    repo.commit("minor that retrains");

    assertThatThrownBy(this::classify)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ConfigProblem::field)
                  .containsExactly("tags.requires_retrain");
              assertThat(e.getMessage())
                  .contains("MINOR/PATCH (1.5.0 -> 1.6.0)")
                  .contains("must bump MAJOR");
            });
  }

  @Test
  void rejectsPatchBumpTaggedNotBackwardCompatible() {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"1.5.1\"");
    repo.replace(ENV, COMPATIBLE, "backward_compatible: \"false\"");
    repo.commit("breaking patch");

    assertThatThrownBy(this::classify)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::field)
                    .containsExactly("tags.backward_compatible"));
  }

  @Test
  void rejectsMajorBumpTaggedBackwardCompatible() {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"2.0.0\"");
    repo.replace(ENV, NO_RETRAIN, "requires_retrain: \"true\"");
    repo.commit("major but compatible");

    assertThatThrownBy(this::classify)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ConfigProblem::field)
                  .containsExactly("tags.backward_compatible");
              assertThat(e.getMessage())
                  .contains("MAJOR (1.5.0 -> 2.0.0)")
                  .contains("bumps MINOR or PATCH");
            });
  }

  @Test
  void classifiesEnvironmentAddedInPullRequestAsNew() {
    try (GitRepoFixture fresh = GitRepoFixture.init(dir.resolve("fresh"))) {
      fresh.copyExampleConfig("config");
      fresh.commit("config only");
      fresh.createBranch("feature");
      fresh.copyExampleEnvironment("environment");
      fresh.commit("add the environment");

      EnvironmentChange change = classifier.classify(fresh.root(), "main", "feature");

      assertThat(change)
          .isEqualTo(
              new EnvironmentChange(
                  EnvironmentReleaseKind.NEW,
                  NAME,
                  "",
                  "1.5.0",
                  SAMPLE_SUMMARY,
                  List.of(CONDA, ENV),
                  List.of(),
                  List.of()));
      assertThat(change.requiresRetrain()).isFalse();
    }
  }

  @Test
  void rejectsEnvironmentDefinitionDeletedAtHead() {
    repo.createBranch("feature");
    repo.delete(ENV);
    String head = repo.commit("drop the environment");

    assertThatThrownBy(this::classify)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            ENV + "@" + GitRepoFixture.abbreviated(head) + ": environment definition is missing");
  }

  @Test
  void rejectsEnvironmentDefinitionWithoutName() {
    repo.createBranch("feature");
    repo.replace(ENV, "name: mlops4j-lstm-forecasting\n", "");
    repo.replace(ENV, VERSION, "version: \"1.5.1\"");
    repo.commit("no name");

    assertThatThrownBy(this::classify)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("name"));
  }

  @Test
  void comparesFromMergeBaseSoABumpOnBaseAfterBranchingIsNotTheFeaturesChange() {
    repo.createBranch("feature");
    repo.replace("config/plants/P001/C001.yml", "epochs: 50", "epochs: 60");
    repo.commit("feature: config only");
    repo.checkout("main");
    repo.replace(ENV, VERSION, "version: \"1.6.0\"");
    repo.replace(ENV, "jdk:17-ubuntu", "jdk:21-ubuntu");
    repo.commit("main: new environment");

    assertThat(classify().kind()).isEqualTo(EnvironmentReleaseKind.NONE);
  }

  @Test
  void readsEnvironmentAndConfigFromNonDefaultLocations() {
    try (GitRepoFixture other = GitRepoFixture.init(dir.resolve("other"))) {
      other.copyExamples("examples/config", "examples/environment");
      other.commit("seed examples");
      other.createBranch("feature");
      other.replace("examples/environment/environment.yml", VERSION, "version: \"1.5.1\"");
      other.commit("patch");

      EnvironmentChange change =
          new EnvironmentChangeClassifier(
                  new ConfigLoader(), "examples/environment/environment.yml", "examples/config/")
              .classify(other.root(), "main", "feature");

      assertThat(change.kind()).isEqualTo(EnvironmentReleaseKind.ENVIRONMENT_ONLY);
      assertThat(change.changedFiles()).containsExactly("examples/environment/environment.yml");
      assertThat(change.circuitsToRedeploy()).hasSize(GitRepoFixture.SAMPLE_CIRCUITS.size());
    }
  }

  /**
   * Semver build metadata does not change precedence, so 1.5.0 to 1.5.0+build.7 is no bump;
   * changing the image with it is "content changed without a version bump".
   */
  @Test
  void rejectsContentChangeWhoseVersionDiffersOnlyInBuildMetadata() {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"1.5.0+build.7\"");
    repo.replace(ENV, "jdk:17-ubuntu", "jdk:21-ubuntu");
    repo.commit("build metadata only");

    assertThatThrownBy(this::classify)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bump");
  }

  /**
   * Circuit files require a strict semver {@code environment_version} (no 'v'), so the environment
   * must too: otherwise circuits would be asked to move to "v2.0.0", which they cannot.
   */
  @Test
  void rejectsVersionWithVPrefixLikeCircuitFilesDo() {
    repo.createBranch("feature");
    bumpMajorTo("v2.0.0");
    repo.commit("v prefix");

    assertThatThrownBy(this::classify)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a semantic version");
  }

  @Test
  void rejectsMajorBumpTaggedAsNotRequiringRetraining() {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"2.0.0\"");
    repo.replace(ENV, COMPATIBLE, "backward_compatible: \"false\"");
    repo.commit("major bump that claims no retraining");

    assertThatThrownBy(this::classify)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tags.requires_retrain: is 'false' but the version bump is MAJOR")
        .hasMessageContaining("every circuit retrains");
  }

  @Test
  void acceptsPathsWrittenWithDotSlash() {
    repo.createBranch("feature");
    repo.replace(ENV, VERSION, "version: \"1.5.1\"");
    repo.commit("patch");

    EnvironmentChange change =
        new EnvironmentChangeClassifier(
                new ConfigLoader(), "./environment/environment.yml", "./config/")
            .classify(repo.root(), "main", "feature");

    assertThat(change.kind()).isEqualTo(EnvironmentReleaseKind.ENVIRONMENT_ONLY);
    assertThat(change.circuitsToRedeploy()).hasSize(9);
  }

  private void bumpMajorTo(String version) {
    repo.replace(ENV, VERSION, "version: \"" + version + "\"");
    repo.replace(ENV, COMPATIBLE, "backward_compatible: \"false\"");
    repo.replace(ENV, NO_RETRAIN, "requires_retrain: \"true\"");
  }

  private EnvironmentChange classify() {
    return classifier.classify(repo.root(), "main", "feature");
  }

  private static List<CircuitRef> refs(String... refs) {
    return List.of(refs).stream().map(CircuitRef::parse).toList();
  }
}
