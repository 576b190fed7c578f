package io.mlops4j.data;

import io.mlops4j.config.ConfigException;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.data.MlTableTransformation.ColumnConversion;
import io.mlops4j.data.internal.DataErrors;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads MLTable YAML into an {@link MlTable}, walking SnakeYAML's node tree (so no untyped map
 * escapes) and collecting every problem, with line, column and field path, into one {@link
 * ConfigException}.
 */
final class MlTableParser {
  /** Largest accepted file, in characters. */
  static final int MAX_CHARS = 1 << 20;

  private static final int MAX_ALIASES = 20;
  private static final int MAX_DEPTH = 16;

  static final List<String> TOP_LEVEL_KEYS = List.of("$schema", "type", "paths", "transformations");
  static final List<String> PATH_KEYS = List.of("file", "folder", "pattern");
  static final List<String> STEPS =
      List.of(
          "read_delimited",
          "read_parquet",
          "read_json_lines",
          "read_delta_lake",
          "filter",
          "keep_columns",
          "drop_columns",
          "convert_column_types",
          "take",
          "skip");
  static final List<String> UNSUPPORTED_STEPS =
      List.of("take_random_sample", "extract_columns_from_partition_format");
  static final List<String> DELTA_KEYS =
      List.of("version_as_of", "timestamp_as_of", "include_path_column");
  static final List<String> CONVERSION_KEYS = List.of("columns", "column_type");

  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

  private final String file;
  private final List<ConfigProblem> problems = new ArrayList<>();

  private MlTableParser(String file) {
    this.file = file;
  }

  static MlTable parse(String file, String yaml) {
    return new MlTableParser(file).document(yaml);
  }

  private MlTable document(String yaml) {
    Node root = compose(yaml);
    if (root == null) {
      throw failure();
    }
    if (!(root instanceof MappingNode mapping)) {
      problem(root, "", DataErrors.wrongType("a mapping with paths and transformations", root));
      throw failure();
    }
    String schema = "";
    List<MlTablePath> paths = null;
    List<MlTableTransformation> steps = List.of();
    for (NodeTuple tuple : entries(mapping, "")) {
      String key = ((ScalarNode) tuple.getKeyNode()).getValue();
      Node value = tuple.getValueNode();
      switch (key) {
        case "$schema" -> schema = orEmpty(text(value, key));
        case "type" -> {
          String type = text(value, key);
          if (type != null && !type.equals("mltable")) {
            problem(value, key, DataErrors.notMlTableType(type));
          }
        }
        case "paths" -> paths = paths(value);
        case "transformations" -> steps = steps(value);
        default -> problem(tuple.getKeyNode(), key, DataErrors.unknownKey(key, TOP_LEVEL_KEYS));
      }
    }
    if (paths == null && problems.stream().noneMatch(p -> p.field().startsWith("paths"))) {
      problem(root, "paths", DataErrors.missingPaths());
    }
    if (!problems.isEmpty()) {
      throw failure();
    }
    String finalSchema = schema;
    List<MlTablePath> finalPaths = paths;
    List<MlTableTransformation> finalSteps = steps;
    MlTable table = build(root, "", () -> new MlTable(finalSchema, finalPaths, finalSteps));
    if (table == null) {
      throw failure();
    }
    return table;
  }

  private Node compose(String yaml) {
    if (yaml.length() > MAX_CHARS) {
      problems.add(
          new ConfigProblem(file, 0, 0, "", DataErrors.fileTooLarge(yaml.length(), MAX_CHARS)));
      return null;
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CHARS);
    DumperOptions dumper = new DumperOptions();
    Yaml parser = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    List<Node> documents = new ArrayList<>();
    try {
      for (Node node : parser.composeAll(new StringReader(yaml))) {
        documents.add(node);
        if (documents.size() > 1) {
          problem(node, "", DataErrors.moreThanOneDocument());
          return null;
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(
          new ConfigProblem(
              file,
              mark == null ? 0 : mark.getLine() + 1,
              mark == null ? 0 : mark.getColumn() + 1,
              "",
              DataErrors.invalidYaml(e.getProblem(), e.getContext())));
      return null;
    } catch (YAMLException e) {
      problems.add(new ConfigProblem(file, 0, 0, "", DataErrors.invalidYaml(e.getMessage(), null)));
      return null;
    }
    if (documents.isEmpty()) {
      problems.add(new ConfigProblem(file, 0, 0, "", DataErrors.emptyFile()));
      return null;
    }
    return documents.get(0);
  }

  private List<MlTablePath> paths(Node node) {
    if (!(node instanceof SequenceNode sequence)) {
      problem(
          node, "paths", DataErrors.wrongType("a list of file:, folder: or pattern: paths", node));
      return null;
    }
    if (sequence.getValue().isEmpty()) {
      problem(node, "paths", DataErrors.noPaths());
      return null;
    }
    List<MlTablePath> paths = new ArrayList<>();
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      String field = "paths[" + i + "]";
      NodeTuple entry = single(items.get(i), field, "a path such as - folder: ./data");
      if (entry == null) {
        continue;
      }
      String kind = ((ScalarNode) entry.getKeyNode()).getValue();
      int index = PATH_KEYS.indexOf(kind);
      if (index < 0) {
        problem(entry.getKeyNode(), field + "." + kind, DataErrors.unknownKey(kind, PATH_KEYS));
        continue;
      }
      String location = text(entry.getValueNode(), field + "." + kind);
      if (location != null) {
        MlTablePath path =
            build(
                entry.getValueNode(),
                field + "." + kind,
                () -> new MlTablePath(MlTablePath.Kind.values()[index], location));
        if (path != null) {
          paths.add(path);
        }
      }
    }
    return paths;
  }

  private List<MlTableTransformation> steps(Node node) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, "transformations", DataErrors.wrongType("a list of transformations", node));
      return List.of();
    }
    List<MlTableTransformation> steps = new ArrayList<>();
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      String field = "transformations[" + i + "]";
      NodeTuple entry = single(items.get(i), field, "a transformation such as - take: 10");
      if (entry == null) {
        continue;
      }
      String name = ((ScalarNode) entry.getKeyNode()).getValue();
      MlTableTransformation step = step(name, entry, field + "." + name);
      if (step != null) {
        steps.add(step);
      }
    }
    return steps;
  }

  private MlTableTransformation step(String name, NodeTuple entry, String field) {
    Node value = entry.getValueNode();
    switch (name) {
      case "read_delimited" -> {
        Map<String, String> settings = settings(value, field);
        return settings == null
            ? null
            : build(value, field, () -> new MlTableTransformation.ReadDelimited(settings));
      }
      case "read_parquet" -> {
        Map<String, String> settings = settings(value, field);
        return settings == null
            ? null
            : build(value, field, () -> new MlTableTransformation.ReadParquet(settings));
      }
      case "read_json_lines" -> {
        Map<String, String> settings = settings(value, field);
        return settings == null
            ? null
            : build(value, field, () -> new MlTableTransformation.ReadJsonLines(settings));
      }
      case "read_delta_lake" -> {
        return deltaLake(value, field);
      }
      case "filter" -> {
        String expression = text(value, field);
        return expression == null
            ? null
            : build(value, field, () -> new MlTableTransformation.Filter(expression));
      }
      case "keep_columns" -> {
        List<String> columns = columns(value, field);
        return columns == null
            ? null
            : build(value, field, () -> new MlTableTransformation.KeepColumns(columns));
      }
      case "drop_columns" -> {
        List<String> columns = columns(value, field);
        return columns == null
            ? null
            : build(value, field, () -> new MlTableTransformation.DropColumns(columns));
      }
      case "convert_column_types" -> {
        List<ColumnConversion> conversions = conversions(value, field);
        return conversions == null
            ? null
            : build(value, field, () -> new MlTableTransformation.ConvertColumnTypes(conversions));
      }
      case "take" -> {
        Long count = integer(value, field);
        return count == null
            ? null
            : build(value, field, () -> new MlTableTransformation.Take(count));
      }
      case "skip" -> {
        Long count = integer(value, field);
        return count == null
            ? null
            : build(value, field, () -> new MlTableTransformation.Skip(count));
      }
      default -> {
        problem(
            entry.getKeyNode(),
            field,
            UNSUPPORTED_STEPS.contains(name)
                ? DataErrors.unsupportedStep(name, STEPS)
                : DataErrors.unknownStep(name, STEPS));
        return null;
      }
    }
  }

  private MlTableTransformation deltaLake(Node node, String field) {
    if (isNull(node)) {
      problem(node, field, DataErrors.deltaNeitherVersionNorTimestamp());
      return null;
    }
    if (!(node instanceof MappingNode mapping)) {
      problem(node, field, DataErrors.wrongType("a mapping with version_as_of", node));
      return null;
    }
    Long version = null;
    String timestamp = null;
    Node asOfNode = node;
    boolean pathColumn = false;
    boolean valid = true;
    for (NodeTuple tuple : entries(mapping, field)) {
      String key = ((ScalarNode) tuple.getKeyNode()).getValue();
      Node value = tuple.getValueNode();
      String child = field + "." + key;
      switch (key) {
        case "version_as_of" -> {
          if (!isNull(value)) {
            version = integer(value, child);
            valid &= version != null;
            asOfNode = value;
          }
        }
        case "timestamp_as_of" -> {
          if (!isNull(value)) {
            timestamp = text(value, child);
            valid &= timestamp != null;
            asOfNode = value;
          }
        }
        case "include_path_column" -> {
          if (!isNull(value)) {
            Boolean flag = bool(value, child);
            valid &= flag != null;
            pathColumn = flag != null && flag;
          }
        }
        default -> {
          problem(tuple.getKeyNode(), child, DataErrors.unknownDeltaKey(key, DELTA_KEYS));
          valid = false;
        }
      }
    }
    if (!valid) {
      return null;
    }
    if (version != null && timestamp != null) {
      problem(node, field, DataErrors.deltaBothVersionAndTimestamp());
      return null;
    }
    if (version == null && timestamp == null) {
      problem(node, field, DataErrors.deltaNeitherVersionNorTimestamp());
      return null;
    }
    long v = version == null ? 0 : version;
    String t = timestamp;
    boolean include = pathColumn;
    String asOfField = field + (version != null ? ".version_as_of" : ".timestamp_as_of");
    DeltaAsOf asOf =
        build(
            asOfNode,
            asOfField,
            () -> t == null ? new DeltaAsOf.Version(v) : new DeltaAsOf.Timestamp(t));
    return asOf == null ? null : new MlTableTransformation.ReadDeltaLake(asOf, include);
  }

  private Map<String, String> settings(Node node, String field) {
    if (isNull(node)) {
      return Map.of();
    }
    if (!(node instanceof MappingNode mapping)) {
      problem(node, field, DataErrors.wrongType("a mapping of settings", node));
      return null;
    }
    Map<String, String> settings = new LinkedHashMap<>();
    boolean valid = true;
    for (NodeTuple tuple : entries(mapping, field)) {
      String key = ((ScalarNode) tuple.getKeyNode()).getValue();
      Node value = tuple.getValueNode();
      if (isNull(value)) {
        continue; // an unset setting; Azure ML treats it as left out
      }
      String text = scalarText(value, field + "." + key, "a single value");
      if (text == null) {
        valid = false;
      } else {
        settings.put(key, text);
      }
    }
    return valid ? settings : null;
  }

  private List<String> columns(Node node, String field) {
    if (node instanceof ScalarNode && !isNull(node)) {
      String column = text(node, field);
      return column == null ? null : List.of(column);
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, field, DataErrors.wrongType("a column name or a list of column names", node));
      return null;
    }
    List<String> columns = new ArrayList<>();
    boolean valid = true;
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      String column = scalarText(items.get(i), field + "[" + i + "]", "a column name");
      valid &= column != null;
      columns.add(column);
    }
    return valid ? columns : null;
  }

  private List<ColumnConversion> conversions(Node node, String field) {
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, field, DataErrors.wrongType("a list of {columns, column_type} entries", node));
      return null;
    }
    List<ColumnConversion> conversions = new ArrayList<>();
    boolean valid = true;
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      String item = field + "[" + i + "]";
      if (!(items.get(i) instanceof MappingNode mapping)) {
        problem(
            items.get(i),
            item,
            DataErrors.wrongType("a mapping with columns and column_type", items.get(i)));
        valid = false;
        continue;
      }
      List<String> columns = null;
      String type = null;
      for (NodeTuple tuple : entries(mapping, item)) {
        String key = ((ScalarNode) tuple.getKeyNode()).getValue();
        Node value = tuple.getValueNode();
        switch (key) {
          case "columns" -> columns = columns(value, item + ".columns");
          case "column_type" -> {
            if (value instanceof MappingNode) {
              problem(value, item + ".column_type", DataErrors.columnTypeOptionsUnsupported());
            } else {
              type = text(value, item + ".column_type");
            }
          }
          default ->
              problem(
                  tuple.getKeyNode(),
                  item + "." + key,
                  DataErrors.unknownKey(key, CONVERSION_KEYS));
        }
      }
      if (columns == null || type == null) {
        if (!hasProblemUnder(item)) {
          problem(
              mapping, item, DataErrors.missingKey(columns == null ? "columns" : "column_type"));
        }
        valid = false;
        continue;
      }
      List<String> c = columns;
      String t = type;
      ColumnConversion conversion = build(mapping, item, () -> new ColumnConversion(c, t));
      valid &= conversion != null;
      conversions.add(conversion);
    }
    return valid ? conversions : null;
  }

  private boolean hasProblemUnder(String field) {
    return problems.stream().anyMatch(p -> p.field().startsWith(field));
  }

  /** The entries of a mapping whose keys are plain, unique strings; reports the others. */
  private List<NodeTuple> entries(MappingNode mapping, String field) {
    List<NodeTuple> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode scalar) || key.getTag().equals(Tag.MERGE)) {
        problem(key, field, DataErrors.complexKey());
        continue;
      }
      String child = field.isEmpty() ? scalar.getValue() : field + "." + scalar.getValue();
      if (!seen.add(scalar.getValue())) {
        problem(key, child, DataErrors.duplicateKey(scalar.getValue()));
        continue;
      }
      entries.add(tuple);
    }
    return entries;
  }

  /** The one entry of a list item such as {@code - folder: x}; reports anything else. */
  private NodeTuple single(Node node, String field, String example) {
    if (!(node instanceof MappingNode mapping)) {
      problem(node, field, DataErrors.wrongType(example, node));
      return null;
    }
    List<NodeTuple> entries = entries(mapping, field);
    if (mapping.getValue().size() != 1) {
      problem(node, field, DataErrors.notOneKey(mapping.getValue().size(), example));
      return null;
    }
    return entries.isEmpty() ? null : entries.get(0);
  }

  private String text(Node node, String field) {
    return scalarText(node, field, "a string");
  }

  /** A non-null scalar's text, whatever YAML type it resolved to. */
  private String scalarText(Node node, String field, String expected) {
    if (!(node instanceof ScalarNode scalar) || isNull(node)) {
      problem(node, field, DataErrors.wrongType(expected, node));
      return null;
    }
    if (!SCALAR_TAGS.contains(scalar.getTag())) {
      problem(node, field, DataErrors.tagNotAllowed(scalar.getTag().toString()));
      return null;
    }
    return scalar.getValue();
  }

  private Long integer(Node node, String field) {
    if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.INT)) {
      problem(node, field, DataErrors.wrongType("a whole number", node));
      return null;
    }
    String digits = scalar.getValue().replace("_", "");
    boolean negative = digits.startsWith("-");
    String unsigned = digits.replaceFirst("^[-+]", "");
    if (!unsigned.matches("[0-9]{1,18}")) {
      problem(node, field, DataErrors.notDecimalInteger(scalar.getValue()));
      return null;
    }
    long value = Long.parseLong(unsigned);
    return negative ? -value : value;
  }

  private Boolean bool(Node node, String field) {
    if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.BOOL)) {
      problem(node, field, DataErrors.wrongType("true or false", node));
      return null;
    }
    String value = scalar.getValue().toLowerCase(Locale.ROOT);
    return value.equals("true") || value.equals("yes") || value.equals("on");
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /** Builds a record, turning its validation error into a problem at the node. */
  private <T> T build(Node node, String field, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      problem(node, field, e.getMessage());
      return null;
    }
  }

  /** All problems, in file order. */
  private ConfigException failure() {
    List<ConfigProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
    return new ConfigException(sorted);
  }

  private void problem(Node node, String field, String message) {
    Mark mark = node == null ? null : node.getStartMark();
    problems.add(
        new ConfigProblem(
            file,
            mark == null ? 0 : mark.getLine() + 1,
            mark == null ? 0 : mark.getColumn() + 1,
            field,
            message));
  }
}
