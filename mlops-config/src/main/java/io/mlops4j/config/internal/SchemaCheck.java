package io.mlops4j.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mlops4j.config.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates a {@link YamlDocument} against one of the published JSON schemas. */
public final class SchemaCheck {
  /** Resource path of the circuit schema. */
  public static final String CIRCUIT_SCHEMA = "/io/mlops4j/config/schema/circuit.schema.json";

  /** Resource path of the master-list schema. */
  public static final String MASTER_SCHEMA =
      "/io/mlops4j/config/schema/plants-circuits.schema.json";

  private final JsonNode schemaJson;
  private final JsonSchema schema;

  /**
   * Loads a schema from the classpath.
   *
   * @param resource the schema's resource path
   */
  public SchemaCheck(String resource) {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + resource + " is missing from the jar");
      }
      this.schemaJson = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(schemaJson, config);
  }

  /**
   * Validates a document and appends one problem per violation.
   *
   * @param doc the document
   * @param problems receives the problems
   * @return true if the document is valid
   */
  public boolean check(YamlDocument doc, List<ConfigProblem> problems) {
    int before = problems.size();
    // One problem per field: a value of the wrong type would otherwise also fail its other rules.
    Map<String, ConfigProblem> byField = new LinkedHashMap<>();
    for (ValidationMessage message : schema.validate(doc.root())) {
      ConfigProblem problem = toProblem(doc, message);
      byField.merge(problem.field(), problem, (first, second) -> first);
    }
    problems.addAll(byField.values());
    return problems.size() == before;
  }

  private ConfigProblem toProblem(YamlDocument doc, ValidationMessage message) {
    String instance = fieldPath(message.getInstanceLocation());
    JsonNode keywordParent = schemaParent(message);
    JsonNode actual = doc.at(instance);
    String name = FieldPaths.leaf(instance);
    String field = instance;
    Position at = doc.valueAt(instance);
    String text;
    switch (message.getType()) {
      case "required" -> {
        String key = message.getProperty();
        field = FieldPaths.child(instance, key);
        at = instance.isEmpty() ? Position.START : doc.keyAt(instance);
        text =
            ConfigErrors.missingKey(key, description(keywordParent.path("properties").path(key)));
      }
      case "additionalProperties" -> {
        String key = message.getProperty();
        field = FieldPaths.child(instance, key);
        at = doc.keyAt(field);
        List<String> valid = new ArrayList<>();
        keywordParent.path("properties").fieldNames().forEachRemaining(valid::add);
        text = ConfigErrors.unknownKey(key, valid);
      }
      case "type" ->
          text =
              ConfigErrors.wrongType(
                  doc.shown(instance),
                  actual,
                  doc.plainScalars().get(instance),
                  keywordParent.path("type").asText());
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
          text = ConfigErrors.outOfRange(doc.shown(instance), name, keywordParent);
      case "pattern" ->
          text = ConfigErrors.badPattern(doc.shown(instance), description(keywordParent));
      case "minItems" -> text = ConfigErrors.tooFewItems(keywordParent.path("minItems").asInt());
      case "uniqueItems" -> text = ConfigErrors.duplicateItems(duplicates(actual));
      case "minLength" -> text = ConfigErrors.emptyString();
      case "maxLength" -> text = ConfigErrors.tooLong(keywordParent.path("maxLength").asInt());
      default -> text = message.getMessage().replaceFirst("^\\S+: ", "");
    }
    return new ConfigProblem(doc.file(), at.line(), at.column(), field, text);
  }

  private static String description(JsonNode schemaNode) {
    return schemaNode.path("description").asText("");
  }

  private static List<String> duplicates(JsonNode array) {
    List<String> seen = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    array.forEach(
        item -> {
          String text = ConfigErrors.describe(item);
          if (seen.contains(text) && !repeated.contains(text)) {
            repeated.add(text);
          }
          seen.add(text);
        });
    return repeated;
  }

  /** The schema object holding the keyword that failed, e.g. the {@code dropout} property. */
  private JsonNode schemaParent(ValidationMessage message) {
    JsonNodePath fragment = message.getSchemaLocation().getFragment();
    JsonNode node = schemaJson;
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
    }
    return node;
  }

  private static String fieldPath(JsonNodePath path) {
    String field = "";
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      field =
          element instanceof Integer index
              ? FieldPaths.index(field, index)
              : FieldPaths.child(field, element.toString());
    }
    return field;
  }
}
