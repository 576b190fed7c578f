package io.mlops4j.data;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Every user-facing message of mlops-data, so the wording stays consistent and tests can pin it.
 * User input is echoed through {@link MlopsException#quote(String)}; secrets are never echoed.
 */
final class DataErrors {
  private DataErrors() {}

  // Synthetic sensors

  static String outOfRange(String name, long value, long min, long max) {
    return name
        + " is "
        + value
        + "; expected "
        + (max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max);
  }

  static String dateRange(LocalDate start, int days, LocalDate min, LocalDate max) {
    return "startDate "
        + start
        + " with "
        + days
        + " days is outside the supported dates; days must lie from "
        + min
        + " to "
        + max;
  }

  static String frequencyNotDividingDay(int minutes) {
    return "frequencyMinutes is "
        + minutes
        + ", which does not divide a day (1440 minutes); use a divisor such as 1, 5, 10, 15, 30,"
        + " 60 or 1440";
  }

  static String rateOutOfRange(String name, double value, double max) {
    return name + " is " + value + "; expected 0 to " + max;
  }

  static String invalidSpec(List<String> problems) {
    return "invalid synthetic sensor spec:\n" + String.join("\n", problems);
  }

  static String unknownSyntheticCircuit(CircuitRef circuit, int plants, int circuitsPerPlant) {
    return "circuit "
        + circuit
        + " is not generated; this spec generates plants P001 to "
        + String.format(Locale.ROOT, "P%03d", plants)
        + " with circuits C001 to "
        + String.format(Locale.ROOT, "C%03d", circuitsPerPlant);
  }

  static String syntheticDateOutOfRange(LocalDate date, LocalDate start, LocalDate end) {
    return "date " + date + " is not generated; this spec generates " + start + " to " + end;
  }

  // Safe values

  static String unsafeSensorId(String value) {
    return "sensor id "
        + MlopsException.quote(value)
        + " cannot be written into an MLTable filter expression; "
        + SensorTableColumns.SENSOR_ID_RULE;
  }

  static boolean isControlCharacter(char c) {
    return c < 0x20
        || (c >= 0x7f && c < 0xa0)
        || c == 0x2028
        || c == 0x2029
        || c == 0xfeff
        || c >= 0xfffe;
  }

  static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControlCharacter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
