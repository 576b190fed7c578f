package io.mlops4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mlops4j.config.DeploymentConfig;
import io.mlops4j.config.TargetKind;
import io.mlops4j.release.AssetKind;
import io.mlops4j.release.AssetRef;
import io.mlops4j.release.BatchDeployment;
import io.mlops4j.release.BatchEndpoint;
import io.mlops4j.release.DataAsset;
import io.mlops4j.release.Environment;
import io.mlops4j.release.EnvironmentSpec;
import io.mlops4j.release.Job;
import io.mlops4j.release.Model;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the {@code mlops ws} commands show workspace objects: snake_case maps rendered as YAML (text)
 * or JSON ({@code --json}), and one-line summaries for tables.
 */
final class WsViews {
  private WsViews() {}

  /**
   * The reference pipelines use for an asset of the target: {@code azureml:NAME:VERSION} in a
   * workspace, {@code azureml://registries/...} in a registry; empty for a version Azure ML would
   * not accept (the local store admits a few, such as {@code 1.0.0+build}).
   */
  static String ref(WsOptions.Opened<?> at, AssetKind kind, String name, String version) {
    try {
      return (at.kind() == TargetKind.REGISTRY
              ? AssetRef.registry(at.name(), kind, name, version)
              : AssetRef.workspace(kind, name, version))
          .toString();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static Map<String, Object> model(WsOptions.Opened<?> at, Model m) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("target", at.name());
    view.put("name", m.name());
    view.put("version", m.version());
    view.put("ref", ref(at, AssetKind.MODEL, m.name(), Integer.toString(m.version())));
    view.put("description", m.description());
    view.put("tags", new TreeMap<>(m.tags()));
    view.put("properties", new TreeMap<>(m.properties()));
    view.put("artifact_digest", m.artifactDigest());
    view.put("artifact_size", m.artifactSize());
    view.put("archived", m.archived());
    view.put("source", m.source());
    view.put("created_at", m.createdAt().toString());
    return view;
  }

  static Map<String, Object> environment(WsOptions.Opened<?> at, Environment e) {
    EnvironmentSpec spec = e.spec();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("target", at.name());
    view.put("name", spec.name());
    view.put("version", spec.version());
    view.put("ref", ref(at, AssetKind.ENVIRONMENT, spec.name(), spec.version()));
    view.put("image", spec.image());
    view.put("build_context", spec.buildContext());
    view.put("conda_file", spec.condaFile());
    view.put("description", spec.description());
    view.put("tags", new TreeMap<>(spec.tags()));
    view.put("source", e.source());
    view.put("created_at", e.createdAt().toString());
    return view;
  }

  static Map<String, Object> dataAsset(WsOptions.Opened<?> at, DataAsset d) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("target", at.name());
    view.put("name", d.spec().name());
    view.put("version", d.spec().version());
    view.put("ref", ref(at, AssetKind.DATA, d.spec().name(), d.spec().version()));
    view.put("type", d.spec().type().name().toLowerCase(Locale.ROOT));
    view.put("path", d.spec().path());
    view.put("description", d.spec().description());
    view.put("tags", new TreeMap<>(d.spec().tags()));
    view.put("source", d.source());
    view.put("created_at", d.createdAt().toString());
    return view;
  }

  static Map<String, Object> endpoint(String target, BatchEndpoint e) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("target", target);
    view.put("name", e.spec().name());
    view.put("description", e.spec().description());
    view.put("tags", new TreeMap<>(e.spec().tags()));
    view.put("default_deployment", e.defaultDeployment());
    view.put("created_at", e.createdAt().toString());
    view.put("updated_at", e.updatedAt().toString());
    return view;
  }

  static Map<String, Object> deployment(String target, BatchDeployment d) {
    DeploymentConfig s = d.spec().settings();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("compute_instance_type", s.computeInstanceType());
    settings.put("mini_batch_size", s.miniBatchSize());
    settings.put("instance_count", s.instanceCount());
    settings.put("max_concurrency_per_instance", s.maxConcurrencyPerInstance());
    settings.put("error_threshold", s.errorThreshold());
    settings.put("retry_max", s.retryMax());
    settings.put("timeout", s.timeoutSeconds());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("target", target);
    view.put("endpoint", d.spec().endpoint());
    view.put("name", d.spec().name());
    view.put("model", d.spec().model().toString());
    view.put("environment", d.spec().environment().toString());
    view.put("settings", settings);
    view.put("environment_variables", new TreeMap<>(d.spec().environmentVariables()));
    view.put("tags", new TreeMap<>(d.spec().tags()));
    view.put("created_at", d.createdAt().toString());
    view.put("updated_at", d.updatedAt().toString());
    return view;
  }

  static Map<String, Object> job(String target, Job j) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("target", target);
    view.put("id", j.id());
    view.put("endpoint", j.endpoint());
    view.put("deployment", j.deployment());
    view.put("status", j.status().name());
    view.put("exit_code", j.exitCode());
    view.put("error", j.error());
    view.put("input", j.inputs().input());
    view.put("values", new TreeMap<>(j.inputs().values()));
    view.put("created_at", j.createdAt().toString());
    view.put("ended_at", j.endedAt().equals(Instant.EPOCH) ? null : j.endedAt().toString());
    return view;
  }

  /** Prints a view as JSON or YAML. */
  static void print(PrintWriter out, Object view, boolean json) {
    out.print(json ? Json.pretty(view) + "\n" : yaml(view));
    out.flush();
  }

  /** Prints a list as a JSON array, or as a table (or a "no ..." line when empty). */
  static void printList(
      PrintWriter out, boolean json, List<Map<String, Object>> views, Table table, String none) {
    if (json) {
      out.println(Json.pretty(views));
    } else if (views.isEmpty()) {
      out.println(none);
    } else {
      table.print(out);
    }
    out.flush();
  }

  /** A timestamp for a table cell: UTC, to the second. */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String tags(Map<String, String> tags) {
    return new TreeMap<>(tags)
        .entrySet().stream()
            .map(e -> printable(e.getKey()) + "=" + printable(e.getValue()))
            .collect(Collectors.joining(","));
  }

  /** Replaces control characters so user data cannot break a table row. */
  static String printable(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }

  private static String yaml(Object view) {
    try {
      return new YAMLMapper()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render YAML output", e);
    }
  }
}
