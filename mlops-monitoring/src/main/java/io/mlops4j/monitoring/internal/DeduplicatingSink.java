package io.mlops4j.monitoring.internal;

import io.mlops4j.monitoring.Alert;
import io.mlops4j.monitoring.AlertSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Sends through a sink only alerts whose key is not in a ledger file. */
public final class DeduplicatingSink implements AlertSink {
  private final AlertSink sink;
  private final Path ledger;

  /**
   * Creates the sink.
   *
   * @param sink where new alerts go
   * @param ledger the keys already sent, one per line
   */
  public DeduplicatingSink(AlertSink sink, Path ledger) {
    this.sink = sink;
    this.ledger = ledger;
  }

  @Override
  public synchronized boolean send(Alert alert) throws IOException {
    if (Files.exists(ledger)
        && Files.readAllLines(ledger, StandardCharsets.UTF_8).contains(alert.dedupKey())) {
      return false;
    }
    boolean sent = sink.send(alert);
    Path parent = ledger.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        ledger,
        alert.dedupKey() + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return sent;
  }
}
