package io.mlops4j.release.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.TreeMap;

/** JSON columns of the local store: string maps, written with sorted keys. */
final class Json {
  private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};

  /** Instants are written as ISO-8601 text, as the timestamp columns are. */
  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  String write(Object value) {
    try {
      return mapper.writeValueAsString(value instanceof Map<?, ?> m ? new TreeMap<>(m) : value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON column", e);
    }
  }

  Map<String, String> readMap(String text) {
    try {
      return mapper.readValue(text, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON column: " + e.getOriginalMessage(), e);
    }
  }

  <T> T read(String text, Class<T> type) {
    try {
      return mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON column: " + e.getOriginalMessage(), e);
    }
  }

  ObjectMapper mapper() {
    return mapper;
  }
}
