package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert, as every sink sends it.
 *
 * @param rule the rule that raised it
 * @param severity WARNING or CRITICAL
 * @param plantId the plant, or empty for an alert about no single plant
 * @param circuitId the circuit, or empty for an alert about no single circuit
 * @param message what happened, in one line
 * @param values the numbers behind it (metric or statistic name to value), in insertion order
 * @param raisedAt when it was raised
 * @param dedupKey the same for the same rule, circuit, severity and period, so a repeated run does
 *     not send it twice
 */
public record Alert(
    AlertRule rule,
    Status severity,
    String plantId,
    String circuitId,
    String message,
    Map<String, Double> values,
    Instant raisedAt,
    String dedupKey) {
  /** Checks and copies the fields. */
  public Alert {
    requireNonNull(rule, "rule");
    requireNonNull(severity, "severity");
    requireNonNull(plantId, "plantId");
    requireNonNull(circuitId, "circuitId");
    requireNonNull(message, "message");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    requireNonNull(raisedAt, "raisedAt");
    requireNonNull(dedupKey, "dedupKey");
    if (severity == Status.OK) {
      throw new IllegalArgumentException("an alert is WARNING or CRITICAL, not OK");
    }
  }

  /**
   * Builds the de-duplication key of an alert: the first 16 hex digits of SHA-256 over rule, plant,
   * circuit, severity and the period or job it is about.
   *
   * @param rule the rule
   * @param plantId the plant, or empty
   * @param circuitId the circuit, or empty
   * @param severity the severity
   * @param period what repeats identically on a re-run: {@code 2026-10}, {@code 2026-Q3}, a job id
   * @return the key
   */
  public static String dedupKey(
      AlertRule rule, String plantId, String circuitId, Status severity, String period) {
    String text = String.join("|", rule.name(), plantId, circuitId, severity.name(), period);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
