package io.mlops4j.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.internal.MonitoringErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A model's own metrics on its validation data, recorded at training; the base of relative
 * thresholds. NaN means unknown, and a relative rule on an unknown metric never fires.
 *
 * @param mae validation MAE, or NaN
 * @param rmse validation RMSE, or NaN
 * @param mape validation MAPE as a fraction, or NaN
 */
public record ValidationMetrics(double mae, double rmse, double mape) {
  /** No validation metrics known. */
  public static final ValidationMetrics UNKNOWN =
      new ValidationMetrics(Double.NaN, Double.NaN, Double.NaN);

  /**
   * Reads validation metrics from a model description such as {@code mlops-model.json}, leniently:
   * the first object named {@code validation_metrics}, {@code validationMetrics} or {@code
   * validation} (at any depth) gives {@code mae}, {@code rmse} and {@code mape} (any case); missing
   * or non-numeric fields are unknown.
   *
   * @param file the JSON file
   * @return the metrics found; {@link #UNKNOWN} if the file has none
   * @throws MlopsException if the file cannot be read or is not JSON
   */
  public static ValidationMetrics read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new MlopsException(MonitoringErrors.io("read validation metrics from", file), e);
    }
    JsonNode metrics = find(root);
    if (metrics == null) {
      return UNKNOWN;
    }
    return new ValidationMetrics(
        number(metrics, "mae"), number(metrics, "rmse"), number(metrics, "mape"));
  }

  private static JsonNode find(JsonNode node) {
    if (node == null || !node.isContainerNode()) {
      return null;
    }
    if (node.isObject()) {
      for (String name : new String[] {"validation_metrics", "validationMetrics", "validation"}) {
        JsonNode candidate = node.get(name);
        if (candidate != null && candidate.isObject()) {
          return candidate;
        }
      }
    }
    for (JsonNode child : node) {
      JsonNode found = find(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static double number(JsonNode metrics, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().toLowerCase(Locale.ROOT).equals(name) && field.getValue().isNumber()) {
        return field.getValue().asDouble();
      }
    }
    return Double.NaN;
  }
}
