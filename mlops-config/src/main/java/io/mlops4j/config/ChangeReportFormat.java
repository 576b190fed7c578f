package io.mlops4j.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a {@link ChangeSet} is printed for pipelines and people. */
public enum ChangeReportFormat {
  /**
   * The whole change set as JSON: {@code {"base", "head", "circuits": [{plant_id, circuit_id,
   * cutoff_date, config_path, change, changed_sections}], "deleted", "unchanged", "shared_changes",
   * "affects_all_circuits"}}.
   */
  JSON,
  /**
   * An Azure DevOps matrix object: {@code {"P001_C001": {"plant_id": ..., "circuit_id": ...,
   * "cutoff_date": ..., "config_path": ..., "change": ...}}}, one entry per circuit to train; keys
   * are valid Azure Pipelines job names ('-' becomes '_', a leading digit gets a {@code c_}).
   */
  MATRIX,
  /**
   * Azure DevOps logging commands setting output variables {@code circuits} (the matrix, one line)
   * and {@code circuit_count}; reference them as {@code
   * dependencies.<job>.outputs['<step>.circuits']}.
   */
  VSO;

  /**
   * Renders a change set.
   *
   * @param changes the change set
   * @return the text, ending with a newline
   */
  public String render(ChangeSet changes) {
    return switch (this) {
      case JSON -> write(report(changes), true) + "\n";
      case MATRIX -> write(matrix(changes), true) + "\n";
      case VSO ->
          "##vso[task.setvariable variable=circuits;isOutput=true]"
              + write(matrix(changes), false)
              + "\n##vso[task.setvariable variable=circuit_count;isOutput=true]"
              + changes.toTrain().size()
              + "\n";
    };
  }

  private static Map<String, Object> report(ChangeSet changes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("base", changes.base());
    out.put("head", changes.head());
    out.put(
        "circuits",
        changes.toTrain().stream()
            .map(
                c -> {
                  Map<String, Object> entry = entry(c);
                  entry.put("changed_sections", c.changedSections());
                  return entry;
                })
            .toList());
    out.put(
        "deleted",
        changes.deleted().stream()
            .map(
                d -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("plant_id", d.ref().plant().value());
                  entry.put("circuit_id", d.ref().circuit().value());
                  entry.put("config_path", d.configPath());
                  return entry;
                })
            .toList());
    out.put("unchanged", changes.unchanged().stream().map(CircuitRef::toString).toList());
    out.put(
        "shared_changes",
        changes.shared().stream()
            .map(
                s -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("path", s.path());
                  entry.put("status", String.valueOf(s.status()));
                  entry.put("reason", s.reason());
                  return entry;
                })
            .toList());
    out.put("affects_all_circuits", changes.affectsAllCircuits());
    return out;
  }

  private static Map<String, Object> matrix(ChangeSet changes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CircuitChange c : changes.toTrain()) {
      String key = matrixKey(c.ref());
      if (out.put(key, entry(c)) != null) {
        throw new MlopsException(
            "two circuits map to the Azure Pipelines matrix key '"
                + key
                + "' (the second is "
                + c.ref()
                + "); rename one so their ids differ by more than '-' and '_'");
      }
    }
    return out;
  }

  /**
   * Azure Pipelines matrix names allow letters, digits and '_' and start with a letter: {@code
   * P001/C001} becomes {@code P001_C001}, {@code P-01/C-1} becomes {@code P_01_C_1} and {@code
   * 001/C001} becomes {@code c_001_C001}.
   */
  static String matrixKey(CircuitRef ref) {
    String key = ref.key().replace('-', '_');
    return Character.isLetter(key.charAt(0)) ? key : "c_" + key;
  }

  private static Map<String, Object> entry(CircuitChange c) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("plant_id", c.ref().plant().value());
    entry.put("circuit_id", c.ref().circuit().value());
    entry.put("cutoff_date", c.cutoffDate().toString());
    entry.put("config_path", c.configPath());
    entry.put("change", c.change().label());
    return entry;
  }

  private static String write(Object value, boolean pretty) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      if (pretty) {
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
      }
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render change report", e);
    }
  }
}
