package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.internal.DirectoryFiles;
import io.mlops4j.config.internal.GitRepository;
import io.mlops4j.config.internal.RevisionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Finds the circuits a pull request changed, so exactly those are trained.
 *
 * <ul>
 *   <li>A circuit file added, or a circuit newly listed in the master list, is {@link
 *       ChangeKind#ADDED}; a renamed file is the old circuit deleted and the new one added.
 *   <li>A modified circuit file is {@link ChangeKind#MODIFIED}, unless its resolved config did not
 *       change (comments, formatting, quoting): then it is reported as unchanged and not trained.
 *   <li>A deleted file, or a circuit dropped from the master list, is reported as deleted and never
 *       trained.
 *   <li>A change under a shared path (default {@code environment/}) affects every circuit and is
 *       reported as such.
 * </ul>
 *
 * <p>Git revisions are compared from their merge base, as a pull request diff is. Thread-safe.
 */
public final class ChangeDetector {
  private static final String MASTER = "plants_circuits.yml";

  private final ConfigLoader loader;
  private final String configPrefix;
  private final List<String> sharedPrefixes;
  private final Pattern circuitFile;

  /**
   * Creates a detector.
   *
   * @param loader parses config contents
   * @param configDir the config directory relative to the repository root, such as {@code config}
   *     or {@code examples/config}; empty for the root itself
   * @param sharedPaths files or directories (ending with '/') that affect every circuit, relative
   *     to the repository root
   */
  public ChangeDetector(ConfigLoader loader, String configDir, List<String> sharedPaths) {
    this.loader = requireNonNull(loader, "loader");
    String dir = normalize(requireNonNull(configDir, "configDir"));
    this.configPrefix = dir.isEmpty() ? "" : dir + "/";
    this.sharedPrefixes = sharedPaths.stream().map(ChangeDetector::normalize).toList();
    this.circuitFile =
        Pattern.compile(Pattern.quote(configPrefix + "plants/") + "([^/]+)/([^/]+)\\.yml");
  }

  /**
   * Creates a detector for the standard layout: {@code config/} and a shared {@code environment/}.
   *
   * @param loader parses config contents
   * @return the detector
   */
  public static ChangeDetector standard(ConfigLoader loader) {
    return new ChangeDetector(loader, "config", List.of("environment/"));
  }

  /**
   * Compares two revisions of a git repository.
   *
   * @param repository the repository root or a directory inside it
   * @param base the base revision, such as {@code origin/main}
   * @param head the head revision, such as {@code HEAD}
   * @return the changes
   * @throws ConfigException if a revision is unknown or a changed config is invalid
   */
  public ChangeSet detect(Path repository, String base, String head) {
    try (GitRepository git = new GitRepository(repository)) {
      ObjectId headId = git.commit(head);
      ObjectId baseId = git.mergeBase(git.commit(base), headId);
      return classify(
          git.files(baseId),
          git.files(headId),
          git.diff(baseId, headId),
          baseId.name(),
          headId.name());
    }
  }

  /**
   * Classifies a list of changed paths against a working tree (the head); without a base revision a
   * modified file cannot be compared with its old content, and a changed master list is reported as
   * a shared change.
   *
   * @param root the repository root
   * @param changes the changed paths, e.g. from {@link ChangedPath#parseNameStatus(List)}
   * @return the changes
   * @throws ConfigException if a changed config is invalid
   */
  public ChangeSet detect(Path root, List<ChangedPath> changes) {
    return classify(null, new DirectoryFiles(root), changes, "", "");
  }

  private ChangeSet classify(
      RevisionFiles base,
      RevisionFiles head,
      List<ChangedPath> changes,
      String baseLabel,
      String headLabel) {
    String masterPath = configPrefix + MASTER;
    Set<CircuitRef> headListed = listed(head, masterPath, true);
    boolean masterChanged =
        changes.stream()
            .anyMatch(c -> c.newPath().equals(masterPath) || c.oldPath().equals(masterPath));
    Set<CircuitRef> baseListed =
        !masterChanged ? headListed : base == null ? null : listedOrUnknown(base, masterPath);

    Map<CircuitRef, String> added = new TreeMap<>();
    Map<CircuitRef, String> modified = new TreeMap<>();
    Map<CircuitRef, String> deletedFiles = new TreeMap<>();
    List<SharedChange> shared = new ArrayList<>();
    for (ChangedPath change : changes) {
      CircuitRef oldRef = circuitOf(change.oldPath());
      CircuitRef newRef = circuitOf(change.newPath());
      switch (change.status()) {
        case 'A' -> putIfCircuit(added, newRef, change.newPath());
        case 'M' -> putIfCircuit(modified, newRef, change.newPath());
        case 'D' -> putIfCircuit(deletedFiles, oldRef, change.oldPath());
        default -> {
          putIfCircuit(deletedFiles, oldRef, change.oldPath());
          putIfCircuit(added, newRef, change.newPath());
        }
      }
      if (isShared(change.newPath()) || isShared(change.oldPath())) {
        shared.add(
            new SharedChange(
                change.status() == 'D' ? change.oldPath() : change.newPath(),
                change.status(),
                "shared file: affects every circuit"));
      }
    }
    if (masterChanged && baseListed == null) {
      shared.add(
          new SharedChange(
              masterPath,
              'M',
              base == null
                  ? "master list changed; without a base revision the circuits added to it are"
                      + " unknown"
                  : "master list changed and its base version is invalid; the circuits added to it"
                      + " are unknown, so list them by changing their files"));
    }

    Map<CircuitRef, DeletedCircuit> deleted = new TreeMap<>();
    deletedFiles.forEach(
        (ref, path) -> {
          if (!headListed.contains(ref) || head.read(path) == null) {
            deleted.put(ref, new DeletedCircuit(ref, path));
          }
        });
    if (baseListed != null) {
      for (CircuitRef ref : baseListed) {
        if (!headListed.contains(ref)) {
          deleted.putIfAbsent(ref, new DeletedCircuit(ref, pathOf(ref)));
        }
      }
    }

    Set<CircuitRef> newlyListed = new HashSet<>();
    if (baseListed != null) {
      newlyListed.addAll(headListed);
      newlyListed.removeAll(baseListed);
    }
    Set<CircuitRef> candidates = new LinkedHashSet<>();
    candidates.addAll(added.keySet());
    candidates.addAll(modified.keySet());
    candidates.addAll(newlyListed);
    List<CircuitChange> toTrain = new ArrayList<>();
    List<CircuitRef> unchanged = new ArrayList<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (CircuitRef ref : new java.util.TreeSet<>(candidates)) {
      String path = pathOf(ref);
      if (deleted.containsKey(ref)) {
        continue;
      }
      if (!headListed.contains(ref)) {
        problems.add(
            new ConfigProblem(
                head.label(path),
                0,
                0,
                "",
                "circuit "
                    + ref
                    + " changed but is not listed in "
                    + head.label(masterPath)
                    + "; add it to the master list or delete the file"));
        continue;
      }
      byte[] headContent = head.read(path);
      if (headContent == null) {
        problems.add(
            new ConfigProblem(
                head.label(masterPath),
                0,
                0,
                "",
                "circuit " + ref + " is listed but has no config file; expected " + path));
        continue;
      }
      CircuitConfig after;
      try {
        after = loader.parseCircuit(head.label(path), headContent, ref);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
        continue;
      }
      byte[] baseContent = base == null ? null : base.read(path);
      boolean isNew =
          added.containsKey(ref)
              || newlyListed.contains(ref)
              || (base != null && baseContent == null);
      if (isNew) {
        toTrain.add(
            new CircuitChange(
                ref,
                after.training().cutoffDate(),
                path,
                ChangeKind.ADDED,
                List.of("training", "deployment", "monitoring")));
        continue;
      }
      List<String> sections =
          base == null ? List.of() : changedSections(base, path, baseContent, after);
      if (base != null && sections.isEmpty()) {
        unchanged.add(ref);
      } else {
        toTrain.add(
            new CircuitChange(
                ref, after.training().cutoffDate(), path, ChangeKind.MODIFIED, sections));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new ChangeSet(
        baseLabel, headLabel, toTrain, List.copyOf(deleted.values()), unchanged, shared);
  }

  private List<String> changedSections(
      RevisionFiles base, String path, byte[] baseContent, CircuitConfig after) {
    CircuitConfig before;
    try {
      before = loader.parseCircuit(base.label(path), baseContent, after.ref());
    } catch (ConfigException e) {
      return List.of("training", "deployment", "monitoring"); // the old file was invalid
    }
    List<String> sections = new ArrayList<>();
    if (!before.training().equals(after.training())) {
      sections.add("training");
    }
    if (!before.deployment().equals(after.deployment())) {
      sections.add("deployment");
    }
    if (!before.monitoring().equals(after.monitoring())) {
      sections.add("monitoring");
    }
    return sections;
  }

  /** The base master list, or null when it is invalid (a pull request may be fixing it). */
  private Set<CircuitRef> listedOrUnknown(RevisionFiles base, String masterPath) {
    try {
      return listed(base, masterPath, false);
    } catch (ConfigException e) {
      return null;
    }
  }

  private Set<CircuitRef> listed(RevisionFiles files, String masterPath, boolean required) {
    byte[] content = files.read(masterPath);
    if (content == null) {
      if (required) {
        throw new ConfigException(
            List.of(
                new ConfigProblem(
                    files.label(masterPath),
                    0,
                    0,
                    "",
                    "master list is missing; pass --config-dir if the config lives elsewhere")));
      }
      return Set.of();
    }
    return new HashSet<>(loader.parseMaster(files.label(masterPath), content).circuitRefs());
  }

  private CircuitRef circuitOf(String path) {
    Matcher m = circuitFile.matcher(path);
    if (!m.matches()) {
      return null;
    }
    try {
      return new CircuitRef(new PlantId(m.group(1)), new CircuitId(m.group(2)));
    } catch (InvalidIdException e) {
      return null; // not a valid circuit file name; tree validation reports it
    }
  }

  private static void putIfCircuit(Map<CircuitRef, String> map, CircuitRef ref, String path) {
    if (ref != null) {
      map.put(ref, path);
    }
  }

  /** A file or a directory: {@code environment}, {@code environment/} and {@code ./environment}. */
  private boolean isShared(String path) {
    return sharedPrefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  /** Repository-relative, '/'-separated, without './' or a trailing '/'. */
  static String normalize(String path) {
    String p = path.replace('\\', '/').replaceAll("/+", "/");
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    p = p.replaceAll("/$", "");
    return p.equals(".") ? "" : p;
  }

  private String pathOf(CircuitRef ref) {
    return configPrefix + "plants/" + ref.plant().value() + "/" + ref.circuit().value() + ".yml";
  }
}
