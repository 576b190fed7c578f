package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops4j.config.internal.GitRepository;
import io.mlops4j.config.internal.RevisionFiles;
import io.mlops4j.config.internal.SafeYaml;
import io.mlops4j.config.internal.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.semver4j.Semver;

/**
 * Classifies a change of the environment definition ({@code environment/environment.yml} in az ml
 * environment YAML: name, version, image or build, conda_file, tags {@code backward_compatible},
 * {@code requires_retrain}, {@code change_summary}) between two git revisions.
 *
 * <ul>
 *   <li>MAJOR bump: {@link EnvironmentReleaseKind#BREAKING}, retrain; lists the circuits whose
 *       configs must move to the new version.
 *   <li>MINOR or PATCH bump: {@link EnvironmentReleaseKind#ENVIRONMENT_ONLY}.
 *   <li>Errors: environment content (anything but version, tags and description, or any other file
 *       in its directory) changed without a version bump; a version going backwards; a version that
 *       is not semver; tags that contradict the bump (a MINOR/PATCH bump tagged {@code
 *       requires_retrain: "true"} or {@code backward_compatible: "false"}, or a MAJOR bump tagged
 *       {@code backward_compatible: "true"}).
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class EnvironmentChangeClassifier {
  private static final Set<String> METADATA = Set.of("version", "tags", "description", "$schema");
  private static final java.util.regex.Pattern STRICT_SEMVER =
      java.util.regex.Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  private final ConfigLoader loader;
  private final String environmentFile;
  private final String configDir;

  /**
   * Creates a classifier.
   *
   * @param loader parses config contents
   * @param environmentFile the environment definition, relative to the repository root; every file
   *     in its directory is part of the environment
   * @param configDir the config directory relative to the repository root
   */
  public EnvironmentChangeClassifier(
      ConfigLoader loader, String environmentFile, String configDir) {
    this.loader = requireNonNull(loader, "loader");
    this.environmentFile =
        ChangeDetector.normalize(requireNonNull(environmentFile, "environmentFile"));
    this.configDir = ChangeDetector.normalize(requireNonNull(configDir, "configDir"));
  }

  /**
   * Creates a classifier for the standard layout: {@code environment/environment.yml} and {@code
   * config/}.
   *
   * @param loader parses config contents
   * @return the classifier
   */
  public static EnvironmentChangeClassifier standard(ConfigLoader loader) {
    return new EnvironmentChangeClassifier(loader, "environment/environment.yml", "config");
  }

  /**
   * Classifies the change between the merge base of two revisions and the head.
   *
   * @param repository the repository root or a directory inside it
   * @param base the base revision
   * @param head the head revision
   * @return the classified change
   * @throws ConfigException if the change is invalid (see the class description)
   */
  public EnvironmentChange classify(Path repository, String base, String head) {
    try (GitRepository git = new GitRepository(repository)) {
      ObjectId headId = git.commit(head);
      ObjectId baseId = git.mergeBase(git.commit(base), headId);
      String dir =
          environmentFile.contains("/")
              ? environmentFile.substring(0, environmentFile.lastIndexOf('/') + 1)
              : "";
      List<String> changedFiles = new ArrayList<>();
      for (ChangedPath c : git.diff(baseId, headId)) {
        for (String p : List.of(c.oldPath(), c.newPath())) {
          if ((dir.isEmpty() ? p.equals(environmentFile) : p.startsWith(dir))
              && !changedFiles.contains(p)) {
            changedFiles.add(p);
          }
        }
      }
      return classify(git.files(baseId), git.files(headId), changedFiles);
    }
  }

  private EnvironmentChange classify(
      RevisionFiles base, RevisionFiles head, List<String> changedFiles) {
    YamlDocument after = definition(head, true);
    YamlDocument before = definition(base, false);
    String name = after.root().path("name").asText();
    String toVersion = after.root().path("version").asText();
    Semver to = semver(after, toVersion);
    String summary = after.root().path("tags").path("change_summary").asText("");
    if (before == null) {
      return new EnvironmentChange(
          EnvironmentReleaseKind.NEW,
          name,
          "",
          toVersion,
          summary,
          changedFiles,
          List.of(),
          List.of());
    }
    String fromVersion = before.root().path("version").asText();
    Semver from = semver(before, fromVersion);
    boolean contentChanged =
        !content(before).equals(content(after))
            || changedFiles.stream().anyMatch(f -> !f.equals(environmentFile));
    // Build metadata (+...) does not change precedence, so it is no bump.
    if (to.withClearedBuild().isEqualTo(from.withClearedBuild())) {
      if (contentChanged) {
        throw error(
            after,
            "version",
            "environment content changed ("
                + String.join(", ", changedFiles)
                + ") but version is still "
                + toVersion
                + "; bump MAJOR for a change that needs retraining, MINOR or PATCH otherwise");
      }
      return new EnvironmentChange(
          EnvironmentReleaseKind.NONE,
          name,
          fromVersion,
          toVersion,
          summary,
          changedFiles,
          List.of(),
          List.of());
    }
    if (to.withClearedBuild().isLowerThan(from.withClearedBuild())) {
      throw error(
          after,
          "version",
          "version goes backwards from "
              + fromVersion
              + " to "
              + toVersion
              + "; a new environment needs a higher version");
    }
    boolean major = to.getMajor() > from.getMajor();
    checkTags(after, major, fromVersion, toVersion);
    List<CircuitRef> toMove = new ArrayList<>();
    List<CircuitRef> toRedeploy = new ArrayList<>();
    for (CircuitConfig circuit : circuits(head)) {
      Semver uses = Semver.parse(circuit.training().environmentVersion());
      if (uses != null && uses.getMajor() < to.getMajor()) {
        toMove.add(circuit.ref());
      } else if (uses != null && uses.getMajor() == to.getMajor()) {
        toRedeploy.add(circuit.ref());
      }
    }
    return new EnvironmentChange(
        major ? EnvironmentReleaseKind.BREAKING : EnvironmentReleaseKind.ENVIRONMENT_ONLY,
        name,
        fromVersion,
        toVersion,
        summary,
        changedFiles,
        major ? toMove : List.of(),
        major ? List.of() : toRedeploy);
  }

  private void checkTags(YamlDocument doc, boolean major, String from, String to) {
    JsonNode tags = doc.root().path("tags");
    String bump = (major ? "MAJOR" : "MINOR/PATCH") + " (" + from + " -> " + to + ")";
    List<ConfigProblem> problems = new ArrayList<>();
    String retrain = tags.path("requires_retrain").asText("");
    String compatible = tags.path("backward_compatible").asText("");
    if (!major && retrain.equalsIgnoreCase("true")) {
      problems.add(
          problem(
              doc,
              "tags.requires_retrain",
              "is 'true' but the version bump is "
                  + bump
                  + "; a change that needs retraining must bump MAJOR"));
    }
    if (!major && compatible.equalsIgnoreCase("false")) {
      problems.add(
          problem(
              doc,
              "tags.backward_compatible",
              "is 'false' but the version bump is "
                  + bump
                  + "; a breaking change must bump MAJOR"));
    }
    if (major && retrain.equalsIgnoreCase("false")) {
      problems.add(
          problem(
              doc,
              "tags.requires_retrain",
              "is 'false' but the version bump is "
                  + bump
                  + "; a MAJOR bump means breaking, so every circuit retrains; bump MINOR or PATCH"
                  + " for a change that does not need retraining"));
    }
    if (major && compatible.equalsIgnoreCase("true")) {
      problems.add(
          problem(
              doc,
              "tags.backward_compatible",
              "is 'true' but the version bump is "
                  + bump
                  + "; a backward-compatible change bumps MINOR or PATCH"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private List<CircuitConfig> circuits(RevisionFiles head) {
    String prefix = configDir.isEmpty() ? "" : configDir + "/";
    byte[] master = head.read(prefix + "plants_circuits.yml");
    if (master == null) {
      return List.of();
    }
    List<CircuitConfig> circuits = new ArrayList<>();
    for (CircuitRef ref :
        loader.parseMaster(head.label(prefix + "plants_circuits.yml"), master).circuitRefs()) {
      String path = prefix + "plants/" + ref.plant() + "/" + ref.circuit() + ".yml";
      byte[] content = head.read(path);
      if (content != null) {
        circuits.add(loader.parseCircuit(head.label(path), content, ref));
      }
    }
    return circuits;
  }

  private YamlDocument definition(RevisionFiles files, boolean required) {
    byte[] content = files.read(environmentFile);
    if (content == null) {
      if (required) {
        throw new ConfigException(
            List.of(
                new ConfigProblem(
                    files.label(environmentFile), 0, 0, "", "environment definition is missing")));
      }
      return null;
    }
    List<ConfigProblem> problems = new ArrayList<>();
    YamlDocument doc = SafeYaml.parse(files.label(environmentFile), content, problems);
    if (doc == null) {
      throw new ConfigException(problems);
    }
    if (!doc.root().isObject()) {
      throw error(doc, "", "expected a mapping with name, version and image or build");
    }
    if (!doc.root().path("name").isTextual()) {
      throw error(doc, "name", "is missing; expected the environment's name");
    }
    return doc;
  }

  private static Semver semver(YamlDocument doc, String version) {
    Semver parsed =
        doc.root().path("version").isTextual() && STRICT_SEMVER.matcher(version).matches()
            ? Semver.parse(version)
            : null;
    if (parsed == null) {
      throw error(
          doc,
          "version",
          "'"
              + version
              + "' is not a semantic version; expected MAJOR.MINOR.PATCH such as 1.5.0"
              + " (quote it in YAML)");
    }
    return parsed;
  }

  private static JsonNode content(YamlDocument doc) {
    ObjectNode copy = ((ObjectNode) doc.root()).deepCopy();
    copy.remove(METADATA);
    return copy;
  }

  private static ConfigException error(YamlDocument doc, String field, String message) {
    return new ConfigException(List.of(problem(doc, field, message)));
  }

  private static ConfigProblem problem(YamlDocument doc, String field, String message) {
    var at = doc.valueAt(field);
    return new ConfigProblem(doc.file(), at.line(), at.column(), field, message);
  }
}
