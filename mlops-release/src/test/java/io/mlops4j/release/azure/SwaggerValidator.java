package io.mlops4j.release.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates JSON against the Azure ML swagger (OpenAPI 2.0) files: finds the operation of a request
 * by method and path, and checks request bodies, path parameters and response bodies against its
 * schemas. Handles cross-file {@code $ref}s, {@code allOf} inheritance, {@code discriminator} with
 * {@code x-ms-discriminator-value}, {@code readOnly} (rejected in requests), {@code x-nullable},
 * {@code additionalProperties}, patterns, formats and enums (extensible {@code x-ms-enum
 * modelAsString} enums are open strings, per the fixtures' README caveat 2).
 */
final class SwaggerValidator {
  /** Requests must not carry read-only properties; responses must carry required ones. */
  enum Mode {
    REQUEST,
    RESPONSE
  }

  /** An operation of the swagger. */
  record Operation(
      String id,
      String method,
      Pattern path,
      List<String> pathParams,
      Path file,
      JsonNode node,
      JsonNode pathItem) {}

  private record Located(Path file, JsonNode node, String name) {}

  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<Path, JsonNode> docs = new ConcurrentHashMap<>();
  private final List<Operation> operations = new ArrayList<>();

  /**
   * Loads the operations of the given swagger files.
   *
   * @param files swagger files whose paths are served (mfe.json, registries.json)
   */
  SwaggerValidator(List<Path> files) {
    for (Path file : files) {
      JsonNode doc = doc(file);
      Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
      while (paths.hasNext()) {
        Map.Entry<String, JsonNode> p = paths.next();
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(p.getKey());
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
          regex.append(Pattern.quote(p.getKey().substring(last, m.start()))).append("([^/]+)");
          names.add(m.group(1));
          last = m.end();
        }
        regex.append(Pattern.quote(p.getKey().substring(last)));
        Pattern pattern = Pattern.compile(regex.toString());
        p.getValue()
            .fields()
            .forEachRemaining(
                op -> {
                  if (!op.getKey().equals("parameters")) {
                    operations.add(
                        new Operation(
                            op.getValue().path("operationId").asText(),
                            op.getKey().toUpperCase(java.util.Locale.ROOT),
                            pattern,
                            names,
                            file,
                            op.getValue(),
                            p.getValue()));
                  }
                });
      }
    }
  }

  /** The swagger files of api-version 2024-10-01 under the shared fixtures folder. */
  static SwaggerValidator forAzureMl(Path azureMlRest) {
    Path dir =
        azureMlRest.resolve(
            "swagger/specification/machinelearningservices/resource-manager/"
                + "Microsoft.MachineLearningServices/stable/2024-10-01");
    return new SwaggerValidator(List.of(dir.resolve("mfe.json"), dir.resolve("registries.json")));
  }

  /** The operation a request is for, with its path parameters. */
  Optional<Map.Entry<Operation, Map<String, String>>> find(String method, String path) {
    for (Operation op : operations) {
      if (!op.method().equals(method)) {
        continue;
      }
      Matcher m = op.path().matcher(path);
      if (m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < op.pathParams().size(); i++) {
          params.put(
              op.pathParams().get(i),
              java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Optional.of(Map.entry(op, params));
      }
    }
    return Optional.empty();
  }

  /** Checks a request: its path parameters' patterns and its body against the body parameter. */
  List<String> validateRequest(Operation op, Map<String, String> pathParams, JsonNode body) {
    List<String> errors = new ArrayList<>();
    JsonNode bodySchema = null;
    Path bodyFile = op.file();
    for (Located param : parameters(op)) {
      JsonNode p = param.node();
      String in = p.path("in").asText();
      if (in.equals("path") && pathParams.containsKey(p.path("name").asText())) {
        String value = pathParams.get(p.path("name").asText());
        if (p.has("pattern") && !Pattern.compile(p.get("pattern").asText()).matcher(value).find()) {
          errors.add(
              op.id()
                  + " path parameter "
                  + p.path("name").asText()
                  + "='"
                  + value
                  + "' does not match "
                  + p.get("pattern").asText());
        }
      }
      if (in.equals("body")) {
        bodySchema = p.path("schema");
        bodyFile = param.file();
        if (p.path("required").asBoolean(false) && (body == null || body.isMissingNode())) {
          errors.add(op.id() + ": required body is missing");
        }
      }
    }
    if (bodySchema != null && body != null && !body.isMissingNode()) {
      validate(bodyFile, bodySchema, body, op.id() + " request body", Mode.REQUEST, errors);
    } else if (bodySchema == null && body != null && !body.isMissingNode() && !body.isNull()) {
      errors.add(op.id() + ": takes no body but one was sent");
    }
    return errors;
  }

  /** Checks a response body against the schema the operation declares for its status. */
  List<String> validateResponse(Operation op, int status, JsonNode body) {
    List<String> errors = new ArrayList<>();
    JsonNode responses = op.node().path("responses");
    JsonNode response = responses.path(Integer.toString(status));
    if (response.isMissingNode()) {
      if (status < 400) {
        errors.add(op.id() + ": status " + status + " is not declared");
        return errors;
      }
      response = responses.path("default");
    }
    JsonNode schema = response.path("schema");
    if (schema.isMissingNode()) {
      if (body != null && !body.isMissingNode() && !body.isNull()) {
        errors.add(op.id() + ": status " + status + " declares no body but one was returned");
      }
      return errors;
    }
    validate(op.file(), schema, body, op.id() + " response " + status, Mode.RESPONSE, errors);
    return errors;
  }

  /** Checks a value against a schema of a file, adding one message per violation. */
  void validate(
      Path file, JsonNode schema, JsonNode value, String where, Mode mode, List<String> errors) {
    validate(file, schema, value, where, mode, errors, true);
  }

  private void validate(
      Path file,
      JsonNode schema,
      JsonNode value,
      String where,
      Mode mode,
      List<String> errors,
      boolean dispatch) {
    if (value == null || value.isMissingNode()) {
      errors.add(where + ": missing");
      return;
    }
    if (value.isNull()) {
      if (!schema.path("x-nullable").asBoolean(false)
          && !resolve(file, schema).node().path("x-nullable").asBoolean(false)) {
        errors.add(where + ": null is not allowed (no x-nullable)");
      }
      return;
    }
    Located s = resolve(file, schema);
    JsonNode node = s.node();
    String type = node.path("type").asText("");
    if (type.isEmpty()
        && (node.has("properties") || node.has("allOf") || node.has("additionalProperties"))) {
      type = "object";
    }
    switch (type) {
      case "object" -> validateObject(s, value, where, mode, errors, dispatch);
      case "array" -> {
        if (!value.isArray()) {
          errors.add(where + ": expected an array, got " + value.getNodeType());
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          validate(
              s.file(),
              node.path("items"),
              value.get(i),
              where + "[" + i + "]",
              mode,
              errors,
              true);
        }
      }
      case "string" -> validateString(node, value, where, errors);
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          errors.add(where + ": expected an integer, got " + value);
          return;
        }
        if ("int32".equals(node.path("format").asText())
            && (value.asLong() > Integer.MAX_VALUE || value.asLong() < Integer.MIN_VALUE)) {
          errors.add(where + ": " + value + " is outside int32");
        }
        checkRange(node, value, where, errors);
      }
      case "number" -> {
        if (!value.isNumber()) {
          errors.add(where + ": expected a number, got " + value);
          return;
        }
        checkRange(node, value, where, errors);
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          errors.add(where + ": expected a boolean, got " + value);
        }
      }
      default -> {
        // no type: any value
      }
    }
  }

  private static void checkRange(JsonNode node, JsonNode value, String where, List<String> errors) {
    if (node.has("minimum") && value.asDouble() < node.get("minimum").asDouble()) {
      errors.add(where + ": " + value + " is below the minimum " + node.get("minimum"));
    }
    if (node.has("maximum") && value.asDouble() > node.get("maximum").asDouble()) {
      errors.add(where + ": " + value + " is above the maximum " + node.get("maximum"));
    }
  }

  private static void validateString(
      JsonNode node, JsonNode value, String where, List<String> errors) {
    if (!value.isTextual()) {
      errors.add(where + ": expected a string, got " + value.getNodeType());
      return;
    }
    String text = value.asText();
    if (node.has("enum") && !node.path("x-ms-enum").path("modelAsString").asBoolean(false)) {
      boolean found = false;
      for (JsonNode e : node.get("enum")) {
        found |= e.asText().equals(text);
      }
      if (!found) {
        errors.add(where + ": '" + text + "' is not one of " + node.get("enum"));
      }
    }
    if (node.has("pattern")
        && !Pattern.compile(node.get("pattern").asText()).matcher(text).find()) {
      errors.add(where + ": '" + text + "' does not match " + node.get("pattern").asText());
    }
    if (node.has("minLength") && text.length() < node.get("minLength").asInt()) {
      errors.add(where + ": shorter than " + node.get("minLength").asInt());
    }
    if (node.has("maxLength") && text.length() > node.get("maxLength").asInt()) {
      errors.add(where + ": longer than " + node.get("maxLength").asInt());
    }
    try {
      switch (node.path("format").asText("")) {
        case "date-time" -> OffsetDateTime.parse(text);
        case "duration" -> Duration.parse(text);
        case "uuid" -> UUID.fromString(text);
        default -> {
          // other formats are not checked
        }
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      errors.add(where + ": '" + text + "' is not a valid " + node.path("format").asText());
    }
  }

  /** The properties, required names and additionalProperties of a schema with its allOf parents. */
  private static final class Effective {
    final Map<String, Located> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    Located additional;
    boolean closed;
    String discriminator;
    Located discriminatorBase;
  }

  private void collect(Located s, Effective acc, Set<String> seen) {
    if (!seen.add(s.file() + "#" + System.identityHashCode(s.node()))) {
      return;
    }
    for (JsonNode parent : s.node().path("allOf")) {
      collect(resolve(s.file(), parent), acc, seen);
    }
    s.node()
        .path("properties")
        .fields()
        .forEachRemaining(
            p -> acc.properties.put(p.getKey(), new Located(s.file(), p.getValue(), p.getKey())));
    s.node().path("required").forEach(r -> acc.required.add(r.asText()));
    JsonNode additional = s.node().get("additionalProperties");
    if (additional != null) {
      if (additional.isBoolean()) {
        acc.closed = !additional.asBoolean();
        acc.additional = null;
      } else {
        acc.closed = false;
        acc.additional = new Located(s.file(), additional, "");
      }
    }
    if (s.node().has("discriminator") && acc.discriminator == null) {
      acc.discriminator = s.node().get("discriminator").asText();
      acc.discriminatorBase = s;
    }
  }

  private void validateObject(
      Located s, JsonNode value, String where, Mode mode, List<String> errors, boolean dispatch) {
    if (!value.isObject()) {
      errors.add(where + ": expected an object, got " + value.getNodeType());
      return;
    }
    Effective acc = new Effective();
    collect(s, acc, new java.util.HashSet<>());
    if (dispatch && acc.discriminator != null && value.has(acc.discriminator)) {
      String kind = value.get(acc.discriminator).asText();
      Optional<Located> sub = subtype(acc.discriminatorBase, kind);
      if (sub.isEmpty()) {
        errors.add(
            where
                + ": no sub-type of "
                + acc.discriminatorBase.name()
                + " for "
                + acc.discriminator
                + "='"
                + kind
                + "'");
        return;
      }
      if (sub.get().node() != s.node()) {
        validate(
            sub.get().file(),
            sub.get().node(),
            value,
            where + "<" + kind + ">",
            mode,
            errors,
            false);
        return;
      }
    }
    for (String r : acc.required) {
      Located p = acc.properties.get(r);
      boolean readOnly = p != null && isReadOnly(p);
      if (!value.has(r) && !(mode == Mode.REQUEST && readOnly)) {
        errors.add(where + ": required property '" + r + "' is missing");
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      Located p = acc.properties.get(f.getKey());
      String at = where + "." + f.getKey();
      if (p != null) {
        if (mode == Mode.REQUEST && isReadOnly(p)) {
          errors.add(at + ": read-only property sent in a request");
        }
        validate(p.file(), p.node(), f.getValue(), at, mode, errors, true);
      } else if (acc.additional != null) {
        validate(
            acc.additional.file(), acc.additional.node(), f.getValue(), at, mode, errors, true);
      } else if (acc.closed) {
        errors.add(at + ": unknown property (additionalProperties: false)");
      }
    }
  }

  private boolean isReadOnly(Located p) {
    return p.node().path("readOnly").asBoolean(false)
        || resolve(p.file(), p.node()).node().path("readOnly").asBoolean(false);
  }

  private final Map<String, Optional<Located>> subtypes = new ConcurrentHashMap<>();

  private Optional<Located> subtype(Located base, String value) {
    return subtypes.computeIfAbsent(
        base.file() + "#" + base.name() + "=" + value,
        k -> {
          JsonNode defs = doc(base.file()).path("definitions");
          if (value.equals(base.node().path("x-ms-discriminator-value").asText(base.name()))) {
            return Optional.of(base);
          }
          Iterator<Map.Entry<String, JsonNode>> it = defs.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> d = it.next();
            String discriminatorValue =
                d.getValue().path("x-ms-discriminator-value").asText(d.getKey());
            if (discriminatorValue.equals(value)
                && inherits(new Located(base.file(), d.getValue(), d.getKey()), base, 0)) {
              return Optional.of(new Located(base.file(), d.getValue(), d.getKey()));
            }
          }
          return Optional.empty();
        });
  }

  private boolean inherits(Located def, Located base, int depth) {
    if (depth > 10) {
      return false;
    }
    for (JsonNode parent : def.node().path("allOf")) {
      Located p = resolve(def.file(), parent);
      if (p.node() == base.node() || inherits(p, base, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private List<Located> parameters(Operation op) {
    List<Located> out = new ArrayList<>();
    for (JsonNode p : op.pathItem().path("parameters")) {
      out.add(resolve(op.file(), p));
    }
    for (JsonNode p : op.node().path("parameters")) {
      out.add(resolve(op.file(), p));
    }
    return out;
  }

  /** Follows {@code $ref}s (within and across files) to the schema they name. */
  private Located resolve(Path file, JsonNode schema) {
    Located current = new Located(file, schema, "");
    for (int i = 0; i < 20 && current.node().has("$ref"); i++) {
      String ref = current.node().get("$ref").asText();
      int hash = ref.indexOf('#');
      Path target =
          hash == 0
              ? current.file()
              : current.file().getParent().resolve(ref.substring(0, hash)).normalize();
      JsonNode node = doc(target);
      String pointer = ref.substring(hash + 1);
      node = node.at(pointer);
      if (node.isMissingNode()) {
        throw new IllegalStateException("unresolved $ref " + ref + " in " + current.file());
      }
      current = new Located(target, node, pointer.substring(pointer.lastIndexOf('/') + 1));
    }
    return current;
  }

  private JsonNode doc(Path file) {
    return docs.computeIfAbsent(
        file.toAbsolutePath().normalize(),
        f -> {
          try {
            return mapper.readTree(Files.readString(f));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Resolves a definition by name in the main file, for tests. */
  Map.Entry<Path, JsonNode> definition(Path file, String name) {
    JsonNode node = doc(file).path("definitions").path(name);
    return new HashMap.SimpleEntry<>(file, node);
  }
}
