package io.mlops4j.data.internal;

import io.mlops4j.data.SensorRows;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * SHA-256 fingerprints of sensor rows: the sensor id, the column names, then every row in order
 * (timestamp micros, epoch day, each feature's exact IEEE-754 bits; NaN canonical).
 */
public final class Fingerprints {
  private static final String PREFIX = "sha256:";

  private Fingerprints() {}

  /**
   * Returns the fingerprint of all rows.
   *
   * @param rows rows sorted by timestamp, as the table returns them
   * @return {@code sha256:} and 64 hex digits
   */
  public static String of(SensorRows rows) {
    MessageDigest md = header(rows);
    for (int i = 0; i < rows.size(); i++) {
      row(md, rows, i);
    }
    return PREFIX + HexFormat.of().formatHex(md.digest());
  }

  /**
   * Returns one fingerprint per date.
   *
   * @param rows rows sorted by timestamp
   * @return epoch day to fingerprint, in date order
   */
  public static SortedMap<Integer, String> perDay(SensorRows rows) {
    SortedMap<Integer, MessageDigest> digests = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      row(digests.computeIfAbsent(rows.epochDays()[i], d -> header(rows)), rows, i);
    }
    SortedMap<Integer, String> out = new TreeMap<>();
    digests.forEach((d, md) -> out.put(d, PREFIX + HexFormat.of().formatHex(md.digest())));
    return out;
  }

  private static MessageDigest header(SensorRows rows) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    string(md, "mlops4j-sensor-rows-v1");
    string(md, rows.sensorId());
    md.update(ByteBuffer.allocate(4).putInt(rows.featureColumns().size()).array());
    for (String c : rows.featureColumns()) {
      string(md, c);
    }
    return md;
  }

  private static void row(MessageDigest md, SensorRows rows, int i) {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 * rows.features().length);
    b.putLong(rows.timestampMicros()[i]).putInt(rows.epochDays()[i]);
    for (double[] f : rows.features()) {
      b.putLong(Double.doubleToLongBits(f[i]));
    }
    md.update(b.array());
  }

  private static void string(MessageDigest md, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    md.update(bytes);
  }
}
