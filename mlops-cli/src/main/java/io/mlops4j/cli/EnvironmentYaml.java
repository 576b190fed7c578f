package io.mlops4j.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mlops4j.config.ConfigException;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.config.MlopsException;
import io.mlops4j.release.EnvironmentSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an environment definition in az ml environment YAML ({@code name}, {@code version}, {@code
 * image} or {@code build.path}, {@code conda_file} relative to the YAML, {@code description},
 * {@code tags}) into an {@link EnvironmentSpec}, reporting every problem at once.
 */
final class EnvironmentYaml {
  private static final long MAX_BYTES = 1 << 20;
  private static final Set<String> KEYS =
      Set.of("$schema", "name", "version", "image", "conda_file", "build", "description", "tags");

  private EnvironmentYaml() {}

  /**
   * Reads the file; a conda file it names is read relative to it.
   *
   * @throws ConfigException naming the file and field of every problem
   */
  static EnvironmentSpec read(Path file) {
    List<ConfigProblem> problems = new ArrayList<>();
    String where = file.toString();
    JsonNode root = parse(file, problems);
    if (root == null) {
      throw new ConfigException(problems);
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        problems.add(
            problem(
                where,
                key,
                "unsupported key "
                    + MlopsException.quote(key)
                    + "; supported: name, version, image, conda_file, build.path, description,"
                    + " tags"));
      }
    }
    String name = text(where, root, "name", true, problems);
    String version = version(where, root, problems);
    String image = text(where, root, "image", false, problems);
    String description = text(where, root, "description", false, problems);
    String buildContext = build(file, root, problems);
    String conda = "";
    JsonNode condaNode = root.path("conda_file");
    if (!condaNode.isMissingNode() && !condaNode.isNull()) {
      if (!condaNode.isTextual() || condaNode.asText().isEmpty()) {
        problems.add(problem(where, "conda_file", "expected a path relative to the YAML file"));
      } else {
        conda = readConda(where, file, condaNode.asText(), problems);
      }
    }
    if (image.isEmpty() == buildContext.isEmpty()) {
      problems.add(
          problem(
              where,
              image.isEmpty() ? "image" : "build",
              "an environment needs exactly one of image and build.path"));
    } else if (!buildContext.isEmpty() && condaNode.isTextual()) {
      problems.add(
          problem(
              where,
              "conda_file",
              "conda_file goes with image, not with build (use the"
                  + " build context's Dockerfile instead)"));
    }
    Map<String, String> tags = tags(where, root.path("tags"), problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new EnvironmentSpec(name, version, image, conda, buildContext, description, tags);
  }

  /**
   * Reads a conda file given on the command line.
   *
   * @throws ConfigException if it cannot be read
   */
  static String readCondaFile(Path conda) {
    List<ConfigProblem> problems = new ArrayList<>();
    String content = read(conda.toString(), conda, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return content;
  }

  private static JsonNode parse(Path file, List<ConfigProblem> problems) {
    String content = read(file.toString(), file, problems);
    if (content == null) {
      return null;
    }
    try {
      JsonNode root =
          YAMLMapper.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .build()
              .readTree(content);
      if (root == null || !root.isObject()) {
        problems.add(
            new ConfigProblem(
                file.toString(), 0, 0, "", "expected a mapping with name, version and image"));
        return null;
      }
      return root;
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
      problems.add(
          new ConfigProblem(
              file.toString(),
              line,
              line == 0 ? 0 : column,
              "",
              "not valid YAML: " + e.getOriginalMessage()));
      return null;
    }
  }

  private static String read(String where, Path file, List<ConfigProblem> problems) {
    try {
      if (!Files.isRegularFile(file)) {
        problems.add(new ConfigProblem(where, 0, 0, "", "file does not exist"));
        return null;
      }
      if (Files.size(file) > MAX_BYTES) {
        problems.add(new ConfigProblem(where, 0, 0, "", "file is larger than 1 MiB"));
        return null;
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(new ConfigProblem(where, 0, 0, "", "cannot read the file: " + e));
      return null;
    }
  }

  private static String readConda(
      String where, Path file, String relative, List<ConfigProblem> problems) {
    Path dir = file.toAbsolutePath().getParent();
    Path conda = dir.resolve(relative).normalize();
    List<ConfigProblem> own = new ArrayList<>();
    String content = read(conda.toString(), conda, own);
    if (content == null) {
      problems.add(
          problem(
              where,
              "conda_file",
              MlopsException.quote(relative)
                  + " ("
                  + conda
                  + "): "
                  + own.get(0).message()
                  + "; the path is relative to the YAML file"));
      return "";
    }
    return content;
  }

  private static String build(Path file, JsonNode root, List<ConfigProblem> problems) {
    JsonNode build = root.path("build");
    if (build.isMissingNode() || build.isNull()) {
      return "";
    }
    String where = file.toString();
    if (!build.isObject()) {
      problems.add(problem(where, "build", "expected a mapping with path"));
      return "";
    }
    for (Iterator<String> it = build.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("path")) {
        problems.add(
            problem(
                where,
                "build." + key,
                "unsupported key " + MlopsException.quote(key) + "; supported: path"));
      }
    }
    String path = text(where, build, "path", false, problems);
    if (path.isEmpty()) {
      problems.add(problem(where, "build.path", "required: the Docker build context"));
      return "";
    }
    if (path.contains("://")) {
      return path;
    }
    return file.toAbsolutePath().getParent().resolve(path).normalize().toString();
  }

  private static String version(String where, JsonNode root, List<ConfigProblem> problems) {
    JsonNode node = root.path("version");
    if (node.isMissingNode() || node.isNull()) {
      problems.add(problem(where, "version", "required key is missing"));
      return "";
    }
    if (node.isTextual() || node.isIntegralNumber()) {
      return node.asText();
    }
    problems.add(
        problem(
            where,
            "version",
            "expected a string such as \"1.5.0\"; quote versions so YAML does not read 1.10 as"
                + " the number 1.1"));
    return "";
  }

  private static String text(
      String where, JsonNode parent, String key, boolean required, List<ConfigProblem> problems) {
    JsonNode node = parent.path(key);
    if (node.isMissingNode() || node.isNull()) {
      if (required) {
        problems.add(problem(where, key, "required key is missing"));
      }
      return "";
    }
    if (!node.isTextual() && !node.isNumber()) {
      problems.add(problem(where, key, "expected a string"));
      return "";
    }
    return node.asText();
  }

  private static Map<String, String> tags(
      String where, JsonNode tags, List<ConfigProblem> problems) {
    Map<String, String> result = new TreeMap<>();
    if (tags.isMissingNode() || tags.isNull()) {
      return result;
    }
    if (!tags.isObject()) {
      problems.add(problem(where, "tags", "expected a mapping of tag names to values"));
      return result;
    }
    for (Map.Entry<String, JsonNode> tag : tags.properties()) {
      if (!tag.getValue().isValueNode() || tag.getValue().isNull()) {
        problems.add(problem(where, "tags." + tag.getKey(), "expected a string value"));
      } else {
        result.put(tag.getKey(), tag.getValue().asText());
      }
    }
    return result;
  }

  private static ConfigProblem problem(String file, String field, String message) {
    return new ConfigProblem(file, 0, 0, field, message);
  }
}
