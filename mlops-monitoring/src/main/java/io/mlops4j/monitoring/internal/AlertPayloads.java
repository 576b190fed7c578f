package io.mlops4j.monitoring.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops4j.monitoring.Alert;
import java.util.Locale;
import java.util.Map;

/** JSON bodies of alerts. */
public final class AlertPayloads {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertPayloads() {}

  /**
   * The alert as one JSON object with snake_case fields.
   *
   * @param alert the alert
   * @return compact JSON
   */
  public static String generic(Alert alert) {
    return object(alert).toString();
  }

  /**
   * The alert's JSON object.
   *
   * @param alert the alert
   * @return the object
   */
  public static ObjectNode object(Alert alert) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rule", alert.rule().name().toLowerCase(Locale.ROOT));
    node.put("severity", alert.severity().name());
    node.put("plant_id", alert.plantId());
    node.put("circuit_id", alert.circuitId());
    node.put("message", alert.message());
    ObjectNode values = node.putObject("values");
    for (Map.Entry<String, Double> value : alert.values().entrySet()) {
      if (Double.isFinite(value.getValue())) {
        values.put(value.getKey(), value.getValue());
      } else {
        values.putNull(value.getKey());
      }
    }
    node.put("raised_at", alert.raisedAt().toString());
    node.put("dedup_key", alert.dedupKey());
    return node;
  }

  /**
   * The alert as a Microsoft Teams incoming-webhook message holding one Adaptive Card.
   *
   * @param alert the alert
   * @return compact JSON
   */
  public static String teamsCard(Alert alert) {
    ObjectNode message = MAPPER.createObjectNode();
    message.put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode body = card.putArray("body");
    ObjectNode title = body.addObject();
    title.put("type", "TextBlock");
    title.put("size", "Medium");
    title.put("weight", "Bolder");
    title.put("color", alert.severity().name().equals("CRITICAL") ? "Attention" : "Warning");
    title.put(
        "text",
        alert.severity()
            + ": "
            + alert.rule().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + (alert.plantId().isEmpty() ? "" : " " + alert.plantId() + "/" + alert.circuitId()));
    ObjectNode text = body.addObject();
    text.put("type", "TextBlock");
    text.put("wrap", true);
    text.put("text", alert.message());
    ObjectNode facts = body.addObject();
    facts.put("type", "FactSet");
    ArrayNode list = facts.putArray("facts");
    fact(list, "plant_id", alert.plantId());
    fact(list, "circuit_id", alert.circuitId());
    fact(list, "rule", alert.rule().name().toLowerCase(Locale.ROOT));
    fact(list, "severity", alert.severity().name());
    for (Map.Entry<String, Double> value : alert.values().entrySet()) {
      fact(list, value.getKey(), String.format(Locale.ROOT, "%.6g", value.getValue()));
    }
    fact(list, "raised_at", alert.raisedAt().toString());
    fact(list, "dedup_key", alert.dedupKey());
    return message.toString();
  }

  private static void fact(ArrayNode facts, String title, String value) {
    ObjectNode fact = facts.addObject();
    fact.put("title", title);
    fact.put("value", value);
  }
}
