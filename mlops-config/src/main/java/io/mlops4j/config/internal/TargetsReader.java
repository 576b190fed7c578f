package io.mlops4j.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops4j.config.AzureLocation;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.config.Target;
import io.mlops4j.config.TargetKind;
import io.mlops4j.config.TargetsConfig;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads {@code workspaces.yml}, rejecting anything that looks like a secret. */
public final class TargetsReader {
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(secret|password|passwd|token|key|sas|connection_string|credential).*");

  private final SchemaCheck schema =
      new SchemaCheck("/io/mlops4j/config/schema/workspaces.schema.json");

  /**
   * Parses and validates the targets file.
   *
   * @param file the file name shown in problems
   * @param content the file's bytes
   * @param problems receives every problem
   * @return the targets, or null when there were problems
   */
  public TargetsConfig read(String file, byte[] content, List<ConfigProblem> problems) {
    int before = problems.size();
    YamlDocument doc = SafeYaml.parse(file, content, problems);
    if (doc == null) {
      return null;
    }
    if (!doc.root().isObject()) {
      problems.add(
          new ConfigProblem(file, 1, 1, "", "expected a mapping with workspaces and registries"));
      return null;
    }
    rejectSecrets(doc, doc.root(), "", problems);
    if (problems.size() != before) {
      return null; // do not echo a secret's neighbours through schema messages
    }
    schema.check(doc, problems);
    Map<String, Target> targets = new TreeMap<>();
    read(doc, "workspaces", TargetKind.WORKSPACE, "workspace_name", targets, problems);
    read(doc, "registries", TargetKind.REGISTRY, "registry_name", targets, problems);
    return problems.size() == before ? new TargetsConfig(targets) : null;
  }

  private static void read(
      YamlDocument doc,
      String section,
      TargetKind kind,
      String nameKey,
      Map<String, Target> targets,
      List<ConfigProblem> problems) {
    JsonNode entries = doc.root().path(section);
    for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String field = FieldPaths.child(section, entry.getKey());
      JsonNode node = entry.getValue();
      if (targets.containsKey(entry.getKey())) {
        Position at = doc.keyAt(field);
        problems.add(
            new ConfigProblem(
                doc.file(),
                at.line(),
                at.column(),
                field,
                "target name '"
                    + entry.getKey()
                    + "' is used by a workspace and a registry; names must be unique"));
        continue;
      }
      if (node.path("backend").asText().equals("azure")) {
        for (String required : List.of("subscription_id", "resource_group", nameKey)) {
          if (!node.has(required)) {
            Position at = doc.keyAt(field);
            problems.add(
                new ConfigProblem(
                    doc.file(),
                    at.line(),
                    at.column(),
                    FieldPaths.child(field, required),
                    "required key '"
                        + required
                        + "' is missing; an azure target needs"
                        + " subscription_id, resource_group and "
                        + nameKey));
          }
        }
        targets.put(
            entry.getKey(),
            new Target(
                entry.getKey(),
                kind,
                new AzureLocation(
                    node.path("subscription_id").asText(),
                    node.path("resource_group").asText(),
                    node.path(nameKey).asText(),
                    node.path("region").asText(""))));
      } else {
        targets.put(entry.getKey(), Target.local(entry.getKey(), kind));
      }
    }
  }

  private static void rejectSecrets(
      YamlDocument doc, JsonNode node, String field, List<ConfigProblem> problems) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String child = FieldPaths.child(field, entry.getKey());
      if (SECRET_KEY.matcher(entry.getKey()).matches()) {
        Position at = doc.keyAt(child);
        problems.add(
            new ConfigProblem(
                doc.file(),
                at.line(),
                at.column(),
                child,
                "secrets never go in workspaces.yml; remove this key (its value is not shown) and let"
                    + " azure-identity find credentials (environment variables, managed identity,"
                    + " workload identity or the Azure CLI login)"));
      } else if (entry.getValue().isObject()) {
        rejectSecrets(doc, entry.getValue(), child, problems);
      }
    }
  }
}
