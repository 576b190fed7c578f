package io.mlops4j.monitoring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.monitoring.Alert;
import io.mlops4j.monitoring.AlertSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Appends alerts to a JSON-lines file, skipping keys already in it. */
public final class JsonLinesSink implements AlertSink {
  private final Path file;

  /**
   * Creates the sink.
   *
   * @param file the file
   */
  public JsonLinesSink(Path file) {
    this.file = file;
  }

  @Override
  public synchronized boolean send(Alert alert) throws IOException {
    if (keys().contains(alert.dedupKey())) {
      return false;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file,
        AlertPayloads.generic(alert) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return true;
  }

  private Set<String> keys() throws IOException {
    Set<String> keys = new HashSet<>();
    if (!Files.exists(file)) {
      return keys;
    }
    ObjectMapper mapper = new ObjectMapper();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode key;
      try {
        key = mapper.readTree(line).get("dedup_key");
      } catch (JsonProcessingException e) {
        throw new IOException(
            MonitoringErrors.badAlertLine(file, i + 1, e.getOriginalMessage()), e);
      }
      if (key != null) {
        keys.add(key.asText());
      }
    }
    return keys;
  }
}
