package io.mlops4j.config.internal;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.config.ConfigTree;
import io.mlops4j.config.InvalidIdException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a whole tree: master list, every circuit file, and the checks across files. */
public final class TreeReader {
  private final MasterReader masterReader;
  private final CircuitReader circuitReader;

  /**
   * Creates a tree reader.
   *
   * @param masterReader reads the master list
   * @param circuitReader reads circuit files
   */
  public TreeReader(MasterReader masterReader, CircuitReader circuitReader) {
    this.masterReader = masterReader;
    this.circuitReader = circuitReader;
  }

  /**
   * Reads and checks a tree.
   *
   * @param root a repository root or config directory
   * @param problems receives every problem, sorted by file and line
   * @return the tree, or null when there were problems
   */
  public ConfigTree read(Path root, List<ConfigProblem> problems) {
    Path dir = ConfigFiles.configDir(root);
    Path masterFile = dir.resolve(ConfigFiles.MASTER);
    int before = problems.size();
    List<ConfigProblem> found = new ArrayList<>();
    byte[] masterContent = ConfigFiles.read(masterFile, found);
    MasterReader.Result master =
        masterContent == null
            ? null
            : masterReader.read(masterFile.toString(), masterContent, found);

    Map<CircuitRef, Path> files = listCircuitFiles(dir, found);
    Map<CircuitRef, CircuitConfig> configs = new TreeMap<>();
    Map<String, CircuitRef> sensors = new HashMap<>();
    for (Map.Entry<CircuitRef, Path> entry : files.entrySet()) {
      CircuitRef ref = entry.getKey();
      Path file = entry.getValue();
      if (master != null && !master.circuitPositions().containsKey(ref)) {
        found.add(
            new ConfigProblem(
                file.toString(),
                0,
                0,
                "",
                ConfigErrors.circuitNotListed(ref, masterFile.toString())));
      }
      byte[] content = ConfigFiles.read(file, found);
      CircuitConfig config =
          content == null ? null : circuitReader.read(file.toString(), content, ref, found);
      if (config == null) {
        continue;
      }
      configs.put(ref, config);
      CircuitRef other = sensors.putIfAbsent(config.training().dataFilters().sensorId(), ref);
      if (other != null) {
        found.add(sharedSensor(file, content, config, other, files.get(other)));
      }
    }
    if (master != null) {
      master
          .circuitPositions()
          .forEach(
              (ref, at) -> {
                if (!files.containsKey(ref)) {
                  String expected =
                      dir.resolve("plants")
                          .resolve(ref.plant().value())
                          .resolve(ref.circuit().value() + ".yml")
                          .toString();
                  found.add(
                      new ConfigProblem(
                          masterFile.toString(),
                          at.line(),
                          at.column(),
                          master.circuitFields().get(ref),
                          ConfigErrors.circuitFileMissing(ref, expected)));
                }
              });
    }
    found.sort(ConfigErrors.ORDER);
    problems.addAll(found);
    if (problems.size() != before) {
      return null;
    }
    List<CircuitConfig> ordered = master.master().circuitRefs().stream().map(configs::get).toList();
    return new ConfigTree(dir, master.master(), ordered);
  }

  private static ConfigProblem sharedSensor(
      Path file, byte[] content, CircuitConfig config, CircuitRef other, Path otherFile) {
    List<ConfigProblem> ignored = new ArrayList<>();
    YamlDocument doc = SafeYaml.parse(file.toString(), content, ignored);
    String field = "training.data_filters.sensor_id";
    Position at = doc == null ? Position.START : doc.valueAt(field);
    return new ConfigProblem(
        file.toString(),
        at.line(),
        at.column(),
        field,
        ConfigErrors.sharedSensor(
            config.training().dataFilters().sensorId(), other, otherFile.toString()));
  }

  private static Map<CircuitRef, Path> listCircuitFiles(Path dir, List<ConfigProblem> problems) {
    Map<CircuitRef, Path> files = new TreeMap<>();
    Path plants = dir.resolve("plants");
    if (!Files.isDirectory(plants)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(plants)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        Path relative = plants.relativize(file);
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        CircuitRef ref = refOf(relative);
        if (ref == null) {
          problems.add(
              new ConfigProblem(
                  file.toString(), 0, 0, "", ConfigErrors.misplacedFile("plants/" + relative)));
        } else {
          files.put(ref, file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + plants, e);
    }
    return files;
  }

  private static CircuitRef refOf(Path relative) {
    if (relative.getNameCount() != 2) {
      return null;
    }
    String name = relative.getFileName().toString();
    if (!name.endsWith(".yml")) {
      return null;
    }
    try {
      return CircuitRef.parse(
          relative.getName(0) + "/" + name.substring(0, name.length() - ".yml".length()));
    } catch (InvalidIdException e) {
      return null;
    }
  }
}
