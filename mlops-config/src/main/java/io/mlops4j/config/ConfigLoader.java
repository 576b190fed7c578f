package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.internal.CircuitReader;
import io.mlops4j.config.internal.ConfigFiles;
import io.mlops4j.config.internal.MasterReader;
import io.mlops4j.config.internal.TargetsReader;
import io.mlops4j.config.internal.TreeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads and validates configuration: a whole tree, one circuit, or file contents taken from
 * elsewhere (a git revision).
 *
 * <p>The layout under a root directory is {@code config/plants_circuits.yml} and {@code
 * config/plants/{plant_id}/{circuit_id}.yml}; the root may also be the {@code config} directory
 * itself. YAML is parsed safely: one document per file, at most 1 MiB, no custom tags, no duplicate
 * keys, a bounded number of aliases. Every problem is reported at once, each with file,
 * line:column, field path, what was wrong and what would be valid.
 *
 * <p>Instances are immutable and thread-safe; create one and reuse it (it holds the compiled
 * schemas).
 */
public final class ConfigLoader {
  private final CircuitReader circuitReader = new CircuitReader();
  private final MasterReader masterReader = new MasterReader();
  private final TargetsReader targetsReader = new TargetsReader();

  /** Creates a loader with the published JSON schemas. */
  public ConfigLoader() {}

  /**
   * Finds the config directory under a root: {@code root/config} if it holds {@code
   * plants_circuits.yml}, else the root itself if it does.
   *
   * @param root a repository root or a config directory
   * @return the directory holding {@code plants_circuits.yml}
   * @throws ConfigException if neither holds one
   */
  public static Path configDir(Path root) {
    return ConfigFiles.configDir(requireNonNull(root, "root"));
  }

  /**
   * Loads and validates a whole tree.
   *
   * @param root a repository root or a config directory
   * @return the valid tree
   * @throws ConfigException listing every problem, if any
   */
  public ConfigTree load(Path root) {
    List<ConfigProblem> problems = new ArrayList<>();
    ConfigTree tree = new TreeReader(masterReader, circuitReader).read(root, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return tree;
  }

  /**
   * Loads one circuit's file, checking it against its location but not against the rest of the
   * tree.
   *
   * @param root a repository root or a config directory
   * @param ref the circuit
   * @return its resolved config
   * @throws ConfigException if the file is missing or invalid
   */
  public CircuitConfig loadCircuit(Path root, CircuitRef ref) {
    Path dir = configDir(root);
    Path file =
        dir.resolve("plants").resolve(ref.plant().value()).resolve(ref.circuit().value() + ".yml");
    List<ConfigProblem> problems = new ArrayList<>();
    byte[] content = ConfigFiles.read(file, problems);
    CircuitConfig config =
        content == null ? null : circuitReader.read(file.toString(), content, ref, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /**
   * Parses one circuit file's content.
   *
   * @param file the name shown in problems, such as {@code config/plants/P001/C001.yml@abc123}
   * @param content the file's bytes
   * @param expected the circuit the file's location says it holds, or null to skip that check
   * @return the resolved config
   * @throws ConfigException if the content is invalid
   */
  public CircuitConfig parseCircuit(String file, byte[] content, CircuitRef expected) {
    List<ConfigProblem> problems = new ArrayList<>();
    CircuitConfig config = circuitReader.read(file, content, expected, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /**
   * Parses the master list's content.
   *
   * @param file the name shown in problems
   * @param content the file's bytes
   * @return the master list
   * @throws ConfigException if the content is invalid
   */
  public PlantsCircuits parseMaster(String file, byte[] content) {
    List<ConfigProblem> problems = new ArrayList<>();
    MasterReader.Result result = masterReader.read(file, content, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return result.master();
  }

  /**
   * Loads {@code workspaces.yml}: logical targets (dev, test, prod, shared) mapped to the local
   * store or Azure ML. Keys that look like secrets are rejected without echoing their values.
   *
   * @param file the targets file
   * @return the targets
   * @throws ConfigException if the file is missing or invalid
   */
  public TargetsConfig loadTargets(Path file) {
    List<ConfigProblem> problems = new ArrayList<>();
    byte[] content = ConfigFiles.read(file, problems);
    TargetsConfig targets =
        content == null ? null : targetsReader.read(file.toString(), content, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return targets;
  }
}
