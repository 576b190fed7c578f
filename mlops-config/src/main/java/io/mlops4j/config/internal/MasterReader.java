package io.mlops4j.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops4j.config.Circuit;
import io.mlops4j.config.CircuitId;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.config.NamingPolicy;
import io.mlops4j.config.Plant;
import io.mlops4j.config.PlantId;
import io.mlops4j.config.PlantsCircuits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks the master list beyond its schema and builds {@link PlantsCircuits}. */
public final class MasterReader {
  private final SchemaCheck schema = new SchemaCheck(SchemaCheck.MASTER_SCHEMA);

  /**
   * The master list with where each circuit is declared, for cross-file messages.
   *
   * @param master the parsed list
   * @param circuitPositions where each circuit's {@code circuit_id} value is
   * @param circuitFields the field path of each circuit's {@code circuit_id}
   */
  public record Result(
      PlantsCircuits master,
      Map<CircuitRef, Position> circuitPositions,
      Map<CircuitRef, String> circuitFields) {}

  /**
   * Parses and validates the master list.
   *
   * @param file the file name shown in problems
   * @param content the file's bytes
   * @param problems receives every problem found
   * @return the list, or null when there were problems
   */
  public Result read(String file, byte[] content, List<ConfigProblem> problems) {
    int before = problems.size();
    YamlDocument doc = SafeYaml.parse(file, content, problems);
    if (doc == null) {
      return null;
    }
    if (!doc.root().isObject()) {
      problems.add(new ConfigProblem(file, 1, 1, "", "expected a mapping with a 'plants' list"));
      return null;
    }
    schema.check(doc, problems);
    if (problems.size() != before) {
      return null;
    }
    List<Plant> plants = new ArrayList<>();
    Map<CircuitRef, Position> positions = new HashMap<>();
    Map<CircuitRef, String> fields = new HashMap<>();
    Map<String, Integer> plantLines = new HashMap<>();
    Map<String, String> plantsIgnoringCase = new HashMap<>();
    JsonNode plantNodes = doc.root().path("plants");
    for (int p = 0; p < plantNodes.size(); p++) {
      String plantField = FieldPaths.index("plants", p);
      String idField = FieldPaths.child(plantField, "plant_id");
      String plantId = plantNodes.get(p).path("plant_id").asText();
      if (!unique(doc, idField, "plant id", plantId, plantLines, plantsIgnoringCase, problems)) {
        continue;
      }
      PlantId plant = new PlantId(plantId);
      List<Circuit> circuits = new ArrayList<>();
      Map<String, Integer> circuitLines = new HashMap<>();
      Map<String, String> circuitsIgnoringCase = new HashMap<>();
      JsonNode circuitNodes = plantNodes.get(p).path("circuits");
      for (int c = 0; c < circuitNodes.size(); c++) {
        String cidField = FieldPaths.index(plantField + ".circuits", c) + ".circuit_id";
        String circuitId = circuitNodes.get(c).path("circuit_id").asText();
        if (!unique(
            doc, cidField, "circuit id", circuitId, circuitLines, circuitsIgnoringCase, problems)) {
          continue;
        }
        CircuitRef ref = new CircuitRef(plant, new CircuitId(circuitId));
        for (String naming : NamingPolicy.problems(ref)) {
          String field = naming.startsWith("plant id") ? idField : cidField;
          Position cat = doc.valueAt(field);
          ConfigProblem problem = new ConfigProblem(file, cat.line(), cat.column(), field, naming);
          if (!problems.contains(problem)) {
            problems.add(problem);
          }
        }
        positions.put(ref, doc.valueAt(cidField));
        fields.put(ref, cidField);
        circuits.add(new Circuit(ref.circuit(), circuitNodes.get(c).path("circuit_name").asText()));
      }
      plants.add(new Plant(plant, plantNodes.get(p).path("plant_name").asText(), circuits));
    }
    return problems.size() == before
        ? new Result(new PlantsCircuits(plants), positions, fields)
        : null;
  }

  private static boolean unique(
      YamlDocument doc,
      String field,
      String kind,
      String id,
      Map<String, Integer> lines,
      Map<String, String> ignoringCase,
      List<ConfigProblem> problems) {
    Position at = doc.valueAt(field);
    Integer firstLine = lines.get(id);
    String sameIgnoringCase = ignoringCase.get(id.toLowerCase(Locale.ROOT));
    if (firstLine != null) {
      problems.add(
          new ConfigProblem(
              doc.file(),
              at.line(),
              at.column(),
              field,
              ConfigErrors.duplicateId(kind, id, firstLine)));
      return false;
    }
    if (sameIgnoringCase != null) {
      problems.add(
          new ConfigProblem(
              doc.file(),
              at.line(),
              at.column(),
              field,
              ConfigErrors.duplicateIdIgnoringCase(
                  kind, id, sameIgnoringCase, lines.get(sameIgnoringCase))));
      return false;
    }
    lines.put(id, at.line());
    ignoringCase.put(id.toLowerCase(Locale.ROOT), id);
    return true;
  }
}
