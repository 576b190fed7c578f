package io.mlops4j.config;

import io.mlops4j.config.internal.Text;
import java.util.regex.Pattern;

/**
 * The rules every plant and circuit id follows, shared by {@link PlantId} and {@link CircuitId}.
 */
final class Ids {
  /** Letters, digits, '-' and '_', starting and ending with a letter or digit. */
  static final Pattern SAFE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_-]{0,30}[A-Za-z0-9])?");

  static final String RULE =
      "1-32 characters: letters, digits, '-' or '_', starting and ending with a letter or digit";

  private Ids() {}

  static String check(String kind, String value) {
    if (value == null) {
      throw new InvalidIdException(kind + " must not be null");
    }
    if (!SAFE.matcher(value).matches()) {
      throw new InvalidIdException(
          kind + " '" + printable(value) + "' is not a valid id; expected " + RULE);
    }
    return value;
  }

  static String printable(String value) {
    return Text.printable(value);
  }
}
