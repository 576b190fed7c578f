package io.mlops4j.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops4j.config.ConfigProblem;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Parses untrusted YAML into a {@link YamlDocument}: no custom tags, no duplicate keys, bounded
 * size, nesting, aliases and expanded node count (so an alias "billion laughs" cannot exhaust
 * memory).
 */
public final class SafeYaml {
  /** Largest accepted file, in bytes. */
  public static final int MAX_BYTES = 1 << 20;

  static final int MAX_ALIASES = 20;
  static final int MAX_DEPTH = 32;
  static final int MAX_NODES = 100_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

  private SafeYaml() {}

  /**
   * Parses one YAML document.
   *
   * @param file the file name shown in problems
   * @param content the file's bytes
   * @param problems receives syntax and safety problems
   * @return the document, or null when it could not be parsed (problems then holds why)
   */
  public static YamlDocument parse(String file, byte[] content, List<ConfigProblem> problems) {
    if (content.length > MAX_BYTES) {
      problems.add(
          new ConfigProblem(
              file,
              0,
              0,
              "",
              "file is "
                  + content.length
                  + " bytes; configuration files are limited to "
                  + MAX_BYTES
                  + " bytes"));
      return null;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowDuplicateKeys(false);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    Node node;
    try {
      List<Node> documents = new ArrayList<>();
      for (Node n : yaml.composeAll(new StringReader(text))) {
        documents.add(n);
        if (documents.size() > 1) {
          Mark m = n.getStartMark();
          problems.add(
              new ConfigProblem(
                  file,
                  m.getLine() + 1,
                  m.getColumn() + 1,
                  "",
                  "file holds more than one YAML document; expected exactly one"));
          return null;
        }
      }
      node = documents.isEmpty() ? null : documents.get(0);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(
          new ConfigProblem(
              file,
              m == null ? 0 : m.getLine() + 1,
              m == null ? 0 : m.getColumn() + 1,
              "",
              "invalid YAML: " + firstLine(e.getProblem()) + contextOf(e)));
      return null;
    } catch (YAMLException e) {
      problems.add(new ConfigProblem(file, 0, 0, "", "invalid YAML: " + firstLine(e.getMessage())));
      return null;
    }
    if (node == null) {
      problems.add(new ConfigProblem(file, 0, 0, "", "file is empty; expected a YAML mapping"));
      return null;
    }
    Converter converter = new Converter(file, problems);
    JsonNode root = converter.convert(node, "", 0);
    if (converter.aborted) {
      return null;
    }
    return new YamlDocument(file, root, converter.values, converter.keys, converter.plain);
  }

  private static String contextOf(MarkedYAMLException e) {
    return e.getContext() == null ? "" : " (" + firstLine(e.getContext()) + ")";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Position position(Node node) {
    Mark m = node.getStartMark();
    return new Position(m.getLine() + 1, m.getColumn() + 1);
  }

  /** Walks the node graph once; aliases are expanded, so the walk counts nodes. */
  private static final class Converter {
    private final String file;
    private final List<ConfigProblem> problems;
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, String> plain = new HashMap<>();
    private int nodes;
    private boolean aborted;

    Converter(String file, List<ConfigProblem> problems) {
      this.file = file;
      this.problems = problems;
    }

    JsonNode convert(Node node, String field, int depth) {
      if (aborted) {
        return JSON.nullNode();
      }
      if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
        Position p = position(node);
        problems.add(
            new ConfigProblem(
                file,
                p.line(),
                p.column(),
                field,
                "document expands to more than "
                    + MAX_NODES
                    + " nodes or "
                    + MAX_DEPTH
                    + " levels (aliases expanded); configuration files must be small and flat"));
        aborted = true;
        return JSON.nullNode();
      }
      values.putIfAbsent(field, position(node));
      if (node instanceof MappingNode mapping) {
        if (!mapping.getTag().equals(Tag.MAP)) {
          rejectTag(node, field);
        }
        return mapping(mapping, field, depth);
      }
      if (node instanceof SequenceNode sequence) {
        if (!sequence.getTag().equals(Tag.SEQ)) {
          rejectTag(node, field);
        }
        ArrayNode array = JSON.arrayNode();
        int i = 0;
        for (Node item : sequence.getValue()) {
          array.add(convert(item, FieldPaths.index(field, i++), depth + 1));
        }
        return array;
      }
      return scalar((ScalarNode) node, field);
    }

    private JsonNode mapping(MappingNode mapping, String field, int depth) {
      ObjectNode object = JSON.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        Position keyPos = position(keyNode);
        if (!(keyNode instanceof ScalarNode scalarKey) || keyNode.getTag() == Tag.MERGE) {
          problems.add(
              new ConfigProblem(
                  file,
                  keyPos.line(),
                  keyPos.column(),
                  field,
                  "keys must be plain strings; merge keys (<<) and complex keys are not supported"));
          continue;
        }
        String key = scalarKey.getValue();
        String child = FieldPaths.child(field, key);
        if (object.has(key)) {
          problems.add(
              new ConfigProblem(
                  file,
                  keyPos.line(),
                  keyPos.column(),
                  child,
                  "duplicate key '"
                      + key
                      + "'; first defined at line "
                      + keys.get(child).line()
                      + "; each key may appear once"));
          continue;
        }
        keys.put(child, keyPos);
        object.set(key, convert(tuple.getValueNode(), child, depth + 1));
      }
      return object;
    }

    private void rejectTag(Node node, String field) {
      Position p = position(node);
      problems.add(
          new ConfigProblem(
              file,
              p.line(),
              p.column(),
              field,
              "YAML tag "
                  + node.getTag()
                  + " is not allowed; use plain mappings, lists, strings, numbers and booleans"));
    }

    private JsonNode scalar(ScalarNode scalar, String field) {
      Tag tag = scalar.getTag();
      String value = scalar.getValue();
      if (!SCALAR_TAGS.contains(tag)) {
        rejectTag(scalar, field);
        return JSON.textNode(value);
      }
      if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
        plain.putIfAbsent(field, value);
      }
      if (tag.equals(Tag.INT)) {
        return integer(value);
      }
      if (tag.equals(Tag.FLOAT)) {
        String v = value.replace("_", "");
        if (v.toLowerCase().contains("inf") || v.toLowerCase().contains("nan")) {
          return JSON.textNode(value);
        }
        return JSON.numberNode(Double.parseDouble(v));
      }
      if (tag.equals(Tag.BOOL)) {
        return JSON.booleanNode(Set.of("yes", "true", "on").contains(value.toLowerCase()));
      }
      if (tag.equals(Tag.NULL)) {
        return JSON.nullNode();
      }
      // Strings, and timestamps such as an unquoted 2025-12-09, stay text.
      return JSON.textNode(value);
    }

    private JsonNode integer(String value) {
      String v = value.replace("_", "");
      boolean negative = v.startsWith("-");
      String digits = v.replaceFirst("^[-+]", "");
      BigInteger n;
      if (digits.startsWith("0x")) {
        n = new BigInteger(digits.substring(2), 16);
      } else if (digits.startsWith("0b")) {
        n = new BigInteger(digits.substring(2), 2);
      } else if (digits.length() > 1 && digits.startsWith("0") && digits.matches("[0-7]+")) {
        n = new BigInteger(digits.substring(1), 8);
      } else if (digits.matches("[0-9]+")) {
        n = new BigInteger(digits);
      } else {
        return JSON.textNode(value); // sexagesimal and other YAML 1.1 oddities: let the schema say
      }
      n = negative ? n.negate() : n;
      return n.bitLength() < 64 ? JSON.numberNode(n.longValue()) : JSON.numberNode(n);
    }
  }
}
