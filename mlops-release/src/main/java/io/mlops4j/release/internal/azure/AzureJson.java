package io.mlops4j.release.internal.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/** JSON of the wire: parsing, writing and the small conversions the mappings share. */
final class AzureJson {
  /** Properties the backend keeps on a version itself (digest, size, source) start with this. */
  static final String RESERVED_PREFIX = "mlops4j.";

  static final String DIGEST = RESERVED_PREFIX + "artifact_digest";
  static final String SIZE = RESERVED_PREFIX + "artifact_size";
  static final String SOURCE = RESERVED_PREFIX + "source";

  private final ObjectMapper mapper = new ObjectMapper();

  ObjectNode object() {
    return mapper.createObjectNode();
  }

  JsonNode parse(String text) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  JsonNode parseOrEmpty(String text) {
    try {
      return text == null || text.isBlank() ? MissingNode.getInstance() : mapper.readTree(text);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  ObjectNode stringMap(Map<String, String> map) {
    ObjectNode node = mapper.createObjectNode();
    new TreeMap<>(map).forEach(node::put);
    return node;
  }

  static Map<String, String> readMap(JsonNode node) {
    Map<String, String> map = new TreeMap<>();
    if (node != null && node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isNull()) {
                  map.put(e.getKey(), e.getValue().asText());
                }
              });
    }
    return map;
  }

  /** The user's properties: the stored ones without the backend's reserved keys. */
  static Map<String, String> userProperties(JsonNode node) {
    Map<String, String> map = readMap(node);
    map.keySet().removeIf(k -> k.startsWith(RESERVED_PREFIX));
    return map;
  }

  static Instant instant(JsonNode resource, String field) {
    String text = resource.path("systemData").path(field).asText("");
    if (text.isEmpty()) {
      return Instant.EPOCH;
    }
    return OffsetDateTime.parse(text).toInstant();
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }

  /** The last segment of an ARM id, or the whole text. */
  static String lastSegment(String id) {
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }

  /** The segment after a given one in an ARM id, such as the name after {@code models}. */
  static String segmentAfter(String id, String segment) {
    String[] parts = id.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equalsIgnoreCase(segment)) {
        return parts[i + 1];
      }
    }
    return "";
  }
}
