package io.mlops4j.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The targets of {@code workspaces.yml}: logical names mapped to the local store or Azure ML.
 *
 * @param targets every target by logical name
 */
public record TargetsConfig(Map<String, Target> targets) {
  /** Copies the map. */
  public TargetsConfig {
    targets = Map.copyOf(targets);
  }

  /**
   * Returns the zero-config default: workspaces {@code dev}, {@code test}, {@code prod} and the
   * registry {@code shared}, all in the embedded local store.
   *
   * @return the local defaults
   */
  public static TargetsConfig localDefaults() {
    Map<String, Target> targets = new TreeMap<>();
    for (String name : List.of("dev", "test", "prod")) {
      targets.put(name, Target.local(name, TargetKind.WORKSPACE));
    }
    targets.put("shared", Target.local("shared", TargetKind.REGISTRY));
    return new TargetsConfig(targets);
  }

  /**
   * Returns a target by name and kind.
   *
   * @param name the logical name
   * @param kind the kind expected
   * @return the target
   * @throws ConfigException if there is no such target of that kind
   */
  public Target get(String name, TargetKind kind) {
    Target target = targets.get(name);
    if (target == null || target.kind() != kind) {
      String known =
          targets.values().stream()
              .filter(t -> t.kind() == kind)
              .map(Target::name)
              .sorted()
              .collect(Collectors.joining(", "));
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  "targets",
                  0,
                  0,
                  "",
                  "no "
                      + kind.name().toLowerCase(java.util.Locale.ROOT)
                      + " target named '"
                      + io.mlops4j.config.internal.Text.printable(name)
                      + "'; known: "
                      + known)));
    }
    return target;
  }
}
